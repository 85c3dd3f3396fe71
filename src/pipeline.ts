import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import {rules as allRules} from '../rules/index.js'
import {analyseStory, type Story} from './analyse/story.js'
import type {ResolvedConfig} from './config/config.js'
import {type ConfigOptions, StoryConfigs} from './config/story-configs.js'
import {rulesRunFor, type RuleRun} from './config/rule-setup.js'
import {CopydeskError, eachOnce} from './errors.js'
import {problemFromFailure, problemFromStageFailure} from './failures.js'
import {createProcessor} from './parse/processor.js'
import {settleProvisional} from './settle/provisional.js'
import {type Settled, settleFindings} from './settle/settle.js'
import {actualAsWritten} from './settle/source-actual.js'
import {applyMarkers} from './settle/suppress.js'
import {inStage} from './stage.js'

/**
 * The pipeline one story goes through, stage by stage (each stage is a
 * folder of `src/`):
 *
 * ```
 * parse    text | Markdown | HTML → one positioned English tree (retext-english, remark, rehype)
 * analyse  once per story: the spell check (retext-spell, dictionary-en) and the name uses → a Story
 * rules    each rule alone: check(story) → its findings (rules/)
 * settle   which finding wins on a word; the rules across stories note the story; comment markers; `actual` as written
 * ```
 *
 * Before it, `lintFiles` (src/lint.ts) finds, configures and reads the
 * stories (files/, config/) and spreads them over threads (threads/);
 * after it, the rules across stories report on the whole run (across/),
 * and the CLI reports (report/, cli/).
 */

/** Rule ids a comment marker may name: every rule, whether config switches it on or not. */
const ruleIds = allRules.map((rule) => rule.id)

/** What linting one story gave, besides the findings on its file. */
export interface StoryOutcome {
  /** Whether the story is reported: not when a stage before the rules failed, or config `ignore` leaves it out. */
  reported: boolean
  /** Problems on the way: a stage or a rule that failed (the other rules' findings are kept). */
  problems: CopydeskError[]
}

/**
 * Lints stories: one per run and thread, holding what is made once per
 * run (the parser, and each config's rules set up).
 */
export class Pipeline {
  private readonly processor: Processor<Root, Root, Root> = createProcessor().freeze()
  private readonly runs = new Map<ResolvedConfig, RuleRun>()

  /**
   * Lint one story: parse, analyse, run the rules, settle. Its findings
   * are put on the file.
   *
   * @param file The story, its value the text.
   * @param config Its config.
   * @returns Whether it is reported, and the problems met.
   */
  async lintStory(file: VFile, config: ResolvedConfig): Promise<StoryOutcome> {
    // A binary file has no text to lint: it is only noted (see `noteInput`).
    if (file.data.binary) return {reported: true, problems: []}
    const run = this.rulesFor(config)
    let story: Story
    try {
      story = await this.analyse(file, config)
    } catch (error) {
      return {reported: false, problems: [problemFromFailure(error, file.path)]}
    }
    const problems: CopydeskError[] = []
    const settled = settleFindings(await checkStory(story, run, problems))
    file.messages = settled.messages
    noteAcross(story, settled, run, problems)
    try {
      // After settling: a finding turned off by a comment marker still won its word.
      inStage('step `suppress`', () => applyMarkers(story.tree, file, ruleIds))
      inStage('step `provisional`', () => settleProvisional(file))
      inStage('step `source-actual`', () => actualAsWritten(file))
    } catch (error) {
      file.messages = []
      return {reported: false, problems: [...problems, problemFromFailure(error, file.path)]}
    }
    // The nodes a rule found a word in hold the whole sentence, and through
    // it the story's tree: a run of 1,000 stories would keep every tree alive.
    // Set to `undefined`, as a message made without them has it: deleting a
    // property that others follow turns the object into a hash table, which
    // took a run's messages twice the memory.
    for (const message of file.messages) message.ancestors = undefined
    return {reported: true, problems}
  }

  /**
   * Parse and analyse a story: the Story every rule reads.
   *
   * @param file The story, its value the text.
   * @param config Its config (words and dialect for the spell check).
   * @returns The Story.
   * @throws {StageFailure} When parsing or a step of it, or the analysis, fails.
   */
  async analyse(file: VFile, config: ResolvedConfig): Promise<Story> {
    // The parser reads the story's site syntax from its file (front-matter fields, `ignorePatterns`).
    file.data.siteReading = config.siteReading
    const tree = this.parse(file)
    return inStage('analysis', () => analyseStory(file, tree, this.rulesFor(config).analyse))
  }

