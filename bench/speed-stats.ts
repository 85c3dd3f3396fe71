/** How one run of one command ended. */
export type RunOutcome =
  | {
      kind: 'done'
      /** Whole-process wall time. */
      seconds: number
      /** Peak resident set size in kilobytes; `null` where it cannot be read. */
      rssKb: number | null
    }
  | {kind: 'timeout'; seconds: number}
  | {
      kind: 'failed'
      /** Why, in a few words: the exit code or signal. */
      why: string
      /** The end of what it printed on standard error. */
      stderr: string
    }

/** The runs of one command in one case, reduced. */
export interface Summary {
  /** Runs started. */
  runs: number
  /** Runs that ran into the timeout. */
  timeouts: number
  /** Why the first failed run failed; `null` when none did. */
  failed: string | null
  /**
   * Median wall time in seconds, a timed-out run counting as slower than
   * every finished one; `null` when that puts a timed-out run (or no run) in
   * the middle.
   */
  median: number | null
  /** Fastest finished run; `null` when none finished. */
  min: number | null
  /** Slowest finished run; `null` when none finished. */
  max: number | null
  /** Largest peak RSS of the finished runs, in kilobytes; `null` when none was read. */
  peakRssKb: number | null
}

/** copydesk's median time over a peer's, with how sure it is. */
export interface Comparison {
  /** The ratio, or the bound on it; `null` when nothing can be said. */
  ratio: number | null
  /**
   * `exact`: both finished; `at-least`: copydesk timed out, so the ratio is
   * at least this; `at-most`: the peer timed out, so it is at most this;
   * `unknown`: a run failed, or both timed out.
   */
  bound: 'exact' | 'at-least' | 'at-most' | 'unknown'
}

/**
 * The median of numbers; `Infinity` sorts last like any number.
 *
 * @param values Numbers (at least one).
 * @returns The middle value, or the mean of the two middle values.
 * @throws {Error} On an empty list.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no values to take the median of')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] as number
  // With a timeout among the two middle runs the mean is Infinity: no known middle.
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2
}

/**
 * Reduce the runs of one command.
 *
 * @param outcomes How each run ended.
 * @returns The summary.
 */
export function summarize(outcomes: readonly RunOutcome[]): Summary {
  const done = outcomes.flatMap((outcome) => (outcome.kind === 'done' ? [outcome] : []))
  const failed = outcomes.find((outcome) => outcome.kind === 'failed')
  const timeouts = outcomes.filter((outcome) => outcome.kind === 'timeout').length
  const seconds = done.map((outcome) => outcome.seconds)
  const rss = done.flatMap((outcome) => (outcome.rssKb === null ? [] : [outcome.rssKb]))
  let middle: number | null = null
  // A failed run has no time: with one, the median would be of a biased sample.
  if (!failed && outcomes.length > 0) {
    const value = median([...seconds, ...Array.from({length: timeouts}, () => Number.POSITIVE_INFINITY)])
    middle = Number.isFinite(value) ? value : null
  }
  return {
    runs: outcomes.length,
    timeouts,
    failed: failed?.kind === 'failed' ? failed.why : null,
    median: middle,
    min: seconds.length > 0 ? Math.min(...seconds) : null,
    max: seconds.length > 0 ? Math.max(...seconds) : null,
    peakRssKb: rss.length > 0 ? Math.max(...rss) : null
  }
}

/**
 * Compare copydesk's median with a peer's.
 *
 * @param copydesk copydesk's summary.
 * @param peer The peer's summary.
 * @param timeout Seconds after which a run was stopped.
 * @returns The ratio copydesk / peer.
 */
export function compare(copydesk: Summary, peer: Summary, timeout: number): Comparison {
  const copydeskTimedOut = copydesk.median === null && copydesk.timeouts > 0 && !copydesk.failed
  const peerTimedOut = peer.median === null && peer.timeouts > 0 && !peer.failed
  if (copydesk.median !== null && peer.median !== null) {
    return {ratio: copydesk.median / peer.median, bound: 'exact'}
  }
  if (copydeskTimedOut && peer.median !== null) return {ratio: timeout / peer.median, bound: 'at-least'}
  if (peerTimedOut && copydesk.median !== null) return {ratio: copydesk.median / timeout, bound: 'at-most'}
  return {ratio: null, bound: 'unknown'}
}
