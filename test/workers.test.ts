import fs from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, beforeEach, describe, expect, test, vi} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {isFixable, markFixable} from '../src/settle/fix.js'
import {gatherOutcomes, type Gathered} from '../src/pipeline.js'
import {batchFiles, lintSpread, threadCount, workerMinBytes} from '../src/threads/parallel.js'
import {toInputFile} from '../src/files/read-input.js'
import {applyPlainOutcome, fromPlainInput, toPlainInput, toPlainOutcome} from '../src/threads/transfer.js'
import {makeTree, runCli} from './helpers.js'

// Count the tasks that really go to worker threads, so that a comparison
// of "with workers" and "without" cannot pass because both ran in one thread.
const pool = vi.hoisted(() => ({runs: 0}))
vi.mock('tinypool', async (importOriginal) => {
  const {default: Tinypool} = await importOriginal<typeof import('tinypool')>()
  class CountingPool extends Tinypool {
    override run(task: unknown, options?: Parameters<InstanceType<typeof Tinypool>['run']>[1]): Promise<unknown> {
      pool.runs++
      return super.run(task, options)
    }
  }
  return {default: CountingPool}
})

beforeEach(() => {
  pool.runs = 0
})

/** Stories of every kind of finding, spread over folders with their own configs. */
const stories: Record<string, string> = {
  // A BOM and CRLF line ends; a house-style `prefer` (fixable) and a slip.
  'desk/ferry.txt': '\uFEFFThe night ferry left Kiev at ten.\r\nIts crew waved from teh deck.\r\n',
  // A name spelled two ways (fixable), with a `first used here` cause.
  'desk/talks.txt': 'Talks in Jiangsu went on. Jiangsu officials smiled.\nThe Jiangshu delegation left early.\n',
  // Dialects mixed, a repeated word, a compound written two ways.
  'desk/market.md': '# Market day\n\nThe colour of the stalls, the colour of the tents and the color of the the flags.\n\nA long-term lease, then a long term plan.\n',
  'desk/notes.html': '<p>The harbour master wrote a short nottice.</p>\n',
  'clean.txt': 'The mayor opened the new bridge on Friday.\n',
  // Its own config: an extra word, and a file left out by `ignore`.
  'world/.copydeskrc.json': '{"words": ["Wierzbna"], "ignore": ["skip.txt"]}\n',
  'world/report.txt': 'Rain fell on Wierzbna and on Wierzbno all week.\n',
  'world/skip.txt': 'Nothing here is checked: teh.\n',
  // A broken config: one problem naming it, however many files it covers.
  'broken/.copydeskrc.json': '{"rules": {"spelling": \n',
  'broken/one.txt': 'A story under a broken config.\n',
  'broken/two.txt': 'Another story under it.\n',
  'zeta/late.txt': 'The last story of the run mentions teh budget.\n'
}

let cwd: string

beforeAll(async () => {
  cwd = await makeTree(stories)
})

