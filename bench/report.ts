import {type Severity, severities} from '../src/severity.js'
import {type AcrossFilesPair, acrossFilesRule, renderPairs} from './across-files.js'
import type {FalseErrors} from './clean-verdicts.js'
import type {CorpusSet} from './corpus-set.js'
import {type InjectionKind, injectionKinds, type Quota} from './inject.js'
import type {BySeverity, Finding, InjectionOutcome, Ratio, Scores, Tally, WordCount} from './measure.js'
import type {TargetId, TargetResult} from './targets.js'

/** Everything one benchmark run measured; printed as a table or, with `--json`, as is. */
export interface BenchResult {
  /** Command that reproduces the run. */
  command: string
  /** Seed of the mulberry32 generator that chose the injections. */
  seed: number
  /** Most injections of each kind in one article or story. */
  quota: Quota
  /** Fewest tokens from one injection to the next. */
  minimumGap: number
  /** What the injections were drawn from, the same for both sets. */
  sources: {
    /** Usable misspelling pairs after filtering, and the correct words they cover. */
    misspellingPairs: number
    misspelledWords: number
    /** Usable pairs left out because copydesk learns from their misspelling (cspell's common misspellings). */
    misspellingsLeftOut: number
    /** Words keyboard slips are made on. */
    commonWords: number
  }
  /** The verdicts files read for the clean-copy errors. */
  verdicts: string[]
  /** The development set first, then the held-out set when there is one. */
  sets: SetResult[]
}

/** Everything measured on one set. */
export interface SetResult {
  id: CorpusSet['id']
  /** As the report's columns name it. */
  title: string
  corpus: {
    /** Where the copy is, relative to the project root. */
    path: string
    /** What one file is: `articles`, `stories`. */
    units: string
    /** Files measured. */
    files: number
    words: number
    /** How words are counted. */
    wordsCounted: string
  }
  /** copydesk on the copy as published. */
  clean: {
    seconds: number
    findings: BySeverity
    perThousandWords: BySeverity
    topErrors: WordCount[]
    topWarnings: WordCount[]
  }
  /** The clean-copy errors by their verdicts. */
  falseErrors: FalseErrors
  /** What was injected, and copydesk on the modified copy. */
  injected: {
    seconds: number
    /** Files that got at least one injection. */
    files: number
    count: Record<InjectionKind, number>
    /** Name variants of names dictionary-en does not have. */
    unknownNames: number
    /** Slips on names (either name kind) that neither dictionary-en nor the bundled names lists know. */
    namesInNoList: number
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
    /** Detection at `error` of real misspellings by how many edits they are from their word. */
    misspellingsByEdits: Tally[]
  }
  /**
   * Findings of `names-across-files`, taken out of every figure above: it
   * compares stories, where the figures measure rules that see one story.
   */
  acrossFiles: {
    /** Its findings on the copy as published. */
    clean: number
    /** Its findings on the modified copy. */
    modified: number
    /** Its findings on the copy as published, by pair, for judging by hand. */
    pairs: AcrossFilesPair[]
  }
  /** Plain retext-spell on the same copy, where every unknown word is a finding; on the development set only. */
  baseline: {
    seconds: {clean: number; modified: number}
    scores: Scores
  } | null
}

/** Examples listed per kind of miss. */
const exampleCount = 12

/** Unjudged clean-copy errors listed per set. */
const unjudgedListed = 40

/** What each kind is called in the report. */
const kindNames: Record<InjectionKind, string> = {
  'name-variant': 'name variants',
  'name-first-use': 'name slips on first use',
  misspelling: 'real misspellings',
  'keyboard-slip': 'keyboard slips',
  'inflection-slip': 'keyboard slips on inflected words'
}

/** What each threshold is called in the report. */
const thresholdNames: Record<Severity, string> = {error: 'error', warning: 'warning+', info: 'any'}

/** One measure of the score tables: how to read it from a run's scores, and its target at `error`. */
interface Measure {
  label: string
  cell: (run: Scores) => string
  target?: TargetId
}

/**
 * The measures of the score tables, in order.
 */
