import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/**
 * Find copydesk's own folder, the one with its `package.json`, by walking up
 * from this module (it sits at `src/` in a checkout and at `dist/src/` when
 * built).
 *
 * @returns Absolute path of the package folder.
 */
export function packageRoot(): string {
  if (root) return root
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(folder, 'package.json')
    if (fs.existsSync(candidate) && readPackage(candidate).name === 'copydesk') break
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('Cannot find the copydesk package folder')
    folder = parent
  }
  root = folder
  return root
}

/**
 * Read copydesk's own name and version.
 *
 * @returns Name and version.
 */
export function packageInfo(): {name: string; version: string} {
  const data = readPackage(path.join(packageRoot(), 'package.json'))
  return {name: data.name ?? 'copydesk', version: data.version ?? '0.0.0'}
}

/**
 * Path of a file that copydesk ships in `dictionaries/`.
 *
 * @param name File name, such as `tolerated.txt`.
 * @returns Absolute path.
 */
export function dictionaryFile(name: string): string {
  return path.join(packageRoot(), 'dictionaries', name)
}

/**
 * Read a `package.json`.
 *
 * @param filePath Its path.
 * @returns The fields copydesk uses.
 */
function readPackage(filePath: string): {name?: string; version?: string} {
  return JSON.parse(fs.readFileSync(filePath, 'utf8')) as {name?: string; version?: string}
}
