import {parseDocument} from 'yaml'
import {CopydeskError} from '../errors.js'
import {FileRefused, maxIndexBytes, readRegularText} from './regular-file.js'

/**
 * Read a JSON file copydesk wrote (a baseline, a names index), with the
 * problems a user can make of one as one-line errors: missing, unreadable,
 * not a regular file (a FIFO, a device), too large, or not JSON (with the
 * line where parsing stopped).
 *
 * @param filePath Path of the file.
 * @param shown The path as the user gave it, for messages.
 * @param kind What the file is, for messages (`baseline`, `names index`).
 * @returns The parsed value.
 * @throws {CopydeskError} When the file is missing, unreadable, not a regular file of at most `maxIndexBytes`, or not JSON.
 */
export function readJsonFile(filePath: string, shown: string, kind: string): unknown {
  let text: string
  try {
    // Named on the command line, so it may lie anywhere; but a FIFO or `/dev/zero` is refused, not read forever.
    text = readRegularText(filePath, shown, {maxBytes: maxIndexBytes})
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error
    const reason = error.kind === 'missing' ? 'not found' : error.kind === 'unreadable' ? 'cannot be read' : error.message
    throw new CopydeskError(`${kind} ${reason}`, {file: shown}, error)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch (error) {
    // JSON.parse does not always say where it stopped; the YAML parser (JSON is YAML) does.
    const line = parseDocument(text, {schema: 'json'}).errors[0]?.linePos?.[0]?.line
    throw new CopydeskError(`invalid JSON in ${kind}`, {file: shown, line}, error)
  }
}
