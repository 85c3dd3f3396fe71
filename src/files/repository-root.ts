import fs from 'node:fs'
import path from 'node:path'

/**
 * The nearest folder at or above a path that holds `.git` (a folder, or
 * the file a worktree or submodule has).
 *
 * @param folder Absolute folder to start from.
 * @returns The repository's top folder, or `undefined` outside a repository.
 */
export function gitTop(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current
    if (path.dirname(current) === current) return undefined
  }
}

/**
 * The folder whose files copydesk trusts itself to read for a run in `cwd`:
 * the top of the git repository the working directory is in, else the
 * working directory. Stories, config files and the files configs name are
 * read only when they lie inside it, links resolved (see `readRegularFile`).
 *
 * @param cwd Working directory.
 * @returns Absolute folder.
 */
export function repositoryRoot(cwd: string): string {
  return gitTop(cwd) ?? path.resolve(cwd)
}

/**
 * The folder a path named on the command line (a folder to walk, a glob's
 * fixed folders, a config file) may lead to, links resolved: the
 * repository root when the path is inside it, as typed; a path the user
 * names outside it is theirs to name, and what is found through it stays
 * inside its own repository, or inside the folder named when it is in none.
 *
 * @param named Absolute path, as typed (links not resolved).
 * @param root The run's repository root (`repositoryRoot`).
 * @returns Absolute folder.
 */
export function boundaryFor(named: string, root: string): string {
  if (isInside(root, named)) return root
  return gitTop(named) ?? named
}

/**
 * Whether `inner` is `outer` or inside it, as paths (no link followed).
 *
 * @param outer Folder.
 * @param inner Path.
 * @returns Whether it is inside.
 */
export function isInside(outer: string, inner: string): boolean {
  return relativeInside(outer, inner) !== undefined
}

/**
 * The path of `inner` from `outer` when it is `outer` or inside it, as
 * paths (no link followed). Only a whole `..` part leads out: `..drafts`
 * and `..old.txt` are names inside, which a test of the text's start
 * (`startsWith('..')`) took for outside.
 *
 * @param outer Folder.
 * @param inner Path.
 * @returns The relative path (`''` for `outer` itself), or `undefined` when it is outside.
 */
export function relativeInside(outer: string, inner: string): string | undefined {
  const relative = path.relative(outer, inner)
  if (relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative)) return undefined
  return relative
}

/**
 * The repository root that bounds a file copydesk writes (a story it
 * fixes, the word list, a baseline, a names index): a symlink there is
 * written through only when it leads inside it. The same root as for
 * reading (`trustedFolder`), so that what copydesk may read through a link
 * it may fix through it, and no more; for a file outside any repository
 * and outside the working directory, its own folder.
 *
 * @param filePath Path of the file, absolute or relative to `cwd`.
 * @param cwd Working directory.
 * @returns Absolute folder.
 */
export function rootForFile(filePath: string, cwd: string): string {
  const absolute = path.resolve(cwd, filePath)
  return trustedFolder(absolute, cwd) ?? path.dirname(absolute)
}

/**
 * The folder that files found from a path (the config files above a
 * story, the word lists and house-style files a config names) must stay
 * inside, links resolved: the run's repository root when the path is in
 * it; else the top of the path's own repository; else none, for a path
 * outside any repository that the user named (their own files).
 *
 * @param filePath Absolute path of a story or a config file.
 * @param cwd Working directory.
 * @returns Absolute folder, or `undefined` for no bound.
 */
export function trustedFolder(filePath: string, cwd: string): string | undefined {
  const root = repositoryRoot(cwd)
  if (isInside(root, filePath)) return root
  return gitTop(path.dirname(filePath))
}
