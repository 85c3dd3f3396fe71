import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Read copydesk's own `package.json`, found by walking up from this module
 * (it sits at `src/` in a checkout and at `dist/src/` when built).
 *
 * @returns Name and version.
 */
export function packageInfo(): {name: string; version: string} {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(folder, 'package.json')
    if (fs.existsSync(candidate)) {
      const data = JSON.parse(fs.readFileSync(candidate, 'utf8')) as {name?: string; version?: string}
      if (data.name === 'copydesk') return {name: data.name, version: data.version ?? '0.0.0'}
    }
    const parent = path.dirname(folder)
    if (parent === folder) return {name: 'copydesk', version: '0.0.0'}
    folder = parent
  }
}
