import {type Comparison, compare, type Summary} from './speed-stats.js'

/** The cases of the benchmark. */
export const caseNames = ['hook', 'ci', 'big', 'archive'] as const

/** One case. */
export type CaseName = (typeof caseNames)[number]

/** The commands measured in every case. */
export const toolIds = ['copydesk', 'retext-spell', 'cspell'] as const

/** One command. */
export type ToolId = (typeof toolIds)[number]

/**
 * The commands each case runs: plain retext-spell reads every file as
 * plain text, so it has no place next to the Markdown archive.
 */
export const caseTools: Record<CaseName, readonly ToolId[]> = {
  hook: toolIds,
  ci: toolIds,
  big: toolIds,
  archive: ['copydesk', 'cspell']
}

/** Each command's summary in a case: copydesk's always, the peers' that the case runs. */
export type CaseSummaries = {copydesk: Summary} & Partial<Record<ToolId, Summary>>

/** Whether a goal holds; `unknown` when a run failed or the figure could not be read. */
export type GoalStatus = 'pass' | 'fail' | 'unknown'

/** One speed goal (issues 6 and 15), checked. */
export interface Goal {
  /** What it asks, e.g. "copydesk ≤ 0.5x cspell". */
  text: string
  status: GoalStatus
  /** What was measured, formatted. */
  measured: string
}

/** Most copydesk may take, as a share of a peer's time, unless a case's goal says otherwise (issue 6). */
export const ratioLimit = 0.5

/** Most copydesk may take on one story (the hook case), as a share of plain retext-spell's time (issue 15). */
export const hookRatioLimit = 0.45

/** Most copydesk may take on plain-text stories (the ci case), as a share of cspell's time (issue 15). */
export const plainTextRatioLimit = 0.6

/** Most copydesk may take on the Markdown archive, as a share of cspell's time. */
export const archiveRatioLimit = 1

/** Most peak RSS for the many-files run, in bytes. */
export const rssLimitBytes = 300_000_000

/** Most seconds for the big file. */
export const bigFileLimitSeconds = 15

/** The peers' names in reports. */
export const toolLabels: Record<ToolId, string> = {
  copydesk: 'copydesk',
  'retext-spell': 'plain retext-spell',
  cspell: 'cspell'
}

/**
 * Check the speed goals (issues 6 and 15) that apply to one case.
 *
 * @param name The case.
 * @param summaries Each command's summary.
 * @param timeout Seconds after which a run was stopped.
 * @returns The goals, checked.
 */
export function checkGoals(name: CaseName, summaries: CaseSummaries, timeout: number): Goal[] {
  const {copydesk} = summaries
  const against = (peer: ToolId, limit = ratioLimit): Goal =>
    ratioGoal(`copydesk ≤ ${limit}x ${toolLabels[peer]}`, compareWith(copydesk, summaries[peer], timeout), limit)
  switch (name) {
    case 'hook': {
      return [against('retext-spell', hookRatioLimit)]
    }
    case 'ci': {
      return [against('cspell', plainTextRatioLimit), against('retext-spell'), rssGoal(copydesk.peakRssKb)]
    }
    case 'big': {
      return [timeGoal(copydesk, timeout)]
    }
    case 'archive': {
      return [against('cspell', archiveRatioLimit), rssGoal(copydesk.peakRssKb)]
    }
  }
}

/**
 * Compare copydesk with a peer the case may not have run.
 *
 * @param copydesk copydesk's summary.
 * @param peer The peer's summary, if it ran.
 * @param timeout Seconds after which a run was stopped.
 * @returns The ratio; unknown without the peer.
 */
function compareWith(copydesk: Summary, peer: Summary | undefined, timeout: number): Comparison {
  return peer ? compare(copydesk, peer, timeout) : {ratio: null, bound: 'unknown'}
}

/**
 * Check a goal on the ratio copydesk / peer.
 *
 * @param text What the goal asks.
 * @param comparison The ratio.
 * @param limit Largest ratio that passes.
 * @returns The goal.
 */
export function ratioGoal(text: string, comparison: Comparison, limit: number): Goal {
  const {ratio, bound} = comparison
  let status: GoalStatus = 'unknown'
  if (ratio !== null) {
    if (bound === 'exact') status = ratio <= limit ? 'pass' : 'fail'
    else if (bound === 'at-least' && ratio > limit) status = 'fail'
    else if (bound === 'at-most' && ratio <= limit) status = 'pass'
  }
  return {text, status, measured: formatRatio(comparison)}
}

/**
 * Check the memory goal of the many-files run.
 *
 * @param peakRssKb copydesk's peak RSS in kilobytes, `null` when not read.
 * @returns The goal.
 */
export function rssGoal(peakRssKb: number | null): Goal {
  const text = `copydesk peak RSS < ${rssLimitBytes / 1_000_000} MB`
  if (peakRssKb === null) return {text, status: 'unknown', measured: 'n/a'}
  return {text, status: peakRssKb * 1024 < rssLimitBytes ? 'pass' : 'fail', measured: formatRss(peakRssKb)}
}

/**
 * Check the time goal of the big file.
 *
 * @param copydesk copydesk's summary.
 * @param timeout Seconds after which a run was stopped.
 * @returns The goal.
 */
export function timeGoal(copydesk: Summary, timeout: number): Goal {
  const text = `copydesk < ${bigFileLimitSeconds} s`
  if (copydesk.median !== null) {
    return {text, status: copydesk.median < bigFileLimitSeconds ? 'pass' : 'fail', measured: formatSeconds(copydesk.median)}
  }
  if (copydesk.timeouts > 0 && !copydesk.failed) {
    return {text, status: timeout >= bigFileLimitSeconds ? 'fail' : 'unknown', measured: `timed out (> ${timeout} s)`}
  }
  return {text, status: 'unknown', measured: 'n/a'}
}

/**
 * Format seconds for the table: three significant digits or so.
 *
 * @param seconds Seconds.
 * @returns E.g. `0.742 s`, `12.3 s`, `611 s`.
 */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(seconds < 1 ? 3 : 2)} s`
  return `${seconds.toFixed(seconds < 100 ? 1 : 0)} s`
}

/**
 * Format a ratio with its bound.
 *
 * @param comparison The ratio.
 * @returns E.g. `0.42x`, `> 12.1x` (copydesk timed out), `< 0.30x` (the peer did), `n/a`.
 */
export function formatRatio(comparison: Comparison): string {
  const {ratio, bound} = comparison
  if (ratio === null || bound === 'unknown') return 'n/a'
  const value = `${ratio.toFixed(2)}x`
  if (bound === 'at-least') return `> ${value}`
  if (bound === 'at-most') return `< ${value}`
  return value
}

/**
 * Format a peak RSS in megabytes (10^6 bytes, as the goal counts them).
 *
 * @param kilobytes Kilobytes (1,024 bytes), as `time -f %M` gives them.
 * @returns E.g. `182 MB`; `n/a` for `null`.
 */
export function formatRss(kilobytes: number | null): string {
  if (kilobytes === null) return 'n/a'
  return `${Math.round((kilobytes * 1024) / 1_000_000)} MB`
}
