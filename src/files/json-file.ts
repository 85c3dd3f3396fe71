import fs from 'node:fs'
import {parseDocument} from 'yaml'
import {CopydeskError} from '../errors.js'

/**
 * Read a JSON file copydesk wrote (a baseline, a names index), with the
 * problems a user can make of one as one-line errors: missing, unreadable,
 * or not JSON (with the line where parsing stopped).
 *
 * @param filePath Path of the file.
 * @param shown The path as the user gave it, for messages.
 * @param kind What the file is, for messages (`baseline`, `names index`).
 * @returns The parsed value.
 * @throws {CopydeskError} When the file is missing, unreadable or not JSON.
 */
export function readJsonFile(filePath: string, shown: string, kind: string): unknown {
  let text: string
  try {
    text = fs.readFileSync(filePath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read'
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
