import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CorpusSet} from './corpus-set.js'
import {notProseMask, proseTokens, proseWordCount} from './repo-prose.js'
import {readRepository, storyPattern} from './repo-runs.js'

/**
 * The held-out set of the accuracy benchmark: the Markdown stories of the
 * site repositories in `../shared/repos` (18F's blog, digital.gov's news),
 * copy of another kind, country and decade than the Wikinews articles the
 * rules were developed on. Words are chosen for injection from their prose
 * alone (bench/repo-prose.ts), never front matter, code or template code.
 */

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The repositories, as the report names them. */
export const reposShown = '../shared/repos'

/** The repositories' folder. */
export const reposFolder = path.resolve(projectRoot, reposShown)

/**
 * Read the held-out set: every story of the repositories. All of them, not
 * a sample: names are fewer in a government blog than in news, and every
 * story is needed for some hundreds of name slips; linting the 973 stories
 * twice takes under a minute.
 *
 * @returns The set, or `undefined` when `../shared/repos` is absent.
 */
export async function readSiteStories(): Promise<CorpusSet | undefined> {
  let repos: string[]
  try {
    repos = (await fs.readdir(reposFolder, {withFileTypes: true}))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const all = new Map<string, string>()
  for (const repo of repos) {
    for (const [file, text] of await readRepository(path.join(reposFolder, repo))) {
      if (storyPattern.test(file)) all.set(`${repo}/${file}`, text)
    }
  }
  const masks = new Map<string, Uint8Array>()
  const maskOf = (file: string, text: string): Uint8Array => {
    let mask = masks.get(file)
    if (!mask) masks.set(file, (mask = notProseMask(text)))
    return mask
  }
  let words = 0
  for (const [file, text] of all) words += proseWordCount(text, maskOf(file, text))
  return {
    id: 'held-out',
    title: 'held out (site stories)',
    shown: `${reposShown} (${repos.join(', ')})`,
    folder: reposFolder,
    texts: all,
    units: 'stories',
    words,
    wordsCounted: 'words of prose',
    tokensOf: (file, text) => proseTokens(text, maskOf(file, text)),
    judgedAs(file) {
      const slash = file.indexOf('/')
      return {repo: file.slice(0, slash), file: file.slice(slash + 1)}
    }
  }
}
