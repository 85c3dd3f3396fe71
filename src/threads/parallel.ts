import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {MessageChannel, type MessagePort} from 'node:worker_threads'
import type Tinypool from 'tinypool'
import type {VFile} from 'vfile'
import {lintStories, type StoriesOptions, type StoryOutcome, type ThreadState, threadState} from '../pipeline.js'
import {fromPlainProblem, toPlainInput, applyPlainOutcome} from './transfer.js'
import type {LintTask, LintTaskResult} from './lint-worker.js'

/**
 * How much text (UTF-16 code units, 6 to 8 per word of news copy) a run
 * needs before worker threads pay for themselves: a worker takes a while to
 * start before its first file, and each thread builds its own dictionaries
 * and suggestion cache, so two workers do more work in all than one thread:
 * a small run ends no sooner on two.
 * Measured on 2 cores with the CLI bundle, `--jobs 1` against `--jobs 2`,
 * on a quiet machine (issue 6's second session); re-measure when the cost
 * per word changes.
 */
export const workerMinBytes = 2_000_000

/**
 * Cores left to V8 rather than given a thread of their own when copydesk
 * decides: the garbage collector of each thread runs beside it on another
 * core. Measured on 2 cores in issue 6's third session, on the 1,000 files
 * of the CI case of `npm run bench`, one thread against the main thread and
 * a worker: the worker saved little time for much more CPU and memory.
 * Measured again in issue 15, once the worker took its half of the files
 * (each command with its own cache folder, interleaved): two threads took
 * about as long as one (5.7-5.9 s against 5.3-7.9 s) for more CPU (10.3-10.5
 * CPU-seconds against 6.4-10.4), and peaked at 313-316 MB against 190-218
 * MB: over the 300 MB the run may take.
 */
const coresForCollector = 1

/**
 * Batches per thread: more than one, so that a thread that drew quick files
 * takes another batch instead of idling while the other finishes. Measured:
 * a batch costs no more than its files (the dictionaries and suggestions are
 * kept per thread across batches), so the cost of more batches is only the
 * messages between threads. With three, the last batch (a sixth of the ci
 * case of `npm run bench` on two threads, over a second) was linted by one
 * thread while the other idled; with eight, the threads end closer together
 * (counted from per-story samples of each thread).
 */
const batchesPerThread = 8

/** How to spread a run over threads. */
export interface ParallelOptions {
  /** Threads to use: `1` lints in the main thread; unset lets copydesk decide from the run's size and the cores. */
  jobs?: number | undefined
  /** Run size from which workers start when `jobs` is unset (default `workerMinBytes`). */
  minBytes?: number | undefined
  /** Load an ES module the way the host program can (see `CliIo.importModule`). */
  importModule?: ((specifier: string) => Promise<unknown>) | undefined
}

/**
 * Decide how many threads a run gets, the main thread included: only the
 * main thread (0) for a single file, for `jobs: 1`, and, unless `jobs` is
 * given, for a run smaller than `minBytes`; otherwise `jobs`, or one fewer
 * than the machine runs at once (see `coresForCollector`), but never more
 * than there are files.
 *
 * @param sizes Length of each file's text.
 * @param options Jobs and threshold.
 * @param cores Threads the machine runs at once.
 * @returns Thread count; 0 means the main thread alone, without workers.
 */
export function threadCount(
  sizes: readonly number[],
  options: ParallelOptions = {},
  cores: number = os.availableParallelism()
): number {
  if (sizes.length < 2) return 0
  let wanted = options.jobs
  if (wanted === undefined) {
    const total = sizes.reduce((sum, size) => sum + size, 0)
    wanted = total >= (options.minBytes ?? workerMinBytes) ? cores - coresForCollector : 1
  }
  const count = Math.min(wanted, sizes.length)
  return count > 1 ? count : 0
}

