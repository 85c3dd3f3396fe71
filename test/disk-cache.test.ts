import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {afterEach, beforeEach, expect, test} from 'vitest'
import {cachedBytes, cachedText, fileDigest} from '../src/words/disk-cache.js'

let folder: string
const previous = process.env.COPYDESK_CACHE_DIR

beforeEach(function () {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cache-'))
  process.env.COPYDESK_CACHE_DIR = path.join(folder, 'cache')
})

afterEach(function () {
  if (previous === undefined) delete process.env.COPYDESK_CACHE_DIR
  else process.env.COPYDESK_CACHE_DIR = previous
  fs.chmodSync(folder, 0o700)
  fs.rmSync(folder, {recursive: true, force: true})
})

/** A build that counts its calls. */
function counted(value: string) {
  const build = () => {
    build.calls++
    return new TextEncoder().encode(value)
  }
  build.calls = 0
  return build
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

test('builds once, then reads the entry back in the next call', function () {
  const build = counted('forms')
  const input = new TextEncoder().encode('walk/S')
  expect(decode(cachedBytes('forms-test', [input], build))).toBe('forms')
  expect(decode(cachedBytes('forms-test', [input], build))).toBe('forms')
  expect(build.calls).toBe(1)
})

test('other inputs are another entry: an updated dictionary never reads a stale one', function () {
  const first = counted('old')
  const second = counted('new')
  cachedBytes('forms-test', [new TextEncoder().encode('walk/S')], first)
  expect(decode(cachedBytes('forms-test', [new TextEncoder().encode('walk/SD')], second))).toBe('new')
  expect(second.calls).toBe(1)
})

test('a damaged entry is rebuilt, not trusted', function () {
  const input = new TextEncoder().encode('walk/S')
  cachedBytes('forms-test', [input], counted('forms'))
  const [entry] = fs.readdirSync(path.join(folder, 'cache'))
  const file = path.join(folder, 'cache', entry ?? '')
  const bytes = fs.readFileSync(file)
  bytes[bytes.length - 1] = 0x21
  fs.writeFileSync(file, bytes)
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [input], build))).toBe('forms')
  expect(build.calls).toBe(1)
  expect(decode(fs.readFileSync(file).subarray(32))).toBe('forms')
})

test.skipIf(process.getuid?.() === 0)('a cache folder that cannot be written costs time, not a failure', function () {
  fs.chmodSync(folder, 0o500)
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [new Uint8Array([1])], build))).toBe('forms')
  expect(decode(cachedBytes('forms-test', [new Uint8Array([1])], build))).toBe('forms')
  expect(build.calls).toBe(2)
})

test('a cache path that is a file costs time, not a failure', function () {
  process.env.COPYDESK_CACHE_DIR = path.join(folder, 'file')
  fs.writeFileSync(path.join(folder, 'file'), 'not a folder')
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [new Uint8Array([1])], build))).toBe('forms')
  expect(build.calls).toBe(1)
})

test('a new entry of a kind removes the entries of that kind built from other inputs', function () {
  cachedBytes('forms-test', [new Uint8Array([1])], counted('old'))
  cachedBytes('other-test', [new Uint8Array([1])], counted('other'))
  cachedBytes('forms-test', [new Uint8Array([2])], counted('new'))
  const names = fs.readdirSync(path.join(folder, 'cache'))
  expect(names.filter((name) => name.startsWith('forms-test-'))).toHaveLength(1)
  expect(names.filter((name) => name.startsWith('other-test-'))).toHaveLength(1)
  expect(decode(cachedBytes('forms-test', [new Uint8Array([2])], counted('rebuilt')))).toBe('new')
})

test.each([
  ['Latin-1', 'café\nZürich\n'],
  ['wider than Latin-1', 'Łódź\n’\n🪦'],
  ['empty', '']
])('text that is %s is read back as it was built, after a larger entry', function (_, text) {
  const input = new Uint8Array([1])
  cachedText('large-test', [input], () => 'x'.repeat(100_000))
  let calls = 0
  const build = () => {
    calls++
    return text
  }
  expect(cachedText('text-test', [input], build)).toBe(text)
  expect(cachedText('text-test', [input], build)).toBe(text)
  expect(calls).toBe(1)
})

test('a damaged text entry is rebuilt, not trusted', function () {
  const input = new Uint8Array([1])
  cachedText('text-test', [input], () => 'café')
  const [entry] = fs.readdirSync(path.join(folder, 'cache'))
  const file = path.join(folder, 'cache', entry ?? '')
  const bytes = fs.readFileSync(file)
  bytes[bytes.length - 1] = 0x21
  fs.writeFileSync(file, bytes)
  let calls = 0
  expect(cachedText('text-test', [input], () => (calls++, 'café'))).toBe('café')
  expect(calls).toBe(1)
  fs.writeFileSync(file, bytes.subarray(0, 10))
  expect(cachedText('text-test', [input], () => (calls++, 'café'))).toBe('café')
  expect(calls).toBe(2)
})

/**
 * The one entry in the cache folder.
 *
 * @returns Its path.
 */
function onlyEntry(): string {
  const names = fs.readdirSync(path.join(folder, 'cache')).filter((name) => name.endsWith('.bin'))
  expect(names).toHaveLength(1)
  return path.join(folder, 'cache', names[0] ?? '')
}

