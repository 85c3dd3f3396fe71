import fs from 'node:fs'
import path from 'node:path'
import {text} from 'node:stream/consumers'
import {VFile} from 'vfile'
import {CopydeskError} from './errors.js'

/**
 * Make the file copydesk lints from the text of a story.
 *
 * A byte order mark is taken off (and remembered) so that positions are the
 * ones an editor shows: the first word of a file with a BOM is at column 1.
 *
 * @param filePath Path as given (used for the format, config lookup and the report).
 * @param value Decoded text.
 * @param cwd Working directory.
 * @returns The file.
 */
export function toInputFile(filePath: string, value: string, cwd: string): VFile {
  const bom = value.startsWith('\uFEFF')
  // Absolute, so that config lookup does not depend on the process's own folder;
  // the path as given is put back for the report (see `lintFiles`).
  const file = new VFile({path: path.resolve(cwd, filePath), cwd, value: bom ? value.slice(1) : value})
  file.data.bom = bom
  file.data.givenPath = filePath
  return file
}

/**
 * Read a story from disk.
 *
 * Synchronously: the run has nothing to do until its files are read, and
 * awaiting one read after another left the thread idle between them (the
 * 1,000 CI bench files: about 200 ms awaited one by one, 15 ms read
 * synchronously).
 *
 * @param filePath Path as given.
 * @param cwd Working directory.
 * @returns The file.
 * @throws {CopydeskError} Naming the file when it cannot be read.
 */
export function readInputFile(filePath: string, cwd: string): VFile {
  try {
    return toInputFile(filePath, fs.readFileSync(path.resolve(cwd, filePath), 'utf8'), cwd)
  } catch (error) {
    throw new CopydeskError(readFailure(error), {file: filePath}, error)
  }
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
  return toInputFile(filePath, await text(stream), cwd)
}

/**
 * Say in words why a file could not be read.
 *
 * @param error Error from the file system.
 * @returns The reason.
 */
function readFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    default:
      return 'cannot be read: ' + (error instanceof Error ? error.message : String(error))
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Whether the file started with a byte order mark, taken off before linting. */
    bom: boolean
    /** The path as the user gave it (or as found under a folder they gave), for reports. */
    givenPath: string
  }
}
