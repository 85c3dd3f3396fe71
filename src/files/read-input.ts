import path from 'node:path'
import {buffer} from 'node:stream/consumers'
import {VFile} from 'vfile'
import {type Encoding, decodeInput} from './decode.js'
import {isOwnReport} from './own-reports.js'
import {maxTextBytes, readRegularFile} from './regular-file.js'
import {CopydeskError} from '../errors.js'

/**
 * Make the file copydesk lints from the text of a story.
 *
 * A byte order mark is taken off (and remembered) so that positions are the
 * ones an editor shows: the first word of a file with a BOM is at column 1.
 *
 * @param filePath Path as given, relative to `cwd` or absolute: the format, config lookup and the report go by it.
 * @param value Decoded text.
 * @param cwd Working directory.
 * @returns The file.
 */
export function toInputFile(filePath: string, value: string, cwd: string): VFile {
  const bom = value.startsWith('\uFEFF')
  // As given, with `cwd` beside it: whatever needs the file itself resolves it against `cwd`.
  const file = new VFile({path: filePath, cwd, value: bom ? value.slice(1) : value})
  file.data.bom = bom
  return file
}

/**
 * Read a story from disk.
 *
 * Synchronously: the run has nothing to do until its files are read, and
 * awaiting one read after another left the thread idle between them (the
 * 1,000 files of the CI case of `npm run bench` show it).
 *
 * @param filePath Path as given.
 * @param cwd Working directory.
 * @returns The file.
 * @throws {CopydeskError} Naming the file when it cannot be read, or is not a regular file of at most `maxTextBytes`.
 */
export function readInputFile(filePath: string, cwd: string): VFile {
  // Where it lies was checked when it was found (`discoverFiles`); what it is is checked again as it is opened.
  return fromBytes(filePath, readRegularFile(path.resolve(cwd, filePath), filePath, {maxBytes: maxTextBytes}), cwd)
}

/**
 * Read a story from standard input.
 *
 * @param stream Standard input.
 * @param filePath The name it goes by (`--stdin-filename`).
 * @param cwd Working directory.
 * @returns The file.
 */
export async function readInputStream(
  stream: NodeJS.ReadableStream,
  filePath: string,
  cwd: string
): Promise<VFile> {
  return fromBytes(filePath, await buffer(stream), cwd)
}

/**
 * Make the file copydesk lints from a story's bytes: decoded as UTF-8, or
 * as the encoding it turns out to be in (noted on `file.data.encoding`), or
 * empty and marked binary, to be skipped with a note rather than parsed, or
 * empty when it is copydesk's own HTML report.
 *
 * @param filePath Path as given.
 * @param bytes The story's bytes.
 * @param cwd Working directory.
 * @returns The file.
 * @throws {CopydeskError} Naming the file and line when it is neither binary nor text copydesk can decode.
 */
function fromBytes(filePath: string, bytes: Buffer, cwd: string): VFile {
  const decoded = decodeInput(bytes)
  if (decoded.kind === 'undecodable') {
    const byte = '0x' + decoded.byte.toString(16).toUpperCase().padStart(2, '0')
    const tried = decoded.encoding === 'Windows-1252' ? 'UTF-8 or Windows-1252' : decoded.encoding
    throw new CopydeskError(`cannot be read: not ${tried} text (byte ${byte})`, {file: filePath, line: decoded.line})
  }
  if (decoded.kind === 'binary') {
    const file = toInputFile(filePath, '', cwd)
    file.data.binary = true
    return file
  }
  // copydesk's own HTML report saved among the stories: nothing in it to lint.
  if (isOwnReport(filePath, decoded.value)) {
    const file = toInputFile(filePath, '', cwd)
    file.data.ownReport = true
    return file
  }
  const file = toInputFile(filePath, decoded.value, cwd)
  if (decoded.encoding !== 'UTF-8') file.data.encoding = decoded.encoding
  return file
}

declare module 'vfile' {
  interface DataMap {
    /** Whether the file started with a byte order mark, taken off before linting. */
    bom: boolean
    /** Set when the story is binary: it is skipped with a note, not parsed. */
    binary: boolean
    /** The encoding the story was read as, when it is not UTF-8. */
    encoding: Encoding
    /** Set when the file is a report copydesk wrote (`isOwnReport`): read as empty, so nothing is found in it. */
    ownReport: boolean
  }
}
