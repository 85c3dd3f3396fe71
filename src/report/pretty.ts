import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {countSeverities, type Severity, severityOf} from '../severity.js'
import {printable} from './printable.js'

/** How the pretty report is laid out. */
export interface PrettyOptions {
  /** Whether to use ANSI colours. */
  color: boolean
  /**
   * Columns of the terminal the report is shown on: reasons too long for
   * the line are wrapped under their column. `undefined` when the output
   * is not a terminal (a file, a pipe, CI): lines are never wrapped.
   */
  width?: number | undefined
}

/** The fewest columns a wrapped reason gets, on a very narrow terminal. */
const narrowestReason = 24

/**
 * Build the human report with vfile-reporter: files with findings, each
 * finding with its place, severity, reason and rule, then a summary that
 * counts every severity (vfile-reporter's leaves out `info`).
 *
 * @param files Linted files (already filtered for `--quiet`).
 * @param options Colours, and the terminal's width; a boolean is `color` alone.
 * @returns The report, possibly empty.
 */
export function prettyReport(files: readonly VFile[], options: PrettyOptions | boolean): string {
  const {color, width} = typeof options === 'boolean' ? {color: options, width: undefined} : options
  const counts = countSeverities(files)
  const safe = files.map(printableFile)
  const shown = width === undefined ? safe : wrapReasons(safe, width, color)
  let report = reporter(shown, {color, quiet: true})
  // vfile-reporter ends with a blank line and its own summary when there
  // are errors or warnings; ours takes its place.
  if (counts.error + counts.warning > 0) report = report.split('\n').slice(0, -2).join('\n')
  const summary = summaryLine(counts, color)
  if (!summary) return report
  return report ? report + '\n\n' + summary : summary
}

/**
 * A copy of a file whose name and reasons a terminal shows rather than
 * obeys (see `printable`): a story named `\x1B]2;…` would otherwise
 * retitle the window, and a config's house-style note is its author's text.
 *
 * @param file A linted file.
 * @returns The file, copied where anything needed escaping.
 */
function printableFile(file: VFile): VFile {
  const name = file.history.at(-1)
  const safeName = name === undefined ? undefined : printable(name)
  const safeMessage = (message: VFileMessage): VFileMessage => {
    const cause = message.cause instanceof VFileMessage ? safeMessage(message.cause) : message.cause
    const reason = printable(message.reason)
    if (reason === message.reason && cause === message.cause) return message
    return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, {message: reason, reason, cause})
  }
  const messages = file.messages.map(safeMessage)
  if (safeName === name && messages.every((message, index) => message === file.messages[index])) return file
  const history = safeName === undefined ? file.history : [...file.history.slice(0, -1), safeName]
  return Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file, {messages, history})
}

/**
 * The summary line: `✖ 2 errors`, or with more than one severity
 * `9 messages (✖ 2 errors, ⚠ 3 warnings, ℹ 4 info)`, as vfile-reporter
 * writes it, with `info` counted.
 *
 * @param counts Findings of each severity.
 * @param color Whether to use ANSI colours.
 * @returns The line, empty when there are no findings.
 */
function summaryLine(counts: Record<Severity, number>, color: boolean): string {
  const paint = (code: string, text: string): string => (color ? `\u001B[${code}m${text}\u001B[39m` : text)
  const parts: string[] = []
  if (counts.error > 0) parts.push(`${paint('31', '✖')} ${counts.error} error${counts.error === 1 ? '' : 's'}`)
  if (counts.warning > 0) parts.push(`${paint('33', '⚠')} ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`)
  if (counts.info > 0) parts.push(`${paint('36', 'ℹ')} ${counts.info} info`)
  if (parts.length < 2) return parts[0] ?? ''
  return `${counts.error + counts.warning + counts.info} messages (${parts.join(', ')})`
}

/**
 * Copies of the files whose findings have their reasons wrapped to fit a
 * terminal: each line of a reason stays in the reason column, so that the
 * rule and source keep to the first line and no line runs past the edge.
 *
 * @param files Linted files.
 * @param width Columns of the terminal.
 * @param color Whether to use ANSI colours (the lines after the first are
 *   coloured here, as vfile-reporter colours the first).
 * @returns The files, copied where a reason is wrapped.
 */
