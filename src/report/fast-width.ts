/**
 * A faster column width for vfile-reporter's pretty report.
 *
 * vfile-reporter measures every cell of every row twice with string-width,
 * which splits the text into graphemes and builds its emoji pattern again
 * for each one. A story with 100,000 findings spent longer there than in
 * all the linting (test/bin.test.ts prints such a report). Nearly every cell is printable ASCII
 * (with colour, ASCII between SGR codes), whose width is its length, so
 * those are counted directly and anything else goes to string-width.
 * scripts/bundle.js puts this in front of the string-width vfile-reporter
 * imports, in the bundled CLI.
 */

/** string-width's signature. */
export type MeasureWidth = (text: string, options?: object) => number

/** SGR codes (colour, bold), which vfile-reporter writes and string-width takes as no width. */
const sgrCode = /\u001B\[[\d;]*m/g

/** Text in which every character takes one column. */
const printableAscii = /^[\u0020-\u007E]*$/

/**
 * Wrap a string-width function with a fast path for printable ASCII.
 *
 * @param measure string-width.
 * @returns A function that gives the same widths.
 */
export function withAsciiFastPath(measure: MeasureWidth): MeasureWidth {
  return function (text, options) {
    // Options change what is counted (ANSI codes, ambiguous widths): leave those to string-width.
    if (options === undefined && typeof text === 'string') {
      const plain = text.includes('\u001B') ? text.replace(sgrCode, '') : text
      if (printableAscii.test(plain)) return plain.length
    }
    return measure(text, options)
  }
}
