/**
 * copydesk on real site repositories, as a newsroom would meet it: the
 * repositories of `../shared/repos` (Markdown stories with front matter and
 * template code), read in place. For each it measures, with the command a
 * user types (`node bin/copydesk.js --no-config --format json .`):
 *
 * 1. errors per 1,000 words of prose, and findings by rule and severity;
 * 2. findings inside template code, by the benchmark's own scanner
 *    (bench/template-spans.ts): there must be none;
 * 3. recall at `error` and first-suggestion accuracy on keyboard slips put
 *    into prose lines of temporary copies (seeded; at most two a story,
 *    one a line, 500 a repository);
 * 4. errors before and after `copydesk init` (in a temporary copy);
 * 5. the fixes `--fix-dry-run` would make, with the verdicts on them kept
 *    in bench/judged/repos-fixes.tsv;
 * 6. precision at `error` over a fixed sample of errors judged by hand,
 *    the verdicts kept in bench/judged/repos-errors.tsv.
 *
 * Run with `npm run bench:repos` (`-- --json` for a JSON object on standard
 * output, `--repos 18f-blog` for some repositories, `--seed N` for other
 * slips, `--sample N` for another sample size, `--copydesk PATH` to run
 * another build's `bin/copydesk.js`, `--write-unjudged` to add the sampled
 * errors and the fixes without a verdict to the verdicts files). It is a benchmark, not a
 * test: CI does not run it, and it skips when `../shared/repos` is absent.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {type Severity, severities} from '../src/severity.js'
import {type Fix, fixesInDiff} from './fix-diff.js'
import {groupBy} from './group-by.js'
import {type Injection, mulberry32, shuffle} from './inject.js'
import {countBySeverity, type Finding, type InjectionOutcome, matchInjections, ratio} from './measure.js'
import {printResult, startBenchmark} from './output.js'
import {notProseMask, proseWordCount} from './repo-prose.js'
import {slipStory, type SlipSources} from './repo-inject.js'
import {jsonFindings, ownConfig, readRepository, runCopydesk, storyPattern, withRepositoryCopy} from './repo-runs.js'
import {readRepoOptions, type RepoOptions, reproduceRepoCommand} from './repos-options.js'
import {type RepoResult, renderRepoReport, type ReposResult, type TemplateFinding} from './repos-report.js'
import {defaultSeed} from './seeded-options.js'
import {reposFolder, reposShown} from './site-stories.js'
import {templatePlace, templateSpans} from './template-spans.js'
import {formatFixVerdicts, type FixRow, judgeFixes, parseFixVerdicts, withUnjudgedFixes} from './fix-verdicts.js'
import {readIfThere, writeAtomically} from './text-files.js'
import {formatVerdicts, type JudgedRow, judgedPrecision, parseVerdicts, sampleErrors, withUnjudged} from './verdicts.js'
import {commonWords, dictionaryChecker} from './words.js'

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The verdicts files, in the project: on sampled errors, and on fixes. */
const verdictsShown = 'bench/judged/repos-errors.tsv'
const verdictsFile = path.join(projectRoot, verdictsShown)
const fixVerdictsShown = 'bench/judged/repos-fixes.tsv'
const fixVerdictsFile = path.join(projectRoot, fixVerdictsShown)

/** The sample is drawn with a seed of its own, so that `--seed` (other slips) keeps the verdicts matched. */
const sampleSeed = defaultSeed

/**
 * Most slips per story: two, on different lines, gives a few hundred slips
 * in an archive whose stories are often a few paragraphs (or front matter
 * alone, pointing elsewhere), and keeps them spread over the stories.
 */
const slipsPerStory = 2

/** Most slips per repository: a few hundred measure recall to a point or two, and leave most stories of a large archive alone. */
const slipsPerRepository = 500

/** Keyboard slips go on the words typed most, as in `bench:accuracy`. */
const commonWordCount = 5000

/** How to call the benchmark. */
const usage =
  'usage: npm run bench:repos -- [--json] [--repos NAME,...] [--seed N] [--sample N] [--copydesk PATH] [--write-unjudged]'

