import path from 'node:path'
import ignore from 'ignore'
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from './config.js'
import type {Check} from './define-rule.js'

/**
 * unified plugin: run the rules a config switches on, skipping files the
 * config's `ignore` patterns exclude.
 *
 * @param config Resolved configuration for the files this processor sees.
 */
const copydeskLint: Plugin<[ResolvedConfig], Root> = function (config) {
  const ignored = ignore().add(config.ignore)
  const checks: Check[] = config.rules.map(({rule, severity}) =>
    rule.create({severity, options: {words: config.words}})
  )

  return async function (tree: Root, file: VFile): Promise<undefined> {
    const relative = path.relative(config.root, path.resolve(file.cwd, file.path))
    if (config.ignore.length > 0 && !relative.startsWith('..') && ignored.ignores(relative)) {
      file.data.copydeskIgnored = true
      return
    }
    for (const check of checks) await check(tree, file)
  }
}

export default copydeskLint

declare module 'vfile' {
  interface DataMap {
    /** Set when the config's `ignore` patterns exclude the file: it is not reported. */
    copydeskIgnored: boolean
  }
}
