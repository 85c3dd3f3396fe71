/**
 * Precision and recall of copydesk on real news copy.
 *
 * 1. Lints the 291 Wikinews articles of `../shared/corpora` as published:
 *    every finding there is a false alarm (or one of the few real slips the
 *    corpus kept), listed by frequency for judging by hand.
 * 2. Puts three kinds of error into copies of the articles, chosen by a
 *    seeded generator: a later use of a repeated name changed by one slip or
 *    transliteration change, real misspellings from the misspelling lists,
 *    and keyboard slips on common words. Lints the copies.
 * 3. Scores copydesk at each severity threshold (`error`, `warning` or
 *    worse, any) against the targets of the issue, next to plain
 *    retext-spell on the same articles.
 *
 * The figures measure the rules that see one story at a time: findings of
 * `names-across-files`, which compares the stories of the run, are taken
 * out of both runs and its findings on the articles as published are
 * listed apart, for judging (`npm run bench:names` measures that rule).
 *
 * Run with `npm run bench:accuracy` (add `-- --json` for a JSON object on
 * standard output, `-- --seed N` for another choice of injections). It is a
 * benchmark, not a test: CI does not run it, and it skips when `../shared`
 * is absent. The corpora are read in place; the modified copies live in a
 * temporary folder that is removed at the end.
 */
import process from 'node:process'
import {lintFiles} from '../src/lint.js'
import {severities} from '../src/severity.js'
import {acrossFilesPairs, splitAcrossFiles} from './across-files.js'
import {articlesShown, corporaFolder, startArticlesBenchmark, withTemporaryCopies, wordCount} from './articles.js'
import {plainRetextSpell} from './baseline.js'
import {groupBy} from './group-by.js'
import {type Injection, injectArticle, type InjectionSources, minimumGap, mulberry32, perKind, type Quota} from './inject.js'
import {
  attribute,
  countBySeverity,
  type Finding,
  findingsOf,
  matchInjections,
  perThousandWords,
  score,
  tallyBy,
  topWords
} from './measure.js'
import {loadMisspellings} from './misspellings.js'
import {printResult} from './output.js'
import {type BenchResult, renderReport} from './report.js'
import {checkTargets} from './targets.js'
import {commonWords, dictionaryChecker} from './words.js'
import {reproduceCommand, type SeededOptions} from './seeded-options.js'

/**
 * Most errors of each kind per article: six in all, few enough that an
 * article still reads as copy, and about 500 of each kind over the corpus.
 */
const quota: Quota = {'name-variant': 2, misspelling: 2, 'keyboard-slip': 2}

/** Keyboard slips go on the words typed most: the 5,000 most frequent in SUBTLEX-US. */
const commonWordCount = 5000

/** New errors of the modified run listed by hand-judgeable example. */
const newErrorsListed = 20

/** How to call the benchmark. */
const usage = 'usage: npm run bench:accuracy -- [--json] [--seed N]'

/** What a run gave, and how long it took. */
interface TimedFindings {
  findings: Finding[]
  seconds: number
}

await main()

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  const start = await startArticlesBenchmark(usage)
  if (!start) return
  const {options, folder: articlesFolder, articles} = start
  const baseline = plainRetextSpell()

  progress(`linting ${articles.size} clean articles`)
  const cleanRun = await lintArticles([...articles.keys()], articlesFolder)
  const cleanAcrossFiles = splitAcrossFiles(cleanRun.findings)
  const clean = {...cleanRun, findings: cleanAcrossFiles.others}
  progress('linting them with plain retext-spell')
  const baselineClean = await timed(() => baseline(articles))

  progress('choosing errors to inject')
  const isDictionaryWord = dictionaryChecker()
  const sources: InjectionSources = {
    misspellings: await loadMisspellings(corporaFolder, isDictionaryWord),
    isDictionaryWord,
    commonWords: await commonWords(commonWordCount)
  }
  const {texts, injections} = injectCorpus(articles, clean.findings, sources, options.seed)

  progress(`linting the articles with ${injections.length} injected errors`)
  const modifiedRun = await withTemporaryCopies(texts, (folder) => lintArticles([...texts.keys()], folder))
  const modifiedAcrossFiles = splitAcrossFiles(modifiedRun.findings)
  const modified = {...modifiedRun, findings: modifiedAcrossFiles.others}
  progress('linting them with plain retext-spell')
  const baselineModified = await timed(() => baseline(texts))

  const result: BenchResult = {
    ...measure(options, articles, sources, injections, {clean, modified, baselineClean, baselineModified}),
    acrossFiles: {
      clean: cleanAcrossFiles.acrossFiles.length,
      modified: modifiedAcrossFiles.acrossFiles.length,
      pairs: acrossFilesPairs(cleanAcrossFiles.acrossFiles, articles)
    }
  }
  printResult(renderReport(result), result, options.json)
}

