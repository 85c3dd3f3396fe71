import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {promisify} from 'node:util'
import {expect, test} from 'vitest'
import {makeTree} from './helpers.js'

const bin = path.join(import.meta.dirname, '..', 'bin', 'copydesk.js')

/**
 * Run the installed command, as a user does.
 *
 * @param args Arguments.
 * @param cwd Working directory.
 * @param cache Cache folder.
 * @returns Exit code and output.
 */
async function run(args: string[], cwd: string, cache: string): Promise<{code: number; stdout: string; stderr: string}> {
  const env = {...process.env, COPYDESK_CACHE_DIR: cache}
  try {
    const {stdout, stderr} = await promisify(execFile)(process.execPath, [bin, ...args], {cwd, env})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

test('the first run leaves a code cache, and later runs give the same report from it', async () => {
  const cwd = await makeTree({'story.txt': 'The mayor said teh council would meet.\n'})
  const cache = path.join(cwd, 'cache')
  const first = await run(['--no-config', '--format', 'json', 'story.txt'], cwd, cache)
  const entries = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  expect(entries).toHaveLength(1)
  const second = await run(['--no-config', '--format', 'json', 'story.txt'], cwd, cache)
  expect(first.code).toBe(1)
  expect(second).toEqual(first)
  expect(JSON.parse(first.stdout)[0].messages.map((message: {actual: string}) => message.actual)).toEqual(['teh'])
})

test('a damaged code cache is turned down and replaced, not trusted', async () => {
  const cwd = await makeTree({'story.txt': 'The mayor said teh council would meet.\n'})
  const cache = path.join(cwd, 'cache')
  const first = await run(['--no-config', '--format', 'json', 'story.txt'], cwd, cache)
  const [entry] = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  const file = path.join(cache, entry ?? '')
  const bytes = await fs.readFile(file)
  await fs.writeFile(file, bytes.subarray(0, 64))
  expect(await run(['--no-config', '--format', 'json', 'story.txt'], cwd, cache)).toEqual(first)
  expect((await fs.readFile(file)).length).toBeGreaterThan(bytes.length / 2)
})

test('a run on worker threads from the cached script says nothing on standard error', async () => {
  const cwd = await makeTree({
    'one.txt': 'The mayor said teh council would meet.\n',
    'two.txt': 'The council met on Monday and voted.\n'
  })
  const cache = path.join(cwd, 'cache')
  // The first run compiles the script afresh, the second reads the code cache.
  const threads = await run(['--jobs', '2', '--no-config', '--format', 'json', 'one.txt', 'two.txt'], cwd, cache)
  const cached = await run(['--jobs', '2', '--no-config', '--format', 'json', 'one.txt', 'two.txt'], cwd, cache)
  const main = await run(['--jobs', '1', '--no-config', '--format', 'json', 'one.txt', 'two.txt'], cwd, cache)
  expect(threads.stderr).toBe('')
  expect(threads).toEqual(main)
  expect(cached).toEqual(main)
})

test('a later run takes the code cache as it is, without writing it again', async () => {
  const cwd = await makeTree({'story.txt': 'The mayor said teh council would meet.\n'})
  const cache = path.join(cwd, 'cache')
  await run(['--no-config', 'story.txt'], cwd, cache)
  const [entry] = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  const file = path.join(cache, entry ?? '')
  const written = (await fs.stat(file)).mtimeMs
  // V8 turns down a cache made under other flags, and the run would write a new one.
  await new Promise((resolve) => setTimeout(resolve, 20))
  await run(['--no-config', 'story.txt'], cwd, cache)
  expect((await fs.stat(file)).mtimeMs).toBe(written)
})

test('a new code cache replaces those of earlier builds of the script, not those of a copydesk installed elsewhere', async () => {
  const cwd = await makeTree({'story.txt': 'The mayor said teh council would meet.\n'})
  const cache = path.join(cwd, 'cache')
  await run(['--no-config', 'story.txt'], cwd, cache)
  const [entry = ''] = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  const script = entry.slice(0, entry.lastIndexOf('-') + 1)
  const earlier = script + '0'.repeat(20) + '.bin'
  const elsewhere = ['code-' + '1'.repeat(20) + '-' + '0'.repeat(20) + '.bin', 'code-' + '2'.repeat(40) + '.bin']
  for (const name of [earlier, ...elsewhere]) await fs.writeFile(path.join(cache, name), 'cache')
  // A damaged cache is written afresh, as after a new build.
  await fs.writeFile(path.join(cache, entry), 'damaged')
  await run(['--no-config', 'story.txt'], cwd, cache)
  const left = (await fs.readdir(cache)).filter((name) => name.startsWith('code-'))
  expect(left.sort()).toEqual([entry, ...elsewhere].sort())
})

test.runIf(process.platform === 'linux')('without COPYDESK_CACHE_DIR the code cache goes in the cache folder the data goes in', async () => {
  const cwd = await makeTree({'story.txt': 'The mayor said teh council would meet.\n'})
  const env: NodeJS.ProcessEnv = {...process.env, XDG_CACHE_HOME: path.join(cwd, 'xdg')}
  delete env.COPYDESK_CACHE_DIR
  await promisify(execFile)(process.execPath, [bin, '--no-config', 'story.txt'], {cwd, env}).catch(() => undefined)
  const names = await fs.readdir(path.join(cwd, 'xdg', 'copydesk'))
  expect(names.filter((name) => name.startsWith('code-'))).toHaveLength(1)
  expect(names.filter((name) => name.startsWith('forms-'))).not.toHaveLength(0)
})

test('a reader that closes the pipe early stops copydesk quietly, as it stops git and grep', async () => {
  // About 1.6 MB of JSON: far more than a pipe holds, so writing goes on after the reader has gone.
  const cwd = await makeTree({'story.txt': 'Teh mayor said teh budgett was sett.\n\n'.repeat(1500)})
  const child = spawn(process.execPath, [bin, '--no-config', '--format', 'json', 'story.txt'], {
    cwd,
    env: {...process.env, COPYDESK_CACHE_DIR: path.join(cwd, 'cache')}
  })
  const stderr: string[] = []
  child.stderr.on('data', (chunk: Buffer) => stderr.push(String(chunk)))
  // `| head -c 1`: read one chunk, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy())
  const code = await new Promise((resolve) => child.on('close', resolve))
  expect(stderr.join('')).toBe('')
  expect(code).toBe(141)
})

test('a story with 150,000 findings gets its whole pretty report, not an internal error', async () => {
  // Past some 120,000 rows for one file, vfile-reporter's spread push threw (see scripts/bundle.js).
  const cwd = await makeTree({'story.txt': 'word '.repeat(300_000) + '\n'})
  const env = {...process.env, COPYDESK_CACHE_DIR: path.join(cwd, 'cache'), NO_COLOR: '1'}
  const failed = await promisify(execFile)(process.execPath, [bin, '--no-config', 'story.txt'], {cwd, env, maxBuffer: 1 << 30}).then(
    () => undefined,
    (error: unknown) => error as {code: number; stdout: string; stderr: string}
  )
  expect(failed?.code).toBe(1)
  expect(failed?.stderr).toBe('')
  const lines = failed?.stdout.trimEnd().split('\n') ?? []
  expect(lines).toHaveLength(1 + 150_000 + 2)
  expect(lines[1]).toBe(
    '1:1-1:10            error Unexpected repeated word `word word`, expected `word` repeated-words retext-repeated-words'
  )
  expect(lines.at(-1)).toBe('✖ 150000 errors')
}, 60_000)
