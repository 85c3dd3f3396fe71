/**
 * Verdicts on errors copydesk reports in the real repositories, judged by
 * hand and kept in the project (`bench/judged/repos-errors.tsv`), so that
 * precision at `error` is tracked rather than guessed.
 *
 * A verdict belongs to a finding by where it is and what it flags (the
 * repository, file, line, column and flagged text): the repositories are
 * read in place and do not change, so the same finding in a later run has
 * the same key whatever its rule or suggestions say then, and a finding
 * that moved (a wider span, another word) is a new one to judge.
 */

/** What an editor makes of an error. */
export type Verdict = 'right' | 'wrong'

/** One row of the verdicts file; `verdict` is `undefined` while it waits to be judged. */
export interface JudgedRow {
  repo: string
  file: string
  line: number
  column: number
  actual: string
  /** The finding's rule and suggestions when it was written down, for the judge's eye. */
  rule: string
  expected: string
  verdict: Verdict | undefined
  note: string
}

/** An error of a run, as far as judging goes. */
export interface JudgeableError {
  repo: string
  file: string
  line: number
  column: number
  actual: string
  ruleId: string
  expected: readonly string[]
}

/** The file's columns, in order; its first line names them. */
export const verdictColumns = ['repo', 'file', 'line', 'column', 'actual', 'rule', 'expected', 'verdict', 'note'] as const

/**
 * Key a finding or a row for matching.
 *
 * @param item Finding or row.
 * @returns Key.
 */
export function verdictKey(item: {repo: string; file: string; line: number; column: number; actual: string}): string {
  // A field is written with its tabs and line breaks as spaces (`as\nas`, a repeat across a line): key it so too.
  return [item.repo, item.file, item.line, item.column, tsvField(item.actual)].join('\t')
}

/**
 * Read the verdicts file: tab-separated, one finding a line, under a header
 * line; `#` lines and blank lines are skipped. An empty verdict waits to be judged.
 *
 * @param text File text.
 * @param name File name, for messages.
 * @returns Rows in file order.
 * @throws {Error} On a row with the wrong number of fields or a verdict other than `right`, `wrong` or empty.
 */
export function parseVerdicts(text: string, name: string): JudgedRow[] {
  return tsvRows(text, name, verdictColumns.length).map(function ({fields, place}): JudgedRow {
    const [repo, file, lineText, columnText, actual, rule, expected, verdict, note] = fields as string[]
    return {
      repo: repo ?? '',
      file: file ?? '',
      line: Number(lineText),
      column: Number(columnText),
      actual: actual ?? '',
      rule: rule ?? '',
      expected: expected ?? '',
      verdict: verdictOf(verdict ?? '', place),
      note: note ?? ''
    }
  })
}

/**
 * Read the rows of a tab-separated file under its header line, skipping
 * blank lines and `#` lines.
 *
 * @param text File text.
 * @param name File name, for messages.
 * @param columns Fields a row must have.
 * @returns Each row's fields and its place (`name:line`).
 * @throws {Error} On a row with another number of fields.
 */
export function tsvRows(text: string, name: string, columns: number): Array<{fields: string[]; place: string}> {
  const rows: Array<{fields: string[]; place: string}> = []
  text.split(/\r?\n/).forEach(function (line, index) {
    if (index === 0 || line.trim() === '' || line.startsWith('#')) return
    const fields = line.split('\t')
    const place = `${name}:${index + 1}`
    if (fields.length !== columns) throw new Error(`${place}: expected ${columns} tab-separated fields, not ${fields.length}`)
    rows.push({fields, place})
  })
  return rows
}

/**
 * Read a verdict field.
 *
 * @param value The field.
 * @param place Where it is, for the message.
 * @returns The verdict, or `undefined` when the field is empty.
 * @throws {Error} On anything but `right`, `wrong` or nothing.
 */
export function verdictOf(value: string, place: string): Verdict | undefined {
  if (value === '') return undefined
  if (value === 'right' || value === 'wrong') return value
  throw new Error(`${place}: verdict must be \`right\`, \`wrong\` or empty, not \`${value}\``)
}

/**
 * Make a field safe for a tab-separated line.
 *
 * @param value Field.
 * @returns It, with tabs and line breaks as spaces.
 */
export function tsvField(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ')
}

/**
 * Write verdict rows as the file holds them.
 *
 * @param rows Rows.
 * @returns File text, header first, ending in a newline.
 */
export function formatVerdicts(rows: readonly JudgedRow[]): string {
  const lines = rows.map((row) =>
    [row.repo, row.file, String(row.line), String(row.column), row.actual, row.rule, row.expected, row.verdict ?? '', row.note]
      .map(tsvField)
      .join('\t')
  )
  return [verdictColumns.join('\t'), ...lines].join('\n') + '\n'
}

