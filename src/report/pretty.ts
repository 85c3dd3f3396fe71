import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

/**
 * Build the human report with vfile-reporter: files with findings, each
 * finding with its place, severity, reason and rule, then a summary.
 *
 * @param files Linted files (already filtered for `--quiet`).
 * @param color Whether to use ANSI colours.
 * @returns The report, possibly empty.
 */
export function prettyReport(files: readonly VFile[], color: boolean): string {
  return reporter([...files], {color, quiet: true})
}
