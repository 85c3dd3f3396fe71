import {severities} from '../src/severity.js'
import type {BySeverity, ErrorPrecision, InjectionOutcome, Tally, WordCount} from './measure.js'

/** Everything one benchmark run measured; printed as a table or, with `--json`, as is. */
export interface BenchResult {
  /** Command that reproduces the run. */
  command: string
  /** Seed of the mulberry32 generator that chose the injections. */
  seed: number
  /** Most misspellings put into one article. */
  injectionsPerArticle: number
  corpus: {
    /** Articles folder, relative to the project root. */
    path: string
    articles: number
    /** Whitespace-separated tokens, headlines included. */
    words: number
  }
  clean: {
    /** Time of the lint call. */
    seconds: number
    findings: BySeverity
    perThousandWords: BySeverity
    topErrors: WordCount[]
    topWarnings: WordCount[]
  }
  injected: {
    /** Time of the lint call. */
    seconds: number
    /** Usable misspelling pairs after filtering, and the correct words they cover. */
    pairs: number
    correctWords: number
    /** Articles that got at least one misspelling. */
    articles: number
    totals: Tally
    /** Severity of the findings on injected words. */
    detectedBySeverity: BySeverity
    /** Injections where a finding touched the word but did not cover exactly it. */
    partial: number
    recall: number
    recallAtError: number
    errorPrecision: ErrorPrecision & {precision: number}
    /** Of the detected injections: correct word first / in the first five suggestions. */
    suggestionTop1: number
    suggestionTop5: number
    bySource: Array<{group: string} & Tally>
    byDistance: Array<{group: string} & Tally>
    injections: InjectionOutcome[]
  }
}

/** Examples listed per kind of miss in the table. */
const exampleCount = 12

/**
 * Render a benchmark result as a plain-text report.
 *
 * @param result Result.
 * @returns Report, ending in a newline.
 */
export function renderReport(result: BenchResult): string {
  const {clean, injected, corpus} = result
  const precision = injected.errorPrecision
  const outcomes = injected.injections
  const detected = outcomes.filter((outcome) => outcome.severity !== null)

  return [
    'copydesk accuracy benchmark',
    `  reproduce: ${result.command}`,
    `  seed: ${result.seed} (mulberry32), up to ${result.injectionsPerArticle} injected misspellings per article`,
    `  corpus: ${corpus.path}: ${count(corpus.articles)} articles, ${count(corpus.words)} words (whitespace tokens)`,
    '',
    '1. Clean copy (articles as published)',
    `  lint time: ${seconds(clean.seconds)}`,
    '',
    indent(
      table(
        [
          ['severity', 'findings', 'per 1,000 words'],
          ...severities.map((severity) => [
            severity,
            count(clean.findings[severity]),
            clean.perThousandWords[severity].toFixed(2)
          ])
        ],
        'lrr'
      )
    ),
    '',
    `  ${clean.topErrors.length} most frequent \`error\` words (judge by hand: slip or false alarm?)`,
    indent(wordTable(clean.topErrors)),
    '',
    `  ${clean.topWarnings.length} most frequent \`warning\` words`,
    indent(wordTable(clean.topWarnings)),
    '',
    '2. Injected misspellings',
    `  usable pairs: ${count(injected.pairs)} misspellings of ${count(injected.correctWords)} words` +
      ' (lowercase, alphabetic, misspelling not a dictionary-en word)',
    `  injected: ${count(injected.totals.injected)} in ${count(injected.articles)} articles`,
    `  lint time: ${seconds(injected.seconds)} (same process as the clean run: the spelling rule keeps its` +
      ' suggestion cache, so only words new to this run cost suggestions)',
    '',
    indent(
      table(
        [
          ['measure', 'count', 'of', 'rate'],
          ['recall (any severity)', ...ratio(injected.totals.detected, injected.totals.injected)],
          ['recall at error', ...ratio(injected.totals.errors, injected.totals.injected)],
          ['precision of error', ...ratio(precision.onInjected, precision.errors)],
          ['first suggestion correct (of found)', ...ratio(injected.totals.top1, injected.totals.detected)],
          ['correct in first 5 (of found)', ...ratio(injected.totals.top5, injected.totals.detected)]
        ],
        'lrrr'
      )
    ),
    '',
    `  injected words found as: ${severities.map((severity) => `${severity} ${count(injected.detectedBySeverity[severity])}`).join(', ')};` +
      ` missed ${count(injected.totals.injected - injected.totals.detected)}` +
      ` (of which a finding covered only part of the word: ${count(injected.partial)})`,
    `  errors not on injected words: ${count(precision.sameAsClean + precision.other)};` +
      ` ${count(precision.sameAsClean)} are the clean copy's own errors at the same place,` +
      ` ${count(precision.other)} are new`,
    '  (so precision of error here mostly reflects the clean-copy error rate above)',
    '',
    '  by list (a pair in several lists counts for each)',
    indent(tallyTable('list', injected.bySource)),
    '',
    '  by edit distance from the correct word (error needs a suggestion within 1 edit, 2 for 5+ letters)',
    indent(tallyTable('edits', injected.byDistance)),
    '',
    ...examples('missed', outcomes.filter((outcome) => outcome.severity === null)),
    ...examples('found only as warning or info', detected.filter((outcome) => outcome.severity !== 'error')),
    ...examples(
      'found, correct word not among the first 5 suggestions',
      detected.filter((outcome) => !outcome.suggestions.slice(0, 5).includes(outcome.correct))
    )
  ].join('\n') + '\n'
}

