import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Replace a file atomically: write a temporary file in the same folder, give
 * it the old file's permissions, then rename it over the old one.
 *
 * @param filePath The file.
 * @param contents New contents.
 * @param mode Permissions to keep; `undefined` for a new file.
 */
export async function writeAtomically(filePath: string, contents: string, mode: number | undefined): Promise<void> {
  const temporary = temporaryPath(filePath)
  await fs.promises.mkdir(path.dirname(filePath), {recursive: true})
  try {
    await fs.promises.writeFile(temporary, contents, {flag: 'wx', mode: mode ?? 0o666})
    // writeFile's mode is masked by the umask; the old file's mode is kept exactly.
    if (mode !== undefined) await fs.promises.chmod(temporary, mode)
    await fs.promises.rename(temporary, filePath)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw error
  }
}

/**
 * Write a file atomically and synchronously, for data that code deep in a
 * run needs at once (the dictionary cache): write a temporary file in the
 * same folder, then rename it into place, so a reader never sees half a file.
 *
 * @param filePath The file.
 * @param contents Its bytes.
 */
export function writeAtomicallySync(filePath: string, contents: Uint8Array): void {
  const temporary = temporaryPath(filePath)
  fs.mkdirSync(path.dirname(filePath), {recursive: true})
  try {
    fs.writeFileSync(temporary, contents, {flag: 'wx'})
    fs.renameSync(temporary, filePath)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
}

/**
 * A name for the temporary file next to a file, unique to this write.
 *
 * @param filePath The file.
 * @returns The temporary file's path.
 */
function temporaryPath(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Say why a file could not be written, in a few words for a one-line error.
 *
 * @param error What writing threw.
 * @returns `permission denied`, `no space left on the disk`, or the system's message.
 */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied'
  if (code === 'ENOSPC') return 'no space left on the disk'
  return String((error as Error).message ?? error)
}
