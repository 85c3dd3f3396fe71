/**
 * Precision and recall of copydesk on real copy, on two sets side by side:
 * the development set (the 291 Wikinews articles of `../shared/corpora`,
 * on which the rules and their thresholds were developed) and a held-out
 * set never tuned on (a fixed sample of the Markdown stories of the site
 * repositories in `../shared/repos`; left out when that folder is absent).
 *
 * For each set:
 * 1. Lints the copy as published. Its errors are judged by hand, the
 *    verdicts kept in bench/judged/accuracy-errors.tsv (bench:repos's
 *    verdicts on the same stories count too): false errors per 1,000 words
 *    are the wrong ones and the unjudged, which are listed apart.
 * 2. Puts errors into copies, chosen by a seeded generator: a slip on a
 *    later use of a repeated name, a slip on the first of a name's two
 *    uses (where a fix must not point at the slip), real misspellings from
 *    the misspelling lists (never a misspelling copydesk learns from),
 *    keyboard slips on common words, and keyboard slips on the last letter
 *    of inflected words (`casex` for `cases`). Lints the copies.
 * 3. Scores copydesk at each severity threshold (`error`, `warning` or
 *    worse, any) against the targets of the issues; on the development
 *    set, next to plain retext-spell on the same articles.
 *
 * The figures measure the rules that see one story at a time: findings of
 * `names-across-files`, which compares the stories of the run, are taken
 * out of both runs and its findings on the copy as published are listed
 * apart, for judging (`npm run bench:names` measures that rule).
 *
 * Run with `npm run bench:accuracy` (add `-- --json` for a JSON object on
 * standard output, `-- --seed N` for another choice of injections,
 * `-- --write-unjudged` to add the clean-copy errors without a verdict to
 * the verdicts file). It is a benchmark, not a test: CI does not run it,
 * and it skips when `../shared` is absent. The copy is read in place; the
 * modified copies live in a temporary folder that is removed at the end.
 */
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {lintFiles} from '../src/lint.js'
import {severities} from '../src/severity.js'
import {bundledNames} from '../src/words/names-list.js'
import {commonMisspelling} from '../src/words/common-misspellings.js'
import {editDistance} from '../src/words/edit-distance.js'
import {acrossFilesPairs, splitAcrossFiles} from './across-files.js'
import {corporaFolder, developmentSet, startArticlesBenchmark} from './articles.js'
import {plainRetextSpell} from './baseline.js'
import {falseErrors, judgeable} from './clean-verdicts.js'
import type {CorpusSet} from './corpus-set.js'
import {groupBy} from './group-by.js'
import {type Injection, injectArticle, type InjectionSources, minimumGap, mulberry32, perKind, type Quota} from './inject.js'
import {
  attribute,
  countBySeverity,
  type Finding,
  findingsOf,
  type InjectionOutcome,
  matchInjections,
  perThousandWords,
  score,
  tallyBy,
  topWords
} from './measure.js'
import {loadMisspellings} from './misspellings.js'
import {printResult} from './output.js'
import {withRepositoryCopy} from './repo-runs.js'
import {type BenchResult, renderReport, type SetResult} from './report.js'
import {type AccuracyOptions, readAccuracyOptions, reproduceCommand} from './seeded-options.js'
import {readSiteStories} from './site-stories.js'
import {checkTargets} from './targets.js'
import {readIfThere, writeAtomically} from './text-files.js'
import {formatVerdicts, type JudgedRow, parseVerdicts, withUnjudged} from './verdicts.js'
import {commonWords, dictionaryChecker} from './words.js'

/**
 * Most errors of each kind per article: eight in all, few enough that an
 * article still reads as copy, and some 300 to 600 of each kind over a set.
 */
const quota: Quota = {'name-variant': 2, 'name-first-use': 1, misspelling: 2, 'keyboard-slip': 2, 'inflection-slip': 1}

/** Keyboard slips go on the words typed most: the 5,000 most frequent in SUBTLEX-US. */
const commonWordCount = 5000

/** New errors of the modified run listed by hand-judgeable example. */
const newErrorsListed = 20

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The verdicts on clean-copy errors: this benchmark's, and bench:repos's on the same stories. */
const verdictsShown = 'bench/judged/accuracy-errors.tsv'
const verdictsFile = path.join(projectRoot, verdictsShown)
const reposVerdictsShown = 'bench/judged/repos-errors.tsv'
const reposVerdictsFile = path.join(projectRoot, reposVerdictsShown)

/** How to call the benchmark. */
const usage = 'usage: npm run bench:accuracy -- [--json] [--seed N] [--write-unjudged]'

/** What a run gave, and how long it took. */
interface TimedFindings {
  findings: Finding[]
  seconds: number
}