function wrapReasons(files: readonly VFile[], width: number, color: boolean): VFile[] {
  const rows = files.flatMap((file) => file.messages.flatMap((message) => [{message, indent: 0}, ...causeRows(message)]))
  if (rows.length === 0) return [...files]
  let placeWidth = 0
  let labelWidth = 0
  let ruleWidth = 0
  let sourceWidth = 0
  for (const {message, indent} of rows) {
    placeWidth = Math.max(placeWidth, indent + placeText(message).length)
    labelWidth = Math.max(labelWidth, severityOf(message).length)
    ruleWidth = Math.max(ruleWidth, (message.ruleId ?? '').length)
    sourceWidth = Math.max(sourceWidth, (message.source ?? '').length)
  }
  // As vfile-reporter lays a row out: each column as wide as its widest
  // cell and one space. One column is kept free at the end: a terminal
  // may break a line that reaches its last column.
  const reasonColumn = placeWidth + 1 + labelWidth + 1
  const room = Math.max(narrowestReason, width - 1 - reasonColumn - (ruleWidth + 1) - sourceWidth)
  const indent = '\n' + ' '.repeat(reasonColumn)
  const wrap = (message: VFileMessage): VFileMessage => {
    const cause = message.cause instanceof VFileMessage ? wrap(message.cause) : message.cause
    const lines = message.stack ? [message.message] : wrapText(message.message, room)
    if (lines.length < 2 && cause === message.cause) return message
    const text = [lines[0] ?? '', ...lines.slice(1).map((line) => styleReason(line, color))].join(indent)
    return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, {
      message: text,
      reason: text,
      cause
    })
  }
  return files.map(function (file) {
    const messages = file.messages.map(wrap)
    if (messages.every((message, index) => message === file.messages[index])) return file
    return Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file, {messages})
  })
}

/**
 * The cause of a finding, when vfile-reporter shows it as a row of its
 * own (`first used here`), indented by four.
 *
 * @param message A finding.
 * @returns Its cause's row, if it has one.
 */
function causeRows(message: VFileMessage): Array<{message: VFileMessage; indent: number}> {
  return message.cause instanceof VFileMessage ? [{message: message.cause, indent: 4}] : []
}

/**
 * A finding's place as vfile-reporter writes it (`3:5-3:12`), to measure.
 *
 * @param message A finding.
 * @returns Its place as text, empty without one.
 */
function placeText(message: VFileMessage): string {
  const place = message.place
  if (!place) return ''
  if ('start' in place) return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${place.line}:${place.column}`
}

/**
 * Break a reason into lines of at most `room` columns, at spaces outside
 * code spans (`the the` stays on one line); a word longer than a line
 * stands alone on its line.
 *
 * @param text A reason.
 * @param room Columns a line may take.
 * @returns Its lines.
 */
function wrapText(text: string, room: number): string[] {
  if (displayWidth(text) <= room) return [text]
  const words: string[] = []
  let inCode = false
  let word = ''
  for (const character of text) {
    if (character === '`') inCode = !inCode
    if (character === ' ' && !inCode) {
      words.push(word)
      word = ''
    } else {
      word += character
    }
  }
  words.push(word)
  const lines: string[] = []
  let line = ''
  for (const next of words) {
    if (line && displayWidth(line) + 1 + displayWidth(next) > room) {
      lines.push(line)
      line = next
    } else {
      line = line ? line + ' ' + next : next
    }
  }
  lines.push(line)
  return lines
}

/**
 * Style a line of a reason as vfile-reporter styles the first: bold, with
 * code spans in cyan.
 *
 * @param line A line of a reason.
 * @param color Whether to use ANSI colours.
 * @returns The line, styled.
 */
function styleReason(line: string, color: boolean): string {
  if (!color) return line
  return '\u001B[1m' + line.replace(/(`+)[^`]*?\1/g, (code) => '\u001B[36m' + code + '\u001B[39m') + '\u001B[22m'
}

/** Text in which every character takes one column. */
const printableAscii = /^[\u0020-\u007E]*$/

/** Characters that take two columns: East Asian wide scripts, and emoji. */
const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u

/** Characters that take no column of their own: combining marks, joiners. */
const zeroWidth = /[\p{M}\u200B-\u200F\uFE0F]/u

/**
 * The columns a text takes on a terminal, near enough to choose where to
 * wrap it (vfile-reporter itself aligns the columns with string-width).
 *
 * @param text Text without colour codes.
 * @returns Its width.
 */
function displayWidth(text: string): number {
  if (printableAscii.test(text)) return text.length
  let width = 0
  for (const character of text) width += zeroWidth.test(character) ? 0 : wide.test(character) ? 2 : 1
  return width
}