const measures: readonly Measure[] = [
  {label: 'precision', cell: (run) => rateCell(run.precision), target: 'precision'},
  {label: 'recall: name variants (a later use)', cell: (run) => rateCell(run.recall['name-variant']), target: 'recall: name variants'},
  {
    label: 'recall: name slips on first use',
    cell: (run) => rateCell(run.recall['name-first-use']),
    target: 'recall: name slips on first use'
  },
  {label: 'recall: name slips, names in no list', cell: (run) => rateCell(run.namesInNoList.recall), target: 'recall: names in no list'},
  {label: 'recall: real misspellings', cell: (run) => rateCell(run.recall.misspelling), target: 'recall: misspellings'},
  {label: 'recall: keyboard slips', cell: (run) => rateCell(run.recall['keyboard-slip']), target: 'recall: keyboard slips'},
  {label: 'recall: keyboard slips on inflected words', cell: (run) => rateCell(run.recall['inflection-slip'])},
  {label: 'first suggestion right, of found: name variants', cell: firstOf('name-variant'), target: 'first suggestion: name variants'},
  {
    label: '  of names not in dictionary',
    cell: (run) => (run.firstSuggestionUnknownNames ? rateCell(run.firstSuggestionUnknownNames) : 'n/a'),
    target: 'first suggestion: unknown names'
  },
  {
    label: 'first suggestion right, of found: name slips on first use',
    cell: firstOf('name-first-use'),
    target: 'first suggestion: name slips on first use'
  },
  {
    label: 'first suggestion right, of found: names in no list',
    cell: (run) => (run.namesInNoList.firstSuggestion ? rateCell(run.namesInNoList.firstSuggestion) : 'n/a')
  },
  {
    label: 'name slips whose fix points at the slip',
    cell: (run) => String(run.pointsAtSlip['name-variant'] + run.pointsAtSlip['name-first-use']),
    target: 'fix points at the slip'
  },
  {label: 'first suggestion right, of found: real misspellings', cell: firstOf('misspelling'), target: 'first suggestion: misspellings'},
  {label: 'first suggestion right, of found: keyboard slips', cell: firstOf('keyboard-slip'), target: 'first suggestion: keyboard slips'},
  {
    label: 'first suggestion right, of found: slips on inflected words',
    cell: firstOf('inflection-slip'),
    target: 'first suggestion: inflection slips'
  },
  {
    label: 'findings per 1,000 clean words (false alarms)',
    cell: (run) => `${run.falseAlarms.perThousandWords.toFixed(2)} (${run.falseAlarms.count})`,
    target: 'false alarms'
  }
]

/**
 * Read a first-suggestion rate of one kind for a table cell.
 *
 * @param kind Kind of injection.
 * @returns Cell maker.
 */
function firstOf(kind: InjectionKind): (run: Scores) => string {
  return (run) => (run.firstSuggestion ? rateCell(run.firstSuggestion[kind]) : 'n/a')
}

/**
 * Render a benchmark result as a plain-text report.
 *
 * @param result Result.
 * @returns Report, ending in a newline.
 */
export function renderReport(result: BenchResult): string {
  const {sets, sources} = result
  const quota = injectionKinds.map((kind) => `${result.quota[kind]} ${kindNames[kind]}`).join(', ')
  const development = sets.find((set) => set.id === 'development')
  return [
    'copydesk accuracy benchmark',
    `  reproduce: ${result.command}`,
    `  seed: ${result.seed} (mulberry32); per article or story up to ${quota}, at least ${result.minimumGap} words apart`,
    ...sets.map((set) => `  ${set.title}: ${corpusLine(set)}`),
    ...(sets.some((set) => set.id === 'held-out') ? [] : ['  held out (site stories): left out, ../shared/repos not found']),
    '  Thresholds were set on the development set alone; the held-out set was never tuned on.',
    `  real misspellings: ${count(sources.misspellingPairs)} usable pairs for ${count(sources.misspelledWords)} words;` +
      ` ${count(sources.misspellingsLeftOut)} usable pairs left out because their misspelling is in cspell's`,
    '    common-misspellings list (@cspell/dict-en-common-misspellings), which copydesk learns from: the figures are on',
    '    misspellings it never saw',
    `  keyboard slips: on the ${count(sources.commonWords)} most common SUBTLEX-US words`,
    `  verdicts on clean-copy errors: ${result.verdicts.join(', ')} (add the unjudged with \`-- --write-unjudged\`)`,
    '',
    '1. Scores at error, both sets',
    '  An injection is found when a finding covers exactly the injected word. Precision: findings on injected',
    '  words, of all findings at the threshold on the modified copy. False alarms: all findings at the threshold',
    '  on the clean copy; false errors: the clean-copy errors judged wrong, and those not judged yet.',
    '',
    indent(sideBySide(sets)),
    '',
    ...sets.map(
      (set) =>
        `  targets met at error, ${set.title}: ${set.copydesk.targets.filter((target) => target.pass).length}` +
        ` of ${set.copydesk.targets.length}`
    ),
    '',
    '2. Clean copy (as published)',
    indent(
      table(
        [
          ['severity', ...sets.map((set) => set.title)],
          ...severities.map((severity) => [
            severity,
            ...sets.map((set) => `${count(set.clean.findings[severity])} (${set.clean.perThousandWords[severity].toFixed(2)} per 1,000)`)
          ])
        ],
        'l' + 'r'.repeat(sets.length)
      )
    ),
    '',
    ...sets.flatMap((set) => cleanSection(set)),
    '3. Injected errors',
    indent(
      table(
        [
          ['kind', ...sets.map((set) => set.title)],
          ...injectionKinds.map((kind) => [kindNames[kind], ...sets.map((set) => count(set.injected.count[kind]))]),
          ['  name variants of names dictionary-en lacks', ...sets.map((set) => count(set.injected.unknownNames))],
          ['  name slips on names in no list', ...sets.map((set) => count(set.injected.namesInNoList))],
          ['files changed', ...sets.map((set) => `${count(set.injected.files)} of ${count(set.corpus.files)}`)]
        ],
        'l' + 'r'.repeat(sets.length)
      )
    ),
    '  No injected form is a dictionary-en word or used elsewhere in its article or story. A name slip goes on a',
    '  name used twice or more that the dictionary has only with a capital; "in no list": neither dictionary-en nor',
    '  the bundled names lists know it. A slip on an inflected word changes its last letter (`casex` for `cases`).',
    ...sets.map(
      (set) =>
        `  lint time, ${set.title}: copydesk ${seconds(set.injected.seconds)} (same process as the clean run, so suggestions are cached)` +
        (set.baseline ? `, plain retext-spell ${seconds(set.baseline.seconds.modified)}` : '')
    ),
    '',
    ...sets.flatMap((set, index) => scoreSection(4 + index, set, development))
  ].join('\n') + '\n'
}

