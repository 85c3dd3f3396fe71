import type {Token} from './tokens.js'

/**
 * A body of copy the accuracy benchmark measures on. Wikinews is the
 * development set, the one thresholds were set on; the site stories of
 * `../shared/repos` are held out, never tuned on, so that a threshold that
 * only helps one corpus shows as a gap between the two.
 */
export interface CorpusSet {
  id: 'development' | 'held-out'
  /** As the report's columns name it: `development (Wikinews)`. */
  title: string
  /** Where the copy is, relative to the project root, as the report names it. */
  shown: string
  /** The folder the file names are relative to, read in place. */
  folder: string
  /** Text by file name relative to `folder` (with `/`), in a fixed order. */
  texts: Map<string, string>
  /** What one file is: `articles`, `stories`. */
  units: string
  /** Words of copy, as `wordsCounted` says. */
  words: number
  /** How words are counted: `whitespace tokens`, `words of prose`. */
  wordsCounted: string
  /**
   * The words of a file that may take an injection.
   *
   * @param file File name.
   * @param text Its text.
   * @returns Tokens in document order.
   */
  tokensOf: (file: string, text: string) => Token[]
  /**
   * How the verdicts files name a file (bench/verdicts.ts): its repository, and its path there.
   *
   * @param file File name.
   * @returns Repository and path.
   */
  judgedAs: (file: string) => {repo: string; file: string}
}
