import fs from 'node:fs'
import path from 'node:path'
import {CopydeskError, type ProblemPlace} from '../errors.js'
import {isInside} from './repository-root.js'

/**
 * Largest story, config file or word list copydesk reads: 16 MB, some
 * forty times a long feature, and far below what would exhaust memory
 * once parsed. A larger "story" is a data dump or an attack.
 */
export const maxTextBytes = 16 * 1024 * 1024

/**
 * Largest baseline or names index copydesk reads: these grow with the
 * archive (a names index of 100,000 stories is tens of megabytes), but
 * must stay well below the longest string V8 can make (512 MB).
 */
export const maxIndexBytes = 256 * 1024 * 1024

/** What copydesk may read at a path. */
export interface ReadLimits {
  /** Folder the file must be inside once links are resolved; `undefined` for a path the user named, which may be anywhere. */
  within?: string | undefined
  /** Largest size read. */
  maxBytes: number
}

/** Why a path was refused. */
export type RefusalKind = 'missing' | 'not-a-file' | 'outside' | 'too-large' | 'unreadable'

/**
 * A path copydesk will not read as a file: missing, not a regular file
 * (a folder, a FIFO, a device, a socket, a link to nothing or to itself),
 * leading outside the repository, or too large. Its message is one line
 * without the file name; `kind` lets a caller word a missing file its way.
 */
export class FileRefused extends CopydeskError {
  /** What is wrong. */
  readonly kind: RefusalKind

  /**
   * @param kind What is wrong.
   * @param reason What is wrong, in words.
   * @param place The file, as the user would name it.
   * @param cause The file system's error, if any.
   */
  constructor(kind: RefusalKind, reason: string, place: ProblemPlace, cause?: unknown) {
    super(reason, place, cause)
    this.kind = kind
  }
}

/**
 * Say why a path cannot be read as a file, without opening it: its kind
 * from `lstat` and `stat` (a FIFO is never opened, so nothing waits on it),
 * where its links lead, and its size.
 *
 * @param absolute Absolute path.
 * @param limits Where it must lie and how large it may be.
 * @returns The kind of refusal and its reason, or `undefined` when it is a regular file copydesk may read.
 */
export function refusalOf(absolute: string, limits: ReadLimits): {kind: RefusalKind; reason: string; cause?: unknown} | undefined {
  // Not even looked at: whether a file exists outside the repository is not the repository's to ask.
  if (limits.within !== undefined && !isInside(limits.within, absolute)) return {kind: 'outside', reason: 'is outside the repository'}
  let linkStats: fs.Stats
  try {
    linkStats = fs.lstatSync(absolute)
  } catch (error) {
    return failedLookup(error)
  }
  let stats = linkStats
  if (linkStats.isSymbolicLink()) {
    try {
      stats = fs.statSync(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const target = readLink(absolute)
      if (code === 'ELOOP') {
        const toItself = target !== undefined && path.resolve(path.dirname(absolute), target) === absolute
        return {kind: 'not-a-file', reason: toItself ? 'is a symbolic link to itself' : 'is a symbolic link in a loop of links', cause: error}
      }
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return {kind: 'not-a-file', reason: `is a symbolic link to \`${target ?? '?'}\`, which does not exist`, cause: error}
      }
      return failedLookup(error)
    }
  }
  const kind = kindOf(stats)
  if (kind) return {kind: 'not-a-file', reason: `is ${kind}, not a file`}
  if (limits.within !== undefined) {
    const real = realPath(absolute)
    const boundary = realPath(limits.within) ?? limits.within
    if (real === undefined || !isInside(boundary, real)) {
      return {kind: 'outside', reason: `leads outside the repository, to \`${real ?? readLink(absolute) ?? '?'}\``}
    }
  }
  if (stats.size > limits.maxBytes) return {kind: 'too-large', reason: tooLarge(stats.size, limits.maxBytes)}
  return undefined
}

/**
 * Read a file whole once `refusalOf` finds nothing wrong with it. It is
 * opened without waiting (a FIFO put in its place since is not waited on)
 * and checked again through the open file, so that what is read is the
 * regular file of at most `maxBytes` that was checked.
 *
 * @param absolute Absolute path.
 * @param shown The path as the user would name it, for messages.
 * @param limits Where it must lie and how large it may be.
 * @returns Its bytes.
 * @throws {FileRefused} Saying why it cannot be read.
 */
