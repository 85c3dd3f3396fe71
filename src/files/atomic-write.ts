import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {isInside, rootForFile} from './repository-root.js'

/**
 * Why copydesk will not write a file, said in a few words for a one-line
 * message after `cannot be written:` (`read-only file`); the file is untouched.
 */
export class WriteRefusal extends Error {
  /**
   * @param reason What is wrong with the file, without its name.
   */
  constructor(reason: string) {
    super(reason)
    this.name = 'WriteRefusal'
  }
}

/**
 * Replace a file's contents without losing what it was, keeping what it is.
 *
 * - A symlink stays a link: the file it leads to is written, when that is
 *   inside `root`; a link that leads out of the repository (a committed
 *   `story.md -> ~/.bashrc`) or to nothing is refused.
 * - A file the user cannot write is refused, and so is one with no write
 *   bit at all, even for root, whom the system lets write anything: a
 *   read-only story in a writable folder is read-only to copydesk too.
 * - Anything but a regular file (a folder, a FIFO, `/dev/full`) is
 *   refused: renaming over it would replace it.
 * - Otherwise the new contents go to a temporary file in the same folder,
 *   which gets the old file's owner (when the process may give it: see
 *   `canKeepOwner`) and permissions, is synced, and is renamed over the
 *   old one, so a reader sees the old file or the new one, never half.
 * - A file with more than one hard link, or whose owner the temporary file
 *   cannot be given, is written in place through its own inode instead (as
 *   vim's `backupcopy=auto` decides), since a rename would split the links
 *   or hand the file to another owner: see `writeInPlace` for how that
 *   still loses nothing on failure.
 *
 * @param filePath The file (absolute, or relative to the process's folder).
 * @param contents New contents: text is written as UTF-8.
 * @param root The repository root (see `rootForFile`).
 * @returns Nothing.
 * @throws {WriteRefusal} When copydesk will not write the file; an error of the file system when it cannot.
 */
export async function replaceFile(filePath: string, contents: string | Uint8Array, root: string): Promise<void> {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
  const target = await writeTarget(filePath, root)
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await writeNew(target, bytes)
    return
  }
  await checkWritable(target, stat)
  if (stat.nlink > 1 || !(await canKeepOwner(stat))) await writeInPlace(target, bytes)
  else await writeReplacing(target, bytes, stat)
}

/**
 * Where writing a path writes: the file it names once every symlink on the
 * way is followed (the path itself, mostly), which must be inside the
 * repository root. A symlink at the end stays a link, and the file it
 * leads to is written; a link that leads out of the repository (a committed
 * `story.md -> ~/.bashrc`, or a `.copydesk -> /etc` folder) or to nothing
 * is refused.
 *
 * @param filePath The path.
 * @param root The repository root.
 * @returns Absolute path of the file to write, symlinks resolved.
 * @throws {WriteRefusal} When the path leads out of the root or to nothing.
 */
export async function writeTarget(filePath: string, root: string): Promise<string> {
  const absolute = path.resolve(filePath)
  let isLink = false
  try {
    isLink = (await fs.promises.lstat(absolute)).isSymbolicLink()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  let target: string
  try {
    target = isLink ? await fs.promises.realpath(absolute) : await realPathOfNew(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new WriteRefusal('a symlink to a file that does not exist')
    if (code === 'ELOOP') throw new WriteRefusal('a symlink that leads back to itself')
    throw error
  }
  if (!isInside(await realFolder(root), target)) {
    throw new WriteRefusal(isLink ? 'a symlink to a file outside the repository' : 'in a symlinked folder that leads outside the repository')
  }
  return target
}

/**
 * The real path of a file that may not exist yet: that of its nearest
 * folder that exists, with the rest of the path after it.
 *
 * @param absolute Absolute path, not itself a symlink.
 * @returns The path with the symlinks of its folders resolved.
 */
async function realPathOfNew(absolute: string): Promise<string> {
  const rest: string[] = [path.basename(absolute)]
  for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
    try {
      return path.join(await fs.promises.realpath(folder), ...rest)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(folder) === folder) throw error
      rest.unshift(path.basename(folder))
    }
  }
}

/**
 * Refuse a file that is not a regular file, or that the user cannot or
 * should not write.
 *
 * @param target The file.
 * @param stat Its status.
 * @throws {WriteRefusal} When it is a folder, a device or FIFO, or read-only.
 * @throws {NodeJS.ErrnoException} `EACCES` when the system says the user cannot write it.
 */
async function checkWritable(target: string, stat: fs.Stats): Promise<void> {
  if (stat.isDirectory()) throw new WriteRefusal('a folder, not a file')
  if (!stat.isFile()) throw new WriteRefusal('not a regular file')
  await fs.promises.access(target, fs.constants.W_OK)
  // `access` lets root write anything; the mode still says what the owner meant.
  if ((stat.mode & 0o222) === 0) throw new WriteRefusal('read-only file')
}

/**
 * Whether a file written anew can have the old file's owner and group: it
 * has them already when the process is them, and root can give any; others
 * can give only a group they are in.
 *
 * @param stat The old file's status.
 * @returns Whether a replacement can keep the ownership.
 */
async function canKeepOwner(stat: fs.Stats): Promise<boolean> {
  if (process.getuid === undefined || process.getgid === undefined) return true
  const uid = process.getuid()
  if (uid === 0) return true
  if (stat.uid !== uid) return false
  return stat.gid === process.getgid() || (process.getgroups?.() ?? []).includes(stat.gid)
}

