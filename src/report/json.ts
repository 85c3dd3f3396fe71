import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Severity, severityOf} from '../severity.js'

/** One finding in the JSON report; every field is always present. */
export interface JsonMessage {
  ruleId: string | null
  source: string | null
  severity: Severity
  reason: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  actual: string | null
  expected: string[]
  url: string | null
}

/** One file in the JSON report. */
export interface JsonFile {
  path: string
  messages: JsonMessage[]
}

/**
 * Build the JSON report: one entry per file in input order, each with its
 * messages in document order.
 *
 * @param files Linted files.
 * @param keep Which messages to include.
 * @returns The report as data.
 */
export function jsonReport(
  files: readonly VFile[],
  keep: (message: VFileMessage) => boolean = () => true
): JsonFile[] {
  return files.map((file) => ({
    path: file.path,
    messages: [...file.messages].filter(keep).sort(byPlace).map(toJsonMessage)
  }))
}

/**
 * Turn a vfile message into its JSON form.
 *
 * @param message Message.
 * @returns Plain data.
 */
function toJsonMessage(message: VFileMessage): JsonMessage {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : undefined
  return {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: severityOf(message),
    reason: message.reason,
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    actual: message.actual ?? null,
    expected: message.expected ?? [],
    url: message.url ?? null
  }
}

/**
 * Order messages by where they start, then by rule.
 *
 * @param a Message.
 * @param b Message.
 * @returns Sort order.
 */
function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId).localeCompare(String(b.ruleId))
  )
}
