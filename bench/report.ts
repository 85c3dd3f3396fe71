import {type Severity, severities} from '../src/severity.js'
import {type AcrossFilesPair, acrossFilesRule, renderPairs} from './across-files.js'
import {type InjectionKind, injectionKinds, type Quota} from './inject.js'
import type {BySeverity, Finding, InjectionOutcome, Ratio, Scores, Tally, WordCount} from './measure.js'
import type {TargetId, TargetResult} from './targets.js'

/** Everything one benchmark run measured; printed as a table or, with `--json`, as is. */
export interface BenchResult {
  /** Command that reproduces the run. */
  command: string
  /** Seed of the mulberry32 generator that chose the injections. */
  seed: number
  /** Most injections of each kind in one article. */
  quota: Quota
  /** Fewest tokens from one injection to the next. */
  minimumGap: number
  corpus: {
    /** Articles folder, relative to the project root. */
    path: string
    articles: number
    /** Whitespace-separated tokens, headlines included. */
    words: number
  }
  /** copydesk on the articles as published. */
  clean: {
    seconds: number
    findings: BySeverity
    perThousandWords: BySeverity
    topErrors: WordCount[]
    topWarnings: WordCount[]
  }
  /** What was injected, and copydesk on the modified articles. */
  injected: {
    seconds: number
    /** Usable misspelling pairs after filtering, and the correct words they cover. */
    misspellingPairs: number
    misspelledWords: number
    /** Words keyboard slips are made on. */
    commonWords: number
    /** Articles that got at least one injection. */
    articles: number
    count: Record<InjectionKind, number>
    /** Name variants of names dictionary-en does not have. */
    unknownNames: number
    outcomes: InjectionOutcome[]
  }
  copydesk: {
    /** At `error`, at `warning` or worse, at any severity. */
    scores: Scores[]
    targets: TargetResult[]
    /** Errors of the modified run: on injected words, as in the clean copy, or new. */
    errors: {onInjected: number; sameAsClean: number; other: number; firstOther: Finding[]}
    /** Detection at `error` per kind of change (slip, or misspelling list). */
    byChange: Record<InjectionKind, Tally[]>
  }
  /**
   * Findings of `names-across-files`, taken out of every figure above: it
   * compares stories, where the figures measure rules that see one story.
   */
  acrossFiles: {
    /** Its findings on the articles as published. */
    clean: number
    /** Its findings on the modified articles. */
    modified: number
    /** Its findings on the articles as published, by pair, for judging by hand. */
    pairs: AcrossFilesPair[]
  }
  /** Plain retext-spell on the same articles: every unknown word is a finding. */
  baseline: {
    seconds: {clean: number; modified: number}
    scores: Scores
  }
}

/** Examples listed per kind of miss. */
const exampleCount = 12

/** What each kind is called in the report. */
const kindNames: Record<InjectionKind, string> = {
  'name-variant': 'name variants',
  misspelling: 'real misspellings',
  'keyboard-slip': 'keyboard slips'
}

/** What each threshold is called in the report. */
const thresholdNames: Record<Severity, string> = {error: 'error', warning: 'warning+', info: 'any'}

/**
 * Render a benchmark result as a plain-text report.
 *
 * @param result Result.
 * @returns Report, ending in a newline.
 */
