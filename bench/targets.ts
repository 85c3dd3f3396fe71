import type {InjectionKind} from './inject.js'
import type {Scores} from './measure.js'

/** Names of the issues' targets. */
export type TargetId =
  | 'precision'
  | 'recall: name variants'
  | 'recall: name slips on first use'
  | 'recall: names in no list'
  | 'recall: misspellings'
  | 'recall: keyboard slips'
  | 'first suggestion: name variants'
  | 'first suggestion: name slips on first use'
  | 'first suggestion: unknown names'
  | 'fix points at the slip'
  | 'first suggestion: misspellings'
  | 'first suggestion: keyboard slips'
  | 'first suggestion: inflection slips'
  | 'false alarms'
  | 'false errors'

/** One of the issues' targets, with what the run measured. */
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

/** What the targets are read from: the scores at `error`, and the false errors the verdicts give. */
export interface TargetInput {
  atError: Scores
  /** False errors per 1,000 words of clean copy, the unjudged counted as false. */
  falseErrorsPerThousandWords: number
}

/** A target before it is checked: a bound on a value read from the `error` scores. */
interface Target {
  id: TargetId
  measure: string
  bound: 'at least' | 'at most'
  goal: number
  read: (input: TargetInput) => number | null
}

/**
 * Read a first-suggestion rate of one kind.
 *
 * @param kind Kind of injection.
 * @returns Reader; `null` when the run's suggestions are not scored or nothing was found.
 */
function firstOf(kind: InjectionKind): (input: TargetInput) => number | null {
  return (input) => input.atError.firstSuggestion?.[kind].rate ?? null
}

/**
 * Read a recall of one kind.
 *
 * @param kind Kind of injection.
 * @returns Reader.
 */
function recallOf(kind: InjectionKind): (input: TargetInput) => number | null {
  return (input) => input.atError.recall[kind].rate
}

/**
 * The targets the issues set, all at severity `error`: what fails a CI run
 * has to be right, has to catch the errors that matter, has to put the
 * right word first, never points a fix at a slip, and has to stay quiet
 * on clean copy. Issue 17 adds names on their first use and in no list,
 * first suggestions per kind, and false errors judged by hand (the
 * `false alarms` target counts every error on clean copy, the real slips
 * the published copy kept among them).
 */
const targets: readonly Target[] = [
  {id: 'precision', measure: 'precision', bound: 'at least', goal: 0.9, read: (input) => input.atError.precision.rate},
  {id: 'recall: name variants', measure: 'recall: name variants', bound: 'at least', goal: 0.95, read: recallOf('name-variant')},
  {
    id: 'recall: name slips on first use',
    measure: 'recall: name slips on first use',
    bound: 'at least',
    goal: 0.95,
    read: recallOf('name-first-use')
  },
  {
    id: 'recall: names in no list',
    measure: 'recall: name slips, names in no list',
    bound: 'at least',
    goal: 0.9,
    read: (input) => input.atError.namesInNoList.recall.rate
  },
  {id: 'recall: misspellings', measure: 'recall: real misspellings', bound: 'at least', goal: 0.9, read: recallOf('misspelling')},
  {id: 'recall: keyboard slips', measure: 'recall: keyboard slips', bound: 'at least', goal: 0.9, read: recallOf('keyboard-slip')},
  {
    id: 'first suggestion: name variants',
    measure: 'first suggestion correct: name variants',
    bound: 'at least',
    goal: 0.95,
    read: firstOf('name-variant')
  },
  {
    id: 'first suggestion: name slips on first use',
    measure: 'first suggestion correct: name slips on first use',
    bound: 'at least',
    goal: 0.95,
    read: firstOf('name-first-use')
  },
  {
    id: 'first suggestion: unknown names',
    measure: 'first suggestion correct: name variants of names not in the dictionary',
    bound: 'at least',
    goal: 0.9,
    read: (input) => input.atError.firstSuggestionUnknownNames?.rate ?? null
  },
  {
    id: 'fix points at the slip',
    measure: 'name slips whose fix points at the slip',
    bound: 'at most',
    goal: 0,
    read: (input) => input.atError.pointsAtSlip['name-variant'] + input.atError.pointsAtSlip['name-first-use']
  },
  {
    id: 'first suggestion: misspellings',
    measure: 'first suggestion correct: real misspellings',
    bound: 'at least',
    goal: 0.75,
    read: firstOf('misspelling')
  },
  {
    id: 'first suggestion: keyboard slips',
    measure: 'first suggestion correct: keyboard slips',
    bound: 'at least',
    goal: 0.92,
    read: firstOf('keyboard-slip')
  },
  {
    id: 'first suggestion: inflection slips',
    measure: 'first suggestion correct: keyboard slips on inflected words',
    bound: 'at least',
    goal: 0.92,
    read: firstOf('inflection-slip')
  },
  {
    id: 'false alarms',
    measure: 'errors per 1,000 words of clean copy',
    bound: 'at most',
    goal: 0.5,
    read: (input) => input.atError.falseAlarms.perThousandWords
  },
  {
    id: 'false errors',
    measure: 'false errors per 1,000 words of clean copy, judged (unjudged counted false)',
    bound: 'at most',
    goal: 0.25,
    read: (input) => input.falseErrorsPerThousandWords
  }
]

/**
 * Check copydesk's scores at severity `error` against the issues' targets.
 *
 * @param scores Scores at each threshold.
 * @param falseErrorsPerThousandWords False errors on the clean copy per 1,000 words, by the verdicts.
 * @returns One result per target, in the order above.
 * @throws {Error} When there are no scores at `error`.
 */
export function checkTargets(scores: readonly Scores[], falseErrorsPerThousandWords: number): TargetResult[] {
  const atError = scores.find((entry) => entry.threshold === 'error')
  if (!atError) throw new Error('no scores at severity `error` to check the targets with')
  return targets.map(function (target): TargetResult {
    const measured = target.read({atError, falseErrorsPerThousandWords})
    const pass = measured !== null && (target.bound === 'at least' ? measured >= target.goal : measured <= target.goal)
    const goal = `${target.bound === 'at least' ? '>=' : '<='} ${Number.isInteger(target.goal) ? String(target.goal) : target.goal.toFixed(2)}`
    return {id: target.id, measure: target.measure, goal, measured, pass}
  })
}
