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
