import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
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
  /** Where the spelling a consistency finding expects is first used (its `cause`, "first used here"). */
  firstUse: JsonPlace | null
}

/** A place in a file: the file's path as the report gives paths, and its range. */
export interface JsonPlace {
  path: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
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
    messages: [...file.messages].filter(keep).sort(byPlace).map((message) => toJsonMessage(message, file.path))
  }))
}

/**
 * Turn a vfile message into its JSON form.
 *
 * @param message Message.
 * @param filePath The path of its file, as the report gives it.
 * @returns Plain data.
 */
function toJsonMessage(message: VFileMessage, filePath: string): JsonMessage {
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
    url: message.url ?? null,
    firstUse: firstUseOf(message, filePath)
  }
}

/**
 * The place a finding's `cause` points at ("`Jiangsu` first used here"):
 * in the finding's own file, or, across stories, in the file it names.
 *
 * @param message Message.
 * @param filePath The path of its file.
 * @returns The place, or `null` when the finding compares against nothing.
 */
function firstUseOf(message: VFileMessage, filePath: string): JsonPlace | null {
  const cause = message.cause
  if (!(cause instanceof VFileMessage) || !cause.place) return null
  const start = 'start' in cause.place ? cause.place.start : cause.place
  const end = 'end' in cause.place ? cause.place.end : undefined
  return {
    path: cause.file || filePath,
    line: start.line,
    column: start.column,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null
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
