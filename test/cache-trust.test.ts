import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import process from 'node:process'
import {promisify} from 'node:util'
import vm from 'node:vm'
import {expect, test} from 'vitest'
import {makeTree} from './helpers.js'

// A cache is a speed-up and nothing more: whatever is in its folder, or
// whatever the folder is, a run gives the findings and exit code it gives
// without one. Each case runs the installed command, as a hook does.

const root = path.join(import.meta.dirname, '..')
const bin = path.join(root, 'bin', 'copydesk.js')

const story = [
  'The mayor said teh budgett was sett on Monday.',
  '',
  'Officials in Kiev met the council, and the the vote is on Tuesday.',
  ''
].join('\n')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/**
 * Run a copydesk command in a folder with some environment.
 *
 * @param script The command's script.
 * @param cwd Working folder.
 * @param env Variables to set (`undefined` to unset).
 * @returns Exit code and output.
 */
async function run(script: string, cwd: string, env: Record<string, string | undefined>): Promise<Run> {
  const merged: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name]
    else merged[name] = value
  }
  try {
    const {stdout, stderr} = await promisify(execFile)(process.execPath, [script, '--format', 'json', 'story.md'], {cwd, env: merged})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

/**
 * The slips a report names, to say what changed when a run differs.
 *
 * @param result A run.
 * @returns The `actual` of each finding.
 */
function slips(result: Run): string[] {
  const files = JSON.parse(result.stdout) as Array<{messages: Array<{actual: string}>}>
  return files.flatMap((file) => file.messages.map((message) => message.actual))
}

/**
 * A folder with the story and a cache folder filled by one run.
 *
 * @returns The folder, its cache, and the run that filled it.
 */
async function warmed(): Promise<{cwd: string; cache: string; first: Run}> {
  const cwd = await makeTree({'story.md': story})
  const cache = path.join(cwd, 'cache')
  const first = await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})
  expect(first.code).toBe(1)
  expect(slips(first)).toEqual(['teh', 'budgett', 'Kiev', 'the the'])
  return {cwd, cache, first}
}

test('flipped bytes in every cache file change neither the findings nor the exit code', async () => {
  const {cwd, cache, first} = await warmed()
  const files = (await fs.readdir(cache)).filter((name) => name.endsWith('.bin'))
  expect(files.some((name) => name.startsWith('code-'))).toBe(true)
  expect(files.length).toBeGreaterThan(5)
  // Each round damages every file at other places: the digest, the first
  // bytes of the data, the middle, the last byte.
  for (const places of [[0], [40, 41], ['middle'], ['last']] as const) {
    for (const name of (await fs.readdir(cache)).filter((name) => name.endsWith('.bin'))) {
      const file = path.join(cache, name)
      const bytes = await fs.readFile(file)
      for (const place of places) {
        const at = place === 'middle' ? bytes.length >> 1 : place === 'last' ? bytes.length - 1 : Math.min(place, bytes.length - 1)
        bytes[at] = (bytes[at] ?? 0) ^ 0xff
      }
      await fs.writeFile(file, bytes)
    }
    const damaged = await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})
    expect(slips(damaged)).toEqual(slips(first))
    expect(damaged).toEqual(first)
  }
}, 240_000)

test.runIf(process.platform !== 'win32')('a FIFO planted at every cache entry\'s name is never waited on: the same findings, and the code cache is rebuilt', async () => {
  const {cwd, cache, first} = await warmed()
  const names = (await fs.readdir(cache)).filter((name) => name.endsWith('.bin'))
  expect(names.some((name) => name.startsWith('code-'))).toBe(true)
  for (const name of names) {
    await fs.rm(path.join(cache, name))
    await promisify(execFile)('mkfifo', [path.join(cache, name)])
  }
  // A FIFO opened to read waits for a writer: a hang would end the test at its timeout.
  const planted = await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})
  expect(planted).toEqual(first)
  for (const name of names.filter((name) => name.startsWith('code-'))) expect((await fs.lstat(path.join(cache, name))).isFile()).toBe(true)
  expect(await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual(first)
}, 120_000)

