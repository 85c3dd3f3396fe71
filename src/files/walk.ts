import {isUtf8} from 'node:buffer'
import fsSync, {type Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {maxTextBytes, refusalOf} from './regular-file.js'
import {isInside} from './repository-root.js'

/**
 * What a walk looks for: how an entry's state follows from its folder's
 * (a glob's match states, a path below the root), which folders to go
 * into, and which files to keep.
 */
export interface WalkVisitor<State> {
  /**
   * The state of an entry of a folder.
   *
   * @param state The folder's state.
   * @param name The entry's name.
   * @returns Its state, or `undefined` to pass it by (a glob no name below can match).
   */
  entry(state: State, name: string): State | undefined
  /**
   * Whether to go into a folder, and with which state.
   *
   * @param state The folder's state as an entry.
   * @param name Its name.
   * @param absolute Its absolute path.
   * @returns The state inside it, or `undefined` to leave it out.
   */
  enter(state: State, name: string, absolute: string): State | undefined
  /**
   * Whether to keep a file.
   *
   * @param state Its state.
   * @param name Its name.
   * @param absolute Its absolute path.
   * @returns Whether it is one of the walk's finds.
   */
  keep(state: State, name: string, absolute: string): boolean
}

/** An entry the walk would have kept, or a folder it would have gone into, that it cannot read. */
export interface SkippedEntry {
  /** Absolute path; a name that is not UTF-8 has its odd bytes written `\xFF`. */
  path: string
  /** Why, as one line (`is a FIFO (named pipe), not a file`). */
  reason: string
}

/** What a walk found. */
export interface WalkResult {
  /** The absolute paths of the files kept, in walk order. */
  files: string[]
  /** Entries passed by that would otherwise have been kept or gone into, in walk order. */
  skipped: SkippedEntry[]
}

/**
 * Walk a folder tree: copydesk's one walker, for folders given on the
 * command line and for globs alike. Entries are taken in code-unit order
 * of their names. A folder is gone into only when it is one: a symbolic
 * link is never followed into a folder (it could lead anywhere on disk, or
 * back up the tree). A file is kept only when it is a regular file of at
 * most `maxTextBytes`, or a link to one inside `within`: a FIFO or a
 * device would never finish reading, and a link out of the repository
 * could read anything on the machine (`notes.md -> /proc/self/environ`).
 * Those the visitor would have kept, and folders it would have gone into
 * but cannot read (or whose names are not UTF-8), are passed by and said
 * why, so that one odd entry neither stops the walk nor goes unnoticed.
 *
 * @param root Absolute folder to start from.
 * @param start The root's state.
 * @param visitor What to look for.
 * @param within Folder that links must lead inside.
 * @returns The files kept and the entries passed by.
 */
export async function walkTree<State>(root: string, start: State, visitor: WalkVisitor<State>, within: string): Promise<WalkResult> {
  const result: WalkResult = {files: [], skipped: []}
  // "stories -> /etc": the folder named, or a glob's fixed folders, may be a link themselves.
  const real = await fs.realpath(root).catch(() => undefined)
  const boundary = await fs.realpath(within).catch(() => within)
  if (real !== undefined && !isInside(boundary, real)) {
    result.skipped.push({path: root, reason: `leads outside the repository, to \`${real}\``})
    return result
  }
  await walkFolder(root, start, visitor, within, result)
  return result
}

/**
 * Walk one folder.
 *
 * @param folder Absolute folder.
 * @param state Its state.
 * @param visitor What to look for.
 * @param within Folder that links must lead inside.
 * @param result Files kept and entries passed by, added to.
 */
async function walkFolder<State>(folder: string, state: State, visitor: WalkVisitor<State>, within: string, result: WalkResult): Promise<void> {
  let entries: Dirent[]
  try {
    entries = await fs.readdir(folder, {withFileTypes: true})
  } catch (error) {
    // A glob's fixed folders that are not there: nothing matches, which the caller says.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') result.skipped.push({path: folder, reason: folderFailure(error)})
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const entryState = visitor.entry(state, entry.name)
    if (entryState === undefined) continue
    const full = path.join(folder, entry.name)
    const wanted = (): boolean =>
      entry.isDirectory() ? visitor.enter(entryState, entry.name, full) !== undefined : visitor.keep(entryState, entry.name, full)
    // Node reads names as UTF-8; one that is not comes back with U+FFFD in it and names nothing.
    if (entry.name.includes('\uFFFD') && !fsSync.existsSync(full) && !isLink(full)) {
      if (wanted()) result.skipped.push({path: path.join(folder, rawName(folder, entry.name)), reason: 'its name is not UTF-8'})
      continue
    }
    if (entry.isDirectory()) {
      const inside = visitor.enter(entryState, entry.name, full)
      if (inside !== undefined) await walkFolder(full, inside, visitor, within, result)
      continue
    }
    if (entry.isSymbolicLink() && isLinkToFolder(full)) continue
    if (!visitor.keep(entryState, entry.name, full)) continue
    // Only a link can lead out of the folder: the rest of the walk never leaves it.
    const refusal = refusalOf(full, {within: entry.isSymbolicLink() ? within : undefined, maxBytes: maxTextBytes})
    if (refusal) result.skipped.push({path: full, reason: refusal.reason})
    else result.files.push(full)
  }
}

/**
 * Whether a link leads to a folder: it is not followed, and not a file either.
 *
 * @param full Absolute path of a link.
 * @returns Whether it does (not for a link to nothing or in a loop, which are files gone wrong).
 */
function isLinkToFolder(full: string): boolean {
  try {
    return fsSync.statSync(full, {throwIfNoEntry: false})?.isDirectory() ?? false
  } catch {
    return false
  }
}

/**
 * Whether a path is a symbolic link (a link to nothing does not exist for `existsSync`).
 *
 * @param full Absolute path.
 * @returns Whether it is one.
 */
function isLink(full: string): boolean {
  return fsSync.lstatSync(full, {throwIfNoEntry: false})?.isSymbolicLink() ?? false
}

/**
 * A name that is not UTF-8, as it is on disk, its odd bytes written `\xFF`.
 *
 * @param folder Absolute folder.
 * @param lossy The name as Node read it, with U+FFFD for the odd bytes.
 * @returns The name to show.
 */
function rawName(folder: string, lossy: string): string {
  try {
    const raw = fsSync.readdirSync(folder, {encoding: 'buffer'}).find((name) => name.toString('utf8') === lossy && !isUtf8(name))
    if (raw) return escapeBytes(raw)
  } catch {
    // Show it as Node read it.
  }
  return lossy
}

/**
 * Bytes as text: UTF-8 where they are, `\xFF` for each byte that is not.
 *
 * @param bytes A name's bytes.
 * @returns Text to show.
 */
export function escapeBytes(bytes: Uint8Array): string {
  let text = ''
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0
    const sequence = bytes.subarray(index, index + length)
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      text += Buffer.from(sequence).toString('utf8')
      index += length
    } else {
      text += '\\x' + lead.toString(16).toUpperCase().padStart(2, '0')
      index++
    }
  }
  return text
}

/**
 * Say why a folder could not be read.
 *
 * @param error The file system's error.
 * @returns The reason.
 */
function folderFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'folder cannot be read: permission denied'
  if (code === 'ELOOP') return 'folder is reached through a loop of symbolic links'
  return 'folder cannot be read: ' + (error instanceof Error ? error.message : String(error))
}
