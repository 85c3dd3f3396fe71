import type {z} from 'zod'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {NameEntry} from './across/names-index.js'
import type {Story} from './analyse/story.js'
import type {Settled} from './settle/settle.js'
import {ruleUrl} from './rule-url.js'
import {type Severity, setSeverity} from './severity.js'

/**
 * Checks one story and adds its findings to `findings`: a file of the
 * rule's own, with the story's path and text, so that no rule sees
 * another's findings (which finding wins on a word is settled after every
 * rule has run: see `settleFindings`).
 */
export type Check = (story: Story, findings: VFile) => void | Promise<void>

/** What a rule is, for config validation, documentation and reports. */
export interface RuleMeta {
  /** Stable kebab-case id, equal to the file name and the config key. */
  id: string
  /** One line on what the rule finds. */
  description: string
  /** The options a newsroom may set for it in config, if any (besides `severity`). */
  options?: z.ZodObject | undefined
  /**
   * Lists in `dictionaries/` the rule needs, by option name
   * (`{allowed: 'repeated-words.txt'}`): the rule's setup reads them and passes
   * them as options, since rules never read files.
   */
  data?: Readonly<Record<string, string>> | undefined
}

/** How a rule is switched on for a run. */
export interface RuleSettings<Options> {
  /** Severity for every finding of the rule; without it the rule decides per finding. */
  severity?: Severity | undefined
  /** Options of the rule. */
  options?: Options | undefined
}

/** A rule: its metadata and a way to make its check for given settings. */
export interface Rule<Options = unknown> extends RuleMeta {
  /**
   * Make the check for one run.
   *
   * @param settings Severity and options from config.
   * @returns A check that stamps `ruleId`, `source`, `url` and severity on what it reports.
   */
  create(settings?: RuleSettings<Options>): Check
}

/**
 * Define a rule. The check it makes only has to add messages with a reason,
 * place, `actual` and `expected`; `ruleId`, `source` (`copydesk` unless the
 * message already names a wrapped plugin), `url` and a configured severity
 * are stamped on here so that no rule repeats them.
 *
 * @param meta Id and description.
 * @param create Makes the bare check from the rule's options (and, for a rule that reports after the run, its settings).
 * @returns The rule.
 */
export function defineRule<Options = undefined>(
  meta: RuleMeta,
  create: (options: Options | undefined, settings: RuleSettings<Options>) => Check
): Rule<Options> {
  return {
    ...meta,
    create(settings = {}) {
      const check = create(settings.options, settings)
      const url = ruleUrl(meta.id)
      return async function (story, findings) {
        const before = findings.messages.length
        await check(story, findings)
        for (const message of findings.messages.slice(before)) {
          message.ruleId = meta.id
          message.source ??= 'copydesk'
          message.url = url
          if (settings.severity) setSeverity(message, settings.severity)
        }
      }
    }
  }
}

/**
 * The step of a rule across stories on one story, once the story's
 * findings are settled: note on the story's file (`data`) what the run's
 * end needs from it. It may add stand-in findings (see `markProvisional`)
 * to learn where comment markers turn the rule off.
 */
export type NoteStory = (story: Story, settled: Settled, file: VFile) => void

/** What a rule across stories found at the end of a run. */
export interface AcrossFindings {
  /** Findings per linted story, not yet settled against the story's own (see `settleAcrossFindings`). */
  found: Map<VFile, VFileMessage[]>
  /** Stories of a names index the run did not lint (`--names-in`), with their findings on them. */
  elsewhere: VFile[]
}

/**
 * The step of a rule across stories once the whole run is linted.
 *
 * @param files The run's linted stories, with what the rule noted on each.
 * @param names The run's names index.
 * @returns The findings.
 */
export type ReportRun = (files: readonly VFile[], names: readonly NameEntry[]) => AcrossFindings

/**
 * A rule that looks at many stories (`names-across-files`): it notes what
 * it needs on each story, and reports once the whole run is linted (see
 * `acrossFiles`).
 */
export interface AcrossRule<Options = unknown> extends RuleMeta {
  /** Marks the rule as one across stories. */
  readonly across: true
  /**
   * Make the per-story step for one config.
   *
   * @param settings Severity and options from config.
   * @returns The step.
   */
  create(settings?: RuleSettings<Options>): NoteStory
  /** Report once the whole run is linted. */
  reportRun: ReportRun
}

/** A rule of either kind, as config and the registry hold them. */
export type AnyRule = Rule<unknown> | AcrossRule<unknown>

/**
 * Define a rule across stories.
 *
 * @param meta Id and description.
 * @param create Makes the per-story step from the rule's options and settings.
 * @param reportRun Reports once the whole run is linted.
 * @returns The rule.
 */
export function defineAcrossRule<Options = undefined>(
  meta: RuleMeta,
  create: (options: Options | undefined, settings: RuleSettings<Options>) => NoteStory,
  reportRun: ReportRun
): AcrossRule<Options> {
  return {
    ...meta,
    across: true,
    reportRun,
    create(settings = {}) {
      const note = create(settings.options, settings)
      return function (story, settled, file) {
        const before = file.messages.length
        note(story, settled, file)
        // Stand-ins carry the rule's id, for comment markers to find them.
        for (const message of file.messages.slice(before)) {
          message.ruleId = meta.id
          message.source ??= 'copydesk'
        }
      }
    }
  }
}

/**
 * Whether a rule is one across stories.
 *
 * @param rule A rule.
 * @returns Whether it is.
 */
export function isAcrossRule(rule: AnyRule): rule is AcrossRule<unknown> {
  return 'across' in rule && rule.across === true
}
