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
  const folder = path.dirname(filePath)
  await fs.promises.mkdir(folder, {recursive: true})
  const temporary = path.join(folder, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`)
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
