import {constants} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {CopydeskError} from '../errors.js'
import {portablePath} from '../portable-path.js'
import {printable} from './printable.js'
import type {Severity} from '../severity.js'
import {type JsonMessage, jsonReport} from './json.js'
import {pushAll} from '../push-all.js'

/** The workflow command for each severity: GitHub has no `info`, its nearest is `notice`. */
const commandOf: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice'
}

/**
 * How many annotations of one kind GitHub shows for a step; the rest of a
 * step's workflow commands of that kind are dropped from the checks view.
 */
export const annotationCap = 10

/** One finding with the path GitHub knows the file by. */
interface Finding {
  file: string
  message: JsonMessage
}

/**
 * Build GitHub Actions workflow commands, one per finding, in input order
 * and then document order.
 *
 * @param files Linted files (already filtered for `--quiet`).
 * @param cwd Working directory, which paths are made relative to.
 * @returns The workflow commands, one per line, possibly empty.
 */
export function githubReport(files: readonly VFile[], cwd: string): string {
  return collect(files, cwd).map(toCommand).join('\n')
}

/**
 * Append the Markdown summary of the findings to the step summary file, the
 * one GitHub names in `GITHUB_STEP_SUMMARY`.
 *
 * @param files Linted files (already filtered for `--quiet`).
 * @param cwd Working directory, which paths are made relative to.
 * @param summaryPath The step summary file.
 * @returns Nothing; throws a `CopydeskError` when the file cannot be written.
 */
export async function appendGithubSummary(files: readonly VFile[], cwd: string, summaryPath: string): Promise<void> {
  const text = githubSummary(collect(files, cwd), files.length)
  let reason: string | undefined
  try {
    // Opened without waiting: a FIFO with no reader fails at once (ENXIO) rather than hanging the run.
    const handle = await fs.open(path.resolve(cwd, summaryPath), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o666)
    try {
      if ((await handle.stat()).isFile()) await handle.appendFile(text)
      else reason = 'not a regular file'
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'ENXIO'
            ? 'not a regular file'
            : error instanceof Error
              ? error.message
              : String(error)
    throw new CopydeskError('step summary (`GITHUB_STEP_SUMMARY`) cannot be written: ' + reason, {file: summaryPath}, error)
  }
  if (reason) throw new CopydeskError('step summary (`GITHUB_STEP_SUMMARY`) cannot be written: ' + reason, {file: summaryPath})
}

/**
 * Every finding of every file, with its path relative to the working
 * directory and with forward slashes, as GitHub matches annotations to the
 * files of the repository checked out there.
 *
 * @param files Linted files.
 * @param cwd Working directory.
 * @returns Findings in report order.
 */
function collect(files: readonly VFile[], cwd: string): Finding[] {
  return jsonReport(files).flatMap((entry) => {
    const file = portablePath(cwd, path.resolve(cwd, entry.path))
    return entry.messages.map((message) => ({file, message}))
  })
}

/**
 * One workflow command: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 *
 * @param finding Finding.
 * @returns The command line.
 */
function toCommand(finding: Finding): string {
  const {message} = finding
  const properties: Array<[string, string | number | null]> = [
    ['file', finding.file],
    ['line', message.line],
    ['col', message.column],
    ['endLine', message.endLine],
    ['endColumn', message.endColumn],
    ['title', message.ruleId]
  ]
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== null)
    .map(([key, value]) => key + '=' + escapeProperty(String(value)))
    .join(',')
  return '::' + commandOf[message.severity] + ' ' + list + '::' + escapeData(message.reason)
}

/**
 * Escape the message of a workflow command as the runner expects, so that a
 * line break or a `%` cannot end or garble the command.
 *
 * @param value Text.
 * @returns Escaped text.
 */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/**
 * Escape a property value of a workflow command: as data, and also `:` and
 * `,`, which end a value.
 *
 * @param value Text.
 * @returns Escaped text.
 */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * The Markdown step summary: counts per rule and per file, and a table of
 * the findings past GitHub's cap of annotations per kind, which the checks
 * view does not show.
 *
 * @param found Findings in report order.
 * @param fileCount How many files were linted.
 * @returns Markdown, ending in a blank line so that later steps' summaries stay apart.
 */
