import path from 'node:path'
import type {VFile} from 'vfile'
import {type Severity, severities, severityOf} from '../src/severity.js'
import {groupBy} from './group-by.js'
import {type Injection, type InjectionKind, nameKinds, perKind, type Span} from './inject.js'

/** One finding, reduced to what the benchmark compares. */
export interface Finding extends Span {
  /** Article file name. */
  file: string
  line: number
  column: number
  ruleId: string
  /** The word found. */
  actual: string
  /** Suggestions, best first. */
  expected: string[]
  severity: Severity
}

/** How often one word was flagged. */
export interface WordCount {
  word: string
  /** Findings on it. */
  count: number
  /** Articles it was flagged in: a name flagged 30 times in one article is not a recurring slip. */
  files: number
  /** The first suggestion, if any. */
  suggestion: string | null
}

/** Findings by severity, with one number per severity. */
export type BySeverity = Record<Severity, number>

/** What happened to one injection in the run on the modified articles. */
export interface InjectionOutcome extends Injection {
  /** Severity of the finding covering exactly the injected word; `null` when there is none. */
  severity: Severity | null
  /** That finding's suggestions, best first. */
  suggestions: string[]
  /** Whether a finding touched the word without covering exactly it. */
  partial: boolean
  /**
   * Severity of the most serious finding that points the fix at the slip:
   * on the original spelling elsewhere in the article, with the injected
   * form as its first suggestion (`Fauci` → "expected `Faauci`"); `null`
   * when none does.
   */
  pointsAtSlip: Severity | null
}

/** A share, with what it is a share of. */
export interface Ratio {
  part: number
  whole: number
  /** `part / whole`; `null` when there is nothing to divide. */
  rate: number | null
}

/**
 * Every figure of one run at one severity threshold: findings at the
 * threshold or more serious count, the rest do not.
 */
export interface Scores {
  threshold: Severity
  /** Findings on injected words, of all findings at the threshold in the modified run. */
  precision: Ratio
  /** Injections found at the threshold, per kind. */
  recall: Record<InjectionKind, Ratio>
  /** Of those found, how often the first suggestion is the original word; `null` when the run's suggestions mean nothing. */
  firstSuggestion: Record<InjectionKind, Ratio> | null
  /** The same for name variants of names dictionary-en does not have, which copydesk cannot look up. */
  firstSuggestionUnknownNames: Ratio | null
  /** Slips on names (either name kind) that neither dictionary-en nor the bundled names lists know: found, and of those the first suggestion right. */
  namesInNoList: {recall: Ratio; firstSuggestion: Ratio | null}
  /** Injections per kind whose fix a finding at the threshold points at the slip: there should be none. */
  pointsAtSlip: Record<InjectionKind, number>
  /** Findings at the threshold on the copy as published: false alarms, but for the slips the copy kept (bench/clean-verdicts.ts tells them apart at `error`). */
  falseAlarms: {count: number; perThousandWords: number}
}

/** Detection counts for a group of injections at one threshold. */
export interface Tally {
  group: string
  injected: number
  detected: number
  /** Found, with the original word as the first suggestion. */
  top1: number
  /** Found, with the original word among the suggestions: what perfect ranking would make `top1`. */
  offered: number
}

/** Where the findings of the modified run at one threshold come from. */
export interface Attribution {
  /** Findings covering exactly an injected word. */
  onInjected: number
  /** Findings the clean run has at the same place and threshold: the clean copy's own. */
  sameAsClean: number
  /** The rest, in document order: side effects of an injection on the words around it. */
  other: Finding[]
}

/**
 * Collect the findings of linted files.
 *
 * @param files Linted files.
 * @param cwd The folder their paths are named from (with `/`); by default each is named by its file name alone.
 * @returns Findings in file and document order.
 * @throws {Error} When a finding has no offsets: every finding must say where it is.
 */
export function findingsOf(files: readonly VFile[], cwd?: string): Finding[] {
  const nameOf = (file: VFile): string =>
    cwd === undefined ? path.basename(file.path) : path.relative(cwd, path.resolve(cwd, file.path)).split(path.sep).join('/')
  return files.flatMap((file) =>
    file.messages.map(function (message): Finding {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'end' in place ? place.end : undefined
      if (start?.offset === undefined || end?.offset === undefined) {
        throw new Error(`${file.path}: finding without offsets: ${message.reason}`)
      }
      return {
        file: nameOf(file),
        start: start.offset,
        end: end.offset,
        line: start.line,
        column: start.column,
        ruleId: message.ruleId ?? '',
        actual: message.actual ?? '',
        expected: message.expected ?? [],
        severity: severityOf(message)
      }
    })
  )
}

/**
 * Whether a severity counts at a threshold: `error` counts everywhere, `info` only at `info`.
 *
 * @param severity Severity of a finding.
 * @param threshold Least serious severity that counts.
 * @returns Whether it counts.
 */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold)
}

