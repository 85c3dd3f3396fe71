/**
 * Tests for the ASCII fast paths of per-word code: most words of English
 * copy are ASCII, and settling them by character code avoids a lowercase
 * copy, a normalisation or a Unicode regex for each.
 */

/**
 * Whether a text is ASCII only.
 *
 * @param text Text.
 * @returns Whether every character is below U+0080.
 */
export function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) >= 0x80) return false
  return true
}

/**
 * Whether a character code is an ASCII capital, `A` to `Z`.
 *
 * @param code Character code.
 * @returns Whether it is.
 */
export function isAsciiCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a
}

/**
 * Lowercase an ASCII character code, as `toLowerCase` does.
 *
 * @param code Character code below 0x80.
 * @returns Its lowercase code.
 */
export function asciiLowercase(code: number): number {
  return isAsciiCapital(code) ? code + 0x20 : code
}
