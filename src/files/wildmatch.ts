/**
 * Glob matching that cannot run away.
 *
 * Glob libraries turn patterns into regular expressions, and a pattern with
 * many stars (`*a*a*a…b`) or many `**` segments (`**\/a/**\/a/…`) then
 * backtracks exponentially against a long name or a deep path: one
 * `.gitignore` line could hang a CI job. Here a pattern becomes a small
 * automaton that is run over the path one character at a time, keeping the
 * set of pattern positions reachable so far (as grep and RE2 do): time is at
 * most path length × pattern length, whatever the pattern, and the state
 * after a folder's path says whether anything below it can still match.
 */

/** One character class, `[a-z]`, `[!.]`, `[[:digit:]]`. */
interface CharClass {
  negated: boolean
  /** Inclusive code-unit ranges (a single character is a range of one). */
  ranges: Array<[number, number]>
  /** POSIX class names (`alpha`, `digit` …). */
  named: string[]
}

/**
 * A pattern element: a literal code unit; `?`; `*` (within a name); a
 * class; `cross`, `**` inside a name (`a**b`), which git lets run across
 * slashes; `folders`, a whole `**` segment followed by `/` (no folders or
 * any number); `one`, any single character (for a trailing `/**`).
 */
type Token = number | 'any' | 'star' | 'cross' | 'folders' | 'one' | CharClass

/** How a pattern is read and matched. */
export interface WildOptions {
  /** Compare letters without case. */
  ignoreCase: boolean
  /**
   * Whether wildcards may match a name starting with `.`: gitignore says yes,
   * command-line globs (like a shell) say no.
   */
  dot: boolean
  /**
   * Whether `**` inside a name (`a**b`) crosses slashes, as in git, or is a
   * plain `*`, as in shells and picomatch.
   */
  crossingStars: boolean
  /**
   * What an unclosed `[` means: gitignore makes the whole pattern match
   * nothing (git's wildmatch gives up), command-line globs read it literally.
   */
  unclosedBracket: 'never' | 'literal'
}

/** The code of `/`. */
const slash = 47
/** The code of `.`. */
const dot = 46

/**
 * A compiled pattern. States are a bit per position: position `2i` is
 * "before token `i`", `2i + 1` is "inside token `i`" (used by `folders`,
 * which has to end at a slash).
 */
export class WildPattern {
  private readonly tokens: readonly Token[]
  private readonly options: WildOptions
  private readonly never: boolean
  /** The text a pattern without wildcards stands for: compared directly, the common case. */
  private readonly literal: string | undefined

  /**
   * @param tokens Tokens.
   * @param options Match options.
   * @param never Whether the pattern can match nothing (git's verdict on a broken pattern).
   */
  private constructor(tokens: readonly Token[], options: WildOptions, never: boolean) {
    this.tokens = tokens
    this.options = options
    this.never = never
    this.literal = tokens.every((token) => typeof token === 'number') ? String.fromCharCode(...(tokens as number[])) : undefined
  }

  /**
   * Compile a slash-separated pattern.
   *
   * @param pattern The pattern, escapes and all, without a leading slash.
   * @param options How to read it.
   * @returns The compiled pattern.
   */
  static compile(pattern: string, options: WildOptions): WildPattern {
    const tokens: Token[] = []
    const parts = pattern.split('/')
    let never = false
    parts.forEach((part, index) => {
      const last = index === parts.length - 1
      if (part === '**') {
        if (!last) {
          tokens.push('folders')
          return
        }
        // A final `**` (`x/**`) matches everything inside: at least one more character, slashes and all.
        tokens.push('one')
        tokens.push('cross')
        return
      }
      if (!compileName(part, options, tokens)) never = true
      if (!last) tokens.push(slash)
    })
    return new WildPattern(tokens, options, never)
  }

  /** The state before any character. */
  start(): Uint8Array {
    const states = new Uint8Array(this.tokens.length * 2 + 2)
    if (this.never) return states
    states[0] = 1
    return this.close(states)
  }

