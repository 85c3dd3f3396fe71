import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** How much a finding matters: `error` fails CI, `warning` is worth a look, `info` is context. */
export type Severity = 'error' | 'warning' | 'info'

/** Severities from most to least serious. */
export const severities: readonly Severity[] = ['error', 'warning', 'info']

/**
 * Read the severity of a message.
 *
 * vfile encodes severity in `fatal`: `true` is an error, `false` a warning and
 * `undefined` (or `null`) context, which is also what vfile-reporter shows.
 *
 * @param message Message to read.
 * @returns Its severity.
 */
export function severityOf(message: Pick<VFileMessage, 'fatal'>): Severity {
  if (message.fatal === true) return 'error'
  if (message.fatal === false) return 'warning'
  return 'info'
}

/**
 * Set the severity of a message.
 *
 * @param message Message to change.
 * @param severity Severity to give it.
 */
export function setSeverity(message: VFileMessage, severity: Severity): void {
  message.fatal =
    severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/**
 * Count the findings of each severity across files.
 *
 * @param files Linted files.
 * @returns The counts.
 */
export function countSeverities(files: readonly VFile[]): Record<Severity, number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const file of files) for (const message of file.messages) counts[severityOf(message)]++
  return counts
}