try {
  await main()
} catch (error) {
  // A bad verdicts file or a failed copydesk run: say what, without a stack trace.
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
}

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  const options = startBenchmark(readRepoOptions, usage, reposFolder, reposShown)
  if (!options) return
  const available = (await fs.readdir(reposFolder, {withFileTypes: true}))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const unknown = options.repos.filter((name) => !available.includes(name))
  if (unknown.length > 0) {
    process.stderr.write(`bench: --repos: no repository \`${unknown.join('`, `')}\` in ${reposShown} (there: ${available.join(', ')})\n${usage}\n`)
    process.exitCode = 2
    return
  }
  const bin = path.resolve(options.copydesk ?? path.join(projectRoot, 'bin/copydesk.js'))
  const verdictRows = parseVerdicts(await readIfThere(verdictsFile), verdictsShown)
  const fixRows = parseFixVerdicts(await readIfThere(fixVerdictsFile), fixVerdictsShown)
  const isDictionaryWord = dictionaryChecker()
  const sources: SlipSources = {isDictionaryWord, commonWords: await commonWords(commonWordCount)}

  const repos: RepoResult[] = []
  for (const name of options.repos.length > 0 ? options.repos : available) {
    repos.push(await measureRepository(name, bin, options, sources, {errors: verdictRows, fixes: fixRows}))
  }
  const result: ReposResult = {
    command: reproduceRepoCommand(options),
    copydesk: options.copydesk === undefined ? 'bin/copydesk.js' : bin,
    seed: options.seed,
    verdicts: verdictsShown,
    fixVerdicts: fixVerdictsShown,
    repos
  }
  if (options.writeUnjudged) {
    const rows = withUnjudged(verdictRows, repos.flatMap((repo) => repo.judged.unjudged))
    await writeAtomically(verdictsFile, formatVerdicts(rows))
    progress(`${rows.length - verdictRows.length} errors to judge added to ${verdictsShown}`)
    const newFixRows = withUnjudgedFixes(
      fixRows,
      repos.flatMap((repo) => repo.fixVerdicts.unjudged.map((fix) => ({repo: repo.name, fix})))
    )
    await writeAtomically(fixVerdictsFile, formatFixVerdicts(newFixRows))
    progress(`${newFixRows.length - fixRows.length} fixes to judge added to ${fixVerdictsShown}`)
  }
  printResult(renderRepoReport(result), result, options.json)
}

/**
 * Measure one repository.
 *
 * @param name Folder name in `../shared/repos`.
 * @param bin copydesk's `bin/copydesk.js`.
 * @param options Options.
 * @param sources What slips are made on.
 * @param verdicts Verdicts of the files, on errors and on fixes.
 * @returns Its figures.
 */
