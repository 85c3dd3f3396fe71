import type {CorpusSet} from './corpus-set.js'
import type {Finding} from './measure.js'
import {type JudgeableError, type JudgedRow, verdictKey} from './verdicts.js'

/**
 * False errors on clean copy, by verdicts kept in the project. The copy as
 * published kept a few real slips (`anynomous`, `the the`), so the errors
 * copydesk reports there are not all false: each error is judged by hand
 * (bench/judged/accuracy-errors.tsv; the verdicts `npm run bench:repos`
 * keeps on the same stories count too), `right` only when an editor would
 * change the word. An error without a verdict counts as false until
 * someone judges it, so that a new error never flatters the figure.
 */

/** The clean-copy errors of one set, sorted by the verdicts. */
export interface FalseErrors {
  /** Errors on the clean copy. */
  errors: number
  /** Judged right: real slips the copy kept. */
  right: number
  /** Judged wrong. */
  wrong: number
  /** Not judged yet: counted as false. */
  unjudged: JudgeableError[]
  /** Wrong and unjudged errors per 1,000 words. */
  perThousandWords: number
  /** Wrong errors only, per 1,000 words: the figure once every error is judged. */
  judgedPerThousandWords: number
}

/**
 * Name a set's clean-copy errors as the verdicts file does.
 *
 * @param set The set.
 * @param errors Its errors on the clean copy.
 * @returns The errors, each with its repository and path there.
 */
export function judgeable(set: CorpusSet, errors: readonly Finding[]): JudgeableError[] {
  return errors.map((error) => ({...error, ...set.judgedAs(error.file)}))
}

/**
 * Sort clean-copy errors by their verdicts and count the false ones.
 *
 * @param errors The errors, named as the verdicts file names them.
 * @param rows Verdicts, from every file that judges these errors; the first verdict on an error counts.
 * @param words Words of the set.
 * @returns The counts, and the errors that wait to be judged.
 */
export function falseErrors(errors: readonly JudgeableError[], rows: readonly JudgedRow[], words: number): FalseErrors {
  const verdicts = new Map<string, JudgedRow>()
  for (const row of rows) if (row.verdict && !verdicts.has(verdictKey(row))) verdicts.set(verdictKey(row), row)
  let right = 0
  let wrong = 0
  const unjudged: JudgeableError[] = []
  for (const error of errors) {
    const verdict = verdicts.get(verdictKey(error))?.verdict
    if (verdict === 'right') right++
    else if (verdict === 'wrong') wrong++
    else unjudged.push(error)
  }
  return {
    errors: errors.length,
    right,
    wrong,
    unjudged,
    perThousandWords: ((wrong + unjudged.length) * 1000) / words,
    judgedPerThousandWords: (wrong * 1000) / words
  }
}