/**
 * Count findings (or injection outcomes) by severity.
 *
 * @param items Items with a severity; `null` (a missed injection) is not counted.
 * @returns Count per severity (zero included).
 */
export function countBySeverity(items: Iterable<{severity: Severity | null}>): BySeverity {
  const counts: BySeverity = {error: 0, warning: 0, info: 0}
  for (const {severity} of items) if (severity) counts[severity]++
  return counts
}

/**
 * Scale counts per severity to findings per 1,000 words.
 *
 * @param counts Count per severity.
 * @param words Words in the corpus.
 * @returns Rate per severity.
 */
export function perThousandWords(counts: BySeverity, words: number): BySeverity {
  return Object.fromEntries(severities.map((severity) => [severity, (counts[severity] * 1000) / words])) as BySeverity
}

/**
 * List the words flagged most often at one severity, for judging by hand
 * which are real slips and which are false alarms.
 *
 * @param findings Findings.
 * @param severity Severity to look at.
 * @param limit How many words to list.
 * @returns Most frequent first; ties by word.
 */
export function topWords(findings: readonly Finding[], severity: Severity, limit: number): WordCount[] {
  const flagged = findings.filter((finding) => finding.severity === severity)
  return [...groupBy(flagged, (finding) => [finding.actual])]
    .map(([word, list]) => ({
      word,
      count: list.length,
      files: new Set(list.map((finding) => finding.file)).size,
      suggestion: list[0]?.expected[0] ?? null
    }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit)
}

/**
 * Match each injection to the finding that covers exactly it (same start,
 * same length); when several do, the most serious. Note too the most
 * serious finding that points the fix at the slip instead (see
 * `InjectionOutcome.pointsAtSlip`).
 *
 * @param injections Injections.
 * @param findings Findings of the modified run.
 * @returns One outcome per injection, in the same order.
 */
export function matchInjections(injections: readonly Injection[], findings: readonly Finding[]): InjectionOutcome[] {
  const byFile = groupBy(findings, (finding) => [finding.file])
  return injections.map(function (injection): InjectionOutcome {
    const start = injection.offset
    const end = start + injection.injected.length
    const near = (byFile.get(injection.file) ?? []).filter((finding) => finding.start < end && start < finding.end)
    const exact = near
      .filter((finding) => finding.start === start && finding.end === end)
      .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity))[0]
    const towardSlip = (byFile.get(injection.file) ?? [])
      .filter((finding) => finding.actual === injection.original && finding.expected[0] === injection.injected)
      .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity))[0]
    return {
      ...injection,
      severity: exact?.severity ?? null,
      suggestions: exact?.expected ?? [],
      partial: !exact && near.length > 0,
      pointsAtSlip: towardSlip?.severity ?? null
    }
  })
}

/**
 * Score a run at one threshold.
 *
 * @param threshold Least serious severity that counts.
 * @param run Findings on the clean and the modified articles, and the outcome of each injection.
 * @param words Words in the clean corpus.
 * @param options `suggestions: false` for a run whose suggestions are cut off (plain retext-spell).
 * @returns Scores.
 */
export function score(
  threshold: Severity,
  run: {clean: readonly Finding[]; modified: readonly Finding[]; outcomes: readonly InjectionOutcome[]},
  words: number,
  options: {suggestions: boolean}
): Scores {
  const counted = run.modified.filter((finding) => atOrAbove(finding.severity, threshold))
  const injected = injectedSpans(run.outcomes)
  const onInjected = counted.filter((finding) => injected.has(spanKey(finding.file, finding.start, finding.end)))
  const falseAlarms = run.clean.filter((finding) => atOrAbove(finding.severity, threshold)).length
  const byKind = groupBy(run.outcomes, (outcome) => [outcome.kind])
  const ofKind = (kind: InjectionKind): InjectionOutcome[] => byKind.get(kind) ?? []
  const found = (outcomes: readonly InjectionOutcome[]): InjectionOutcome[] =>
    outcomes.filter((outcome) => isFound(outcome, threshold))
  const firstCorrect = (outcomes: readonly InjectionOutcome[]): Ratio => {
    const detected = found(outcomes)
    return ratio(detected.filter(hasOriginalFirst).length, detected.length)
  }
  const unlisted = nameKinds.flatMap(ofKind).filter((outcome) => !outcome.originalListed)

  return {
    threshold,
    precision: ratio(onInjected.length, counted.length),
    recall: perKind((kind) => ratio(found(ofKind(kind)).length, ofKind(kind).length)),
    firstSuggestion: options.suggestions ? perKind((kind) => firstCorrect(ofKind(kind))) : null,
    firstSuggestionUnknownNames: options.suggestions
      ? firstCorrect(ofKind('name-variant').filter((outcome) => !outcome.originalKnown))
      : null,
    namesInNoList: {
      recall: ratio(found(unlisted).length, unlisted.length),
      firstSuggestion: options.suggestions ? firstCorrect(unlisted) : null
    },
    pointsAtSlip: perKind(
      (kind) =>
        ofKind(kind).filter((outcome) => outcome.pointsAtSlip !== null && atOrAbove(outcome.pointsAtSlip, threshold)).length
    ),
    falseAlarms: {count: falseAlarms, perThousandWords: (falseAlarms * 1000) / words}
  }
}