async function measureRepository(
  name: string,
  bin: string,
  options: RepoOptions,
  sources: SlipSources,
  verdicts: {errors: readonly JudgedRow[]; fixes: readonly FixRow[]}
): Promise<RepoResult> {
  const folder = path.join(reposFolder, name)
  const texts = await readRepository(folder)
  const stories = [...texts.keys()].filter((file) => storyPattern.test(file))
  const lint = ['--no-config', '--format', 'json', '.']

  progress(`${name}: linting ${stories.length} stories (--no-config)`)
  const baselineRun = await runCopydesk(bin, lint, folder)
  const baseline = jsonFindings(baselineRun.stdout, texts)

  const config = ownConfig(texts)
  let withOwnConfig: RepoResult['ownConfig'] = null
  if (config) {
    progress(`${name}: linting with its own ${config}`)
    const run = await runCopydesk(bin, ['--format', 'json', '.'], folder)
    withOwnConfig = {file: config, findings: countBySeverity(jsonFindings(run.stdout, texts))}
  }

  progress(`${name}: --fix-dry-run`)
  const fixRun = await runCopydesk(bin, ['--no-config', '--fix-dry-run', '.'], folder)
  const fixes: Fix[] = fixesInDiff(fixRun.stdout)

  progress(`${name}: putting slips into copies of the stories and linting them`)
  const slipped = slipRepository(texts, stories, baseline, sources, options.seed)
  const slippedRun = await withRepositoryCopy(slipped.texts, (copy) => runCopydesk(bin, lint, copy))
  const outcomes = matchInjections(slipped.injections, jsonFindings(slippedRun.stdout, slipped.texts))

  progress(`${name}: copydesk init in a copy, then linting with what it wrote`)
  const init = await withRepositoryCopy(texts, async function (copy) {
    const initRun = await runCopydesk(bin, ['init'], copy)
    const after = await runCopydesk(bin, ['--format', 'json', '.'], copy)
    const written = await readRepository(copy)
    return {initRun, findings: jsonFindings(after.stdout, written), seconds: initRun.seconds + after.seconds}
  })

  const errors = baseline.filter((finding) => finding.severity === 'error')
  const judgeable = errors.map((finding) => ({...finding, repo: name}))
  const sample = sampleErrors(judgeable, options.sample, sampleSeed)
  const judged = judgedPrecision(
    sample,
    judgeable,
    verdicts.errors.filter((row) => row.repo === name)
  )
  const mask = new Map(stories.map((file) => [file, notProseMask(texts.get(file) ?? '')]))
  const proseWords = stories.reduce((sum, file) => sum + proseWordCount(texts.get(file) ?? '', mask.get(file)), 0)
  const words = stories.reduce((sum, file) => sum + wordsIn(texts.get(file) ?? ''), 0)
  const found = outcomes.filter((outcome) => outcome.severity === 'error')

  return {
    name,
    path: `${reposShown}/${name}`,
    stories: stories.length,
    words,
    proseWords,
    seconds: {
      lint: baselineRun.seconds,
      fixDryRun: fixRun.seconds,
      slipped: slippedRun.seconds,
      init: init.seconds
    },
    findings: countBySeverity(baseline),
    byRule: byRule(baseline),
    errorsPerThousandProseWords: (errors.length * 1000) / proseWords,
    errorsPerThousandWords: (errors.length * 1000) / words,
    ownConfig: withOwnConfig,
    template: templateFindings(baseline, texts),
    slips: {
      injected: slipped.injections.length,
      stories: new Set(slipped.injections.map((injection) => injection.file)).size,
      perStory: slipsPerStory,
      perRepository: slipsPerRepository,
      recall: ratio(found.length, outcomes.length),
      firstSuggestion: ratio(found.filter((outcome) => outcome.suggestions[0] === outcome.original).length, found.length),
      misses: outcomes.filter((outcome) => outcome.severity !== 'error'),
      wrongFirst: found.filter((outcome) => outcome.suggestions[0] !== outcome.original),
      context: contextOf(outcomes, slipped.texts)
    },
    init: {
      before: errors.length,
      after: init.findings.filter((finding) => finding.severity === 'error').length,
      byRuleAfter: byRule(init.findings),
      note: init.initRun.stdout.trim(),
      leftOut: init.initRun.stderr.split('\n').filter((line) => line.trim() !== '').length
    },
    fixes,
    fixVerdicts: judgeFixes(name, fixes, verdicts.fixes),
    judged: {
      sampleSize: sample.length,
      errors: errors.length,
      ...judged,
      context: Object.fromEntries(judged.unjudged.map((error) => [`${error.file}:${error.line}:${error.column}`, lineAround(texts.get(error.file) ?? '', error.line, error.column)]))
    }
  }
}

/**
 * Put up to `slipsPerStory` slips into stories that have words for them,
 * up to `slipsPerRepository` in all, with one seeded generator: the stories
 * are taken in a seeded order, so that a large archive's slips are spread
 * over all its years rather than its first stories.
 *
 * @param texts Every file of the repository.
 * @param stories Paths of its stories.
 * @param clean Findings of the clean run: words with one are left alone.
 * @param sources What slips are made on.
 * @param seed Generator seed.
 * @returns Every file, the stories changed, and the slips in path order.
 */
