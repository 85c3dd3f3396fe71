import {parseArgs} from 'node:util'
import {defaultSeed} from './seeded-options.js'

/** The options of `npm run bench:repos`. */
export interface RepoOptions {
  /** Print a JSON object on standard output (the report goes to standard error). */
  json: boolean
  /** Seed of the slips put into the stories. */
  seed: number
  /** Repositories to run, by folder name; empty for all. */
  repos: string[]
  /** The copydesk command to run (`bin/copydesk.js` of a build). */
  copydesk: string | undefined
  /** Errors sampled per repository for judging. */
  sample: number
  /** Add the sampled errors that have no verdict to the verdicts file, for judging. */
  writeUnjudged: boolean
}

/** Errors judged per repository unless told otherwise: enough to tell 0.8 from 0.5. */
export const defaultSample = 40

/**
 * Read the command-line options.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option, a seed that is not a 32-bit unsigned integer or a sample that is no positive whole number.
 */
export function readRepoOptions(args: string[]): RepoOptions {
  const {values} = parseArgs({
    args,
    options: {
      json: {type: 'boolean', default: false},
      seed: {type: 'string'},
      repos: {type: 'string'},
      copydesk: {type: 'string'},
      sample: {type: 'string'},
      'write-unjudged': {type: 'boolean', default: false}
    }
  })
  const seed = values.seed === undefined ? defaultSeed : Number(values.seed)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xff_ff_ff_ff) {
    throw new Error(`--seed: expected a whole number from 0 to 4294967295, not \`${values.seed}\``)
  }
  const sample = values.sample === undefined ? defaultSample : Number(values.sample)
  if (!Number.isInteger(sample) || sample < 1) {
    throw new Error(`--sample: expected a whole number of 1 or more, not \`${values.sample}\``)
  }
  return {
    json: values.json ?? false,
    seed,
    repos: (values.repos ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
    copydesk: values.copydesk,
    sample,
    writeUnjudged: values['write-unjudged'] ?? false
  }
}

/**
 * Spell out the command that reproduces a run (without `--copydesk`, which names a machine's path).
 *
 * @param options Options of the run.
 * @returns Command line.
 */
export function reproduceRepoCommand(options: RepoOptions): string {
  const run = options.json ? 'npm run -s bench:repos' : 'npm run bench:repos'
  const args = [
    ...(options.seed === defaultSeed ? [] : ['--seed', String(options.seed)]),
    ...(options.repos.length > 0 ? ['--repos', options.repos.join(',')] : []),
    ...(options.sample === defaultSample ? [] : ['--sample', String(options.sample)]),
    ...(options.json ? ['--json'] : [])
  ]
  return run + (args.length > 0 ? ' -- ' + args.join(' ') : '')
}
