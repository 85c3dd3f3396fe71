/**
 * The issues' targets over several seeds of `bench:accuracy`: each seed
 * draws other injections into the same stories, and a figure near its goal
 * passes on one seed and fails on the next. For each set and target it
 * gives the lowest, mean and highest figure, and on how many seeds the
 * goal was met, naming the seeds that missed it.
 *
 * Run with `npm run bench:seeds` (add `-- --seeds 1,2,3` for other seeds,
 * `-- --json` for a JSON object on standard output). Each seed is one run of
 * `dist/bench/accuracy.js`, one after another. A benchmark, not a test: it
 * reads `../shared` in place and skips when it is absent.
 */
import {execFile} from 'node:child_process'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs, promisify} from 'node:util'
import {corporaFolder} from './articles.js'
import {printResult, startBenchmark} from './output.js'
import {renderSeedSummary, type SeedRun, summariseSeeds} from './seed-summary.js'
import {defaultSeed, isSeed} from './seeded-options.js'

/** The seeds run unless told otherwise: the default, and eight more. */
const defaultSeeds = [defaultSeed, 1, 2, 3, 4, 5, 7, 11, 13]

/** How to call the benchmark. */
const usage = 'usage: npm run bench:seeds -- [--json] [--seeds N,N,...]'

/** The accuracy benchmark, compiled beside this module. */
const accuracyScript = fileURLToPath(new URL('accuracy.js', import.meta.url))

const run = promisify(execFile)

try {
  await main()
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
}

/**
 * Run the accuracy benchmark once per seed and print the targets over them.
 */
async function main(): Promise<void> {
  const options = startBenchmark(readOptions, usage, corporaFolder, '../shared/corpora')
  if (!options) return
  const runs: SeedRun[] = []
  for (const seed of options.seeds) {
    process.stderr.write(`bench: seed ${seed} (${runs.length + 1} of ${options.seeds.length})\n`)
    // Each run's report would fill the screen: only its JSON is kept.
    const {stdout} = await run(process.execPath, [accuracyScript, '--json', '--seed', String(seed)], {maxBuffer: 1 << 30})
    runs.push({seed, sets: readSets(stdout, seed)})
  }
  const summary = summariseSeeds(runs)
  const seedsArgument = sameSeeds(options.seeds, defaultSeeds) ? [] : ['--seeds', options.seeds.join(',')]
  const args = [...seedsArgument, ...(options.json ? ['--json'] : [])]
  const command = `npm run${options.json ? ' -s' : ''} bench:seeds${args.length > 0 ? ' -- ' + args.join(' ') : ''}`
  printResult(renderSeedSummary(summary, options.seeds, command), {command, seeds: options.seeds, sets: summary}, options.json)
}

/**
 * Read the command-line options.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option or a seed that is not a 32-bit unsigned integer.
 */
function readOptions(args: string[]): {json: boolean; seeds: number[]} {
  const {values} = parseArgs({args, options: {json: {type: 'boolean', default: false}, seeds: {type: 'string'}}})
  if (values.seeds === undefined) return {json: values.json ?? false, seeds: defaultSeeds}
  const parts = values.seeds.split(',').map((part) => part.trim())
  const bad = parts.find((part) => part === '' || !isSeed(Number(part)))
  if (bad !== undefined) throw new Error(`--seeds: expected whole numbers from 0 to 4294967295, comma-separated, not \`${bad}\``)
  return {json: values.json ?? false, seeds: parts.map(Number)}
}

/**
 * Read the targets of each set from one run's JSON.
 *
 * @param stdout The run's standard output.
 * @param seed Its seed, to name it in an error.
 * @returns The sets.
 * @throws {Error} When the output is not the benchmark's JSON.
 */
function readSets(stdout: string, seed: number): SeedRun['sets'] {
  let result: {sets?: Array<{id: string; title: string; copydesk?: {targets?: SeedRun['sets'][number]['targets']}}>}
  try {
    result = JSON.parse(stdout) as typeof result
  } catch {
    throw new Error(`seed ${seed}: bench:accuracy gave no JSON: ${stdout.split('\n')[0] ?? ''}`)
  }
  return (result.sets ?? []).map((set) => ({id: set.id, title: set.title, targets: set.copydesk?.targets ?? []}))
}

/**
 * Whether two lists of seeds are the same, in the same order.
 *
 * @param a Seeds.
 * @param b Seeds.
 * @returns Whether they are.
 */
function sameSeeds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((seed, index) => seed === b[index])
}
