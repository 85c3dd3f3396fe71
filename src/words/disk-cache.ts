import {createHash, randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import envPaths from 'env-paths'
import {packageInfo} from '../package-info.js'

/**
 * Bump when the layout of anything cached changes: old entries are then
 * simply not found, and rebuilt.
 */
const cacheFormat = '2'

/** Bytes of the SHA-256 digest that starts every cache file. */
const digestLength = 32

/**
 * The entry, and its key: the SHA-256 of everything it is built from,
 * which its digest covers too.
 */
interface Entry {
  file: string
  key: Buffer
}

/**
 * Where compiled data is cached: `COPYDESK_CACHE_DIR` when set (tests, CI
 * caches), else the user's cache folder (`~/.cache/copydesk` on Linux, the
 * platform's own elsewhere).
 *
 * @returns The folder, or `undefined` for none: a home or cache folder
 *   that is not an absolute path (`HOME=`) would put the cache under the
 *   working folder, that is in the repository being linted.
 */
export function cacheFolder(): string | undefined {
  const chosen = process.env.COPYDESK_CACHE_DIR
  if (chosen) return path.resolve(chosen)
  const folder = envPaths('copydesk', {suffix: ''}).cache
  return path.isAbsolute(folder) ? folder : undefined
}

/**
 * Get data compiled from some inputs, from the disk cache when an entry for
 * exactly these inputs is there and intact, else by building it (and caching
 * it for the next process).
 *
 * Building a dictionary's word forms or suggestion index costs far more than
 * reading them back, and a hook pays it on every commit. An entry is named
 * by the SHA-256 of the inputs' contents, so an updated dictionary package
 * never reads a stale entry, and starts with the SHA-256 of those inputs
 * and its own contents, so a damaged file, or one left under the name by
 * other inputs, is rebuilt rather than trusted. An entry another user
 * owns, or that others may write, is not read at all (see `trustedEntry`).
 * A cache that cannot be read or written (read-only home, full disk, a
 * file where the folder should be) costs time, never a failure.
 *
 * @param kind What is cached, part of the file name (`forms-en-US`).
 * @param inputs Everything the data is built from: contents, or their `fileDigest`.
 * @param build Build the data from the inputs.
 * @returns The data.
 */
export function cachedBytes(kind: string, inputs: readonly Uint8Array[], build: () => Uint8Array): Uint8Array {
  const entry = entryOf(kind, inputs)
  const stored = entry && readEntry(entry)
  if (stored) return stored
  const data = build()
  if (entry) writeEntry(entry, kind, data)
  return data
}

/**
 * Get text compiled from some inputs, from the disk cache, as `cachedBytes`
 * gets bytes.
 *
 * Text that fits in Latin-1 is stored one byte a character and read back
 * with a plain copy: V8 decodes UTF-8 with accented letters in it (the
 * dictionaries' `café`) several times slower. And since the caller keeps
 * the string, not the bytes, entries are read into one buffer shared by
 * the reads of one turn of the event loop: a hook run reads two
 * dictionaries' forms and more while it lints its story, and memory a
 * process has not touched yet costs more to fill than memory it has. The
 * buffer is let go at the next turn, not kept for the process: a long
 * run reads little after its first stories, and each of its threads
 * would hold the largest entry's size (over 1 MB) to the end.
 *
 * @param kind What is cached, part of the file name (`forms-en-US`).
 * @param inputs Everything the text is built from: contents, or their `fileDigest`.
 * @param build Build the text from the inputs.
 * @returns The text.
 */
export function cachedText(kind: string, inputs: readonly Uint8Array[], build: () => string): string {
  const entry = entryOf(kind, inputs)
  const stored = entry && readTextEntry(entry)
  if (stored !== undefined) return stored
  const text = build()
  const latin1 = !/[^\0-\xff]/.test(text)
  if (entry) writeEntry(entry, kind, Buffer.concat([Buffer.of(latin1 ? latin1Text : utf8Text), Buffer.from(text, latin1 ? 'latin1' : 'utf8')]))
  return text
}

/** First byte of a text entry's data: how the rest is encoded. */
const latin1Text = 1
const utf8Text = 0

/** copydesk's version, part of every key (see `entryOf`). */
let version: string | undefined

/**
 * The entry for some inputs: its file, named by the inputs' SHA-256, and
 * that SHA-256 in full. The key holds copydesk's version too: the code
 * that builds an entry is among what it is built from, and an upgrade
 * that changed it but kept the dictionaries would read entries the old
 * code built (a kind's own number, `forms-3`, is bumped between releases).
 *
 * @param kind What is cached.
 * @param inputs Everything it is built from.
 * @returns The entry, or `undefined` when there is no cache folder.
 */
function entryOf(kind: string, inputs: readonly Uint8Array[]): Entry | undefined {
  const folder = cacheFolder()
  if (!folder) return undefined
  version ??= packageInfo().version
  const hash = createHash('sha256').update(cacheFormat + '\0' + version + '\0' + kind + '\0')
  for (const input of inputs) hash.update(createHash('sha256').update(input).digest())
  const key = hash.digest()
  return {file: path.join(folder, `${kind}-${key.toString('hex').slice(0, 32)}.bin`), key}
}

/**
 * Write an entry, headed by the digest of its key and data, and remove the
 * entries of its kind made from other inputs.
 *
 * @param entry The entry.
 * @param kind What is cached.
 * @param data Its data.
 */
function writeEntry(entry: Entry, kind: string, data: Uint8Array): void {
  const temporary = path.join(path.dirname(entry.file), `.${path.basename(entry.file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    fs.mkdirSync(path.dirname(entry.file), {recursive: true})
    // Written whole under another name, then renamed: a hook running beside
    // this one never reads half an entry. Not writable by group or others,
    // whatever the umask, or `trustedEntry` would turn it down.
    fs.writeFileSync(temporary, Buffer.concat([digest(entry.key, data), data]), {flag: 'wx', mode: 0o644})
    fs.renameSync(temporary, entry.file)
    removeOtherEntries(entry.file, kind)
  } catch {
    // Not cached this time: the next process builds it again.
    try {
      fs.rmSync(temporary, {force: true})
    } catch {}
  }
}

/**
 * Remove the entries of a kind built from other inputs (an earlier version
 * of a dictionary package): they would never be read again.
 *
 * @param file The entry just written.
 * @param kind Its kind.
 */
function removeOtherEntries(file: string, kind: string): void {
  const folder = path.dirname(file)
  const own = new RegExp('^' + kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '-[\\da-f]{32}\\.bin$')
  for (const name of fs.readdirSync(folder)) {
    if (own.test(name) && name !== path.basename(file)) fs.rmSync(path.join(folder, name), {force: true})
  }
}

/**
 * Open an entry to read it, if it is a regular file copydesk may trust:
 * one the current user owns and that neither group nor others may write,
 * where the system has owners (not Windows). The digest that heads an
 * entry tells a damaged entry from an intact one, but anyone who can
 * write the file can compute it too: a cache folder that others can
 * write (a shared /tmp) must not let them choose this user's results.
 * A symbolic link is not followed, and a FIFO is not waited on.
 *
 * @param file The entry's path.
 * @returns The open file and its size, or `undefined`.
 */
function openTrusted(file: string): {fd: number; size: number} | undefined {
  let fd: number
  try {
    // Without waiting: a FIFO planted at the entry's name is then not a regular file, not a hang.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0))
  } catch {
    return undefined
  }
  try {
    const stats = fs.fstatSync(fd)
    if (trustedEntry(stats)) return {fd, size: stats.size}
  } catch {}
  fs.closeSync(fd)
  return undefined
}

/**
 * Whether a cache file's owner and mode let copydesk trust it (see `openTrusted`).
 *
 * @param stats The file's status.
 * @returns Whether it is a regular file of this user that only this user may write.
 */
export function trustedEntry(stats: fs.Stats): boolean {
  if (!stats.isFile()) return false
  const uid = process.getuid?.()
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0)
}

/**
 * Read all of an open file into a buffer.
 *
 * @param fd The open file.
 * @param buffer Where to read it, at least `size` bytes.
 * @param size Its size.
 * @returns Whether it was read whole.
 */
function readWhole(fd: number, buffer: Buffer, size: number): boolean {
  let read = 0
  while (read < size) {
    const count = fs.readSync(fd, buffer, read, size - read, read)
    if (count === 0) return false
    read += count
  }
  return true
}

/**
 * Read a cache entry if it is there, trusted and intact.
 *
 * @param entry The entry.
 * @returns Its data, or `undefined`.
 */
function readEntry(entry: Entry): Uint8Array | undefined {
  const opened = openTrusted(entry.file)
  if (!opened) return undefined
  try {
    const bytes = Buffer.allocUnsafe(opened.size)
    if (opened.size < digestLength || !readWhole(opened.fd, bytes, opened.size)) return undefined
    const data = bytes.subarray(digestLength)
    return digest(entry.key, data).equals(bytes.subarray(0, digestLength)) ? data : undefined
  } catch {
    return undefined
  } finally {
    fs.closeSync(opened.fd)
  }
}

/** The buffer text entries are read into in this turn of the event loop (see `cachedText`). */
let scratch: Buffer | undefined

/**
 * Read a text entry if it is there, trusted and intact.
 *
 * @param entry The entry.
 * @returns Its text, or `undefined`.
 */
function readTextEntry(entry: Entry): string | undefined {
  const opened = openTrusted(entry.file)
  if (!opened) return undefined
  const {fd, size} = opened
  try {
    if (size <= digestLength) return undefined
    if (!scratch || scratch.length < size) {
      if (!scratch) setImmediate(() => (scratch = undefined)).unref()
      scratch = Buffer.allocUnsafeSlow(size)
    }
    if (!readWhole(fd, scratch, size)) return undefined
    const data = scratch.subarray(digestLength, size)
    if (!digest(entry.key, data).equals(scratch.subarray(0, digestLength))) return undefined
    if (data[0] !== latin1Text && data[0] !== utf8Text) return undefined
    return data.toString(data[0] === latin1Text ? 'latin1' : 'utf8', 1)
  } catch {
    return undefined
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The digest that heads an entry: SHA-256 of its key and its data, so
 * that an entry is read only for the inputs it was built from, and whole.
 *
 * @param key The entry's key.
 * @param data Its data.
 * @returns Digest.
 */
function digest(key: Uint8Array, data: Uint8Array): Buffer {
  return createHash('sha256').update(key).update(data).digest()
}

/** The digests `fileDigest` has taken in this process, by the file's path and status. */
const fileDigests = new Map<string, Buffer>()

/**
 * How long after its last change a file's digest is kept in the cache:
 * a file changed within the same tick of its change time as it was hashed
 * would keep its status, as git's index knows (its "racily clean" files).
 */
const settledAfterMs = 2000

/**
 * A file's identity for a cache key: the SHA-256 of its contents. Not its
 * size and modification time: npm gives every file it installs the same
 * time, so an upgrade whose list kept its size would read the entry built
 * from the old list.
 *
 * Hashing every large file a hook run keys by (about 7 MB, the 3.6 MB
 * word-frequency list the largest) cost a hook run some 10 ms, so the
 * digest is kept in the cache, under the file's path, device, inode, size,
 * modification time and change time. The change time is what makes that
 * sound: no program sets it (npm sets the modification time only), and the
 * system sets it to the present whenever the file is written, renamed or
 * installed anew; a file changed in the last two seconds is hashed, not
 * kept, since a second write in the same tick would leave its status as
 * it was. A kept digest is an entry like any other: damaged, planted or
 * missing, the file is hashed again.
 *
 * @param file The file.
 * @returns The digest, as bytes for `cachedBytes`.
 */
export function fileDigest(file: string): Uint8Array {
  const resolved = path.resolve(file)
  const stats = fs.statSync(resolved, {bigint: true})
  const status = [resolved, stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join('\0')
  let known = fileDigests.get(status)
  if (!known) {
    const hash = (): Buffer => createHash('sha256').update(fs.readFileSync(resolved)).digest()
    if (Date.now() - Number(stats.ctimeMs) < settledAfterMs) known = hash()
    else {
      // One entry a file, named by its path: a new version replaces the old.
      const kind = 'digest-' + createHash('sha256').update(resolved).digest('hex').slice(0, 16)
      known = Buffer.from(cachedBytes(kind, [Buffer.from(status)], hash))
    }
    fileDigests.set(status, known)
  }
  return known
}