  /**
   * Take more characters.
   *
   * @param states Current state (not changed).
   * @param text The characters, folded when case is ignored.
   * @param atNameStart Whether `text` starts a name (the start of the path, or after a `/`).
   * @returns The next state; all zero when nothing can match any more.
   */
  feed(states: Uint8Array, text: string, atNameStart = true): Uint8Array {
    let current = states
    let nameStart = atNameStart
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      current = this.step(current, code, nameStart)
      if (!this.alive(current)) return current
      nameStart = code === slash
    }
    return current
  }

  /**
   * Whether a state has matched the whole pattern.
   *
   * @param states State.
   * @returns Whether it is a match.
   */
  matched(states: Uint8Array): boolean {
    return states[this.tokens.length * 2] === 1
  }

  /**
   * Whether a state can still lead to a match.
   *
   * @param states State.
   * @returns Whether any position is live.
   */
  alive(states: Uint8Array): boolean {
    return states.includes(1)
  }

  /**
   * Whether a whole path matches.
   *
   * @param text The path, slash-separated, folded when case is ignored.
   * @returns Whether it matches.
   */
  matches(text: string): boolean {
    if (this.never) return false
    if (this.literal !== undefined) return this.literal === text
    return this.matched(this.feed(this.start(), text))
  }

  /**
   * Take one character.
   *
   * @param states Current state.
   * @param code The character.
   * @param nameStart Whether it is the first of a name.
   * @returns The next state.
   */
  private step(states: Uint8Array, code: number, nameStart: boolean): Uint8Array {
    const next = new Uint8Array(states.length)
    // A shell glob's wildcards do not match the dot that starts a hidden name.
    const wild = code !== slash && !(nameStart && code === dot && !this.options.dot)
    let any = false
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i]
      if (token === undefined) continue
      if (states[2 * i] === 1) {
        let to = -1
        if (typeof token === 'number') to = token === code ? 2 * i + 2 : -1
        else if (token === 'any') to = wild ? 2 * i + 2 : -1
        else if (token === 'star') to = wild ? 2 * i : -1
        else if (token === 'cross') to = code === slash || wild ? 2 * i : -1
        else if (token === 'one') to = code === slash || wild ? 2 * i + 2 : -1
        else if (token === 'folders') to = wild ? 2 * i + 1 : -1
        else to = wild && classMatches(token, code, this.options.ignoreCase) ? 2 * i + 2 : -1
        if (to !== -1) {
          next[to] = 1
          any = true
        }
      }
      // Inside `**/`: more of the name, or its closing slash, after which another folder or what follows.
      if (states[2 * i + 1] === 1) {
        next[code === slash ? 2 * i : 2 * i + 1] = 1
        any = true
      }
    }
    return any ? this.close(next) : next
  }

  /**
   * Follow the moves that take no character: a star, `**` or `**\/` may match nothing.
   *
   * @param states State, changed in place.
   * @returns The same state.
   */
  private close(states: Uint8Array): Uint8Array {
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i]
      if (states[2 * i] === 1 && (token === 'star' || token === 'cross' || token === 'folders')) states[2 * i + 2] = 1
    }
    return states
  }
}

/**
 * Compile one name of a pattern (text between slashes) onto a token list.
 *
 * @param text The name, escapes and all.
 * @param options How to read it.
 * @param tokens Tokens to add to.
 * @returns Whether it is valid (git refuses an unclosed class and a final lone backslash).
 */
function compileName(text: string, options: WildOptions, tokens: Token[]): boolean {
  let i = 0
  while (i < text.length) {
    const char = text[i] ?? ''
    if (char === '\\') {
      if (i + 1 >= text.length) {
        if (options.unclosedBracket === 'never') return false
        tokens.push(codeOf(char, options))
        i++
        continue
      }
      tokens.push(codeOf(text[i + 1] ?? '', options))
      i += 2
    } else if (char === '*') {
      let end = i
      while (text[end] === '*') end++
      const token = end - i > 1 && options.crossingStars ? 'cross' : 'star'
      // Runs of stars are one: `a***b` is `a*b`, and the automaton stays small.
      if (tokens.at(-1) !== token) tokens.push(token)
      i = end
    } else if (char === '?') {
      tokens.push('any')
      i++
    } else if (char === '[') {
      const parsed = parseClass(text, i, options)
      if (parsed) {
        tokens.push(parsed.token)
        i = parsed.end
      } else if (options.unclosedBracket === 'never') {
        return false
      } else {
        tokens.push(codeOf(char, options))
        i++
      }
    } else {
      tokens.push(codeOf(char, options))
      i++
    }
  }
  return true
}

