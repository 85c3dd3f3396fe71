import {existsSync} from 'node:fs'
import process from 'node:process'

/**
 * Print a benchmark's result: its Markdown report on standard output, or,
 * with `--json`, the result as JSON there and the report on standard error
 * (so a person watching still sees it).
 *
 * @param report The Markdown report.
 * @param result The result it was made from.
 * @param json Whether `--json` was given.
 */
export function printResult(report: string, result: unknown, json: boolean): void {
  if (json) {
    process.stderr.write(report)
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } else {
    process.stdout.write(report)
  }
}

/**
 * Start a benchmark: read its options, or say what is wrong with them (exit
 * code 2); and skip it, with a line saying so, when the material it reads
 * in place is absent (CI has no `../shared`).
 *
 * @param read Read the options from the arguments; throws on a bad one.
 * @param usage The usage line.
 * @param folder The folder the benchmark needs.
 * @param shown How to name that folder.
 * @returns The options, or `undefined` when the benchmark is not to run.
 */
export function startBenchmark<Options>(
  read: (args: string[]) => Options,
  usage: string,
  folder: string,
  shown: string
): Options | undefined {
  let options: Options
  try {
    options = read(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`)
    process.exitCode = 2
    return undefined
  }
  if (!existsSync(folder)) {
    process.stdout.write(`skipped: ${shown} not found\n`)
    return undefined
  }
  return options
}
