import type {Scores} from './measure.js'

/** Names of the targets. */
export type TargetId =
  | 'precision'
  | 'recall: name variants'
  | 'recall: misspellings'
  | 'recall: keyboard slips'
  | 'first suggestion: unknown names'
  | 'false alarms'

/** One of the targets, with what the run measured. */
export interface TargetResult {
  id: TargetId
  /** What is measured, at severity `error`. */
  measure: string
  /** The goal, as printed: `>= 0.90`. */
  goal: string
  /** The measured value; `null` when there was nothing to measure. */
  measured: number | null
  /** Whether the measured value meets the goal; a value that could not be measured does not. */
  pass: boolean
}

/** A target before it is checked: a bound on a value read from the `error` scores. */
interface Target {
  id: TargetId
  measure: string
  bound: 'at least' | 'at most'
  goal: number
  read: (scores: Scores) => number | null
}

/**
 * The targets the issue sets, all at severity `error`: what fails a CI run
 * has to be right, has to catch the errors that matter, and has to stay
 * quiet on clean copy.
 */
const targets: readonly Target[] = [
  {id: 'precision', measure: 'precision', bound: 'at least', goal: 0.9, read: (scores) => scores.precision.rate},
  {
    id: 'recall: name variants',
    measure: 'recall: name variants',
    bound: 'at least',
    goal: 0.95,
    read: (scores) => scores.recall['name-variant'].rate
  },
  {
    id: 'recall: misspellings',
    measure: 'recall: real misspellings',
    bound: 'at least',
    goal: 0.9,
    read: (scores) => scores.recall.misspelling.rate
  },
  {
    id: 'recall: keyboard slips',
    measure: 'recall: keyboard slips',
    bound: 'at least',
    goal: 0.9,
    read: (scores) => scores.recall['keyboard-slip'].rate
  },
  {
    id: 'first suggestion: unknown names',
    measure: 'first suggestion correct: name variants of names not in the dictionary',
    bound: 'at least',
    goal: 0.9,
    read: (scores) => scores.firstSuggestionUnknownNames?.rate ?? null
  },
  {
    id: 'false alarms',
    measure: 'false alarms per 1,000 words of clean copy',
    bound: 'at most',
    goal: 0.5,
    read: (scores) => scores.falseAlarms.perThousandWords
  }
]

/**
 * Check copydesk's scores at severity `error` against the targets.
 *
 * @param scores Scores at each threshold.
 * @returns One result per target, in the order.
 * @throws {Error} When there are no scores at `error`.
 */
export function checkTargets(scores: readonly Scores[]): TargetResult[] {
  const atError = scores.find((entry) => entry.threshold === 'error')
  if (!atError) throw new Error('no scores at severity `error` to check the targets with')
  return targets.map(function (target): TargetResult {
    const measured = target.read(atError)
    const pass = measured !== null && (target.bound === 'at least' ? measured >= target.goal : measured <= target.goal)
    const goal = `${target.bound === 'at least' ? '>=' : '<='} ${target.goal.toFixed(2)}`
    return {id: target.id, measure: target.measure, goal, measured, pass}
  })
}