export function renderReport(result: BenchResult): string {
  const {clean, injected, corpus, copydesk, baseline} = result
  const quota = injectionKinds.map((kind) => `${result.quota[kind]} ${kindNames[kind]}`).join(', ')

  return [
    'copydesk accuracy benchmark',
    `  reproduce: ${result.command}`,
    `  seed: ${result.seed} (mulberry32); per article up to ${quota}, at least ${result.minimumGap} words apart`,
    `  corpus: ${corpus.path}: ${count(corpus.articles)} articles, ${count(corpus.words)} words (whitespace tokens)`,
    '',
    '1. Clean copy (articles as published)',
    `  lint time: copydesk ${seconds(clean.seconds)}, plain retext-spell ${seconds(baseline.seconds.clean)}`,
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
    `  \`${acrossFilesRule}\` compares stories, so it is left out of every figure here, which measure rules that`,
    '  see one story (`npm run bench:names` measures it): ' +
      `${count(result.acrossFiles.clean)} findings in ${count(result.acrossFiles.pairs.length)} pairs on the clean copy,` +
      ` ${count(result.acrossFiles.modified)} on the modified copy. Judge each pair by hand:`,
    ...renderPairs(result.acrossFiles.pairs),
    '',
    '2. Injected errors',
    `  ${count(injected.count['name-variant'])} name variants (a later use of a name used twice or more;` +
      ` ${count(injected.unknownNames)} of names dictionary-en lacks)`,
    `  ${count(injected.count.misspelling)} real misspellings (from ${count(injected.misspellingPairs)} usable pairs for` +
      ` ${count(injected.misspelledWords)} words)`,
    `  ${count(injected.count['keyboard-slip'])} keyboard slips` +
      ` (on the ${count(injected.commonWords)} most common SUBTLEX-US words)`,
    `  in ${count(injected.articles)} articles; no injected form is a dictionary-en word or used elsewhere in its article`,
    `  lint time: copydesk ${seconds(injected.seconds)} (same process as the clean run, so suggestions are cached),` +
      ` plain retext-spell ${seconds(baseline.seconds.modified)}`,
    '',
    '3. Scores',
    '  An injection is found when a finding covers exactly the injected word. Precision: findings on injected',
    '  words, of all findings at the threshold on the modified copy. False alarms: findings at the threshold on',
    '  the clean copy. Plain retext-spell reports every unknown word; it stops suggesting after 30 words, so its',
    '  suggestions are not scored.',
    '',
    indent(scoreTable(copydesk.scores, baseline.scores, copydesk.targets)),
    '',
    `  targets met at error: ${copydesk.targets.filter((target) => target.pass).length} of ${copydesk.targets.length}`,
    '',
    '  how copydesk reported the injected words',
    indent(severityTable(injected.outcomes)),
    '',
    ...injectionKinds.flatMap((kind) => [
      `  ${kindNames[kind]} by ${kind === 'misspelling' ? 'list (a pair in several lists counts for each)' : 'change'}, at error`,
      indent(tallyTable(copydesk.byChange[kind])),
      ''
    ]),
    `  errors on the modified copy: ${count(copydesk.errors.onInjected)} on injected words,` +
      ` ${count(copydesk.errors.sameAsClean)} as on the clean copy, ${count(copydesk.errors.other)} new`,
    ...findingList(
      `new errors (not on an injected word, not an error on the clean copy); first ${copydesk.errors.firstOther.length}`,
      copydesk.errors.firstOther
    ),
    '',
    ...injectionKinds.flatMap((kind) => {
      const outcomes = injected.outcomes.filter((outcome) => outcome.kind === kind)
      const atError = outcomes.filter((outcome) => outcome.severity === 'error')
      return [
        ...examples(`${kindNames[kind]} not found at error`, outcomes.filter((outcome) => outcome.severity !== 'error')),
        ...examples(
          `${kindNames[kind]} found at error, first suggestion not the original`,
          atError.filter((outcome) => outcome.suggestions[0] !== outcome.original)
        )
      ]
    })
  ].join('\n') + '\n'
}

/**
 * Render the scores: copydesk at each threshold, plain retext-spell, and the
 * targets at `error` next to them.
 *
 * @param scores copydesk's scores, one per threshold, `error` first.
 * @param baseline Plain retext-spell's scores.
 * @param targets Targets checked against copydesk at `error`.
 * @returns Table.
 */
function scoreTable(scores: readonly Scores[], baseline: Scores, targets: readonly TargetResult[]): string {
  const runs = [...scores, baseline]
  const row = (label: string, cell: (run: Scores) => string, id?: TargetId): string[] => {
    const target = targets.find((candidate) => candidate.id === id)
    return [label, ...runs.map(cell), target?.goal ?? '', target ? (target.pass ? 'pass' : 'FAIL') : '']
  }
  const firstOf = (kind: InjectionKind) => (run: Scores): string =>
    run.firstSuggestion ? rateCell(run.firstSuggestion[kind]) : 'n/a'
  return table(
    [
      ['measure', ...scores.map((run) => thresholdNames[run.threshold]), 'retext-spell', 'target at error', ''],
      row('precision', (run) => rateCell(run.precision), 'precision'),
      row('recall: name variants', (run) => rateCell(run.recall['name-variant']), 'recall: name variants'),
      row('recall: real misspellings', (run) => rateCell(run.recall.misspelling), 'recall: misspellings'),
      row('recall: keyboard slips', (run) => rateCell(run.recall['keyboard-slip']), 'recall: keyboard slips'),
      row('first suggestion right, of found: name variants', firstOf('name-variant')),
      row(
        '  of names not in dictionary',
        (run) => (run.firstSuggestionUnknownNames ? rateCell(run.firstSuggestionUnknownNames) : 'n/a'),
        'first suggestion: unknown names'
      ),
      row('first suggestion right, of found: real misspellings', firstOf('misspelling')),
      row('first suggestion right, of found: keyboard slips', firstOf('keyboard-slip')),
      row(
        'false alarms per 1,000 clean words',
        (run) => `${run.falseAlarms.perThousandWords.toFixed(2)} (${run.falseAlarms.count})`,
        'false alarms'
      )
    ],
    'lrrrrll'
  )
}