/**
 * Render the most frequent flagged words.
 *
 * @param words Word counts.
 * @returns Table.
 */
function wordTable(words: readonly WordCount[]): string {
  return table(
    [
      ['word', 'count', 'articles', 'first suggestion'],
      ...words.map((word) => [word.word, count(word.count), count(word.files), word.suggestion ?? '-'])
    ],
    'lrrl'
  )
}

/**
 * Render detection and suggestion counts per group.
 *
 * @param heading Name of the group column.
 * @param rows Tally per group.
 * @returns Table.
 */
function tallyTable(heading: string, rows: ReadonlyArray<{group: string} & Tally>): string {
  return table(
    [
      [heading, 'injected', 'recall', 'at error', '1st sugg.', 'top 5'],
      ...rows.map((row) => [
        row.group,
        count(row.injected),
        percent(row.detected, row.injected),
        percent(row.errors, row.injected),
        percent(row.top1, row.detected),
        percent(row.top5, row.detected)
      ])
    ],
    'lrrrrr'
  )
}

/**
 * List a few injections of one kind, with where they are and what copydesk said.
 *
 * @param title What the injections have in common.
 * @param outcomes Injections of that kind.
 * @returns Lines, empty when there are none.
 */
function examples(title: string, outcomes: readonly InjectionOutcome[]): string[] {
  if (outcomes.length === 0) return []
  return [
    `  ${title}: ${count(outcomes.length)}; first ${Math.min(exampleCount, outcomes.length)}:`,
    ...outcomes.slice(0, exampleCount).map(
      (outcome) =>
        `    ${outcome.misspelling} for ${outcome.correct} (${outcome.sources.join(', ')})` +
        ` at ${outcome.file}:${outcome.line}:${outcome.column}` +
        (outcome.severity ? `: ${outcome.severity}, suggests ${outcome.suggestions.slice(0, 5).join(', ') || 'nothing'}` : '')
    ),
    ''
  ]
}

/**
 * Lay out rows as aligned columns.
 *
 * @param rows Rows of cells; the first is the header.
 * @param align One letter per column: `l` left, `r` right.
 * @returns Lines joined by newlines.
 */
function table(rows: ReadonlyArray<readonly string[]>, align: string): string {
  const widths = [...align].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows
    .map((row) =>
      widths
        .map((width, column) => {
          const cell = row[column] ?? ''
          return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width)
        })
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/**
 * Indent every line of a block by two spaces.
 *
 * @param block Lines.
 * @returns Indented lines.
 */
function indent(block: string): string {
  return block.replace(/^/gm, '  ')
}

/**
 * Format a count with thousands separators.
 *
 * @param value Count.
 * @returns `1,234`.
 */
function count(value: number): string {
  return value.toLocaleString('en-US')
}

/**
 * Format a share as a percentage.
 *
 * @param part Part.
 * @param whole Whole.
 * @returns `96.2%`, or `-` when the whole is zero.
 */
function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : ((part * 100) / whole).toFixed(1) + '%'
}

/**
 * Give the cells of a ratio: part, whole and percentage.
 *
 * @param part Part.
 * @param whole Whole.
 * @returns Three cells.
 */
function ratio(part: number, whole: number): [string, string, string] {
  return [count(part), count(whole), percent(part, whole)]
}

/**
 * Format a duration.
 *
 * @param value Seconds.
 * @returns `42.1 s`.
 */
function seconds(value: number): string {
  return value.toFixed(1) + ' s'
}
