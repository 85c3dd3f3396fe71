/**
 * Precision and recall of copydesk on real news copy.
 *
 * 1. Lints the 291 Wikinews articles of `../shared/corpora` as published and
 *    reports findings per severity and the most frequent flagged words.
 * 2. Puts real misspellings (Birkbeck, Norvig and Wikipedia lists) into
 *    copies of the articles, lints the copies, and reports recall, precision
 *    of `error` and how often the first suggestions hold the right word.
 *
 * Run with `npm run bench:accuracy` (add `-- --json` for a JSON object on
 * standard output, `-- --seed N` for another choice of injections). The
 * corpora are read in place and never copied into the project; the modified
 * copies live in a temporary folder that is removed at the end.
 */
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import dictionary from 'dictionary-en'
import nspell from 'nspell'
import {lint} from '../src/lint.js'
import {groupBy} from './group-by.js'
import {type Injection, injectMisspellings, mulberry32} from './inject.js'
import {loadMisspellings, type MisspellingIndex} from './misspellings.js'
import {
  countBySeverity,
  errorPrecision,
  type Finding,
  findingsOf,
  matchInjections,
  perThousandWords,
  tally,
  tallyBy,
  topWords
} from './measure.js'
import {type BenchResult, renderReport} from './report.js'

/** Seed of the injection choices: fixed, so that every run measures the same misspellings. */
const defaultSeed = 20_190_104

/** Most misspellings per article: few enough that an article still reads as copy, not as noise. */
const injectionsPerArticle = 5

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The corpora, as the project's README and `../shared` describe them. */
const corporaFolder = path.resolve(projectRoot, '../shared/corpora')

/** The news articles, relative to the corpora folder. */
const articlesPath = 'news-wikinews-2019-2020/articles'

/** How to call the benchmark. */
const usage = 'usage: npm run bench:accuracy -- [--json] [--seed N]'

/** What a lint call gave, and how long it took. */
interface TimedFindings {
  findings: Finding[]
  seconds: number
}

/** Options from the command line. */
interface BenchOptions {
  /** Print a JSON object on standard output (the table goes to standard error). */
  json: boolean
  seed: number
}

await main()

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  let options: BenchOptions
  try {
    options = readOptions(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`)
    process.exitCode = 2
    return
  }
  if (!existsSync(corporaFolder)) {
    process.stdout.write('skipped: ../shared/corpora not found\n')
    return
  }

  const articlesFolder = path.join(corporaFolder, articlesPath)
  const articles = await readArticles(articlesFolder)

  progress(`linting ${articles.size} clean articles`)
  const clean = await lintArticles([...articles.keys()], articlesFolder)

  progress('loading misspelling lists')
  const index = await loadMisspellings(corporaFolder, dictionaryChecker())

  const {texts, injections} = injectCorpus(articles, clean.findings, index, options.seed)
  progress(`linting the articles with ${injections.length} injected misspellings`)
  const modified = await withTemporaryCopies(texts, (folder) => lintArticles([...texts.keys()], folder))

  const result = measure(options, articles, index, clean, modified, injections)
  const report = renderReport(result)
  if (options.json) {
    process.stderr.write(report)
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } else {
    process.stdout.write(report)
  }
}

/**
 * Read the command-line options.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option or a seed that is not a 32-bit unsigned integer.
 */
function readOptions(args: string[]): BenchOptions {
  const {values} = parseArgs({
    args,
    options: {json: {type: 'boolean', default: false}, seed: {type: 'string'}}
  })
  const seed = values.seed === undefined ? defaultSeed : Number(values.seed)
  // mulberry32 keeps 32 bits: larger seeds would silently repeat smaller ones.
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xff_ff_ff_ff) {
    throw new Error(`--seed: expected a whole number from 0 to 4294967295, not \`${values.seed}\``)
  }
  return {json: values.json ?? false, seed}
}

/**
 * Read every article of the corpus.
 *
 * @param folder Articles folder.
 * @returns Text by file name, sorted by file name (so injection choices do not depend on the file system's order).
 */
async function readArticles(folder: string): Promise<Map<string, string>> {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const texts = await Promise.all(names.map((name) => fs.readFile(path.join(folder, name), 'utf8')))
  return new Map(names.map((name, index) => [name, texts[index] ?? '']))
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
  const started = performance.now()
  const result = await lint({inputs: names, cwd: folder, noConfig: true})
  const seconds = (performance.now() - started) / 1000
  if (result.problems.length > 0) {
    throw new Error('copydesk problems:\n' + result.problems.map((problem) => problem.toLine()).join('\n'))
  }
  if (result.files.length !== names.length) {
    throw new Error(`copydesk linted ${result.files.length} of ${names.length} articles`)
  }
  return {findings: findingsOf(result.files), seconds}
}

/**
 * Make a check for correct words with the dictionary copydesk spells with,
 * so that no injected "misspelling" is in fact a word (`their` for `there`).
 *
 * @returns Whether a word is correct according to dictionary-en.
 */