function slipRepository(
  texts: ReadonlyMap<string, string>,
  stories: readonly string[],
  clean: readonly Finding[],
  sources: SlipSources,
  seed: number
): {texts: Map<string, string>; injections: Injection[]} {
  const random = mulberry32(seed)
  const cleanByFile = groupBy(clean, (finding) => [finding.file])
  const modified = new Map(texts)
  const injections: Injection[] = []
  for (const file of shuffle(stories, random)) {
    const room = slipsPerRepository - injections.length
    if (room <= 0) break
    const story = slipStory(file, texts.get(file) ?? '', cleanByFile.get(file) ?? [], sources, Math.min(slipsPerStory, room), random)
    modified.set(file, story.text)
    injections.push(...story.injections)
  }
  injections.sort((a, b) => a.file.localeCompare(b.file) || a.offset - b.offset)
  return {texts: modified, injections}
}

/**
 * Sort the findings that start (or end) inside template code into code and
 * the reader text of a tag's arguments.
 *
 * @param findings Findings.
 * @param texts Text by path.
 * @returns Both lists.
 */
function templateFindings(findings: readonly Finding[], texts: ReadonlyMap<string, string>): {code: TemplateFinding[]; readerText: TemplateFinding[]} {
  const result = {code: [] as TemplateFinding[], readerText: [] as TemplateFinding[]}
  for (const [file, list] of groupBy(findings, (finding) => [finding.file])) {
    const spans = templateSpans(texts.get(file) ?? '')
    if (spans.length === 0) continue
    for (const finding of list) {
      const place = templatePlace(spans, finding.start) ?? templatePlace(spans, Math.max(finding.start, finding.end - 1))
      if (!place) continue
      const entry: TemplateFinding = {
        file,
        line: finding.line,
        column: finding.column,
        ruleId: finding.ruleId,
        severity: finding.severity,
        actual: finding.actual,
        context: lineAround(texts.get(file) ?? '', finding.line, finding.column)
      }
      if (place === 'code') result.code.push(entry)
      else result.readerText.push(entry)
    }
  }
  return result
}

/**
 * Count findings by rule and severity.
 *
 * @param findings Findings.
 * @returns Per rule (sorted by errors, then all findings), a count per severity.
 */
function byRule(findings: readonly Finding[]): Array<{rule: string} & Record<Severity, number>> {
  return [...groupBy(findings, (finding) => [finding.ruleId])]
    .map(([rule, list]) => ({rule, ...countBySeverity(list)}))
    .sort((a, b) => b.error - a.error || severities.reduce((sum, s) => sum + b[s] - a[s], 0) || a.rule.localeCompare(b.rule))
}

/**
 * Give the text around each slip, for the report's lists of misses.
 *
 * @param outcomes Slips and what became of them.
 * @param texts Modified text by path.
 * @returns Text around each, by `file:line:column`.
 */
function contextOf(outcomes: readonly InjectionOutcome[], texts: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(
    outcomes
      .filter((outcome) => outcome.severity !== 'error' || outcome.suggestions[0] !== outcome.original)
      .map((outcome) => [
        `${outcome.file}:${outcome.line}:${outcome.column}`,
        lineAround(texts.get(outcome.file) ?? '', outcome.line, outcome.column)
      ])
  )
}

/**
 * Cut a short stretch of a line around a column, for the report (never
 * written into the project).
 *
 * @param text File text.
 * @param line 1-based line.
 * @param column 1-based column.
 * @returns Up to about 50 characters each side, on one line.
 */
function lineAround(text: string, line: number, column: number): string {
  const whole = text.split(/\r?\n|\r/)[line - 1] ?? ''
  const from = Math.max(0, column - 1 - 50)
  const to = Math.min(whole.length, column - 1 + 50)
  return (from > 0 ? '…' : '') + whole.slice(from, to) + (to < whole.length ? '…' : '')
}

/**
 * Count words as the repositories' README does: whitespace-separated tokens of the stories.
 *
 * @param text Story text.
 * @returns Word count.
 */
function wordsIn(text: string): number {
  return text.split(/\s+/u).filter((token) => token.length > 0).length
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