test('a list that changed but kept its size and time gets a new entry: npm gives every file the same time', function () {
  const list = path.join(folder, 'words.txt')
  const installed = new Date('1985-10-26T08:15:00Z')
  fs.writeFileSync(list, 'budget\n')
  fs.utimesSync(list, installed, installed)
  expect(decode(cachedBytes('list-test', [fileDigest(list)], counted('budget')))).toBe('budget')
  // The upgrade: other words, the same length, the same time.
  fs.writeFileSync(list, 'budgett')
  fs.utimesSync(list, installed, installed)
  const build = counted('budgett')
  expect(decode(cachedBytes('list-test', [fileDigest(list)], build))).toBe('budgett')
  expect(build.calls).toBe(1)
})

test('an entry of other inputs copied under an entry’s name is rebuilt, not read', function () {
  cachedBytes('list-test', [new TextEncoder().encode('old list')], counted('budget'))
  const old = fs.readFileSync(onlyEntry())
  cachedBytes('list-test', [new TextEncoder().encode('new list')], counted('budgett'))
  fs.writeFileSync(onlyEntry(), old)
  const build = counted('budgett')
  expect(decode(cachedBytes('list-test', [new TextEncoder().encode('new list')], build))).toBe('budgett')
  expect(build.calls).toBe(1)
})

test.runIf(process.platform !== 'win32')('an entry that group or others may write is not read, though its digest fits', function () {
  const input = new Uint8Array([1])
  cachedBytes('forms-test', [input], counted('forms'))
  fs.chmodSync(onlyEntry(), 0o666)
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [input], build))).toBe('forms')
  expect(build.calls).toBe(1)
  // Written again as its own, it is read.
  cachedBytes('forms-test', [input], build)
  expect(build.calls).toBe(1)
})

test.runIf(process.getuid?.() === 0)('an entry another user owns is not read, though its digest fits', function () {
  const input = new Uint8Array([1])
  cachedBytes('forms-test', [input], counted('forms'))
  fs.chownSync(onlyEntry(), 65_534, 65_534)
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [input], build))).toBe('forms')
  expect(build.calls).toBe(1)
})

test.runIf(process.platform !== 'win32')('an entry that is a symbolic link is not followed', function () {
  const input = new Uint8Array([1])
  cachedText('text-test', [input], () => 'café')
  const entry = onlyEntry()
  fs.renameSync(entry, path.join(folder, 'elsewhere.bin'))
  fs.symlinkSync(path.join(folder, 'elsewhere.bin'), entry)
  let calls = 0
  expect(cachedText('text-test', [input], () => (calls++, 'café'))).toBe('café')
  expect(calls).toBe(1)
})

test.each([
  ['/dev/null', () => '/dev/null'],
  ['a regular file', () => (fs.writeFileSync(path.join(folder, 'file'), 'not a folder'), path.join(folder, 'file'))],
  ['a folder under a regular file', () => (fs.writeFileSync(path.join(folder, 'file'), 'not a folder'), path.join(folder, 'file', 'cache'))]
])('a cache path at %s costs time, not a failure', function (_, cachePath) {
  process.env.COPYDESK_CACHE_DIR = cachePath()
  const build = counted('forms')
  expect(decode(cachedBytes('forms-test', [new Uint8Array([1])], build))).toBe('forms')
  expect(cachedText('text-test', [new Uint8Array([1])], () => 'café')).toBe('café')
  expect(build.calls).toBe(1)
})

test('a digest kept in the cache is not used once the list is written again, though its size and time stay', async function () {
  const list = path.join(folder, 'words.txt')
  const installed = new Date('1985-10-26T08:15:00Z')
  fs.writeFileSync(list, 'budget\n')
  fs.utimesSync(list, installed, installed)
  await new Promise((resolve) => setTimeout(resolve, 2100))
  expect(decode(cachedBytes('list-test', [fileDigest(list)], counted('budget')))).toBe('budget')
  expect(fs.readdirSync(path.join(folder, 'cache')).filter((name) => name.startsWith('digest-'))).toHaveLength(1)
  fs.writeFileSync(list, 'budgett')
  fs.utimesSync(list, installed, installed)
  const build = counted('budgett')
  expect(decode(cachedBytes('list-test', [fileDigest(list)], build))).toBe('budgett')
  expect(build.calls).toBe(1)
  // Changed less than two seconds ago, the list was hashed, and its digest not kept.
  expect(fs.readdirSync(path.join(folder, 'cache')).filter((name) => name.startsWith('digest-'))).toHaveLength(1)
})

test('a damaged kept digest is taken again from the list, not trusted', async function () {
  const list = path.join(folder, 'words.txt')
  fs.writeFileSync(list, 'budget\n')
  const written = new Date(Date.now() - 10_000)
  fs.utimesSync(list, written, written)
  await new Promise((resolve) => setTimeout(resolve, 2100))
  const digest = Buffer.from(fileDigest(list))
  const [kept = ''] = fs.readdirSync(path.join(folder, 'cache')).filter((name) => name.startsWith('digest-'))
  const bytes = fs.readFileSync(path.join(folder, 'cache', kept))
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff
  fs.writeFileSync(path.join(folder, 'cache', kept), bytes)
  // Another process: the digests this one took are not at hand.
  const specifier = '../src/words/disk-cache.js?another-process'
  const {fileDigest: freshDigest} = (await import(/* @vite-ignore */ specifier)) as typeof import('../src/words/disk-cache.js')
  expect(freshDigest).not.toBe(fileDigest)
  expect(Buffer.from(freshDigest(list)).equals(digest)).toBe(true)
})
