import {CST, LineCounter, Parser} from 'yaml'
import {CopydeskError} from '../errors.js'

/**
 * How deep a config or house-style file may nest. The deepest setting is a
 * few levels down (`rules` → a rule → its options → a list); what reads
 * the settings (the YAML composer, validation, `JSON.stringify` of a
 * config's settings) walks them by recursion, and a worker thread has a
 * larger stack than the main thread, so a file nested thousands deep
 * failed in one thread as an "internal error" without the file and passed
 * in another. Checked first, without recursion, it is one line naming
 * the file, the same in every thread.
 */
export const maxConfigDepth = 64

/** What to check in a config file's text. */
export interface ShapeChecks {
  /** The field whose value holds the settings (`copydesk` in `package.json`): only it is checked; else the whole file. */
  field?: string | undefined
  /**
   * Whether a key given twice in one mapping is refused. JSON.parse keeps
   * the last one silently, so `{"names": false, "names": true}` would read
   * as a setting the author did not mean; the YAML parser refuses them itself.
   */
  uniqueKeys: boolean
}

/** A CST node: what yaml's parser gives before anything is composed. */
type Token = CST.Token

/**
 * Check a config or house-style file's shape before it is composed into
 * values: one document, nested at most `maxConfigDepth` deep, and (for
 * JSON) no key given twice in one object. yaml's CST parser keeps its own
 * stack, so neither depth nor length can overflow this check; JSON is YAML
 * to it.
 *
 * @param text The file's text, without a byte order mark.
 * @param shown The file as the user would name it.
 * @param checks The field that holds the settings, and whether keys must be unique.
 * @throws {CopydeskError} `file:line: invalid YAML: a second document …`, `file:line:column: nested more than 64 levels deep`, `file:line:column: key \`…\` given twice`.
 */
export function checkConfigShape(text: string, shown: string, checks: ShapeChecks): void {
  const lines = new LineCounter()
  const tokens = [...new Parser(lines.addNewLine).parse(text)]
  const documents = tokens.filter((token) => token.type === 'document')
  const second = documents[1]
  if (second) {
    // `---` then a second document: YAML's parser would read the first alone, silently.
    throw new CopydeskError('invalid YAML: a second document (after `---`): a config file is one document', {file: shown, line: lines.linePos(second.offset).line})
  }
  const document = documents[0]
  if (document?.type !== 'document' || !document.value) return
  let top: Token | undefined = document.value
  if (checks.field !== undefined) {
    top = undefined
    for (const [key, value] of mapEntries(document.value)) {
      if (keyText(key) !== checks.field) continue
      if (top !== undefined && checks.uniqueKeys) throw twice(checks.field, key, shown, lines)
      top = value ?? key
    }
    if (!top) return
  }
  const problem = nestingProblem(top, checks.uniqueKeys, shown, lines)
  if (problem) throw problem
}

/**
 * Whether YAML nests deeper than `maxConfigDepth`: front matter that does
 * is read as broken front matter is, the same in every thread, rather than
 * composed by recursion into a result that hangs on the thread's stack.
 *
 * @param text YAML.
 * @returns Whether some collection in it is deeper.
 */
export function nestsTooDeep(text: string): boolean {
  const lines = new LineCounter()
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if (token.type !== 'document' || !token.value) continue
    if (nestingProblem(token.value, false, '', lines)) return true
  }
  return false
}

/**
 * Find the first place a value nests too deep or gives a key twice, without recursion.
 *
 * @param top The value's token.
 * @param uniqueKeys Whether a key given twice in one mapping is a problem.
 * @param shown The file as the user would name it.
 * @param lines The file's line counter.
 * @returns The problem, if any.
 */
function nestingProblem(top: Token, uniqueKeys: boolean, shown: string, lines: LineCounter): CopydeskError | undefined {
  const stack: Array<[Token, number]> = [[top, 1]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue
    if (depth > maxConfigDepth) {
      const {line, col} = lines.linePos(token.offset)
      return new CopydeskError(`nested more than ${maxConfigDepth} levels deep`, {file: shown, line, column: col})
    }
    const seen = new Set<string>()
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{')
    // Last item first, so that the first problem in the file is the one named.
    for (const item of [...token.items].reverse()) {
      const key = item.key ?? undefined
      if (item.value) stack.push([item.value, depth + 1])
      if (key) stack.push([key, depth + 1])
    }
    if (!uniqueKeys || !isMap) continue
    for (const item of token.items) {
      const key = item.key ?? undefined
      const text = keyText(key)
      if (text === undefined) continue
      if (seen.has(text)) return twice(text, key, shown, lines)
      seen.add(text)
    }
  }
  return undefined
}

/**
 * The keys and values of a mapping's entries.
 *
 * @param token A token.
 * @returns Its entries' key and value tokens; none for a token that is not a mapping.
 */
function mapEntries(token: Token): Array<[Token | undefined, Token | undefined]> {
  if (token.type !== 'block-map' && !(token.type === 'flow-collection' && token.start.source === '{')) return []
  return token.items.map((item) => [item.key ?? undefined, item.value ?? undefined])
}

/**
 * A key's text, as the parsed settings have it.
 *
 * @param key A key token, if any.
 * @returns Its text; `undefined` for no key or one that is not a scalar.
 */
function keyText(key: Token | undefined): string | undefined {
  if (!key || !CST.isScalar(key)) return undefined
  return CST.resolveAsScalar(key)?.value
}

/**
 * The problem of a key given twice.
 *
 * @param text The key.
 * @param key Its second token.
 * @param shown The file as the user would name it.
 * @param lines The file's line counter.
 * @returns The problem, at the second key.
 */
function twice(text: string, key: Token | undefined, shown: string, lines: LineCounter): CopydeskError {
  const {line, col} = lines.linePos(key?.offset ?? 0)
  return new CopydeskError(`key \`${text}\` given twice`, {file: shown, line, column: col})
}
