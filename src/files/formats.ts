import path from 'node:path'

/** The kinds of input copydesk reads; each has its own way to find the prose. */
export type Format = 'text' | 'markdown' | 'html'

/** File extensions (lowercase, with dot) and the format they are read as. */
export const formatByExtension: ReadonlyMap<string, Format> = new Map([
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html']
])

/**
 * Choose the format of a file from its name.
 *
 * Names with an unknown extension, or none, are read as plain text: a wire
 * story saved as `STORY` or `story.wire` is still prose.
 *
 * @param filePath Path or bare name of the file.
 * @returns The format to parse it as.
 */
export function formatOf(filePath: string): Format {
  return formatByExtension.get(path.extname(filePath).toLowerCase()) ?? 'text'
}