/**
 * Create a file that does not exist yet, atomically (so a reader never sees
 * half of it), with the permissions the umask gives a new file.
 *
 * @param target The file.
 * @param bytes Its contents.
 */
async function writeNew(target: string, bytes: Uint8Array): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), {recursive: true})
  const temporary = temporaryPath(target, 'tmp')
  try {
    await writeSynced(temporary, bytes, 0o666)
    await fs.promises.rename(temporary, target)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw error
  }
}

/**
 * Replace a file by renaming a new one over it, with the old one's owner,
 * group and permissions.
 *
 * @param target The file.
 * @param bytes New contents.
 * @param stat The old file's status.
 */
async function writeReplacing(target: string, bytes: Uint8Array, stat: fs.Stats): Promise<void> {
  const temporary = temporaryPath(target, 'tmp')
  try {
    const handle = await fs.promises.open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(bytes)
      // Owner first: changing it clears the set-user-ID and set-group-ID bits, which the mode then puts back.
      if (process.getuid !== undefined && (process.getuid() === 0 || stat.gid !== process.getgid?.())) {
        await handle.chown(stat.uid, stat.gid)
      }
      await handle.chmod(stat.mode & 0o7777)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(temporary, target)
  } catch (error) {
    await fs.promises.rm(temporary, {force: true})
    throw error
  }
}

/**
 * Write a file in place, through its own inode, so that its other hard
 * links see the new contents and its owner stays; used when a rename would
 * lose either. A rename is atomic and this is not, so three things keep
 * the old contents safe:
 *
 * - a backup copy is written first, next to the file (owner-only
 *   permissions), and removed at the end: a process killed half-way
 *   leaves the old contents there; if no backup can be written, nothing is;
 * - the file grows first: the bytes past its old end are written before
 *   any old byte is changed, so running out of space (`ENOSPC`, the likely
 *   failure) happens while the old contents are whole, and the file is cut
 *   back to them; overwriting the rest needs no new space on the disk;
 * - any later failure writes the old contents back from memory, into
 *   space the file already holds; only if that fails too is the backup kept,
 *   and the error names it.
 *
 * @param target The file.
 * @param bytes New contents.
 */
async function writeInPlace(target: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.promises.open(target, 'r+')
  try {
    const old = await handle.readFile()
    const backup = temporaryPath(target, 'bak')
    try {
      await writeSynced(backup, old, 0o600)
    } catch (error) {
      await fs.promises.rm(backup, {force: true})
      throw error
    }
    if (bytes.length > old.length) {
      try {
        await handle.write(bytes, old.length, bytes.length - old.length, old.length)
        await handle.sync()
      } catch (error) {
        await handle.truncate(old.length).catch(() => undefined)
        await fs.promises.rm(backup, {force: true})
        throw error
      }
    }
    try {
      await handle.write(bytes, 0, Math.min(bytes.length, old.length), 0)
      await handle.truncate(bytes.length)
      await handle.sync()
    } catch (error) {
      try {
        await handle.write(old, 0, old.length, 0)
        await handle.truncate(old.length)
        await handle.sync()
      } catch {
        throw new Error(`${describe(error)}; the old contents are kept in ${backup}`, {cause: error})
      }
      await fs.promises.rm(backup, {force: true})
      throw error
    }
    await fs.promises.rm(backup, {force: true})
  } finally {
    await handle.close()
  }
}

/**
 * Write a new file and sync it to the disk.
 *
 * @param filePath The file, which must not exist.
 * @param bytes Its contents.
 * @param mode Its permissions, before the umask.
 */
async function writeSynced(filePath: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await fs.promises.open(filePath, 'wx', mode)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Write a file atomically and synchronously, for data that code deep in a
 * run needs at once (the dictionary cache): write a temporary file in the
 * same folder, then rename it into place, so a reader never sees half a file.
 *
 * @param filePath The file.
 * @param contents Its bytes.
 */
export function writeAtomicallySync(filePath: string, contents: Uint8Array): void {
  const temporary = temporaryPath(filePath, 'tmp')
  fs.mkdirSync(path.dirname(filePath), {recursive: true})
  try {
    fs.writeFileSync(temporary, contents, {flag: 'wx'})
    fs.renameSync(temporary, filePath)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
}

/**
 * A name for a file next to a file, unique to this write: `.story.md.3f2a….tmp`.
 *
 * @param filePath The file.
 * @param kind `tmp` for new contents, `bak` for a backup of the old.
 * @returns The path.
 */
function temporaryPath(filePath: string, kind: 'tmp' | 'bak'): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.${kind}`)
}

/**
 * The folder a path names, with its symlinks resolved; the path itself when
 * it does not exist.
 *
 * @param folder A folder.
 * @returns Its real path.
 */
async function realFolder(folder: string): Promise<string> {
  try {
    return await fs.promises.realpath(folder)
  } catch {
    return path.resolve(folder)
  }
}

/**
 * The message of anything thrown.
 *
 * @param error Anything thrown.
 * @returns Its message.
 */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Say why a file could not be written, in a few words for a one-line error.
 *
 * @param error What writing threw.
 * @returns `permission denied`, `no space left on the disk`, why copydesk refused, or the system's message.
 */
export function writeFailure(error: unknown): string {
  if (error instanceof WriteRefusal) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied'
  if (code === 'ENOSPC') return 'no space left on the disk'
  if (code === 'EISDIR') return 'a folder, not a file'
  if (code === 'EDQUOT') return 'over the disk quota'
  return describe(error)
}
