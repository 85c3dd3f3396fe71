import {parseArgs} from 'node:util'

/**
 * The options of the benchmarks that inject errors into copies of the
 * articles with a seeded generator (`bench:accuracy`, `bench:names`).
 */
export interface SeededOptions {
  /** Print a JSON object on standard output (the report goes to standard error). */
  json: boolean
  seed: number
}

/** The seed the benchmarks report with unless told otherwise: the first article's date. */
export const defaultSeed = 20_190_104

/** The options of `npm run bench:accuracy`. */
export interface AccuracyOptions extends SeededOptions {
  /** Add the clean-copy errors that have no verdict to the verdicts file, for judging. */
  writeUnjudged: boolean
}

/**
 * Read the command-line options.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option or a seed that is not a 32-bit unsigned integer.
 */
export function readSeededOptions(args: string[]): SeededOptions {
  const {values} = parseArgs({args, options: {json: {type: 'boolean', default: false}, seed: {type: 'string'}}})
  return {json: values.json ?? false, seed: readSeed(values.seed)}
}

/**
 * Read the command-line options of `bench:accuracy`: the seeded options and `--write-unjudged`.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option or a seed that is not a 32-bit unsigned integer.
 */
export function readAccuracyOptions(args: string[]): AccuracyOptions {
  const {values} = parseArgs({
    args,
    options: {json: {type: 'boolean', default: false}, seed: {type: 'string'}, 'write-unjudged': {type: 'boolean', default: false}}
  })
  return {json: values.json ?? false, seed: readSeed(values.seed), writeUnjudged: values['write-unjudged'] ?? false}
}

/**
 * Read `--seed`.
 *
 * @param value The option's value, if given.
 * @returns The seed; `defaultSeed` when none is given.
 * @throws {Error} On a seed that is not a 32-bit unsigned integer.
 */
function readSeed(value: string | undefined): number {
  if (value === undefined) return defaultSeed
  const seed = Number(value)
  if (!isSeed(seed)) throw new Error(`--seed: expected a whole number from 0 to 4294967295, not \`${value}\``)
  return seed
}

/**
 * Whether a number is a seed the generator takes.
 *
 * @param seed The number.
 * @returns Whether it is a whole number of 32 bits: mulberry32 keeps 32, so larger seeds would silently repeat smaller ones.
 */
export function isSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xff_ff_ff_ff
}

/**
 * Spell out the command that reproduces a run.
 *
 * @param script The npm script (`bench:accuracy`).
 * @param options Options of the run.
 * @returns Command line.
 */
export function reproduceCommand(script: string, options: SeededOptions): string {
  // `-s` keeps npm's banner off standard output, so that with --json it holds only the JSON.
  const run = options.json ? `npm run -s ${script}` : `npm run ${script}`
  const args = [...(options.seed === defaultSeed ? [] : ['--seed', String(options.seed)]), ...(options.json ? ['--json'] : [])]
  return run + (args.length > 0 ? ' -- ' + args.join(' ') : '')
}