/**
 * Split files into batches of about the same amount of text, keeping files
 * of one folder together and in order: each batch finds the config of each
 * of its folders once, and the stories of a folder share it.
 *
 * @param folders The folder of each file.
 * @param sizes Length of each file's text.
 * @param count How many batches to make (at most one per file).
 * @returns Batches of file indexes; every index is in exactly one.
 */
export function batchFiles(folders: readonly string[], sizes: readonly number[], count: number): number[][] {
  const order = folders.map((_, index) => index)
  // Stable: input order within a folder.
  order.sort((a, b) => compare(folders[a] ?? '', folders[b] ?? ''))
  const total = sizes.reduce((sum, size) => sum + size, 0)
  const target = total / Math.max(1, Math.min(count, order.length))
  const batches: number[][] = []
  let current: number[] = []
  let filled = 0
  for (const [position, index] of order.entries()) {
    current.push(index)
    filled += sizes[index] ?? 0
    const left = order.length - position - 1
    const batchesLeft = count - batches.length - 1
    // Close a batch at its share of the text, or when each later batch needs a file of its own.
    if (batchesLeft > 0 && left > 0 && (filled >= target * (batches.length + 1) || left <= batchesLeft)) {
      batches.push(current)
      current = []
    }
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/**
 * Lint files in the main thread alone or with worker threads, as the run's
 * size and `jobs` decide. The result is the same either way: files in input
 * order with the same messages, and the same problems in the same order.
 *
 * @param files Files with their values set.
 * @param options Where to find configuration, and the progress callback.
 * @param parallel Jobs and threshold.
 * @param state The main thread's state for the run (the configs it already found, for one).
 * @returns One outcome per file, in order; the findings are on the files.
 */
export async function lintSpread(
  files: VFile[],
  options: StoriesOptions,
  parallel: ParallelOptions = {},
  state: ThreadState = threadState(options)
): Promise<StoryOutcome[]> {
  const sizes = files.map((file) => String(file.value).length)
  const threads = threadCount(sizes, parallel)
  const pool = threads === 0 ? undefined : await loadTinypool(parallel.importModule)
  if (!pool) return lintStories(files, options, state)
  return lintOnThreads(pool, files, options, sizes, threads, state)
}

/**
 * Lint files on several threads: the main thread and a pool of workers
 * take batches from one queue, and the workers' results are put back on
 * the main thread's files.
 *
 * The main thread lints too instead of waiting: with N threads, N - 1
 * workers, so one thread fewer starts up and builds its own dictionaries
 * and caches.
 *
 * @param Pool The pool class.
 * @param files Files with their values set.
 * @param options Where to find configuration, and the progress callback.
 * @param sizes Length of each file's text.
 * @param threads How many threads, the main thread included (2 or more).
 * @param state The main thread's state, kept across its batches.
 * @returns One outcome per file, in order, as `lintStories` gives them.
 */
async function lintOnThreads(
  Pool: typeof Tinypool,
  files: VFile[],
  options: StoriesOptions,
  sizes: number[],
  threads: number,
  state: ThreadState
): Promise<StoryOutcome[]> {
  const {onFileDone, ...storiesOptions} = options
  const folders = files.map((file) => path.dirname(file.path))
  const batches = batchFiles(folders, sizes, threads * batchesPerThread)
  const workers = threads - 1
  const pool = new Pool({filename: workerUrl().href, minThreads: workers, maxThreads: workers})
  const ports: MessagePort[] = []
  const outcomes: StoryOutcome[] = Array.from({length: files.length})
  let next = 0
  const take = (): number[] | undefined => batches[next++]

  /** Lint batches on one worker until the queue is empty. */
  async function workerTakes(): Promise<void> {
    for (let batch = take(); batch; batch = take()) {
      const result = await lintInWorker(pool, batch.map((index) => files[index] as VFile), storiesOptions, onFileDone, ports)
      if ('thrown' in result) throw fromPlainProblem(result.thrown)
      for (const [position, index] of batch.entries()) {
        const plain = result.outcomes[position]
        const file = files[index]
        if (plain && file) outcomes[index] = applyPlainOutcome(file, plain)
      }
    }
  }

  /** Lint batches on the main thread until the queue is empty. */
  async function mainTakes(): Promise<void> {
    for (let batch = take(); batch; batch = take()) {
      for (const index of batch) {
        // Linting a story never waits on the event loop, so without this the
        // main thread would hear of a worker's finished batch only once the
        // queue was empty: the worker would lint its first batch and then idle.
        await nextTurn()
        const [done] = await lintStories([files[index] as VFile], options, state)
        outcomes[index] = done as StoryOutcome
      }
    }
  }

  try {
    // The workers get their first batches before the main thread starts on one.
    await Promise.all([...Array.from({length: workers}, workerTakes), mainTakes()])
    return outcomes
  } finally {
    for (const port of ports) port.close()
    await pool.destroy()
  }
}

/**
 * Lint one batch on a worker of the pool.
 *
 * @param pool The pool.
 * @param batch Files with their values set.
 * @param options Where to find configuration.
 * @param onFileDone Progress callback, if any.
 * @param ports Where to keep the progress port, to close it at the end.
 * @returns The worker's result.
 */
async function lintInWorker(
  pool: Tinypool,
  batch: VFile[],
  options: Omit<StoriesOptions, 'onFileDone'>,
  onFileDone: StoriesOptions['onFileDone'],
  ports: MessagePort[]
): Promise<LintTaskResult> {
  let progress: LintTask['progress']
  let closed: Promise<unknown> = Promise.resolve()
  if (onFileDone) {
    const channel = new MessageChannel()
    // Messages on a port keep their order: `'end'` comes after the batch's last count.
    closed = new Promise(function (resolve) {
      channel.port1.on('message', (value) => (value === 'end' ? resolve(undefined) : onFileDone()))
    })
    ports.push(channel.port1)
    progress = channel.port2
  }
  const task: LintTask = {files: batch.map(toPlainInput), options, progress}
  const result = (await pool.run(task, {transferList: progress ? [progress] : []})) as LintTaskResult
  await closed
  return result
}

/**
 * Load tinypool, only when a run uses workers (a hook's run never pays for
 * it). With the host's loader when it gives one: the CLI is a CommonJS
 * bundle run from a V8 code cache, where `import()` needs a flag Node 20
 * calls experimental (and warns about on standard error), so the bin, an
 * ES module, lends its own `import()`. Else `import()`, else `require`
 * (Node 20.19 and later can require an ES module such as tinypool).
 *
 * @param importModule The host's module loader, if any.
 * @returns The pool class, or `undefined` when nothing works: lint in the main thread then.
 */
async function loadTinypool(
  importModule: ((specifier: string) => Promise<unknown>) | undefined
): Promise<typeof Tinypool | undefined> {
  try {
    const loaded = importModule ? ((await importModule('tinypool')) as typeof import('tinypool')) : await import('tinypool')
    return loaded.default
  } catch {
    try {
      return (createRequire(import.meta.url)('tinypool') as {default: typeof Tinypool}).default
    } catch {
      return undefined
    }
  }
}

/**
 * Where the worker module is: beside this one once built. Run from source
 * (the tests run `src/` through vitest), the built copy in `dist/` is used,
 * since a worker thread cannot load TypeScript; `npm test` builds first.
 *
 * @returns URL of the worker module.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/src/threads/lint-worker.js', import.meta.url)
    : new URL('lint-worker.js', import.meta.url)
}

/**
 * Compare two strings by code unit, the same on every machine.
 *
 * @param a A string.
 * @param b Another.
 * @returns Negative, zero or positive.
 */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Wait for the event loop's next turn, so that the messages waiting for
 * this thread (a worker's finished batch) are handled.
 *
 * @returns When the turn has come.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
