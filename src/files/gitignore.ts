import {WildPattern, type WildOptions} from './wildmatch.js'

/** What the rules say about one path. */
export interface IgnoreVerdict {
  /** A pattern excludes it (or one of its folders). */
  ignored: boolean
  /** The last pattern matching it is a negation (`!keep.md`): it is explicitly re-included. */
  unignored: boolean
}

/** One line of an ignore file. */
interface IgnoreRule {
  negative: boolean
  /** `build/`: matches folders only. */
  folderOnly: boolean
  /** A pattern without a slash matches a name at any depth; one with a slash, the whole path from the ignore file's folder. */
  byName: boolean
  pattern: WildPattern
}

const nothing: IgnoreVerdict = {ignored: false, unignored: false}

/**
 * Gitignore patterns, parsed as git parses them and matched with
 * {@link WildPattern} (bounded time whatever the pattern) instead of regular
 * expressions that can backtrack without end.
 *
 * Semantics follow `gitignore(5)`: blank lines and `#` comments are skipped,
 * trailing spaces dropped unless escaped, `!` negates, a trailing `/`
 * matches folders only, a slash at the start or in the middle anchors the
 * pattern to the ignore file's folder (otherwise it matches a name at any
 * depth), `**` matches any number of folders, the last matching pattern
 * wins, and a path inside an excluded folder cannot be re-included.
 */
export class GitIgnore {
  private readonly rules: IgnoreRule[] = []
  private readonly options: WildOptions
  /** Verdicts for folders, which every path below them asks for again. */
  private readonly folders = new Map<string, IgnoreVerdict>()

  /**
   * @param ignoreCase Compare without case, as git does where `core.ignorecase` is set (case-insensitive file systems).
   */
  constructor(ignoreCase = false) {
    this.options = {ignoreCase, dot: true, crossingStars: true, unclosedBracket: 'never'}
  }

  /**
   * Add patterns.
   *
   * @param patterns The text of an ignore file, or a list of patterns.
   * @returns This, to chain.
   */
  add(patterns: string | readonly string[]): this {
    const lines = typeof patterns === 'string' ? patterns.replace(/^\uFEFF/, '').split(/\r?\n/) : patterns
    for (const line of lines) {
      const rule = this.parse(line)
      if (rule) this.rules.push(rule)
    }
    this.folders.clear()
    return this
  }

  /**
   * Test a path relative to the ignore file's folder.
   *
   * @param relative Slash-separated path; a trailing `/` marks a folder.
   * @returns Whether it is ignored, or explicitly re-included.
   */
  test(relative: string): IgnoreVerdict {
    const folder = relative.endsWith('/')
    const names = relative.split('/').filter(Boolean)
    if (names.length === 0 || this.rules.length === 0) return nothing
    const folded = this.options.ignoreCase ? names.map((name) => name.toLowerCase()) : names
    // "It is not possible to re-include a file if a parent directory of that file is excluded."
    for (let depth = 1; depth < folded.length; depth++) {
      const key = folded.slice(0, depth).join('/')
      let verdict = this.folders.get(key)
      if (verdict === undefined) {
        verdict = this.verdict(folded.slice(0, depth), true)
        this.folders.set(key, verdict)
      }
      if (verdict.ignored) return verdict
    }
    return this.verdict(folded, folder)
  }

  /**
   * The verdict of the patterns on a path itself, not asking about its
   * folders: for a caller that checks the folders itself, across several
   * ignore files.
   *
   * @param relative Slash-separated path; a trailing `/` marks a folder.
   * @returns Whether it is ignored, or explicitly re-included.
   */
  match(relative: string): IgnoreVerdict {
    const names = relative.split('/').filter(Boolean)
    if (names.length === 0) return nothing
    return this.verdict(this.options.ignoreCase ? names.map((name) => name.toLowerCase()) : names, relative.endsWith('/'))
  }

  /**
   * Whether a path is ignored.
   *
   * @param relative Slash-separated path relative to the patterns' folder; a trailing `/` marks a folder.
   * @returns Whether to leave it out.
   */
  ignores(relative: string): boolean {
    return this.test(relative).ignored
  }

  /**
   * The last rule matching a path decides, ignoring its folders.
   *
   * @param names Path segments, folded.
   * @param folder Whether the path is a folder.
   * @returns The verdict.
   */
  private verdict(names: readonly string[], folder: boolean): IgnoreVerdict {
    const last = names.at(-1) ?? ''
    const whole = names.join('/')
    for (let index = this.rules.length - 1; index >= 0; index--) {
      const rule = this.rules[index]
      if (rule === undefined || (rule.folderOnly && !folder)) continue
      if (rule.pattern.matches(rule.byName ? last : whole)) return {ignored: !rule.negative, unignored: rule.negative}
    }
    return nothing
  }

  /**
   * Parse one line of an ignore file.
   *
   * @param line The line.
   * @returns The rule, or `undefined` for a blank line or a comment.
   */
  private parse(line: string): IgnoreRule | undefined {
    let text = trimTrailingSpaces(line)
    if (text === '' || text.startsWith('#')) return undefined
    let negative = false
    if (text.startsWith('!')) {
      negative = true
      text = text.slice(1)
    }
    let folderOnly = false
    if (text.endsWith('/') && !text.endsWith('\\/')) {
      folderOnly = true
      text = text.replace(/\/+$/, '')
    }
    if (text === '') return undefined
    const byName = !text.includes('/')
    return {negative, folderOnly, byName, pattern: WildPattern.compile(text.replace(/^\//, ''), this.options)}
  }
}

/**
 * Drop trailing spaces, except one escaped with a backslash (`name\ `), as git does.
 *
 * @param line A line.
 * @returns The line without them.
 */
function trimTrailingSpaces(line: string): string {
  let end = line.length
  while (end > 0 && line[end - 1] === ' ') end--
  if (end < line.length) {
    // An odd run of backslashes before the spaces escapes the first of them.
    let slashes = 0
    while (end - slashes - 1 >= 0 && line[end - slashes - 1] === '\\') slashes++
    if (slashes % 2 === 1) end++
  }
  return line.slice(0, end)
}