describe('output with and without workers', () => {
  test.each([
    ['json', ['--format', 'json']],
    ['pretty', ['--format', 'pretty']],
    ['sarif', ['--format', 'sarif']],
    ['github', ['--format', 'github']],
    ['quiet', ['--quiet', '--format', 'json']],
    ['fix dry run', ['--fix-dry-run']],
    ['named files in their own order', ['zeta/late.txt', 'desk/talks.txt', 'clean.txt', 'desk/ferry.txt', '--format', 'json']],
    ['no broken config', ['desk', 'world', 'zeta', 'clean.txt', '--format', 'json']]
  ])('are identical: %s', async (_name, args) => {
    const alone = await runCli(['--jobs', '1', ...args], {cwd})
    expect(pool.runs).toBe(0)
    const spread = await runCli(['--jobs', '3', ...args], {cwd})
    expect(pool.runs).toBeGreaterThan(0)
    expect(spread).toEqual(alone)
  })

  test('the one-thread run has findings, fixes, a cause and a problem to compare', async () => {
    const run = await runCli(['--jobs', '1'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^copydesk: broken\/\.copydeskrc\.json:?\d*: invalid JSON: [^\n]+\n$/)
    expect(run.stdout).toContain('[cause]')
    const dry = await runCli(['--jobs', '1', '--fix-dry-run', 'desk'], {cwd})
    expect(dry.stdout).toContain('+\uFEFFThe night ferry left Kyiv at ten.\r\n')
    expect(dry.stdout).toContain('+The Jiangsu delegation left early.\n')
  })

  test('write the same baseline', async () => {
    await runCli(['--jobs', '1', '--write-baseline', 'alone.json', 'desk', 'world', 'zeta'], {cwd})
    await runCli(['--jobs', '3', '--write-baseline', 'spread.json', 'desk', 'world', 'zeta'], {cwd})
    const alone = await fs.readFile(path.join(cwd, 'alone.json'), 'utf8')
    expect(alone).toContain('"text": "teh"')
    expect(await fs.readFile(path.join(cwd, 'spread.json'), 'utf8')).toBe(alone)
  })

  test('exit with the same code when only errors decide it', async () => {
    const alone = await runCli(['--jobs', '1', 'desk', 'zeta'], {cwd})
    const spread = await runCli(['--jobs', '2', 'desk', 'zeta'], {cwd})
    expect([alone.code, spread.code]).toEqual([1, 1])
  })
})

describe('when workers start', () => {
  test('never for one file, even when asked for', async () => {
    const run = await runCli(['--jobs', '4', '--format', 'json', 'desk/ferry.txt'], {cwd})
    expect(run.code).toBe(1)
    expect(pool.runs).toBe(0)
  })

  test('never for standard input', async () => {
    const run = await runCli(['--jobs', '4', '--stdin-filename', 'in.txt'], {cwd, stdin: 'The crew waved from teh deck.\n'})
    expect(run.code).toBe(1)
    expect(pool.runs).toBe(0)
  })

  test('not for a small run without --jobs', async () => {
    await runCli(['--format', 'json', 'desk'], {cwd})
    expect(pool.runs).toBe(0)
  })

  test.each([
    ['0', "copydesk: option '--jobs <n>' argument '0' is invalid. expected a whole number of 1 or more.\n"],
    ['two', "copydesk: option '--jobs <n>' argument 'two' is invalid. expected a whole number of 1 or more.\n"]
  ])('--jobs %s is a usage problem', async (value, stderr) => {
    const run = await runCli(['--jobs', value, 'clean.txt'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr})
  })

  const large = workerMinBytes
  test.each([
    ['one file, however large', [large * 2], {}, 4, 0],
    ['a small run', [100, 200, 300], {}, 4, 0],
    ['a large run: a thread per file when cores are left', [large / 2, large / 2], {}, 4, 2],
    ['a large run of many files: every core but one', [large / 4, large / 4, large / 4, large / 4, large / 4], {}, 4, 3],
    ['a large run on two cores: one thread', [large / 2, large / 2], {}, 2, 0],
    ['a large run on one core', [large, large], {}, 1, 0],
    ['--jobs 1', [large, large, large], {jobs: 1}, 4, 0],
    ['--jobs 3 on a small run', [10, 20, 30, 40], {jobs: 3}, 2, 3],
    ['--jobs above the file count', [10, 20], {jobs: 8}, 8, 2],
    ['a lower threshold', [10, 20], {minBytes: 30}, 3, 2]
  ])('%s', (_name, sizes, options, cores, expected) => {
    expect(threadCount(sizes, options, cores)).toBe(expected)
  })
})

describe('batchFiles', () => {
  test('puts every file in exactly one batch, folders together, in input order within a folder', () => {
    const folders = ['b', 'a', 'b', 'a', 'c', 'a']
    const batches = batchFiles(folders, [1, 1, 1, 1, 1, 1], 3)
    expect(batches).toEqual([
      [1, 3],
      [5, 0],
      [2, 4]
    ])
  })

  test('balances batches by text, not by file count', () => {
    const batches = batchFiles(['a', 'a', 'a', 'a', 'a'], [900, 100, 100, 100, 600], 2)
    expect(batches).toEqual([[0], [1, 2, 3, 4]])
  })

  test('makes at most one batch per file', () => {
    expect(batchFiles(['a', 'b'], [5, 5], 6)).toEqual([[0], [1]])
  })
})

describe('plain data across threads', () => {
  test('a file and its messages come back with everything the reports and --fix read', () => {
    const input = toInputFile('desk/story.txt', '\uFEFFThe crew left Kiev.\n', cwd)
    const copy = fromPlainInput(structuredClone(toPlainInput(input)))
    expect([copy.path, copy.cwd, String(copy.value), copy.data]).toEqual([input.path, input.cwd, String(input.value), input.data])

    const cause = new VFileMessage('`Kyiv` first used here', {place: {line: 1, column: 1}, ruleId: 'house-style', source: 'copydesk'})
    const message = copy.message('Unexpected `Kiev`, expected `Kyiv`', {
      place: {start: {line: 1, column: 15, offset: 14}, end: {line: 1, column: 19, offset: 18}},
      ruleId: 'house-style',
      source: 'copydesk',
      cause,
      ancestors: [{type: 'WordNode'}]
    })
    message.fatal = false
    message.actual = 'Kiev'
    message.expected = ['Kyiv']
    message.note = 'Source: style guide'
    message.url = 'https://example.com/rules#house-style'
    markFixable(message)
    copy.path = 'desk/story.txt'

    const plain = structuredClone(toPlainOutcome(copy, {reported: true, problems: []}))
    expect(plain.messages[0]).not.toHaveProperty('ancestors')

    const target = toInputFile('desk/story.txt', '\uFEFFThe crew left Kiev.\n', cwd)
    expect(applyPlainOutcome(target, plain)).toEqual({reported: true, problems: []})
    const [back] = target.messages
    expect(back).toBeInstanceOf(VFileMessage)
    expect(back && isFixable(back)).toBe(true)
    expect(back?.cause).toBeInstanceOf(VFileMessage)
    expect(target.path).toBe('desk/story.txt')
    const fields = (m: VFileMessage | undefined): unknown => ({...m, cause: undefined, ancestors: undefined, stack: m?.stack})
    expect(fields(back)).toEqual(fields(message))
    expect(fields(back?.cause as VFileMessage | undefined)).toEqual(fields(cause))
  })

  test('a message without a fix mark stays unmarked', () => {
    const file = new VFile({path: 'a.txt', value: 'teh'})
    const message = file.message('Unexpected unknown word `teh`, expected for example `the`')
    message.expected = ['the']
    const target = new VFile({path: 'a.txt', value: 'teh'})
    applyPlainOutcome(target, structuredClone(toPlainOutcome(file, {reported: true, problems: []})))
    expect(target.messages.map(isFixable)).toEqual([false])
  })
})

describe('lintSpread', () => {
  test('gives the same problems, in the same order, as the one-thread run', async () => {
    const names = ['broken/one.txt', 'desk/notes.html', 'broken/two.txt']
    const read = (): VFile[] => names.map((name) => toInputFile(name, stories[name] ?? '', cwd))
    const gathered = async (jobs: number): Promise<Gathered> => {
      const files = read()
      return gatherOutcomes(files, await lintSpread(files, {cwd}, {jobs}))
    }
    const alone = await gathered(1)
    const spread = await gathered(2)
    expect(pool.runs).toBeGreaterThan(0)
    expect(spread.problems.map((problem) => problem.toLine())).toEqual(alone.problems.map((problem) => problem.toLine()))
    expect(spread.files.map((file) => file.path)).toEqual(['desk/notes.html'])
  })

  test('tells of every file it finishes, from the workers too', async () => {
    const names = ['desk/notes.html', 'clean.txt', 'zeta/late.txt']
    let done = 0
    await lintSpread(
      names.map((name) => toInputFile(name, stories[name] ?? '', cwd)),
      {cwd, onFileDone: () => done++},
      {jobs: 2}
    )
    expect(done).toBe(3)
  })

  test('lets the event loop turn between the stories the main thread lints, so it hears when a worker is free', async () => {
    const names = Object.keys(stories).filter((name) => !name.endsWith('.json'))
    let done = 0
    let doneWhenHeard: number | undefined
    await lintSpread(
      names.map((name) => toInputFile(name, stories[name] ?? '', cwd)),
      {
        cwd,
        onFileDone() {
          done++
          // A message from a worker waits for the same turn of the event loop as this.
          if (done === 1) setImmediate(() => (doneWhenHeard = done))
        }
      },
      {jobs: 2}
    )
    expect(done).toBe(names.length)
    expect(doneWhenHeard).toBeLessThanOrEqual(2)
  })
})
