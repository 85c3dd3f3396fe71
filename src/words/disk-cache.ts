import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import envPaths from 'env-paths'
import {writeAtomicallySync} from '../files/atomic-write.js'

/**
 * Bump when the layout of anything cached changes: old entries are then
 * simply not found, and rebuilt.
 */
const cacheFormat = '1'

/** Bytes of the SHA-256 digest that starts every cache file. */
const digestLength = 32

/**
 * Where compiled data is cached: `COPYDESK_CACHE_DIR` when set (tests, CI
 * caches), else the user's cache folder (`~/.cache/copydesk` on Linux, the
 * platform's own elsewhere).
 *
 * @returns The folder.
 */
export function cacheFolder(): string {
  return process.env.COPYDESK_CACHE_DIR || envPaths('copydesk', {suffix: ''}).cache
}

/**
 * Get data compiled from some inputs, from the disk cache when an entry for
 * exactly these inputs is there and intact, else by building it (and caching
 * it for the next process).
 *
 * Building a dictionary's word forms or suggestion index costs far more than
 * reading them back, and a hook pays it on every commit. An entry is named
 * by the SHA-256 of the inputs, so an updated dictionary package never reads
 * a stale entry, and starts with the SHA-256 of its own contents, so a
 * damaged file is rebuilt rather than trusted. A cache that cannot be read
 * or written (read-only home, full disk) costs time, never a failure.
 *
 * @param kind What is cached, part of the file name (`forms-en-US`).
 * @param inputs Everything the data is built from.
 * @param build Build the data from the inputs.
 * @returns The data.
 */
export function cachedBytes(kind: string, inputs: readonly Uint8Array[], build: () => Uint8Array): Uint8Array {
  const file = entryFile(kind, inputs)
  const stored = readEntry(file)
  if (stored) return stored
  const data = build()
  writeEntry(file, kind, data)
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
 * @param inputs Everything the text is built from.
 * @param build Build the text from the inputs.
 * @returns The text.
 */
export function cachedText(kind: string, inputs: readonly Uint8Array[], build: () => string): string {
  const file = entryFile(kind, inputs)
  const stored = readTextEntry(file)
  if (stored !== undefined) return stored
  const text = build()
  const latin1 = !/[^\0-\xff]/.test(text)
  writeEntry(file, kind, Buffer.concat([Buffer.of(latin1 ? latin1Text : utf8Text), Buffer.from(text, latin1 ? 'latin1' : 'utf8')]))
  return text
}

/** First byte of a text entry's data: how the rest is encoded. */
const latin1Text = 1
const utf8Text = 0

/**
 * The file of the entry for some inputs.
 *
 * @param kind What is cached.
 * @param inputs Everything it is built from.
 * @returns The entry's path.
 */
function entryFile(kind: string, inputs: readonly Uint8Array[]): string {
  const key = createHash('sha256').update(cacheFormat + '\0' + kind + '\0')
  for (const input of inputs) key.update(input)
  return path.join(cacheFolder(), `${kind}-${key.digest('hex').slice(0, 32)}.bin`)
}

/**
 * Write an entry, headed by the digest of its data, and remove the
 * entries of its kind made from other inputs.
 *
 * @param file The entry's path.
 * @param kind What is cached.
 * @param data Its data.
 */
function writeEntry(file: string, kind: string, data: Uint8Array): void {
  try {
    writeAtomicallySync(file, Buffer.concat([digest(data), data]))
    removeOtherEntries(file, kind)
  } catch {
    // Not cached this time: the next process builds it again.
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
 * Read a cache entry if it is there and intact.
 *
 * @param file Entry path.
 * @returns Its data, or `undefined`.
 */
function readEntry(file: string): Uint8Array | undefined {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    return undefined
  }
  const data = bytes.subarray(digestLength)
  return bytes.length >= digestLength && digest(data).equals(bytes.subarray(0, digestLength)) ? data : undefined
}

/** The buffer text entries are read into in this turn of the event loop (see `cachedText`). */
let scratch: Buffer | undefined

/**
 * Read a text entry if it is there and intact.
 *
 * @param file Entry path.
 * @returns Its text, or `undefined`.
 */
function readTextEntry(file: string): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const size = fs.fstatSync(fd).size
    if (size <= digestLength) return undefined
    if (!scratch || scratch.length < size) {
      if (!scratch) setImmediate(() => (scratch = undefined)).unref()
      scratch = Buffer.allocUnsafeSlow(size)
    }
    let read = 0
    while (read < size) {
      const count = fs.readSync(fd, scratch, read, size - read, read)
      if (count === 0) return undefined
      read += count
    }
    const data = scratch.subarray(digestLength, size)
    if (!digest(data).equals(scratch.subarray(0, digestLength))) return undefined
    return data.toString(data[0] === latin1Text ? 'latin1' : 'utf8', 1)
  } catch {
    return undefined
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * SHA-256 of some bytes.
 *
 * @param data Bytes.
 * @returns Digest.
 */
function digest(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest()
}

/**
 * A file's identity for a cache key without reading it: its path, size and
 * modification time. For large inputs that only change when their package
 * is reinstalled (the 3.6 MB word-frequency list), where hashing the
 * contents on every run would cost more than the cache saves.
 *
 * @param file The file.
 * @returns The identity, as bytes for `cachedBytes`.
 */
export function fileStamp(file: string): Uint8Array {
  const {size, mtimeMs} = fs.statSync(file)
  return new TextEncoder().encode(`${path.resolve(file)}\0${size}\0${mtimeMs}`)
}