try {
  await main()
} catch (error) {
  // A bad verdicts file or a failed lint: say what, without a stack trace.
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
}

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  const start = await startArticlesBenchmark(usage, readAccuracyOptions)
  if (!start) return
  const {options, articles} = start
  const verdicts = parseVerdicts(await readIfThere(verdictsFile), verdictsShown)
  const reposVerdicts = parseVerdicts(await readIfThere(reposVerdictsFile), reposVerdictsShown)

  progress('reading the sets')
  const heldOut = await readSiteStories()
  if (!heldOut) progress('../shared/repos not found: the held-out set is left out')
  const sets = [developmentSet(articles), ...(heldOut ? [heldOut] : [])]

  const isDictionaryWord = dictionaryChecker()
  const names = new Set(bundledNames())
  const misspellings = await loadMisspellings(corporaFolder, isDictionaryWord, (word) => commonMisspelling(word) !== undefined)
  const sources: InjectionSources = {
    misspellings: misspellings.index,
    isDictionaryWord,
    commonWords: await commonWords(commonWordCount),
    isListedName: (name) => names.has(name)
  }

  const results: SetResult[] = []
  for (const set of sets) {
    results.push(await measureSet(set, sources, options, [...verdicts, ...reposVerdicts]))
  }

  if (options.writeUnjudged) {
    const rows = withUnjudged(verdicts, results.flatMap((result) => result.falseErrors.unjudged))
    await writeAtomically(verdictsFile, formatVerdicts(rows))
    progress(`${rows.length - verdicts.length} errors to judge added to ${verdictsShown}`)
  }

  const result: BenchResult = {
    command: reproduceCommand('bench:accuracy', options),
    seed: options.seed,
    quota,
    minimumGap,
    sources: {
      misspellingPairs: [...sources.misspellings.values()].reduce((sum, list) => sum + list.length, 0),
      misspelledWords: sources.misspellings.size,
      misspellingsLeftOut: misspellings.leftOut,
      commonWords: sources.commonWords.size
    },
    verdicts: [verdictsShown, reposVerdictsShown],
    sets: results
  }
  printResult(renderReport(result), result, options.json)
}

/**
 * Measure one set: lint it as published, inject errors into copies, lint
 * them, and score.
 *
 * @param set The set.
 * @param sources What injections are drawn from.
 * @param options Command-line options.
 * @param verdicts Verdicts on clean-copy errors.
 * @returns Every figure of the set.
 */
async function measureSet(
  set: CorpusSet,
  sources: InjectionSources,
  options: AccuracyOptions,
  verdicts: readonly JudgedRow[]
): Promise<SetResult> {
  const files = [...set.texts.keys()]
  progress(`${set.title}: linting ${files.length} clean ${set.units}`)
  const cleanRun = await lintSet(files, set.folder)
  const cleanAcrossFiles = splitAcrossFiles(cleanRun.findings)
  const clean = {...cleanRun, findings: cleanAcrossFiles.others}

  progress(`${set.title}: choosing errors to inject`)
  const {texts, injections} = injectSet(set, clean.findings, sources, options.seed)

  progress(`${set.title}: linting the ${set.units} with ${injections.length} injected errors`)
  const modifiedRun = await withRepositoryCopy(texts, (folder) => lintSet(files, folder))
  const modifiedAcrossFiles = splitAcrossFiles(modifiedRun.findings)
  const modified = {...modifiedRun, findings: modifiedAcrossFiles.others}

  // Plain retext-spell reads text: on Markdown it would flag code, addresses and template code, and measure nothing.
  let baseline: SetResult['baseline'] = null
  if (set.id === 'development') {
    progress(`${set.title}: linting both with plain retext-spell`)
    const lint = plainRetextSpell()
    const baselineClean = await timed(() => lint(set.texts))
    const baselineModified = await timed(() => lint(texts))
    const baselineRun = {
      clean: baselineClean.findings,
      modified: baselineModified.findings,
      outcomes: matchInjections(injections, baselineModified.findings)
    }
    baseline = {
      seconds: {clean: baselineClean.seconds, modified: baselineModified.seconds},
      // Every retext-spell message is a finding, so only the loosest threshold means anything.
      scores: score('info', baselineRun, set.words, {suggestions: false})
    }
  }

  const cleanErrors = clean.findings.filter((finding) => finding.severity === 'error')
  const judged = falseErrors(judgeable(set, cleanErrors), verdicts, set.words)
  const cleanCounts = countBySeverity(clean.findings)
  const outcomes = matchInjections(injections, modified.findings)
  const scores = severities.map((threshold) =>
    score(threshold, {clean: clean.findings, modified: modified.findings, outcomes}, set.words, {suggestions: true})
  )
  const errors = attribute(modified.findings, clean.findings, injections, 'error')
  const byKind = groupBy(outcomes, (outcome) => [outcome.kind])

  return {
    id: set.id,
    title: set.title,
    corpus: {
      path: set.shown,
      units: set.units,
      files: set.texts.size,
      words: set.words,
      wordsCounted: set.wordsCounted
    },
    clean: {
      seconds: clean.seconds,
      findings: cleanCounts,
      perThousandWords: perThousandWords(cleanCounts, set.words),
      topErrors: topWords(clean.findings, 'error', 30),
      topWarnings: topWords(clean.findings, 'warning', 20)
    },
    falseErrors: judged,
    injected: {
      seconds: modified.seconds,
      files: new Set(injections.map((injection) => injection.file)).size,
      count: perKind((kind) => byKind.get(kind)?.length ?? 0),
      unknownNames: injections.filter((injection) => injection.kind === 'name-variant' && !injection.originalKnown).length,
      namesInNoList: injections.filter(
        (injection) => (injection.kind === 'name-variant' || injection.kind === 'name-first-use') && !injection.originalListed
      ).length,
      outcomes
    },
    copydesk: {
      scores,
      targets: checkTargets(scores, judged.perThousandWords),
      errors: {
        onInjected: errors.onInjected,
        sameAsClean: errors.sameAsClean,
        other: errors.other.length,
        firstOther: errors.other.slice(0, newErrorsListed)
      },
      byChange: perKind((kind) => tallyBy(byKind.get(kind) ?? [], (outcome) => outcome.origin, 'error')),
      misspellingsByEdits: tallyBy(byKind.get('misspelling') ?? [], (outcome) => [editsLabel(outcome)], 'error')
    },
    acrossFiles: {
      clean: cleanAcrossFiles.acrossFiles.length,
      modified: modifiedAcrossFiles.acrossFiles.length,
      pairs: acrossFilesPairs(cleanAcrossFiles.acrossFiles, set.texts)
    },
    baseline
  }
}

