import path from 'node:path'
import {GitIgnore} from './gitignore.js'
import {maxTextBytes, readRegularText} from './regular-file.js'
import {gitTop, isInside, repositoryRoot} from './repository-root.js'

/** Ignore files honoured in every folder, in gitignore syntax. */
export const ignoreFileNames: readonly string[] = ['.gitignore', '.copydeskignore']

/**
 * Whether file names are compared without case, as git assumes
 * (`core.ignorecase`) where the usual file system does: macOS and Windows.
 */
export const caseInsensitiveFiles = process.platform === 'darwin' || process.platform === 'win32'

/** Folders never read, whatever the ignore files say. */
export const neverRead: ReadonlySet<string> = new Set(['node_modules', '.git'])

/**
 * Answers whether a path is excluded by `.gitignore` and `.copydeskignore`
 * files, as git would: every ignore file from the top of the repository down
 * to the path's folder applies, deeper ones able to re-include (`!keep.md`).
 *
 * Only the folders above a path are read, once each, so a run from the root
 * of a large archive does not scan the archive for ignore files.
 */
export class IgnoreFiles {
  private readonly cwd: string
  /** The run's repository root: an ignore file inside it must lead inside it. */
  private readonly root: string
  private readonly rules = new Map<string, GitIgnore | undefined>()
  private readonly tops = new Map<string, string>()
  /** Whether each folder is ignored, by top and folder: every path below asks again. */
  private readonly folders = new Map<string, boolean>()

  /**
   * @param cwd Working directory: outside a git repository, ignore files apply from here down.
   */
  constructor(cwd: string) {
    this.cwd = path.resolve(cwd)
    this.root = repositoryRoot(this.cwd)
  }

  /**
   * Whether a file or folder is ignored.
   *
   * @param filePath Absolute path.
   * @param isFolder Whether it is a folder (`build/` patterns match folders only).
   * @param floor Outside a repository and the working directory, the highest folder whose ignore files apply.
   * @returns Whether to leave it out.
   */
  ignores(filePath: string, isFolder = false, floor = path.dirname(filePath)): boolean {
    const absolute = path.resolve(filePath)
    const top = this.topFor(path.dirname(absolute), floor)
    const below = path.relative(top, absolute).split(path.sep)
    if (below.some((part) => neverRead.has(part))) return true

    // "It is not possible to re-include a file if a parent directory of that
    // file is excluded": not even from an ignore file inside that folder.
    for (let depth = 1; depth < below.length; depth++) {
      const parts = below.slice(0, depth)
      const key = top + '\0' + parts.join('/')
      let folderIgnored = this.folders.get(key)
      if (folderIgnored === undefined) {
        folderIgnored = this.decide(top, parts, true)
        this.folders.set(key, folderIgnored)
      }
      if (folderIgnored) return true
    }
    return this.decide(top, below, isFolder)
  }

  /**
   * The verdict of the ignore files on a path itself, its folders aside:
   * every ignore file from the top down that has a pattern matching it,
   * the deepest having the last word.
   *
   * @param top Folder the path is relative to.
   * @param below The path's names below `top`.
   * @param isFolder Whether it is a folder.
   * @returns Whether it is ignored.
   */
  private decide(top: string, below: readonly string[], isFolder: boolean): boolean {
    let ignored = false
    let folder = top
    for (let depth = 0; depth < below.length; depth++) {
      const rules = this.rulesIn(folder)
      if (rules) {
        const relative = below.slice(depth).join('/') + (isFolder ? '/' : '')
        const verdict = rules.match(relative)
        if (verdict.ignored) ignored = true
        else if (verdict.unignored) ignored = false
      }
      folder = path.join(folder, below[depth] ?? '')
    }
    return ignored
  }

  /**
   * Find the highest folder whose ignore files apply: the repository root,
   * else the working directory when it contains the path, else `floor`.
   *
   * @param folder Folder of the path.
   * @param floor Fallback top.
   * @returns Absolute folder.
   */
  private topFor(folder: string, floor: string): string {
    const cached = this.tops.get(folder)
    if (cached) return cached
    // The nearest `.git` above, not the run's root: a repository inside another (a
    // submodule) is its own, with its own ignore files, as git reads them.
    let top = gitTop(folder) ?? (isInside(this.cwd, folder) ? this.cwd : path.resolve(floor))
    if (!isInside(top, folder)) top = folder
    this.tops.set(folder, top)
    return top
  }

  /**
   * Read the ignore files of one folder.
   *
   * @param folder Absolute folder.
   * @returns Their rules, or `undefined` when it has none.
   */
  private rulesIn(folder: string): GitIgnore | undefined {
    if (this.rules.has(folder)) return this.rules.get(folder)
    let rules: GitIgnore | undefined
    for (const name of ignoreFileNames) {
      let text: string
      try {
        // `.gitignore -> /dev/zero` is passed by, not read forever; nor is a link out of the repository followed.
        const file = path.join(folder, name)
        text = readRegularText(file, name, {within: isInside(this.root, file) ? this.root : gitTop(folder), maxBytes: maxTextBytes})
      } catch {
        continue
      }
      rules ??= new GitIgnore(caseInsensitiveFiles)
      rules.add(text)
    }
    this.rules.set(folder, rules)
    return rules
  }
}
