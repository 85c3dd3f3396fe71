/**
 * The benchmarks' one reading of copy as words: whitespace-separated
 * tokens with the quotes, brackets and punctuation around them taken off,
 * each knowing whether its place alone would give it a capital. The plain
 * text of the articles and the prose of the Markdown stories
 * (bench/repo-prose.ts, which masks what is not prose) are read with it, so
 * that injections choose their words the same way in both.
 */

/** A whitespace-separated token of copy, with its wrapping marks taken off. */
export interface Token {
  /** Position among the tokens kept: how far apart two injections are is counted in these. */
  index: number
  word: string
  /** Offset of the word. */
  start: number
  /** Whether it starts a line, a sentence or a quotation, where any word may have a capital. */
  capitalisedByPosition: boolean
}

/** Marks that may wrap a word in running text: `(fire`, `“fire”`, `fire,` all hold the word `fire`. */
const leadingMarks = /^[("'‘“[]+/u
const trailingMarks = /[)"'’”\].,;:!?…]+$/u

/** A mark that ends a sentence, possibly inside closing quotes or brackets: `said.”`, `(sic).` */
const sentenceEnd = /[.!?…]["'’”)\]]*$/u

/**
 * What may stand before the first word of a line and still leave it first:
 * indent, and Markdown's heading, quotation and list markers (`## `, `> `,
 * `- `, `3. `), which plain copy rarely has and which start a line of copy all the same.
 */
const lineOpening = /^[\t ]*(?:(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[\t ]+)*$/u

/**
 * Split copy into tokens, leaving out every token that touches masked text.
 *
 * @param text Copy.
 * @param mask One flag per UTF-16 code unit, 1 where the text is not copy; none for plain text.
 * @returns Tokens in document order, numbered among those kept; the empty words of bare marks left out.
 */
export function copyTokens(text: string, mask?: Uint8Array): Token[] {
  const tokens: Token[] = []
  let previous = ''
  for (const match of text.matchAll(/\S+/gu)) {
    const raw = match[0]
    const before = previous
    previous = raw
    if (mask && mask.subarray(match.index, match.index + raw.length).includes(1)) continue
    const lead = leadingMarks.exec(raw)?.[0].length ?? 0
    const word = raw.slice(lead).replace(trailingMarks, '')
    if (word === '') continue
    const lineStart = lineOpening.test(text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index))
    tokens.push({
      index: tokens.length,
      word,
      start: match.index + lead,
      // "He said: “Moscow ...”": a quotation opens with a capital too.
      capitalisedByPosition: lineStart || sentenceEnd.test(before) || /["“‘]/u.test(raw.slice(0, lead))
    })
  }
  return tokens
}
