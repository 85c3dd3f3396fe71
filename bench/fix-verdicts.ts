import type {Fix} from './fix-diff.js'
import {tsvField, tsvRows, type Verdict, verdictOf} from './verdicts.js'

/**
 * Verdicts on the fixes `--fix-dry-run` would make in the real
 * repositories, judged by hand and kept in the project
 * (`bench/judged/repos-fixes.tsv`): issue 16 asks that every fix be right,
 * and a fix list only says so once someone has read each in its story.
 *
 * A verdict belongs to a fix by the repository, file, line and the text
 * before and after: the same rewrite on the same line is one judgement.
 */

/** One row of the fix verdicts file. */
export interface FixRow extends Fix {
  repo: string
  verdict: Verdict | undefined
  note: string
}

/** The file's columns, in order; its first line names them. */
export const fixColumns = ['repo', 'file', 'line', 'before', 'after', 'verdict', 'note'] as const

/** The fixes of one run, judged. */
export interface JudgedFixes {
  /** Fixes with a verdict, and how many of them are right. */
  judged: number
  right: number
  /** Fixes without a verdict yet. */
  unjudged: Fix[]
  /** Fixes judged wrong, with the note. */
  wrong: Array<Fix & {note: string}>
}

/**
 * Key a fix of a repository.
 *
 * @param repo Repository.
 * @param fix Fix.
 * @returns Key.
 */
function fixKey(repo: string, fix: Fix): string {
  return [repo, fix.file, fix.line, fix.before, fix.after].join('\t')
}

/**
 * Read the fix verdicts file.
 *
 * @param text File text.
 * @param name File name, for messages.
 * @returns Rows in file order.
 * @throws {Error} On a malformed row.
 */
export function parseFixVerdicts(text: string, name: string): FixRow[] {
  return tsvRows(text, name, fixColumns.length).map(function ({fields, place}): FixRow {
    const [repo, file, line, before, after, verdict, note] = fields as string[]
    return {
      repo: repo ?? '',
      file: file ?? '',
      line: Number(line),
      before: before ?? '',
      after: after ?? '',
      verdict: verdictOf(verdict ?? '', place),
      note: note ?? ''
    }
  })
}

/**
 * Write fix verdict rows as the file holds them.
 *
 * @param rows Rows.
 * @returns File text, header first, ending in a newline.
 */
export function formatFixVerdicts(rows: readonly FixRow[]): string {
  const lines = rows.map((row) =>
    [row.repo, row.file, String(row.line), row.before, row.after, row.verdict ?? '', row.note].map(tsvField).join('\t')
  )
  return [fixColumns.join('\t'), ...lines].join('\n') + '\n'
}

/**
 * Match a repository's fixes with the verdicts.
 *
 * @param repo Repository.
 * @param fixes Its fixes.
 * @param rows Verdicts of the file.
 * @returns The fixes judged, right, wrong and left to judge.
 */
export function judgeFixes(repo: string, fixes: readonly Fix[], rows: readonly FixRow[]): JudgedFixes {
  const verdicts = new Map<string, FixRow>()
  for (const row of rows) if (row.verdict) verdicts.set(fixKey(row.repo, row), row)
  const result: JudgedFixes = {judged: 0, right: 0, unjudged: [], wrong: []}
  for (const fix of fixes) {
    const row = verdicts.get(fixKey(repo, fix))
    if (!row) {
      result.unjudged.push(fix)
      continue
    }
    result.judged++
    if (row.verdict === 'right') result.right++
    else result.wrong.push({...fix, note: row.note})
  }
  return result
}

/**
 * Add rows for fixes that wait to be judged, once each, unless the file has one.
 *
 * @param rows Rows of the file.
 * @param unjudged Fixes to add, by repository.
 * @returns Rows to write: the old ones in their order, then the new ones.
 */
export function withUnjudgedFixes(rows: readonly FixRow[], unjudged: ReadonlyArray<{repo: string; fix: Fix}>): FixRow[] {
  const known = new Set(rows.map((row) => fixKey(row.repo, row)))
  const added: FixRow[] = []
  for (const {repo, fix} of unjudged) {
    const key = fixKey(repo, fix)
    if (known.has(key)) continue
    known.add(key)
    added.push({repo, ...fix, verdict: undefined, note: ''})
  }
  return [...rows, ...added]
}
