import {realpathSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {CopydeskError} from '../errors.js'
import {formatByExtension} from './formats.js'
import {globFiles, isGlob} from './glob-walk.js'
import {IgnoreFiles, neverRead} from './ignore-files.js'
import {walkTree} from './walk.js'

/** The files to lint and what went wrong finding them. */
export interface Discovery {
  /** Paths as given, or joined to the folder given; in input order, without duplicates. */
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
 * Folders are walked for text, Markdown and HTML files, skipping hidden
 * entries; `.gitignore` and `.copydeskignore` files are honoured for folders,
 * globs and named files alike (so a pre-commit hook passing staged names
 * skips ignored stories); `node_modules` and `.git` are never read.
 *
 * @param inputs Paths, globs or folders, as typed.
 * @param cwd Working directory.
 * @returns Files in input order, without duplicates.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const ignoreFiles = new IgnoreFiles(cwd)
  const found = new Set<string>()
  const discovery: Discovery = {files: [], problems: [], unmatched: [], ignored: []}

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    const stats = await fs.stat(absolute).catch(() => undefined)
    let matches: string[]

    if (stats?.isFile()) {
      matches = ignoreFiles.ignores(absolute) ? [] : [input]
      if (matches.length === 0) discovery.ignored.push(input)
    } else if (stats?.isDirectory()) {
      matches = (await walkFolder(absolute, ignoreFiles)).map((relative) => path.join(input, relative))
    } else if (isGlob(input)) {
      try {
        matches = await expandGlob(input, cwd, ignoreFiles)
      } catch (error) {
        // Braces standing for too many globs: a problem with this input, not the run.
        if (!(error instanceof CopydeskError)) throw error
        discovery.problems.push(error)
        continue
      }
    } else {
      discovery.problems.push(new CopydeskError('no such file or folder', {file: input}))
      continue
    }

    if (matches.length === 0 && !stats?.isFile()) discovery.unmatched.push(input)
    for (const match of matches) found.add(match)
  }

  discovery.files = oncePerFile([...found], cwd)
  return discovery
}

/**
 * Keep one path per file on disk. The same story can be reached by more
 * than one path: `story.md` and `./story.md`, a glob through a symbolic
 * link back up the tree (`a/loop -> ..`), a linked file beside its target.
 * Linted twice, it would be reported twice, and `--fix` would write it twice.
 * Where the paths differ, the one without a link in it is kept (the file's
 * own name), else the first.
 *
 * @param files Paths in input order, relative to `cwd` or absolute.
 * @param cwd Working directory.
 * @returns The paths, one per file, in input order.
 */
function oncePerFile(files: readonly string[], cwd: string): string[] {
  const kept = new Map<string, string>()
  for (const file of files) {
    const absolute = path.resolve(cwd, file)
    let real: string
    try {
      real = realpathSync.native(absolute)
    } catch {
      // Reading it will say what is wrong with it.
      real = absolute
    }
    const earlier = kept.get(real)
    if (earlier === undefined || (real === absolute && path.resolve(cwd, earlier) !== real)) kept.set(real, file)
  }
  return [...kept.values()]
}

/**
 * Walk a folder for files copydesk reads, pruning ignored, hidden and
 * never-read folders instead of listing what is in them.
 *
 * @param folder Absolute folder.
 * @param ignoreFiles Ignore-file rules.
 * @returns Paths relative to `folder`, sorted.
 */
async function walkFolder(folder: string, ignoreFiles: IgnoreFiles): Promise<string[]> {
  // Hidden names (`.git`, `.cache`) and `node_modules` are never stories; ignored folders are not entered.
  const files = await walkTree<string>(folder, '', {
    entry: (_, name) => (name.startsWith('.') ? undefined : name),
    enter: (_, name, absolute) => (neverRead.has(name) || ignoreFiles.ignores(absolute, true, folder) ? undefined : name),
    keep: (_, name, absolute) =>
      formatByExtension.has(path.extname(name).toLowerCase()) && !ignoreFiles.ignores(absolute, false, folder)
  })
  return files.map((file) => path.relative(folder, file)).sort()
}

/**
 * Expand a glob from the working directory, leaving out ignored files.
 *
 * @param pattern The glob, as typed.
 * @param cwd Working directory.
 * @param ignoreFiles Ignore-file rules.
 * @returns Matching files relative to `cwd` (absolute for absolute patterns), sorted.
 */
async function expandGlob(pattern: string, cwd: string, ignoreFiles: IgnoreFiles): Promise<string[]> {
  const matches = await globFiles(pattern, cwd, neverRead)
  return matches.filter((match) => !ignoreFiles.ignores(path.resolve(cwd, match))).sort()
}