/**
 * Describe a set's copy in one line.
 *
 * @param set The set.
 * @returns `../shared/…: 291 articles, 191,915 words (whitespace tokens)`.
 */
function corpusLine(set: SetResult): string {
  const {corpus} = set
  return `${corpus.path}: ${count(corpus.files)} ${corpus.units}, ${count(corpus.words)} ${corpus.wordsCounted}`
}

/**
 * Render the scores at `error` of every set side by side, with the targets.
 *
 * @param sets The sets.
 * @returns Table.
 */
function sideBySide(sets: readonly SetResult[]): string {
  const atError = sets.map((set) => set.copydesk.scores.find((run) => run.threshold === 'error'))
  const verdict = (set: SetResult, id: TargetId | undefined): string => {
    const target = set.copydesk.targets.find((candidate) => candidate.id === id)
    return target ? (target.pass ? 'pass' : 'FAIL') : ''
  }
  const goal = (id: TargetId | undefined): string => sets[0]?.copydesk.targets.find((target) => target.id === id)?.goal ?? ''
  const falseErrorsCell = (set: SetResult): string =>
    `${set.falseErrors.perThousandWords.toFixed(2)} (${set.falseErrors.wrong} wrong + ${set.falseErrors.unjudged.length} unjudged)`
  return table(
    [
      ['measure at error', ...sets.map((set) => set.title), 'target', ...sets.map((set) => set.id)],
      ...measures.map((measure) => [
        measure.label,
        ...atError.map((run) => (run ? measure.cell(run) : '-')),
        goal(measure.target),
        ...sets.map((set) => verdict(set, measure.target))
      ]),
      [
        'false errors per 1,000 clean words (judged)',
        ...sets.map(falseErrorsCell),
        goal('false errors'),
        ...sets.map((set) => verdict(set, 'false errors'))
      ]
    ],
    'l' + 'r'.repeat(sets.length) + 'l'.repeat(sets.length + 1)
  )
}

/**
 * Render what one set's clean copy gave: its errors by verdict, the
 * unjudged listed, its most frequent errors and warnings, and the pairs of
 * `names-across-files`.
 *
 * @param set The set.
 * @returns Lines.
 */
