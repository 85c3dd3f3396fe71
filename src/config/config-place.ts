import {maxTextBytes, readRegularText} from '../files/regular-file.js'
import {type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
import {isYamlConfig, settingsPath} from './config-files.js'

/** A place in a config file, as Vale and compilers give it. */
export interface ConfigPlace {
  /** 1-based line. */
  line: number
  /** 1-based column. */
  column: number
}

/**
 * Find where a setting is written in a config file, to point a schema
 * error at it (`.copydeskrc.yml:4:3`). The file is read again: schema errors
 * are rare, and the settings reach validation as plain values, without the
 * text they came from. JSON is read with the YAML parser (JSON is YAML), so
 * one walk over its nodes serves `.copydeskrc.json`, `.copydeskrc.yml` and
 * the `copydesk` field of `package.json` alike.
 *
 * @param filePath Absolute path of the config file.
 * @param at Path of the value in the settings (`['rules', 'spelling']`), as zod gives it.
 * @param key A key of the object at `at` to point at instead of the whole object (an unknown key).
 * @returns The place; when the path leaves the file, that of the deepest part it has; `undefined` when the file cannot be read or parsed.
 */
export function configPlace(filePath: string, at: readonly PropertyKey[], key?: string): ConfigPlace | undefined {
  let text: string
  try {
    text = readRegularText(filePath, filePath, {maxBytes: maxTextBytes}).replace(/^\uFEFF/, '')
  } catch {
    return undefined
  }
  const lineCounter = new LineCounter()
  // Keys given twice were refused already (see `checkConfigShape`); were one here, `childNode` finds the last, as JSON.parse keeps it.
  const document = parseDocument(text, {schema: isYamlConfig(filePath) ? 'core' : 'json', lineCounter, uniqueKeys: false, logLevel: 'silent'})
  // A file nested thousands deep parses with errors here even though JSON.parse took it.
  if (document.errors.length > 0) return undefined

  let node: unknown = document.contents
  for (const segment of [...settingsPath(filePath), ...at]) {
    const child = childNode(node, segment, document)
    if (child === undefined) break
    node = child
  }
  if (key !== undefined) node = keyNode(isAlias(node) ? node.resolve(document) : node, key) ?? node
  const range = rangeOf(node)
  if (!range) return undefined
  const {line, col} = lineCounter.linePos(range[0])
  return {line, column: col}
}

/**
 * The node of a value in a mapping or sequence, following aliases to what they name.
 *
 * @param node A node of the document.
 * @param segment A key or an index.
 * @param document The document, to resolve aliases.
 * @returns The value's node, or `undefined` when it is not there.
 */
function childNode(node: unknown, segment: PropertyKey, document: Document): unknown {
  const collection = isAlias(node) ? node.resolve(document) : node
  if (isSeq(collection)) return typeof segment === 'number' ? collection.items[segment] : undefined
  if (!isMap(collection)) return undefined
  const pair = collection.items.findLast((candidate) => keyText(candidate.key) === String(segment))
  // "rules:" with nothing after it: the key is what there is to point at.
  return isEmptyNode(pair?.value) ? pair?.key : pair?.value
}

/**
 * Whether a value is not written at all (`rules:`).
 *
 * @param node A value node, if any.
 * @returns Whether it is missing or has no text.
 */
function isEmptyNode(node: unknown): boolean {
  const range = rangeOf(node)
  return !range || range[0] === range[1]
}

/**
 * The offsets of a node's text.
 *
 * @param node A node, or anything.
 * @returns Its `[start, valueEnd, nodeEnd]`, or `undefined` when it has none.
 */
function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return (node as {range?: [number, number, number] | null} | null | undefined)?.range ?? undefined
}

/**
 * The node of a key in a mapping (the last one, as JSON.parse keeps the last).
 *
 * @param node A node of the document.
 * @param key The key.
 * @returns Its node, or `undefined` when the mapping has no such key.
 */
function keyNode(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined
  return node.items.findLast((pair) => keyText(pair.key) === key)?.key ?? undefined
}

/**
 * A key as the parsed settings have it: `1: x` and `"1": x` are both `"1"`.
 *
 * @param key A key node.
 * @returns Its text; `undefined` for a key that is not a scalar.
 */
function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined
}