/**
 * A character's code unit, folded when case is ignored.
 *
 * @param char The character.
 * @param options Case option.
 * @returns Code unit.
 */
function codeOf(char: string, options: WildOptions): number {
  return (options.ignoreCase ? char.toLowerCase() : char).charCodeAt(0)
}

/** POSIX classes git's wildmatch knows. */
const posix: Record<string, (char: string) => boolean> = {
  alnum: (char) => /[\p{L}\p{N}]/u.test(char),
  alpha: (char) => /\p{L}/u.test(char),
  blank: (char) => char === ' ' || char === '\t',
  cntrl: (char) => /\p{Cc}/u.test(char),
  digit: (char) => char >= '0' && char <= '9',
  graph: (char) => char > ' ' && char !== '\u007F',
  lower: (char) => char !== char.toUpperCase(),
  print: (char) => char >= ' ' && char !== '\u007F',
  punct: (char) => /[!-/:-@[-`{-~]/.test(char),
  space: (char) => /\s/.test(char),
  upper: (char) => char !== char.toLowerCase(),
  xdigit: (char) => /[\dA-Fa-f]/.test(char)
}

/**
 * Read a bracket expression starting at `[`.
 *
 * @param text Name text.
 * @param start Index of `[`.
 * @param options Case option.
 * @returns The class and the index after `]`, or `undefined` when it is not closed.
 */
function parseClass(text: string, start: number, options: WildOptions): {token: CharClass; end: number} | undefined {
  const token: CharClass = {negated: false, ranges: [], named: []}
  let i = start + 1
  if (text[i] === '!' || text[i] === '^') {
    token.negated = true
    i++
  }
  let first = true
  while (i < text.length) {
    const char = text[i] ?? ''
    if (char === ']' && !first) return {token, end: i + 1}
    first = false
    if (char === '[' && text[i + 1] === ':') {
      const close = text.indexOf(':]', i + 2)
      const name = close === -1 ? undefined : text.slice(i + 2, close)
      if (name !== undefined && name in posix) {
        token.named.push(name)
        i = close + 2
        continue
      }
    }
    const low = classChar(text, i)
    if (low === undefined) return undefined
    i = low.end
    let high = low.code
    if (text[i] === '-' && i + 1 < text.length && text[i + 1] !== ']') {
      const upper = classChar(text, i + 1)
      if (upper === undefined) return undefined
      high = upper.code
      i = upper.end
    }
    token.ranges.push([low.code, high])
  }
  return undefined
}

/**
 * One character inside a class, escaped or not.
 *
 * @param text Name text.
 * @param index Where it starts.
 * @returns Its code and the index after it, or `undefined` at a final backslash.
 */
function classChar(text: string, index: number): {code: number; end: number} | undefined {
  if (text[index] !== '\\') return {code: text.charCodeAt(index), end: index + 1}
  if (index + 1 >= text.length) return undefined
  return {code: text.charCodeAt(index + 1), end: index + 2}
}

/**
 * Whether a class matches a character.
 *
 * @param token The class.
 * @param code The character's code unit (folded when case is ignored).
 * @param ignoreCase Whether to try the other case too.
 * @returns Whether it matches.
 */
function classMatches(token: CharClass, code: number, ignoreCase: boolean): boolean {
  const char = String.fromCharCode(code)
  const codes = ignoreCase ? [code, char.toUpperCase().charCodeAt(0)] : [code]
  const inside =
    codes.some((one) => token.ranges.some(([low, high]) => one >= low && one <= high)) ||
    token.named.some((name) => posix[name]?.(char) === true)
  return inside !== token.negated
}
