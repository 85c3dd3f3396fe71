import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CorpusSet} from './corpus-set.js'
import {startBenchmark} from './output.js'
import type {SeededOptions} from './seeded-options.js'
import {copyTokens} from './tokens.js'

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The corpora, as the project's README and `../shared` describe them. */
export const corporaFolder = path.resolve(projectRoot, '../shared/corpora')

/** The news articles, as the reports name them. */
export const articlesShown = '../shared/corpora/news-wikinews-2019-2020/articles'

/** The news articles. */
const articlesFolder = path.resolve(projectRoot, articlesShown)

/** A seeded benchmark on the news articles, ready to run. */
export interface ArticlesBenchmark<Options extends SeededOptions> {
  options: Options
  /** The articles folder, read in place. */
  folder: string
  /** Text by file name, as `readArticles` gives it. */
  articles: Map<string, string>
}

/**
 * Start a benchmark that injects errors into the news articles
 * (`bench:accuracy`, `bench:names`): read its options, skip it when the
 * corpora are absent, and read the articles.
 *
 * @param usage The usage line, shown with a bad option.
 * @param read Read the options (`readSeededOptions`, or more).
 * @returns The options and articles, or `undefined` when the benchmark is not to run.
 */
export async function startArticlesBenchmark<Options extends SeededOptions>(
  usage: string,
  read: (args: string[]) => Options
): Promise<ArticlesBenchmark<Options> | undefined> {
  const options = startBenchmark(read, usage, corporaFolder, '../shared/corpora')
  if (!options) return undefined
  return {options, folder: articlesFolder, articles: await readArticles(articlesFolder)}
}

/**
 * Make the accuracy benchmark's development set of the articles: the set
 * its thresholds were set on. An article is plain text, every word copy.
 *
 * @param articles Text by file name, as `readArticles` gives it.
 * @returns The set.
 */
export function developmentSet(articles: Map<string, string>): CorpusSet {
  return {
    id: 'development',
    title: 'development (Wikinews)',
    shown: articlesShown,
    folder: articlesFolder,
    texts: articles,
    units: 'articles',
    words: [...articles.values()].reduce((sum, text) => sum + wordCount(text), 0),
    wordsCounted: 'whitespace tokens',
    tokensOf: (_, text) => copyTokens(text),
    judgedAs: (file) => ({repo: 'wikinews', file})
  }
}

/**
 * Read every article of the corpus.
 *
 * @param folder Articles folder.
 * @returns Text by file name, sorted by file name (so injection choices do not depend on the file system's order).
 */
export async function readArticles(folder: string): Promise<Map<string, string>> {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const texts = await Promise.all(names.map((name) => fs.readFile(path.join(folder, name), 'utf8')))
  return new Map(names.map((name, index) => [name, texts[index] ?? '']))
}

/**
 * Write articles to a fresh temporary folder, use it, and remove it whatever
 * happens: the corpora are read in place and never copied into the project.
 *
 * @param texts Text by file name.
 * @param use What to do with the folder.
 * @returns What `use` gave.
 */
export async function withTemporaryCopies<T>(
  texts: ReadonlyMap<string, string>,
  use: (folder: string) => Promise<T>
): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-'))
  try {
    await Promise.all([...texts].map(([name, text]) => fs.writeFile(path.join(folder, name), text)))
    return await use(folder)
  } finally {
    await fs.rm(folder, {recursive: true, force: true})
  }
}

/**
 * Count words as the corpus's SOURCE.md does: whitespace-separated tokens.
 *
 * @param text Article text.
 * @returns Word count.
 */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((token) => token.length > 0).length
}
