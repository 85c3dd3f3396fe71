import {type Document, LineCounter, parseDocument} from 'yaml'
import {CopydeskError} from '../errors.js'
import {checkConfigShape} from './config-shape.js'

/** A config or style file is small and written by hand: a few aliases are fine, a billion laughs is not. */
const maxAliasCount = 100

/** A YAML file parsed safely, with what is needed to name lines in it. */
export interface SafeYaml {
  document: Document.Parsed
  lineCounter: LineCounter
  /** Its value, aliases expanded (`undefined` for an empty file). */
  value: unknown
}

/**
 * Parse a YAML file a newsroom wrote (a config, a house style) safely: the
 * core schema with no custom tags (a tag YAML does not know is an error,
 * not a warning on standard error), unique keys, a bounded number of
 * aliases, one document and a bounded depth (see `checkConfigShape`).
 *
 * @param text The file's text, without a byte order mark.
 * @param shown The file as the user would name it.
 * @returns The document, its line counter and its value.
 * @throws {CopydeskError} `file:line: invalid YAML: reason`.
 */
export function parseSafeYaml(text: string, shown: string): SafeYaml {
  // One document, not nested deeper than the composer's recursion can take in any thread.
  checkConfigShape(text, shown, {uniqueKeys: false})
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {schema: 'core', customTags: [], lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'silent'})
  const [problem] = [...document.errors, ...document.warnings]
  if (problem) {
    const reason = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? problem.message
    throw new CopydeskError(`invalid YAML: ${reason}`, {file: shown, line: problem.linePos?.[0].line}, problem)
  }
  try {
    // Aliases are expanded only here, so the bound applies to the whole file.
    return {document, lineCounter, value: document.toJS({maxAliasCount}) as unknown}
  } catch (error) {
    throw new CopydeskError(`invalid YAML: ${(error as Error).message}`, {file: shown}, error)
  }
}