/**
 * Lint articles with copydesk's defaults in one call, and time it.
 *
 * @param names Article file names.
 * @param folder Folder they are in.
 * @returns Findings and seconds.
 * @throws {Error} When copydesk reports a problem or leaves a file out: the figures would be wrong.
 */
async function lintArticles(names: readonly string[], folder: string): Promise<TimedFindings> {
  return timed(async function () {
    const result = await lintFiles({inputs: names, cwd: folder, noConfig: true})
    if (result.problems.length > 0) {
      throw new Error('copydesk problems:\n' + result.problems.map((problem) => problem.toLine()).join('\n'))
    }
    if (result.files.length !== names.length) {
      throw new Error(`copydesk linted ${result.files.length} of ${names.length} articles`)
    }
    return findingsOf(result.files)
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
 * Put errors into every article, with one seeded generator over the
 * articles in file-name order.
 *
 * @param articles Text by file name.
 * @param cleanFindings Findings of the clean run: words there are left alone.
 * @param sources Misspellings, dictionary and common words.
 * @param seed Generator seed.
 * @returns Modified text by file name (every article, changed or not) and the injections.
 */
function injectCorpus(
  articles: ReadonlyMap<string, string>,
  cleanFindings: readonly Finding[],
  sources: InjectionSources,
  seed: number
): {texts: Map<string, string>; injections: Injection[]} {
  const random = mulberry32(seed)
  const cleanByFile = groupBy(cleanFindings, (finding) => [finding.file])
  const texts = new Map<string, string>()
  const injections: Injection[] = []
  for (const [name, text] of articles) {
    const article = injectArticle(name, text, cleanByFile.get(name) ?? [], sources, quota, random)
    texts.set(name, article.text)
    injections.push(...article.injections)
  }
  return {texts, injections}
}

/**
 * Compute every figure of the report.
 *
 * @param options Command-line options.
 * @param articles Clean text by file name.
 * @param sources What the injections were drawn from.
 * @param injections Injections.
 * @param runs copydesk and plain retext-spell on the clean and the modified articles.
 * @returns The result, but for `names-across-files`, which `main` adds.
 */
function measure(
  options: SeededOptions,
  articles: ReadonlyMap<string, string>,
  sources: InjectionSources,
  injections: readonly Injection[],
  runs: {clean: TimedFindings; modified: TimedFindings; baselineClean: TimedFindings; baselineModified: TimedFindings}
): Omit<BenchResult, 'acrossFiles'> {
  const {clean, modified, baselineClean, baselineModified} = runs
  const words = [...articles.values()].reduce((sum, text) => sum + wordCount(text), 0)
  const cleanCounts = countBySeverity(clean.findings)
  const outcomes = matchInjections(injections, modified.findings)
  const copydeskRun = {clean: clean.findings, modified: modified.findings, outcomes}
  const scores = severities.map((threshold) => score(threshold, copydeskRun, words, {suggestions: true}))
  const errors = attribute(modified.findings, clean.findings, injections, 'error')
  const baselineRun = {
    clean: baselineClean.findings,
    modified: baselineModified.findings,
    outcomes: matchInjections(injections, baselineModified.findings)
  }
  const byKind = groupBy(outcomes, (outcome) => [outcome.kind])

  return {
    command: reproduceCommand('bench:accuracy', options),
    seed: options.seed,
    quota,
    minimumGap,
    corpus: {path: articlesShown, articles: articles.size, words},
    clean: {
      seconds: clean.seconds,
      findings: cleanCounts,
      perThousandWords: perThousandWords(cleanCounts, words),
      topErrors: topWords(clean.findings, 'error', 30),
      topWarnings: topWords(clean.findings, 'warning', 20)
    },
    injected: {
      seconds: modified.seconds,
      misspellingPairs: [...sources.misspellings.values()].reduce((sum, list) => sum + list.length, 0),
      misspelledWords: sources.misspellings.size,
      commonWords: sources.commonWords.size,
      articles: new Set(injections.map((injection) => injection.file)).size,
      count: perKind((kind) => byKind.get(kind)?.length ?? 0),
      unknownNames: injections.filter((injection) => injection.kind === 'name-variant' && !injection.originalKnown).length,
      outcomes
    },
    copydesk: {
      scores,
      targets: checkTargets(scores),
      errors: {
        onInjected: errors.onInjected,
        sameAsClean: errors.sameAsClean,
        other: errors.other.length,
        firstOther: errors.other.slice(0, newErrorsListed)
      },
      byChange: perKind((kind) => tallyBy(byKind.get(kind) ?? [], (outcome) => outcome.origin, 'error'))
    },
    baseline: {
      seconds: {clean: baselineClean.seconds, modified: baselineModified.seconds},
      // Every retext-spell message is a finding, so only the loosest threshold means anything.
      scores: score('info', baselineRun, words, {suggestions: false})
    }
  }
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
