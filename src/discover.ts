import fs from 'node:fs/promises'
import path from 'node:path'
import {
  convertPathToPattern,
  globby,
  isDynamicPattern,
  isGitIgnored,
  isIgnoredByIgnoreFiles,
  type GlobbyFilterFunction
} from 'globby'
import {CopydeskError} from './errors.js'
import {walkedExtensions} from './formats.js'

/** copydesk's own ignore file, in gitignore syntax, honoured next to `.gitignore`. */
export const ignoreFileName = '.copydeskignore'

/** Never read, whatever the ignore files say. */
const neverRead = ['**/node_modules/**', '**/.git/**']

/** The files to lint and what went wrong finding them. */
export interface Discovery {
  /** Paths as given, or relative to the working directory for folder and glob runs; in input order. */
  files: string[]
  /** Inputs that name nothing: exit code 2. */
  problems: CopydeskError[]
  /** Folders and globs that matched no file to lint. */
  unmatched: string[]
  /** Files named on the command line but excluded by an ignore file. */
  ignored: string[]
}

/**
 * Expand paths, globs and folders into the files to lint.
 *
 * Folders are walked for text, Markdown and HTML files; `.gitignore` and
 * `.copydeskignore` files are honoured for folders, globs and named files
 * alike (so a pre-commit hook passing staged names skips ignored stories);
 * `node_modules` and `.git` are never read.
 *
 * @param inputs Paths, globs or folders, as typed.
 * @param cwd Working directory.
 * @returns Files in input order, without duplicates.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>()
  const problems: CopydeskError[] = []
  const unmatched: string[] = []
  const ignored: string[] = []
  const options = {
    cwd,
    gitignore: true,
    ignoreFiles: '**/' + ignoreFileName,
    ignore: neverRead,
    onlyFiles: true,
    suppressErrors: true
  }
  let isIgnored: GlobbyFilterFunction | undefined

  for (const input of inputs) {
    const stats = await fs.stat(path.resolve(cwd, input)).catch(() => undefined)
    let matches: string[]

    if (stats?.isFile()) {
      isIgnored ??= await ignoredFilter(cwd)
      matches = isIgnored(path.resolve(cwd, input)) ? [] : [input]
    } else if (stats?.isDirectory()) {
      const folder = path.normalize(input) === '.' ? '' : convertPathToPattern(input).replace(/\/$/, '') + '/'
      matches = (await globby(folder + '**/*.{' + walkedExtensions.join(',') + '}', options)).sort()
    } else if (isDynamicPattern(input)) {
      matches = (await globby(input, options)).sort()
    } else {
      problems.push(new CopydeskError('no such file or folder', {file: input}))
      continue
    }

    if (matches.length === 0) (stats?.isFile() ? ignored : unmatched).push(input)
    for (const match of matches) found.add(match)
  }

  return {files: [...found], problems, unmatched, ignored}
}

/**
 * Build the check for a file named on the command line against `.gitignore`
 * and `.copydeskignore` files under the working directory.
 *
 * @param cwd Working directory.
 * @returns Whether an absolute path is ignored (files outside `cwd` never are).
 */
async function ignoredFilter(cwd: string): Promise<GlobbyFilterFunction> {
  const [byGit, byCopydesk] = await Promise.all([
    isGitIgnored({cwd, suppressErrors: true}),
    isIgnoredByIgnoreFiles('**/' + ignoreFileName, {cwd, ignore: neverRead, suppressErrors: true})
  ])
  return function (filePath) {
    const relative = path.relative(cwd, String(filePath))
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false
    if (relative.split(path.sep).some((part) => part === 'node_modules' || part === '.git')) return true
    return byGit(filePath) || byCopydesk(filePath)
  }
}