/**
 * Draw a fixed sample of errors: the `size` errors whose keys hash lowest
 * under the seed. Unlike a shuffle, the sample stays put as the errors
 * change: an error that stays reported stays in the sample unless errors
 * with lower hashes come in, so earlier verdicts keep counting.
 *
 * @param errors Errors of a run.
 * @param size Sample size.
 * @param seed Seed of the hash.
 * @returns The sample, in the order given.
 */
export function sampleErrors<T extends JudgeableError>(errors: readonly T[], size: number, seed: number): T[] {
  const chosen = new Set(
    errors
      .map((error) => ({error, hash: hash32(verdictKey(error), seed)}))
      .sort((a, b) => a.hash - b.hash || verdictKey(a.error).localeCompare(verdictKey(b.error)))
      .slice(0, size)
      .map((entry) => entry.error)
  )
  return errors.filter((error) => chosen.has(error))
}

/** Precision over judged errors, and what is left to judge. */
export interface JudgedPrecision {
  /** Sampled errors with a verdict, and how many of them are right. */
  judged: number
  right: number
  /** `right / judged`; `null` when nothing is judged. */
  precision: number | null
  /** Sampled errors without a verdict yet. */
  unjudged: JudgeableError[]
  /** The sampled errors judged wrong, for the report. */
  wrong: Array<JudgeableError & {note: string}>
  /** Verdicts on errors of the run outside the sample (judged in an earlier sample, still reported). */
  alsoJudged: {judged: number; right: number}
}

/**
 * Match a run's sampled errors with the verdicts.
 *
 * @param sample The sampled errors.
 * @param errors Every error of the run, for the verdicts outside the sample.
 * @param rows Verdicts of the file.
 * @returns Precision and what is left to judge.
 */
export function judgedPrecision(
  sample: readonly JudgeableError[],
  errors: readonly JudgeableError[],
  rows: readonly JudgedRow[]
): JudgedPrecision {
  const verdicts = new Map<string, JudgedRow>()
  for (const row of rows) if (row.verdict) verdicts.set(verdictKey(row), row)
  const result: JudgedPrecision = {judged: 0, right: 0, precision: null, unjudged: [], wrong: [], alsoJudged: {judged: 0, right: 0}}
  const sampled = new Set(sample.map(verdictKey))
  for (const error of sample) {
    const row = verdicts.get(verdictKey(error))
    if (!row) {
      result.unjudged.push(error)
      continue
    }
    result.judged++
    if (row.verdict === 'right') result.right++
    else result.wrong.push({...error, note: row.note})
  }
  for (const error of errors) {
    const row = sampled.has(verdictKey(error)) ? undefined : verdicts.get(verdictKey(error))
    if (!row) continue
    result.alsoJudged.judged++
    if (row.verdict === 'right') result.alsoJudged.right++
  }
  result.precision = result.judged === 0 ? null : result.right / result.judged
  return result
}

/**
 * Add rows for errors that wait to be judged, unless the file has a row
 * for them already (judged or not).
 *
 * @param rows Rows of the file.
 * @param unjudged Errors to add.
 * @returns Rows to write: the old ones in their order, then the new ones by repository, file and place.
 */
export function withUnjudged(rows: readonly JudgedRow[], unjudged: readonly JudgeableError[]): JudgedRow[] {
  const known = new Set(rows.map(verdictKey))
  const added = unjudged
    .filter((error) => !known.has(verdictKey(error)))
    .map(
      (error): JudgedRow => ({
        repo: error.repo,
        file: error.file,
        line: error.line,
        column: error.column,
        actual: error.actual,
        rule: error.ruleId,
        expected: error.expected.slice(0, 3).join(', '),
        verdict: undefined,
        note: ''
      })
    )
    .sort((a, b) => a.repo.localeCompare(b.repo) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
  return [...rows, ...added]
}

/**
 * Hash a string with a seed (FNV-1a, 32 bits, then mixed): the same on
 * every machine, so the sample is.
 *
 * @param value String.
 * @param seed Seed.
 * @returns Unsigned 32-bit hash.
 */
export function hash32(value: string, seed: number): number {
  let hash = (0x81_1c_9d_c5 ^ seed) >>> 0
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index)
    hash = Math.imul(hash, 0x01_00_01_93) >>> 0
  }
  // FNV's low bits mix poorly for keys that differ at the end: finish as murmur3 does.
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85_eb_ca_6b) >>> 0
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2_b2_ae_35) >>> 0
  hash ^= hash >>> 16
  return hash >>> 0
}