function githubSummary(found: readonly Finding[], fileCount: number): string {
  const lines = ['## copydesk', '']
  if (found.length === 0) {
    lines.push(`No findings in ${plural(fileCount, 'file')}.`, '')
    return lines.join('\n') + '\n'
  }

  const total = countBy(found, () => 'all').get('all') ?? zero()
  lines.push(
    `${plural(found.length, 'finding')} in ${plural(new Set(found.map((f) => f.file)).size, 'file')} ` +
      `of ${fileCount}: ${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info.`,
    ''
  )
  pushAll(lines, countTable('rule', countBy(found, (f) => f.message.ruleId ?? '(none)')))
  lines.push('')
  pushAll(lines, countTable('file', countBy(found, (f) => f.file), codeCell))
  lines.push('')

  const seen: Record<Severity, number> = zero()
  const hidden = found.filter((f) => ++seen[f.message.severity] > annotationCap)
  if (hidden.length > 0) {
    lines.push(
      `### Not shown as annotations (${hidden.length})`,
      '',
      `GitHub shows the first ${annotationCap} errors, ${annotationCap} warnings and ` +
        `${annotationCap} notices of a step as annotations; these are the rest.`,
      '',
      '| file | line | column | severity | rule | message |',
      '| --- | --: | --: | --- | --- | --- |'
    )
    for (const {file, message} of hidden) {
      const cells = [String(message.line ?? ''), String(message.column ?? ''), message.severity, message.ruleId ?? '', message.reason]
      lines.push('| ' + [codeCell(file), ...cells.map(escapeCell)].join(' | ') + ' |')
    }
    lines.push('')
  }
  return lines.join('\n') + '\n'
}

/**
 * Count findings per severity under a key, keeping the order keys first appear in.
 *
 * @param found Findings.
 * @param key Key of a finding.
 * @returns Counts per key.
 */
function countBy(found: readonly Finding[], key: (finding: Finding) => string): Map<string, Record<Severity, number>> {
  const counts = new Map<string, Record<Severity, number>>()
  for (const finding of found) {
    const name = key(finding)
    const entry = counts.get(name) ?? zero()
    entry[finding.message.severity]++
    counts.set(name, entry)
  }
  return counts
}

/**
 * A Markdown table of counts.
 *
 * @param label Header of the first column.
 * @param counts Counts per key.
 * @param cell How to write a key in its cell.
 * @returns Table lines.
 */
function countTable(label: string, counts: Map<string, Record<Severity, number>>, cell: (value: string) => string = escapeCell): string[] {
  const rows = [`| ${label} | error | warning | info |`, '| --- | --: | --: | --: |']
  for (const [name, count] of counts) {
    rows.push(`| ${cell(name)} | ${count.error} | ${count.warning} | ${count.info} |`)
  }
  return rows
}

/**
 * A file name as a code span in a Markdown table cell: nothing in a code
 * span is Markdown, so a story named `[x](https://…).md` or
 * `<img src=x>.md` shows as its name, never as a link or HTML. The span's
 * fence is longer than any run of backticks in the name; a `|` is still
 * escaped (GFM splits cells before it reads code spans), and a line break
 * or other control character is written as an escape.
 *
 * @param value A file name.
 * @returns Cell text.
 */
function codeCell(value: string): string {
  const text = printable(value).replaceAll('|', '\\|')
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  // A space inside the fence lets the name start or end with a backtick; Markdown strips one each side.
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : ''
  return fence + pad + text + pad + fence
}

/**
 * Make text safe in a Markdown table cell: a `|` would split the cell, a
 * line break end the row, and `<` could start HTML.
 *
 * @param value Text.
 * @returns Cell text.
 */
function escapeCell(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('|', '\\|').replaceAll(/\r?\n|\r/g, ' ')
}

/**
 * Zero counts.
 *
 * @returns Counts.
 */
function zero(): Record<Severity, number> {
  return {error: 0, warning: 0, info: 0}
}

/**
 * A count with its noun.
 *
 * @param count Count.
 * @param noun Singular noun.
 * @returns `1 file`, `2 files`.
 */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