export function readRegularFile(absolute: string, shown: string, limits: ReadLimits): Buffer {
  const refusal = refusalOf(absolute, limits)
  if (refusal) throw new FileRefused(refusal.kind, refusal.reason, {file: shown}, refusal.cause)
  let descriptor: number
  try {
    descriptor = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0))
  } catch (error) {
    const failed = failedLookup(error)
    throw new FileRefused(failed.kind, failed.reason, {file: shown}, error)
  }
  try {
    const stats = fs.fstatSync(descriptor)
    const kind = kindOf(stats)
    if (kind) throw new FileRefused('not-a-file', `is ${kind}, not a file`, {file: shown})
    if (stats.size > limits.maxBytes) throw new FileRefused('too-large', tooLarge(stats.size, limits.maxBytes), {file: shown})
    // Read to the end, but never past the limit: a file still growing is cut off and refused.
    const bytes = Buffer.allocUnsafe(Math.min(stats.size, limits.maxBytes) + 1)
    let length = 0
    for (;;) {
      const read = fs.readSync(descriptor, bytes, length, bytes.length - length, null)
      if (read === 0) break
      length += read
      if (length === bytes.length) {
        if (length > limits.maxBytes) throw new FileRefused('too-large', tooLarge(length, limits.maxBytes), {file: shown})
        break
      }
    }
    return bytes.subarray(0, length)
  } catch (error) {
    if (error instanceof FileRefused) throw error
    const failed = failedLookup(error)
    throw new FileRefused(failed.kind, failed.reason, {file: shown}, error)
  } finally {
    fs.closeSync(descriptor)
  }
}

/**
 * Read a text file whole as UTF-8 (see `readRegularFile`).
 *
 * @param absolute Absolute path.
 * @param shown The path as the user would name it, for messages.
 * @param limits Where it must lie and how large it may be.
 * @returns Its text, a byte order mark kept.
 * @throws {FileRefused} Saying why it cannot be read.
 */
export function readRegularText(absolute: string, shown: string, limits: ReadLimits): string {
  return readRegularFile(absolute, shown, limits).toString('utf8')
}

/**
 * What a file system object is, when it is not a regular file.
 *
 * @param stats Its stats, links followed.
 * @returns `a folder`, `a FIFO (named pipe)`, `a device`, `a socket`, or `undefined` for a regular file.
 */
function kindOf(stats: fs.Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  return 'something other than a file'
}

/**
 * Say why looking a path up failed.
 *
 * @param error The file system's error.
 * @returns Its kind and reason.
 */
function failedLookup(error: unknown): {kind: RefusalKind; reason: string; cause: unknown} {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return {kind: 'missing', reason: 'no such file or folder', cause: error}
  if (code === 'EACCES' || code === 'EPERM') return {kind: 'unreadable', reason: 'cannot be read: permission denied', cause: error}
  if (code === 'EISDIR') return {kind: 'not-a-file', reason: 'is a folder, not a file', cause: error}
  if (code === 'ELOOP') return {kind: 'not-a-file', reason: 'is reached through a loop of symbolic links', cause: error}
  if (code === 'ENAMETOOLONG') return {kind: 'missing', reason: 'cannot be read: its name is too long', cause: error}
  const message = error instanceof Error ? error.message : String(error)
  return {kind: 'unreadable', reason: 'cannot be read: ' + message, cause: error}
}

/**
 * Say that a file is too large.
 *
 * @param size Its size in bytes.
 * @param maxBytes The limit.
 * @returns The reason.
 */
function tooLarge(size: number, maxBytes: number): string {
  const megabytes = (bytes: number): string => String(Math.ceil(bytes / (1024 * 1024)))
  return `is too large to read: over ${megabytes(maxBytes)} MB (${megabytes(size)} MB)`
}

/**
 * Where a link points, as written in it.
 *
 * @param absolute A path that may be a link.
 * @returns Its target, or `undefined`.
 */
function readLink(absolute: string): string | undefined {
  try {
    return fs.readlinkSync(absolute)
  } catch {
    return undefined
  }
}

/**
 * A path with every link resolved.
 *
 * @param absolute Absolute path.
 * @returns Its real path, or `undefined` when it cannot be resolved.
 */
function realPath(absolute: string): string | undefined {
  try {
    return fs.realpathSync.native(absolute)
  } catch {
    return undefined
  }
}
