import {RE2JS} from 're2js'
import type {LinearPattern, Span} from '../parse/template-code.js'

/**
 * Compile a pattern of config `ignorePatterns` for RE2 (re2js, a port of
 * RE2 to JavaScript): its time is linear in the text whatever the pattern,
 * so a newsroom's `(a+)+$` cannot hang a run as a backtracking engine would.
 * `^` and `$` match at each line's start and end; `.` does not match a line
 * break, so a pattern without `\n` stays on one line.
 *
 * @param source The pattern, in RE2 syntax (JavaScript's without backreferences or lookaround).
 * @returns The compiled pattern.
 * @throws {Error} When RE2 cannot read the pattern; the message says why.
 */
export function compileIgnorePattern(source: string): LinearPattern {
  const pattern = RE2JS.compile(source, RE2JS.MULTILINE)
  return {
    spans(text: string): Span[] {
      const spans: Span[] = []
      const matcher = pattern.matcher(text)
      while (matcher.find()) {
        const start = matcher.start()
        const end = matcher.end()
        if (end > start) spans.push([start, end])
      }
      return spans
    }
  }
}

/**
 * Why RE2 cannot read a pattern, in words for a config error.
 *
 * @param source The pattern.
 * @returns The reason (`missing closing ): \`(a+\``), or `undefined` when the pattern is valid.
 */
export function ignorePatternProblem(source: string): string | undefined {
  try {
    RE2JS.compile(source, RE2JS.MULTILINE)
    return undefined
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    // re2js writes the multi-line flag it was given into the pattern it quotes: `(?m)(a+`.
    return reason.replace(/^error parsing regexp: /, '').replace('`(?m)', '`')
  }
}