/**
 * Tally injections per group at one threshold; an injection may belong to
 * several groups (a misspelling found in more than one list counts for each).
 *
 * @param outcomes Outcomes.
 * @param groupsOf Groups of one outcome.
 * @param threshold Least serious severity that counts as found.
 * @returns Tally per group, groups sorted by name.
 */
export function tallyBy(
  outcomes: readonly InjectionOutcome[],
  groupsOf: (outcome: InjectionOutcome) => readonly string[],
  threshold: Severity
): Tally[] {
  return [...groupBy(outcomes, groupsOf)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(function ([group, list]): Tally {
      const found = list.filter((outcome) => isFound(outcome, threshold))
      return {
        group,
        injected: list.length,
        detected: found.length,
        top1: found.filter(hasOriginalFirst).length,
        offered: found.filter((outcome) => outcome.suggestions.includes(outcome.original)).length
      }
    })
}

/**
 * Work out where the findings of the modified run at one threshold come
 * from: the injections, the clean copy, or neither.
 *
 * @param modified Findings of the modified run.
 * @param clean Findings of the clean run.
 * @param injections Injections.
 * @param threshold Least serious severity that counts.
 * @returns The attribution.
 */
export function attribute(
  modified: readonly Finding[],
  clean: readonly Finding[],
  injections: readonly Injection[],
  threshold: Severity
): Attribution {
  const injected = injectedSpans(injections)
  const cleanSpans = new Set(
    clean
      .filter((finding) => atOrAbove(finding.severity, threshold))
      .map((finding) => spanKey(finding.file, finding.start, finding.end))
  )
  const injectionsByFile = groupBy(injections, (injection) => [injection.file])
  const result: Attribution = {onInjected: 0, sameAsClean: 0, other: []}
  for (const finding of modified) {
    if (!atOrAbove(finding.severity, threshold)) continue
    if (injected.has(spanKey(finding.file, finding.start, finding.end))) {
      result.onInjected++
      continue
    }
    const shift = cleanShift(finding.start, injectionsByFile.get(finding.file) ?? [])
    if (cleanSpans.has(spanKey(finding.file, finding.start - shift, finding.end - shift))) result.sameAsClean++
    else result.other.push(finding)
  }
  return result
}

/**
 * Divide, keeping what was divided.
 *
 * @param part Part.
 * @param whole Whole.
 * @returns The ratio; its rate is `null` for an empty whole.
 */
export function ratio(part: number, whole: number): Ratio {
  return {part, whole, rate: whole === 0 ? null : part / whole}
}

/**
 * Whether an injection was found at a threshold.
 *
 * @param outcome Outcome.
 * @param threshold Least serious severity that counts.
 * @returns Whether it was.
 */
function isFound(outcome: InjectionOutcome, threshold: Severity): boolean {
  return outcome.severity !== null && atOrAbove(outcome.severity, threshold)
}

/**
 * Whether the first suggestion is the word the article had.
 *
 * @param outcome Outcome.
 * @returns Whether it is.
 */
function hasOriginalFirst(outcome: InjectionOutcome): boolean {
  return outcome.suggestions[0] === outcome.original
}

/**
 * Key the injected words for lookups.
 *
 * @param injections Injections.
 * @returns Span keys.
 */
function injectedSpans(injections: readonly Injection[]): Set<string> {
  return new Set(
    injections.map((injection) => spanKey(injection.file, injection.offset, injection.offset + injection.injected.length))
  )
}

/**
 * How far text at an offset of a modified article moved from where it was
 * in the clean article: the growth of every injection before it.
 *
 * @param offset Offset in the modified article.
 * @param injections Injections in that article.
 * @returns Characters to subtract to get the clean offset.
 */
function cleanShift(offset: number, injections: readonly Injection[]): number {
  let shift = 0
  for (const injection of injections) {
    if (injection.offset < offset) shift += injection.injected.length - injection.original.length
  }
  return shift
}

/**
 * Key a span of an article for set lookups.
 *
 * @param file Article file name.
 * @param start Start offset.
 * @param end End offset.
 * @returns Key.
 */
function spanKey(file: string, start: number, end: number): string {
  return `${file}\u0000${start}\u0000${end}`
}
