/** Where a JSON text stops being JSON, and why. */
export interface JsonSyntaxError {
  /** 1-based line. */
  line: number
  /** What is wrong there, in words (`unexpected \`}\``). */
  reason: string
}

/** A number as JSON writes it. */
const jsonNumber = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * Find the first place a text is not JSON. `JSON.parse` says where it
 * stopped in words that differ from one Node version to the next, and some
 * of its messages give no place at all; this scanner gives the line and a
 * reason that are the same everywhere. It is linear and keeps its own stack,
 * so neither a long nor a deeply nested file can stall or overflow it.
 *
 * @param text The text, without a byte order mark.
 * @returns The error, or `undefined` when the text is JSON.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  /** Open containers: `{` or `[`. */
  const stack: string[] = []
  /** What may come next. */
  let expect: 'value' | 'key' | 'colon' | 'next' | 'end' = 'value'
  /** Whether the container was just opened (it may close at once) or a comma was just read. */
  let opened = false
  let afterComma = false
  let index = 0

  const fail = (at: number, reason: string): JsonSyntaxError => ({line: lineAt(text, at), reason})
  const afterValue = (): 'next' | 'end' => {
    opened = false
    afterComma = false
    return stack.length > 0 ? 'next' : 'end'
  }

  while (true) {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index++
    if (index >= text.length) {
      return expect === 'end' ? undefined : fail(index, stack.length > 0 ? `unexpected end of file: \`${closer(stack.at(-1))}\` missing` : 'unexpected end of file')
    }
    const char = text.charAt(index)

    if (expect === 'end') return fail(index, `unexpected ${shown(char)} after the end of the JSON`)
    if (expect === 'colon') {
      if (char !== ':') return fail(index, `expected \`:\` after the property name, not ${shown(char)}`)
      index++
      expect = 'value'
      continue
    }
    if (expect === 'next') {
      if (char === ',') {
        index++
        expect = stack.at(-1) === '{' ? 'key' : 'value'
        afterComma = true
        continue
      }
      if (char === closer(stack.at(-1))) {
        index++
        stack.pop()
        expect = afterValue()
        continue
      }
      return fail(index, `expected \`,\` or \`${closer(stack.at(-1))}\`, not ${shown(char)}`)
    }
    // A closing bracket where a key or value should be: fine right after the opening one.
    if ((char === '}' || char === ']') && char === closer(stack.at(-1)) && (opened || afterComma)) {
      if (afterComma) return fail(index, `a comma before \`${char}\``)
      index++
      stack.pop()
      expect = afterValue()
      continue
    }
    if (expect === 'key') {
      if (char !== '"') return fail(index, `expected a property name in double quotes, not ${shown(char)}`)
      const end = stringEnd(text, index)
      if (typeof end !== 'number') return fail(end.at, end.reason)
      index = end
      expect = 'colon'
      opened = false
      afterComma = false
      continue
    }

    // A value.
    if (char === '{' || char === '[') {
      stack.push(char)
      index++
      expect = char === '{' ? 'key' : 'value'
      opened = true
      afterComma = false
      continue
    }
    if (char === '"') {
      const end = stringEnd(text, index)
      if (typeof end !== 'number') return fail(end.at, end.reason)
      index = end
      expect = afterValue()
      continue
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, index))
    if (literal) {
      index += literal.length
      expect = afterValue()
      continue
    }
    jsonNumber.lastIndex = index
    if (jsonNumber.test(text)) {
      index = jsonNumber.lastIndex
      expect = afterValue()
      continue
    }
    return fail(index, `unexpected ${shown(char)}`)
  }
}

/**
 * Find the end of a string.
 *
 * @param text The text.
 * @param start Offset of its opening quote.
 * @returns Offset after its closing quote, or what is wrong and where.
 */
function stringEnd(text: string, start: number): number | {at: number; reason: string} {
  let index = start + 1
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 0x22) return index + 1
    if (code < 0x20) return {at: index, reason: 'a line break or control character inside a string (a `"` missing?)'}
    if (code === 0x5c) {
      const escaped = text.charAt(index + 1)
      if (escaped === 'u') {
        if (!/^[\da-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return {at: index, reason: 'a `\\u` escape without four hex digits'}
        index += 6
        continue
      }
      if (!'"\\/bfnrt'.includes(escaped) || escaped === '') return {at: index, reason: `an unknown escape \`\\${escaped}\` in a string`}
      index += 2
      continue
    }
    index++
  }
  return {at: start, reason: 'a string without its closing `"`'}
}

/**
 * The bracket that closes a container.
 *
 * @param opener `{` or `[`.
 * @returns `}` or `]`.
 */
function closer(opener: string | undefined): string {
  return opener === '{' ? '}' : ']'
}

/**
 * A character as a message shows it.
 *
 * @param char The character.
 * @returns It in backticks, or a name for one that would not show.
 */
function shown(char: string): string {
  if (char === '`') return 'a backtick'
  if (char === '\uFEFF') return 'a byte order mark'
  const code = char.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return '`' + char + '`'
}

/**
 * The 1-based line of an offset.
 *
 * @param text The text.
 * @param offset Offset in it.
 * @returns Its line.
 */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}
