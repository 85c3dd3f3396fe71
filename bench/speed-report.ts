import {
  type CaseName,
  formatRatio,
  formatRss,
  formatSeconds,
  type Goal,
  type ToolId,
  toolIds,
  toolLabels
} from './speed-goals.js'
import {compare, type Summary} from './speed-stats.js'
import type {Sanity} from './speed-tools.js'

/** One command in one case. */
export interface ToolResult {
  summary: Summary
  /** What its report showed it checked; `null` when no run finished. */
  sanity: Sanity | null
  /** The end of standard error of its first failed run, if one failed. */
  stderr: string | null
}

/** One case of the benchmark. */
export interface CaseResult {
  name: CaseName
  /** What it stands for, e.g. "one story, cold process (the hook)". */
  title: string
  /** Where the inputs come from. */
  source: string
  inputs: {files: number; words: number; bytes: number}
  /** Runs asked of each command. */
  runs: number
  /** copydesk's result, and those of the peers the case runs. */
  tools: {copydesk: ToolResult} & Partial<Record<ToolId, ToolResult>>
  goals: Goal[]
}

/** A whole run of the benchmark. */
export interface SpeedResult {
  /** The command that reproduces it. */
  command: string
  /** Node, cores, tool versions. */
  environment: string
  /** Seconds after which a run was stopped. */
  timeout: number
  /** Whether peak RSS could be read (`/usr/bin/time`). */
  rss: boolean
  cases: CaseResult[]
}

/** How a goal's status reads. */
const statusLabels: Record<Goal['status'], string> = {pass: 'PASS', fail: 'FAIL', unknown: 'n/a '}

/**
 * Render the whole report as Markdown.
 *
 * @param result The run.
 * @returns Markdown, ending with a line break.
 */
export function renderSpeedReport(result: SpeedResult): string {
  const lines = [
    '## Speed (`npm run bench`)',
    '',
    `${result.command}; ${result.environment}; timeout ${result.timeout} s per run` +
      (result.rss ? '' : '; peak RSS n/a (no /usr/bin/time)'),
    ''
  ]
  for (const one of result.cases) lines.push(...renderCase(one, result.timeout), '')
  return lines.join('\n')
}

/**
 * Render one case: the table, the sanity line and the goals.
 *
 * @param result The case.
 * @param timeout Seconds after which a run was stopped.
 * @returns Lines.
 */
export function renderCase(result: CaseResult, timeout: number): string[] {
  const {inputs} = result
  const copydesk = result.tools.copydesk.summary
  const lines = [
    `### ${result.name}: ${result.title}`,
    '',
    `${result.source}: ${plural(inputs.files, 'file')}, ${plural(inputs.words, 'word')}, ${formatBytes(inputs.bytes)}; ` +
      `${plural(result.runs, 'run')} of each command, alternating`,
    '',
    '| command | median | min–max | copydesk / command | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: |'
  ]
  const tools = toolIds.filter((tool) => result.tools[tool] !== undefined)
  for (const tool of tools) {
    const {summary} = result.tools[tool]!
    const ratio = tool === 'copydesk' ? '—' : formatRatio(compare(copydesk, summary, timeout))
    lines.push(
      `| ${toolLabels[tool]} | ${formatMedian(summary, timeout)} | ${formatRange(summary)} | ${ratio} | ${formatRss(summary.peakRssKb)} |`
    )
  }
  lines.push('', 'Checked: ' + tools.map((tool) => formatSanity(tool, result.tools[tool]!, inputs.files)).join('; '), '')
  for (const goal of result.goals) lines.push(`- ${statusLabels[goal.status]} ${goal.text}: ${goal.measured}`)
  for (const tool of tools) {
    const {stderr} = result.tools[tool]!
    if (stderr) lines.push('', `${toolLabels[tool]} failed; the end of its standard error:`, '', '```text', stderr.trimEnd(), '```')
  }
  return lines
}

/**
 * Format a median with what stopped it.
 *
 * @param summary The runs.
 * @param timeout Seconds after which a run was stopped.
 * @returns E.g. `0.742 s`, `timed out (> 600 s)`, `failed: exit code 2`.
 */
export function formatMedian(summary: Summary, timeout: number): string {
  if (summary.failed) return `failed: ${summary.failed}`
  if (summary.median !== null) return formatSeconds(summary.median)
  return summary.timeouts > 0 ? `timed out (> ${timeout} s)` : 'n/a'
}

/**
 * Format the fastest and slowest finished runs.
 *
 * @param summary The runs.
 * @returns E.g. `0.701–0.802 s`, `n/a`; ` + 1 timed out` when one did.
 */
export function formatRange(summary: Summary): string {
  const timeouts = summary.timeouts > 0 ? ` + ${summary.timeouts} timed out` : ''
  if (summary.min === null || summary.max === null) return 'n/a'
  return `${formatSeconds(summary.min).replace(' s', '')}–${formatSeconds(summary.max)}${timeouts}`
}

/**
 * Say how much of the input a command's report covers, with a warning when
 * it missed files. cspell lists only files with findings, so its count is
 * of those.
 *
 * @param tool The command.
 * @param result Its result.
 * @param files Input files.
 * @returns E.g. `copydesk 1000/1000 files, 52,311 findings`.
 */
export function formatSanity(tool: ToolId, result: ToolResult, files: number): string {
  if (!result.sanity) return `${toolLabels[tool]} n/a`
  const {sanity} = result
  const counted = sanity.listsEveryFile ? 'files' : 'files with findings'
  const warning = sanity.listsEveryFile && sanity.files < files ? ' (⚠ not all files)' : ''
  return `${toolLabels[tool]} ${sanity.files}/${files} ${counted}${warning}, ${plural(sanity.findings, 'finding')}`
}

/**
 * Format a size in bytes.
 *
 * @param bytes Bytes.
 * @returns E.g. `2.1 kB`, `5.2 MB` (powers of 1,000).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/**
 * Count with a noun, the count grouped by thousands.
 *
 * @param count Count.
 * @param noun Singular noun.
 * @returns E.g. `1 file`, `1,000 files`.
 */
function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}