function dictionaryChecker(): (word: string) => boolean {
  // dictionary-en types its data as Uint8Array; nspell's types ask for a Buffer.
  const speller = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  return (word) => speller.correct(word)
}

/**
 * Put misspellings into every article, with one seeded generator over the
 * articles in file-name order.
 *
 * @param articles Text by file name.
 * @param cleanFindings Findings of the clean run: words there are not replaced.
 * @param index Misspellings by correct word.
 * @param seed Generator seed.
 * @returns Modified text by file name (every article, changed or not) and the injections.
 */
function injectCorpus(
  articles: ReadonlyMap<string, string>,
  cleanFindings: readonly Finding[],
  index: MisspellingIndex,
  seed: number
): {texts: Map<string, string>; injections: Injection[]} {
  const random = mulberry32(seed)
  const blocked = groupBy(cleanFindings, (finding) => [finding.file])
  const texts = new Map<string, string>()
  const injections: Injection[] = []
  for (const [name, text] of articles) {
    const article = injectMisspellings(name, text, index, blocked.get(name) ?? [], random, injectionsPerArticle)
    texts.set(name, article.text)
    injections.push(...article.injections)
  }
  return {texts, injections}
}

/**
 * Write articles to a fresh temporary folder, use it, and remove it whatever happens.
 *
 * @param texts Text by file name.
 * @param use What to do with the folder.
 * @returns What `use` gave.
 */
async function withTemporaryCopies<T>(texts: ReadonlyMap<string, string>, use: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-'))
  try {
    await Promise.all([...texts].map(([name, text]) => fs.writeFile(path.join(folder, name), text)))
    return await use(folder)
  } finally {
    await fs.rm(folder, {recursive: true, force: true})
  }
}

/**
 * Compute every figure of the report.
 *
 * @param options Command-line options.
 * @param articles Clean text by file name.
 * @param index Misspellings by correct word.
 * @param clean Clean run.
 * @param modified Run on the modified copies.
 * @param injections Injections.
 * @returns The result.
 */
function measure(
  options: BenchOptions,
  articles: ReadonlyMap<string, string>,
  index: MisspellingIndex,
  clean: TimedFindings,
  modified: TimedFindings,
  injections: readonly Injection[]
): BenchResult {
  const words = [...articles.values()].reduce((sum, text) => sum + wordCount(text), 0)
  const cleanCounts = countBySeverity(clean.findings)
  const outcomes = matchInjections(injections, modified.findings)
  const totals = tally(outcomes)
  const precision = errorPrecision(modified.findings, clean.findings, injections)

  return {
    command: reproduceCommand(options),
    seed: options.seed,
    injectionsPerArticle,
    corpus: {path: path.join('../shared/corpora', articlesPath), articles: articles.size, words},
    clean: {
      seconds: clean.seconds,
      findings: cleanCounts,
      perThousandWords: perThousandWords(cleanCounts, words),
      topErrors: topWords(clean.findings, 'error', 40),
      topWarnings: topWords(clean.findings, 'warning', 20)
    },
    injected: {
      seconds: modified.seconds,
      pairs: [...index.values()].reduce((sum, list) => sum + list.length, 0),
      correctWords: index.size,
      articles: new Set(injections.map((injection) => injection.file)).size,
      totals,
      detectedBySeverity: countBySeverity(outcomes),
      partial: outcomes.filter((outcome) => outcome.partial).length,
      recall: share(totals.detected, totals.injected),
      recallAtError: share(totals.errors, totals.injected),
      errorPrecision: {...precision, precision: share(precision.onInjected, precision.errors)},
      suggestionTop1: share(totals.top1, totals.detected),
      suggestionTop5: share(totals.top5, totals.detected),
      bySource: tallyBy(outcomes, (outcome) => outcome.sources),
      byDistance: tallyBy(outcomes, (outcome) => [outcome.distance >= 3 ? '3+' : String(outcome.distance)]),
      injections: outcomes
    }
  }
}

/**
 * Count words as the corpus's SOURCE.md does: whitespace-separated tokens.
 *
 * @param text Article text.
 * @returns Word count.
 */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter((token) => token.length > 0).length
}

/**
 * Spell out the command that reproduces a run.
 *
 * @param options Options of the run.
 * @returns Command line.
 */
function reproduceCommand(options: BenchOptions): string {
  // `-s` keeps npm's banner off standard output, so that with --json it holds only the JSON.
  const script = options.json ? 'npm run -s bench:accuracy' : 'npm run bench:accuracy'
  const args = [...(options.seed === defaultSeed ? [] : ['--seed', String(options.seed)]), ...(options.json ? ['--json'] : [])]
  return script + (args.length > 0 ? ' -- ' + args.join(' ') : '')
}

/**
 * Divide, giving 0 for an empty whole.
 *
 * @param part Part.
 * @param whole Whole.
 * @returns Share in [0, 1].
 */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