/**
 * Render how the injected words of each kind were reported.
 *
 * @param outcomes Outcomes.
 * @returns Table.
 */
function severityTable(outcomes: readonly InjectionOutcome[]): string {
  return table(
    [
      ['kind', 'injected', ...severities, 'missed', 'of which partly covered'],
      ...injectionKinds.map(function (kind) {
        const ofKind = outcomes.filter((outcome) => outcome.kind === kind)
        const missed = ofKind.filter((outcome) => outcome.severity === null)
        return [
          kindNames[kind],
          count(ofKind.length),
          ...severities.map((severity) => count(ofKind.filter((outcome) => outcome.severity === severity).length)),
          count(missed.length),
          count(missed.filter((outcome) => outcome.partial).length)
        ]
      })
    ],
    'lrrrrrr'
  )
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
 * Render detection and first-suggestion counts per group.
 *
 * @param rows Tally per group.
 * @returns Table.
 */
function tallyTable(rows: readonly Tally[]): string {
  return table(
    [
      ['change', 'injected', 'found', '1st suggestion right'],
      ...rows.map((row) => [
        row.group,
        count(row.injected),
        percent(row.detected, row.injected),
        percent(row.top1, row.detected)
      ])
    ],
    'lrrr'
  )
}

/**
 * List findings with where they are and what they suggest.
 *
 * @param title What the findings have in common.
 * @param findings Findings.
 * @returns Lines, empty when there are none.
 */
function findingList(title: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return []
  return [
    `  ${title}:`,
    ...findings.map(
      (finding) =>
        `    ${finding.actual} at ${finding.file}:${finding.line}:${finding.column} (${finding.ruleId}),` +
        ` suggests ${finding.expected.slice(0, 5).join(', ') || 'nothing'}`
    )
  ]
}

/**
 * List a few injections, with where they are and what copydesk said.
 *
 * @param title What the injections have in common.
 * @param outcomes Injections.
 * @returns Lines, empty when there are none.
 */
function examples(title: string, outcomes: readonly InjectionOutcome[]): string[] {
  if (outcomes.length === 0) return []
  return [
    `  ${title}: ${count(outcomes.length)}; first ${Math.min(exampleCount, outcomes.length)}:`,
    ...outcomes.slice(0, exampleCount).map(
      (outcome) =>
        `    ${outcome.injected} for ${outcome.original} (${outcome.origin.join(', ')})` +
        ` at ${outcome.file}:${outcome.line}:${outcome.column}: ` +
        (outcome.severity
          ? `${outcome.severity}, suggests ${outcome.suggestions.slice(0, 5).join(', ') || 'nothing'}`
          : outcome.partial
            ? 'missed (a finding covers part of it)'
            : 'missed')
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
export function table(rows: ReadonlyArray<readonly string[]>, align: string): string {
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
export function indent(block: string): string {
  return block.replace(/^/gm, '  ')
}

/**
 * Format a count with thousands separators.
 *
 * @param value Count.
 * @returns `1,234`.
 */
export function count(value: number): string {
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
 * Format a ratio as the rate the targets use, with its counts.
 *
 * @param value Ratio.
 * @returns `0.953 (1234/1295)`, or `-` when there was nothing to measure.
 */
export function rateCell(value: Ratio): string {
  return value.rate === null ? '-' : `${value.rate.toFixed(3)} (${value.part}/${value.whole})`
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