function cleanSection(set: SetResult): string[] {
  const {clean, falseErrors} = set
  return [
    `  ${set.title}: lint time copydesk ${seconds(clean.seconds)}` +
      (set.baseline ? `, plain retext-spell ${seconds(set.baseline.seconds.clean)}` : ''),
    `  errors by verdict: ${count(falseErrors.errors)} errors, ${count(falseErrors.right)} right (slips the copy kept),` +
      ` ${count(falseErrors.wrong)} wrong, ${count(falseErrors.unjudged.length)} unjudged (counted false);` +
      ` ${falseErrors.perThousandWords.toFixed(2)} false per 1,000 words` +
      (falseErrors.unjudged.length === 0 ? '' : ` (${falseErrors.judgedPerThousandWords.toFixed(2)} if every unjudged error is right)`),
    ...(falseErrors.unjudged.length === 0
      ? []
      : [
          `  unjudged errors (judge in the verdicts file); first ${Math.min(unjudgedListed, falseErrors.unjudged.length)}:`,
          ...falseErrors.unjudged
            .slice(0, unjudgedListed)
            .map(
              (error) =>
                `    ${error.actual} at ${error.repo}/${error.file}:${error.line}:${error.column} (${error.ruleId}),` +
                ` suggests ${error.expected.slice(0, 3).join(', ') || 'nothing'}`
            )
        ]),
    '',
    `  ${clean.topErrors.length} most frequent \`error\` words`,
    indent(wordTable(clean.topErrors)),
    '',
    `  ${clean.topWarnings.length} most frequent \`warning\` words`,
    indent(wordTable(clean.topWarnings)),
    '',
    `  \`${acrossFilesRule}\` compares stories, so it is left out of every figure here, which measure rules that`,
    '  see one story (`npm run bench:names` measures it): ' +
      `${count(set.acrossFiles.clean)} findings in ${count(set.acrossFiles.pairs.length)} pairs on the clean copy,` +
      ` ${count(set.acrossFiles.modified)} on the modified copy. Judge each pair by hand:`,
    ...renderPairs(set.acrossFiles.pairs),
    ''
  ]
}

/**
 * Render one set's scores at every threshold and the detail behind them.
 *
 * @param number The section's number.
 * @param set The set.
 * @param development The development set, for its plain retext-spell column.
 * @returns Lines.
 */
function scoreSection(number: number, set: SetResult, development: SetResult | undefined): string[] {
  const {injected, copydesk} = set
  const baseline = set.baseline ?? null
  return [
    `${number}. ${set.title}: scores at each threshold` + (baseline ? ', and plain retext-spell' : ''),
    ...(baseline
      ? [
          '  Plain retext-spell reports every unknown word; it stops suggesting after 30 words, so its suggestions are',
          '  not scored.'
        ]
      : development?.baseline
        ? ['  (plain retext-spell reads text, not Markdown: it is run on the development set only)']
        : []),
    '',
    indent(scoreTable(copydesk.scores, baseline?.scores ?? null, copydesk.targets)),
    '',
    '  how copydesk reported the injected words',
    indent(severityTable(injected.outcomes)),
    '',
    ...injectionKinds.flatMap((kind) => [
      `  ${kindNames[kind]} by ${kind === 'misspelling' ? 'list (a pair in several lists counts for each)' : 'change'}, at error`,
      indent(tallyTable(copydesk.byChange[kind])),
      ''
    ]),
    '  real misspellings by edits from their word, at error (the suggester walks two edits; farther words',
    '  come only by sound or from the story: "right word offered" bounds what ranking alone can reach)',
    indent(tallyTable(copydesk.misspellingsByEdits)),
    '',
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
        ),
        ...examples(
          `${kindNames[kind]} whose fix points at the slip, at error`,
          outcomes.filter((outcome) => outcome.pointsAtSlip === 'error')
        )
      ]
    })
  ]
}

/**
 * Render the scores: copydesk at each threshold, plain retext-spell when
 * it ran, and the targets at `error` next to them.
 *
 * @param scores copydesk's scores, one per threshold, `error` first.
 * @param baseline Plain retext-spell's scores, if it ran.
 * @param targets Targets checked against copydesk at `error`.
 * @returns Table.
 */
function scoreTable(scores: readonly Scores[], baseline: Scores | null, targets: readonly TargetResult[]): string {
  const runs = baseline ? [...scores, baseline] : [...scores]
  return table(
    [
      ['measure', ...scores.map((run) => thresholdNames[run.threshold]), ...(baseline ? ['retext-spell'] : []), 'target at error', ''],
      ...measures.map((measure) => {
        const target = targets.find((candidate) => candidate.id === measure.target)
        return [measure.label, ...runs.map(measure.cell), target?.goal ?? '', target ? (target.pass ? 'pass' : 'FAIL') : '']
      })
    ],
    'l' + 'r'.repeat(runs.length) + 'll'
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
      ['change', 'injected', 'found', '1st suggestion right', 'right word offered'],
      ...rows.map((row) => [
        row.group,
        count(row.injected),
        percent(row.detected, row.injected),
        percent(row.top1, row.detected),
        percent(row.offered, row.detected)
      ])
    ],
    'lrrrr'
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
            : 'missed') +
        (outcome.pointsAtSlip ? `; ${outcome.original} flagged at ${outcome.pointsAtSlip}, expected ${outcome.injected}` : '')
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