/**
 * Lint files with copydesk's defaults in one call, and time it.
 *
 * @param files File names, relative to the folder.
 * @param folder Folder they are in.
 * @returns Findings, each named by its file name relative to the folder, and seconds.
 * @throws {Error} When copydesk reports a problem or leaves a file out: the figures would be wrong.
 */
async function lintSet(files: readonly string[], folder: string): Promise<TimedFindings> {
  return timed(async function () {
    const result = await lintFiles({inputs: files, cwd: folder, noConfig: true})
    if (result.problems.length > 0) {
      throw new Error('copydesk problems:\n' + result.problems.map((problem) => problem.toLine()).join('\n'))
    }
    if (result.files.length !== files.length) {
      throw new Error(`copydesk linted ${result.files.length} of ${files.length} files`)
    }
    return findingsOf(result.files, folder)
  })
}

/**
 * Run a lint and time it.
 *
 * @param run The lint.
 * @returns Its findings and seconds.
 */
async function timed(run: () => Promise<Finding[]>): Promise<TimedFindings> {
  const started = performance.now()
  const findings = await run()
  return {findings, seconds: (performance.now() - started) / 1000}
}

/**
 * Put errors into every file of a set, with one seeded generator over the
 * files in their order.
 *
 * @param set The set.
 * @param cleanFindings Findings of the clean run: words there are left alone.
 * @param sources Misspellings, dictionary, names lists and common words.
 * @param seed Generator seed.
 * @returns Modified text by file name (every file, changed or not) and the injections.
 */
function injectSet(
  set: CorpusSet,
  cleanFindings: readonly Finding[],
  sources: InjectionSources,
  seed: number
): {texts: Map<string, string>; injections: Injection[]} {
  const random = mulberry32(seed)
  const cleanByFile = groupBy(cleanFindings, (finding) => [finding.file])
  const texts = new Map<string, string>()
  const injections: Injection[] = []
  for (const [name, text] of set.texts) {
    const tokens = set.tokensOf(name, text)
    const article = injectArticle(name, text, tokens, cleanByFile.get(name) ?? [], sources, quota, random)
    texts.set(name, article.text)
    injections.push(...article.injections)
  }
  return {texts, injections}
}

/**
 * How far an injected misspelling is from its word, as a group: 1, 2, 3, or
 * 4 or more edits.
 *
 * @param outcome The injection's outcome.
 * @returns Label.
 */
function editsLabel(outcome: InjectionOutcome): string {
  const edits = editDistance(outcome.injected, outcome.original, 4)
  return edits >= 4 ? '4+ edits' : edits === 1 ? '1 edit' : `${edits} edits`
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
