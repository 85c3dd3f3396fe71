import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'

/**
 * Parse plain text as English prose.
 *
 * @param doc The text.
 * @returns Its natural-language tree, positioned in `doc`.
 */
export function parseText(doc: string): Root {
  return new ParseEnglish().parse(doc)
}
