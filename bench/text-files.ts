import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'

/**
 * Reading and writing the files the benchmarks keep in the project (the
 * verdicts of bench/judged/): a file not there yet reads as empty, and a
 * file is replaced whole or not at all.
 */

/**
 * Read a file, or give an empty string when it is not there.
 *
 * @param file Path.
 * @returns Its text.
 */
export async function readIfThere(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
}

/**
 * Replace a file atomically: a temporary file beside it, then a rename.
 *
 * @param file Path.
 * @param text New text.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  await fs.writeFile(temporary, text)
  await fs.rename(temporary, file)
}
