import {lstatSync, realpathSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {CopydeskError} from '../errors.js'
import {formatByExtension} from './formats.js'
import {globFiles, isGlob} from './glob-walk.js'
import {IgnoreFiles, neverRead} from './ignore-files.js'
import {FileRefused, maxTextBytes, refusalOf} from './regular-file.js'
import {boundaryFor, isInside, repositoryRoot} from './repository-root.js'
import {type SkippedEntry, type WalkResult, walkTree} from './walk.js'

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
  /** Entries of folders and globs passed by (a FIFO, a link out of the repository): paths as the user would name them. */
  skipped: SkippedEntry[]
}

/**
 * Expand paths, globs and folders into the files to lint.
 *
 * Folders are walked for text, Markdown and HTML files, skipping hidden
 * entries; `.gitignore` and `.copydeskignore` files are honoured for folders,
 * globs and named files alike (so a pre-commit hook passing staged names
 * skips ignored stories); `node_modules` and `.git` are never read.
 *
 * Only regular files of at most `maxTextBytes` are linted, and only
 * inside the repository root once links are resolved (see `boundaryFor`):
 * a path named on the command line that is not one is a problem; an entry
 * of a folder or glob is passed by with a note, so that one odd entry does
 * not fail the run.
 *
 * @param inputs Paths, globs or folders, as typed.
 * @param cwd Working directory.
 * @returns Files in input order, without duplicates.
 */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<Discovery> {
  const ignoreFiles = new IgnoreFiles(cwd)
  const root = repositoryRoot(cwd)
  const found = new Set<string>()
  const discovery: Discovery = {files: [], problems: [], unmatched: [], ignored: [], skipped: []}

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    let stats: Stats | undefined
    try {
      stats = statSync(absolute, {throwIfNoEntry: false})
    } catch {
      // A link to itself: said below.
    }
    let matches: string[]

    if (stats?.isDirectory()) {
      const walked = await walkFolder(absolute, ignoreFiles, boundaryFor(absolute, root))
      matches = walked.files.map((relative) => path.join(input, relative))
      for (const entry of walked.skipped) discovery.skipped.push({path: path.join(input, entry.path), reason: entry.reason})
    } else if (stats !== undefined || !isGlob(input) || lstatSync(absolute, {throwIfNoEntry: false}) !== undefined) {
      if (ignoreFiles.ignores(absolute)) {
        discovery.ignored.push(input)
        continue
      }
      // Named on the command line: a path outside the repository is the user's to name; one inside must stay inside.
      const within = isInside(root, absolute) ? root : undefined
      const refusal = refusalOf(absolute, {within, maxBytes: maxTextBytes})
      if (refusal) {
        discovery.problems.push(new FileRefused(refusal.kind, refusal.reason, {file: input}, refusal.cause))
        continue
      }
      found.add(input)
      continue
    } else {
      try {
        const globbed = await expandGlob(input, cwd, ignoreFiles, root)
        matches = globbed.files
        for (const entry of globbed.skipped) discovery.skipped.push(entry)
      } catch (error) {
        // Braces standing for too many globs: a problem with this input, not the run.
        if (!(error instanceof CopydeskError)) throw error
        discovery.problems.push(error)
        continue
      }
    }

    if (matches.length === 0) discovery.unmatched.push(input)
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
 * @param within Folder that links must lead inside.
 * @returns Paths relative to `folder`, sorted, and the entries passed by.
 */
async function walkFolder(folder: string, ignoreFiles: IgnoreFiles, within: string): Promise<WalkResult> {
  // Hidden names (`.git`, `.cache`) and `node_modules` are never stories; ignored folders are not entered.
  const walked = await walkTree<string>(folder, '', {
    entry: (_, name) => (name.startsWith('.') ? undefined : name),
    enter: (_, name, absolute) => (neverRead.has(name) || ignoreFiles.ignores(absolute, true, folder) ? undefined : name),
    keep: (_, name, absolute) =>
      formatByExtension.has(path.extname(name).toLowerCase()) && !ignoreFiles.ignores(absolute, false, folder)
  }, within)
  return {
    files: walked.files.map((file) => path.relative(folder, file)).sort(),
    skipped: walked.skipped.map((entry) => ({...entry, path: path.relative(folder, entry.path)}))
  }
}

/**
 * Expand a glob from the working directory, leaving out ignored files.
 *
 * @param pattern The glob, as typed.
 * @param cwd Working directory.
 * @param ignoreFiles Ignore-file rules.
 * @param root The run's repository root.
 * @returns Matching files relative to `cwd` (absolute for absolute patterns), sorted, and the entries passed by.
 */
async function expandGlob(pattern: string, cwd: string, ignoreFiles: IgnoreFiles, root: string): Promise<WalkResult> {
  const matches = await globFiles(pattern, cwd, neverRead, root)
  const kept = (match: string): boolean => !ignoreFiles.ignores(path.resolve(cwd, match))
  return {files: matches.files.filter(kept).sort(), skipped: matches.skipped.filter((entry) => kept(entry.path))}
}
