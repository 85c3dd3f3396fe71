import {wordCount} from './articles.js'
import {shuffle} from './inject.js'

/** How much text the many-files case holds. */
export interface ManyFilesSize {
  /** Number of files. */
  files: number
  /** Words per file on average (whitespace-separated tokens, as `wordCount` counts them). */
  wordsPerFile: number
}

/**
 * Give articles forever: every article once in a shuffled order, then every
 * article again in a new order, and so on. Reshuffling each pass keeps the
 * files built from the stream different from one another, so no tool can
 * profit from two identical files.
 *
 * @param articles Article texts (at least one).
 * @param random Seeded generator in [0, 1).
 * @yields Article texts.
 * @throws {Error} When there is no article.
 */
export function* articleStream(articles: readonly string[], random: () => number): Generator<string, never> {
  if (articles.length === 0) throw new Error('no articles to build the benchmark inputs from')
  for (;;) yield* shuffle(articles, random)
}

/**
 * Build the many-files case: files made of whole articles, the running total
 * of words kept at `wordsPerFile` per file so far. A file ends with the
 * first article that brings the total to its share, so the whole comes to
 * `files * wordsPerFile` words give or take one article, and an article
 * longer than a share makes a file of its own. Every file holds at least one
 * article.
 *
 * @param articles Article texts.
 * @param size How many files and words.
 * @param random Seeded generator in [0, 1).
 * @returns File texts, articles separated by a blank line.
 */
export function buildManyFiles(articles: readonly string[], size: ManyFilesSize, random: () => number): string[] {
  const stream = articleStream(articles, random)
  const files: string[] = []
  let total = 0
  for (let index = 1; index <= size.files; index++) {
    const parts: string[] = []
    do {
      const article = stream.next().value
      parts.push(article)
      total += wordCount(article)
    } while (total < index * size.wordsPerFile)
    files.push(joinArticles(parts))
  }
  return files
}

/**
 * Build the big-file case: whole articles until the file reaches a size.
 *
 * @param articles Article texts.
 * @param bytes Least size in UTF-8 bytes.
 * @param random Seeded generator in [0, 1).
 * @returns The text, articles separated by a blank line.
 */
export function buildBigFile(articles: readonly string[], bytes: number, random: () => number): string {
  const stream = articleStream(articles, random)
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const article = stream.next().value
    parts.push(article)
    // One byte more for the newline `joinArticles` puts between articles.
    size += Buffer.byteLength(article) + (parts.length > 1 ? 1 : 0)
  }
  return joinArticles(parts)
}

/**
 * Name the files of a case so that they sort in build order and every name
 * is unique across the whole run (the sanity counts look names up in the
 * tools' reports).
 *
 * @param prefix Case name.
 * @param count Number of files.
 * @returns File names.
 */
export function fileNames(prefix: string, count: number): string[] {
  const width = String(count).length
  return Array.from({length: count}, (_, index) => `${prefix}-${String(index + 1).padStart(width, '0')}.txt`)
}

/**
 * Put articles one after another with a blank line between them. The
 * articles end with a line break; one more makes the blank line.
 *
 * @param parts Article texts.
 * @returns One text.
 */
function joinArticles(parts: readonly string[]): string {
  return parts.map((part) => (part.endsWith('\n') ? part : part + '\n')).join('\n')
}