  /**
   * Parse a story into its English tree, with URLs, `@handles`, `[sic]`
   * and bracketed insertions set aside (see `createProcessor`).
   *
   * @param file The story.
   * @returns The tree.
   */
  private parse(file: VFile): Root {
    return this.processor.runSync(this.processor.parse(file), file)
  }

  /**
   * The rules a config switches on, set up once per config and run.
   *
   * @param config A config.
   * @returns Its rules, set up.
   */
  private rulesFor(config: ResolvedConfig): RuleRun {
    let run = this.runs.get(config)
    if (!run) this.runs.set(config, (run = rulesRunFor(config)))
    return run
  }
}

/**
 * Run each rule on a story alone, into a findings file of its own. A rule
 * that throws costs only its own findings: the failure is a problem naming
 * the rule and the story, and the other rules still run.
 *
 * @param story The story.
 * @param run The rules set up for its config.
 * @param problems Where failures are recorded.
 * @returns Each rule's findings, by rule id.
 */
async function checkStory(story: Story, run: RuleRun, problems: CopydeskError[]): Promise<Map<string, VFile>> {
  const findings = new Map<string, VFile>()
  for (const {ruleId, check} of run.checks) {
    const file = new VFile({path: story.file.path, cwd: story.file.cwd, value: story.file.value})
    try {
      await check(story, file)
      findings.set(ruleId, file)
    } catch (error) {
      problems.push(problemFromStageFailure('rule `' + ruleId + '`', error, story.file.path))
    }
  }
  return findings
}

/**
 * Let the rules across stories note what they need from a settled story.
 * One that throws costs only its own notes and stand-ins.
 *
 * @param story The story.
 * @param settled Its settled findings.
 * @param run The rules set up for its config.
 * @param problems Where failures are recorded.
 */
function noteAcross(story: Story, settled: Settled, run: RuleRun, problems: CopydeskError[]): void {
  const {file} = story
  for (const {ruleId, note} of run.notes) {
    const before = file.messages.length
    try {
      note(story, settled, file)
    } catch (error) {
      file.messages.length = before
      problems.push(problemFromStageFailure('rule `' + ruleId + '`', error, file.path))
    }
  }
}

/** How to lint a set of stories that are already read, on one thread. */
export interface StoriesOptions extends ConfigOptions {
  /** Called once for each story done, for a progress line. */
  onFileDone?: (() => void) | undefined
}

/** What one thread keeps across its share of a run: the configs found, and the parser and rules set up. */
export interface ThreadState {
  configs: StoryConfigs
  pipeline: Pipeline
}

/**
 * A thread's state for a run.
 *
 * @param options Where config comes from.
 * @returns Fresh state.
 */
export function threadState(options: ConfigOptions): ThreadState {
  return {configs: new StoryConfigs(options), pipeline: new Pipeline()}
}

/**
 * Lint stories that are already read, each with the config that applies to
 * it: what the main thread and each worker thread run on their share.
 *
 * @param files The stories, their values set.
 * @param options Where config comes from, and the progress callback.
 * @param state The thread's state, kept across its batches of one run.
 * @returns One outcome per story, in order.
 */
export async function lintStories(
  files: readonly VFile[],
  options: StoriesOptions,
  {configs, pipeline}: ThreadState = threadState(options)
): Promise<StoryOutcome[]> {
  const outcomes: StoryOutcome[] = []
  for (const file of files) {
    let outcome: StoryOutcome
    try {
      const config = configs.forStory(file.path)
      outcome = configs.ignores(config, file.path) ? {reported: false, problems: []} : await pipeline.lintStory(file, config)
    } catch (error) {
      if (!(error instanceof CopydeskError)) throw error
      outcome = {reported: false, problems: [error]}
    }
    outcomes.push(outcome)
    options.onFileDone?.()
  }
  return outcomes
}

/** Stories linted, as a run reports them. */
export interface Gathered {
  /** The stories reported, in order. */
  files: VFile[]
  /** The problems met, each once however many stories share it (a broken config), in the order met. */
  problems: CopydeskError[]
}

/**
 * Gather the outcomes of stories: the reported ones in order, and each
 * problem once.
 *
 * @param files The stories.
 * @param outcomes Their outcomes, in the same order.
 * @returns Reported stories and problems.
 */
export function gatherOutcomes(files: readonly VFile[], outcomes: readonly StoryOutcome[]): Gathered {
  const reported = files.filter((_, index) => outcomes[index]?.reported)
  return {files: reported, problems: eachOnce(outcomes.flatMap((outcome) => outcome.problems))}
}
