import type {Span} from './inject.js'
import {templateSpans} from './template-spans.js'
import {copyTokens, type Token} from './tokens.js'

/**
 * The benchmark's own reading of where the prose of a Markdown story is,
 * for counting its words and for choosing words to put slips into: never
 * front matter, code blocks or spans, template code, HTML tags and
 * comments, addresses, link destinations or reference definitions.
 *
 * It errs on the side of leaving text out (every indented line is taken
 * for code), as a slip put into something that is not prose would measure
 * the benchmark, not copydesk.
 */

/** A whitespace-separated token of prose, with the quotes, brackets and punctuation around it taken off. */
export type ProseToken = Token

/** Text that is never prose wherever it is, matched over the whole story. */
const inlineNotProse: readonly RegExp[] = [
  // HTML comments and the elements whose content is code.
  /<!--[\s\S]*?-->/g,
  /<(script|style|pre)\b[\s\S]*?<\/\1\s*>/gi,
  // Code spans: a run of backticks to the next run as long.
  /(`+)[\s\S]*?[^`]\1(?!`)/g,
  // HTML tags, autolinks among them (`<https://…>`).
  /<\/?[A-Za-z][^<>]*>/g,
  // Addresses.
  /\b(?:https?|ftp):\/\/[^\s)>\]]+/g,
  /\bwww\.[^\s)>\]]+/g,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g,
  // Link destinations and titles: `](/a/b "Title")`, one level of nested parentheses.
  /\]\((?:[^()]|\([^()]*\))*\)/g,
  // Reference labels and definitions: `][11]`, `[11]: https://…`.
  /\]\[[^\]\n]*\]/g,
  /^ {0,3}\[[^\]\n]+\]:.*$/gm
]

/**
 * Mark every character of a story that is not prose.
 *
 * @param text Story text.
 * @returns One flag per UTF-16 code unit: 1 where the text is not prose.
 */
export function notProseMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  const mark = (span: Span): void => {
    mask.fill(1, span.start, span.end)
  }
  for (const span of notProseLines(text)) mark(span)
  for (const span of templateSpans(text)) mark(span)
  for (const pattern of inlineNotProse) {
    for (const match of text.matchAll(pattern)) mark({start: match.index, end: match.index + match[0].length})
  }
  return mask
}

/**
 * Find the lines that are not prose: front matter (YAML `---` or TOML
 * `+++`), fenced code blocks, and indented lines (code blocks, and in
 * these archives raw HTML laid out by indent).
 *
 * @param text Story text.
 * @returns Spans of whole lines.
 */
export function notProseLines(text: string): Span[] {
  const spans: Span[] = []
  const lines = linesOf(text)
  let index = 0
  const fence = /^(---|\+\+\+)\s*$/.exec(lines[0]?.text.replace(/^\uFEFF/, '') ?? '')?.[1]
  if (fence) {
    const close = lines.findIndex((line, at) => at > 0 && (line.text.trimEnd() === fence || (fence === '---' && line.text.trimEnd() === '...')))
    if (close !== -1) {
      spans.push({start: 0, end: lines[close]?.end ?? text.length})
      index = close + 1
    }
  }
  let open: {marker: string; start: number} | undefined
  for (; index < lines.length; index++) {
    const line = lines[index] as Line
    if (open) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line.text)?.[1]
      if (closing && closing[0] === open.marker[0] && closing.length >= open.marker.length) {
        spans.push({start: open.start, end: line.end})
        open = undefined
      }
      continue
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line.text)?.[1]
    if (opening) open = {marker: opening, start: line.start}
    else if (/^( {4,}|\t)/.test(line.text)) spans.push({start: line.start, end: line.end})
  }
  // A fence never closed runs to the end, as CommonMark reads it.
  if (open) spans.push({start: open.start, end: text.length})
  return spans
}

/** A line of text, by offsets, its line break left out. */
interface Line {
  text: string
  start: number
  end: number
}

/**
 * Split text into lines with their offsets.
 *
 * @param text Text.
 * @returns Lines.
 */
function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const match of text.matchAll(/\r?\n|\r/g)) {
    lines.push({text: text.slice(start, match.index), start, end: match.index})
    start = match.index + match[0].length
  }
  lines.push({text: text.slice(start), start, end: text.length})
  return lines
}

/**
 * List the prose tokens of a story whose every character is prose:
 * the words a slip may go into.
 *
 * @param text Story text.
 * @param mask Its not-prose mask.
 * @returns Tokens in document order.
 */
export function proseTokens(text: string, mask: Uint8Array = notProseMask(text)): ProseToken[] {
  return copyTokens(text, mask)
}

/**
 * Count the words of prose in a story: whitespace-separated tokens with a
 * letter outside the not-prose text (`[text](https://…)` is one word,
 * `{{< img src="a" >}}` none).
 *
 * @param text Story text.
 * @param mask Its not-prose mask.
 * @returns Word count.
 */
export function proseWordCount(text: string, mask: Uint8Array = notProseMask(text)): number {
  let words = 0
  for (const match of text.matchAll(/\S+/gu)) {
    for (let index = match.index; index < match.index + match[0].length; index++) {
      if (mask[index] === 0 && /\p{L}/u.test(text[index] ?? '')) {
        words++
        break
      }
    }
  }
  return words
}
