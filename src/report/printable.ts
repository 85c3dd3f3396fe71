/**
 * Characters a terminal acts on or that change how a line reads: C0 and
 * C1 controls (ESC starts the sequences that move the cursor, recolour,
 * retitle the window or write links), DEL, and the bidirectional controls
 * that show a name reversed (`\u202E`). A file name can hold any of them,
 * and a repository's file names come from whoever opens a pull request.
 */
const unprintable = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text safe to print on a terminal: each control character, bidirectional
 * control and lone surrogate written as an escape (`\x1B`, `\u202E`), so
 * that `\x1B]8;;https://…` in a file name is shown, not obeyed.
 *
 * @param text A file name, or a line that holds one.
 * @returns The text, escaped where it needs to be.
 */
export function printable(text: string): string {
  unprintable.lastIndex = 0
  if (!unprintable.test(text)) return text
  return text.replace(unprintable, (character) => {
    const code = character.charCodeAt(0)
    return code < 0x100 ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : '\\u' + code.toString(16).toUpperCase().padStart(4, '0')
  })
}

/**
 * Text without lone surrogates, each made U+FFFD, as `String#toWellFormed`
 * does (Node 20 has it, TypeScript's library here does not): what
 * `encodeURIComponent` takes without throwing "URI malformed". A path in
 * a names index is read from JSON, where `"\uD800"` is valid.
 *
 * @param text Any text.
 * @returns Well-formed text.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}
