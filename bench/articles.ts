import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

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