test('zeroed bytes in the code cache never crash a run, and the cache is rebuilt', async () => {
  const {cwd, cache, first} = await warmed()
  const [name = ''] = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  const file = path.join(cache, name)
  const bytes = await fs.readFile(file)
  bytes.fill(0, bytes.length >> 1, (bytes.length >> 1) + 16)
  await fs.writeFile(file, bytes)
  expect(await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual(first)
  expect((await fs.readFile(file)).equals(bytes)).toBe(false)
  expect(await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual(first)
}, 120_000)

/**
 * An installation of the command whose CLI script is some source: the
 * real bin/copydesk.js, with a small script of our own in place of the
 * bundle, so that a cache of one script can be offered to another.
 *
 * @param source The script.
 * @returns The command's path, and the script's.
 */
async function installation(source: string): Promise<{command: string; script: string; cwd: string}> {
  const cwd = await makeTree({
    'bin/copydesk.js': await fs.readFile(bin),
    'bin/package.json': await fs.readFile(path.join(root, 'bin', 'package.json')),
    'dist/copydesk.cjs': source,
    'story.md': story
  })
  return {command: path.join(cwd, 'bin', 'copydesk.js'), script: path.join(cwd, 'dist', 'copydesk.cjs'), cwd}
}

/**
 * A CLI script that says which one it is, wrapped as the bundle is.
 *
 * @param word What it writes.
 * @returns Its source.
 */
const sayingScript = (word: string): string =>
  `(function (exports, require, module, __filename, __dirname) {\nexports.main = async function (args, io) {\n  io.stdout.write(${JSON.stringify(word)} + '\\n')\n  return 0\n}\n})`

test('a code cache built from another script of the same length and time is not run: an upgrade runs its own code', async () => {
  const {command, script, cwd} = await installation(sayingScript('old release'))
  const cache = path.join(cwd, 'cache')
  const installed = new Date('1985-10-26T08:15:00Z')
  await fs.utimes(script, installed, installed)
  expect((await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).stdout).toBe('old release\n')
  expect((await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).stdout).toBe('old release\n')
  // npm installs the new release with the same time on every file.
  await fs.writeFile(script, sayingScript('new release'))
  await fs.utimes(script, installed, installed)
  expect(await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual({code: 0, stdout: 'new release\n', stderr: ''})
})

test('a code cache V8 turns down is not kept: the run compiles afresh and writes a cache it takes', async () => {
  const source = sayingScript('own script')
  const {command, cwd} = await installation(source)
  const cache = path.join(cwd, 'cache')
  await run(command, cwd, {COPYDESK_CACHE_DIR: cache})
  const [name = ''] = await fs.readdir(cache)
  // A cache V8 made for another script, headed by a digest that fits this
  // one (the entry's layout: SHA-256 of the script's SHA-256 and the cache).
  const other = new vm.Script('(function (exports) {\nexports.main = () => 0\n})').createCachedData()
  const scriptDigest = createHash('sha256').update(source).digest()
  const forged = Buffer.concat([createHash('sha256').update(scriptDigest).update(other).digest(), other])
  await fs.writeFile(path.join(cache, name), forged)
  expect(await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual({code: 0, stdout: 'own script\n', stderr: ''})
  const rewritten = await fs.readFile(path.join(cache, name))
  expect(rewritten.equals(forged)).toBe(false)
  // The new one is taken as it is: the next run does not write it again.
  const written = (await fs.stat(path.join(cache, name))).mtimeMs
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect((await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).stdout).toBe('own script\n')
  expect((await fs.stat(path.join(cache, name))).mtimeMs).toBe(written)
})

test.runIf(process.platform !== 'win32')('a planted code cache that others may write is not run, though its digest fits', async () => {
  // V8 runs a cache of another script of the same length as that script.
  const {command, script, cwd} = await installation(sayingScript('planted code'))
  const cache = path.join(cwd, 'cache')
  await run(command, cwd, {COPYDESK_CACHE_DIR: cache})
  const [planted = ''] = await fs.readdir(cache)
  const plantedData = (await fs.readFile(path.join(cache, planted))).subarray(32)
  const source = sayingScript('own script!!')
  await fs.writeFile(script, source)
  await run(command, cwd, {COPYDESK_CACHE_DIR: cache})
  const [name = ''] = await fs.readdir(cache)
  expect(name).not.toBe(planted)
  const file = path.join(cache, name)
  const scriptDigest = createHash('sha256').update(source).digest()
  await fs.writeFile(file, Buffer.concat([createHash('sha256').update(scriptDigest).update(plantedData).digest(), plantedData]))
  await fs.chmod(file, 0o666)
  expect(await run(command, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual({code: 0, stdout: 'own script!!\n', stderr: ''})
  // Turned down, it was written afresh as the user's own.
  expect((await fs.stat(file)).mode & 0o022).toBe(0)
})

/**
 * The path of a forged entry of the en-US word forms, with `budgett`
 * among them and a digest that fits, as anyone who can write the cache
 * folder could compute it (see src/words/disk-cache.ts).
 *
 * @param cache The cache folder, after a run.
 * @returns The entry's path, once written.
 */
async function forgeBudgett(cache: string): Promise<string> {
  const [name = ''] = (await fs.readdir(cache)).filter((name) => name.startsWith('forms-3-en-US-'))
  const file = path.join(cache, name)
  const bytes = await fs.readFile(file)
  const text = bytes.subarray(33).toString('latin1')
  expect(text).toContain('\nbudget\n')
  const data = Buffer.concat([bytes.subarray(32, 33), Buffer.from(text.replace('\nbudget\n', '\nbudget\nbudgett\n'), 'latin1')])
  const folder = path.dirname(createRequire(import.meta.url).resolve('dictionary-en'))
  const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest()
  const key = createHash('sha256')
    .update(`2\0${JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')).version}\0forms-3-en-US\0`)
    .update(sha256(await fs.readFile(path.join(folder, 'index.aff'))))
    .update(sha256(await fs.readFile(path.join(folder, 'index.dic'))))
    .digest()
  expect(key.toString('hex').slice(0, 32)).toBe(name.slice('forms-3-en-US-'.length, -'.bin'.length))
  await fs.rm(file)
  await fs.writeFile(file, Buffer.concat([createHash('sha256').update(key).update(data).digest(), data]), {mode: 0o644})
  return file
}

test.runIf(process.platform !== 'win32')('a forged word-forms entry that others may write does not make `budgett` pass', async () => {
  const {cwd, cache, first} = await warmed()
  const forged = await forgeBudgett(cache)
  await fs.chmod(forged, 0o666)
  expect(await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual(first)
}, 120_000)

test.runIf(process.getuid?.() === 0)('a forged word-forms entry another user owns does not make `budgett` pass', async () => {
  const {cwd, cache, first} = await warmed()
  const forged = await forgeBudgett(cache)
  await fs.chown(forged, 65_534, 65_534)
  expect(await run(bin, cwd, {COPYDESK_CACHE_DIR: cache})).toEqual(first)
}, 120_000)

/** Cache settings that leave no usable cache folder, and how to make each. */
const unusable: Array<[string, (cwd: string) => Promise<Record<string, string | undefined>>]> = [
  ['HOME=/dev/null', async () => ({HOME: '/dev/null', COPYDESK_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined})],
  ['HOME= (empty)', async () => ({HOME: '', COPYDESK_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined})],
  ['COPYDESK_CACHE_DIR=/dev/null', async () => ({COPYDESK_CACHE_DIR: '/dev/null'})],
  [
    'COPYDESK_CACHE_DIR at a regular file',
    async (cwd) => (await fs.writeFile(path.join(cwd, 'cache-file'), 'not a folder'), {COPYDESK_CACHE_DIR: path.join(cwd, 'cache-file')})
  ],
  [
    'COPYDESK_CACHE_DIR at a folder under a regular file',
    async (cwd) => (await fs.writeFile(path.join(cwd, 'cache-file'), 'x'), {COPYDESK_CACHE_DIR: path.join(cwd, 'cache-file', 'copydesk')})
  ]
]
if (process.getuid?.() !== 0 && process.platform !== 'win32') {
  unusable.push([
    'COPYDESK_CACHE_DIR at a read-only folder',
    async (cwd) => (await fs.mkdir(path.join(cwd, 'read-only'), {mode: 0o500}), {COPYDESK_CACHE_DIR: path.join(cwd, 'read-only')})
  ])
}
// A folder even root cannot write in.
if (process.platform === 'linux') unusable.push(['COPYDESK_CACHE_DIR at a read-only folder (/sys)', async () => ({COPYDESK_CACHE_DIR: '/sys'})])

/** The run with a usable cache that the runs without one are compared with. */
let reference: Promise<Run> | undefined

test.each(unusable)('%s: a clean run with the same findings, only slower', async (_, setting) => {
  reference ??= warmed().then(({first}) => first)
  const first = await reference
  const cwd = await makeTree({'story.md': story})
  const before = (await fs.readdir(cwd)).sort()
  const result = await run(bin, cwd, await setting(cwd))
  expect(result).toEqual(first)
  // Nothing was written in the working folder, that is in the repository.
  expect((await fs.readdir(cwd)).filter((name) => !before.includes(name) && name !== 'cache-file' && name !== 'read-only')).toEqual([])
}, 120_000)
