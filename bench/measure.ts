import path from 'node:path'
import type {VFile} from 'vfile'
import {editDistance} from '../src/edit-distance.js'
import {type Severity, severities, severityOf} from '../src/severity.js'
import {groupBy} from './group-by.js'
import type {Injection, Span} from './inject.js'

/** One copydesk finding, reduced to what the benchmark compares. */
export interface Finding extends Span {
  /** Article file name. */
  file: string
  line: number
  column: number
  /** The word found. */
  actual: string
  /** Suggestions, best first. */
  expected: string[]
  severity: Severity
}

/** How often copydesk flagged one word. */
export interface WordCount {
  word: string
  /** Findings on it. */
  count: number
  /** Articles it was flagged in: a name flagged 30 times in one article is not a recurring slip. */
  files: number
  /** copydesk's first suggestion, if any. */
  suggestion: string | null
}

/** Findings by severity, with one number per severity. */
export type BySeverity = Record<Severity, number>

/** What happened to one injected misspelling in the modified run. */
export interface InjectionOutcome extends Injection {
  /** Severity of the finding covering exactly the misspelling; `null` when missed. */
  severity: Severity | null
  /** That finding's suggestions, best first. */
  suggestions: string[]
  /** Whether a finding covered only part of the misspelling (or more than it). */
  partial: boolean
  /** Edits from the misspelling to the correct word (insert, delete, substitute, swap). */
  distance: number
}

/** Detection and suggestion counts for a group of injections. */
export interface Tally {
  injected: number
  /** Found at any severity. */
  detected: number
  /** Found as `error`. */
  errors: number
  /** Found, with the correct word as the first suggestion. */
  top1: number
  /** Found, with the correct word among the first five suggestions. */
  top5: number
}

/** Where the errors of the modified run fall. */
export interface ErrorPrecision {
  /** All `error` findings in the modified corpus. */
  errors: number
  /** Those covering exactly an injected misspelling. */
  onInjected: number
  /** The rest that the clean run has at the same place: the clean-copy errors. */
  sameAsClean: number
  /** The rest that are new: side effects of an injection on its neighbours. */
  other: number
}

/**
 * Collect the findings of linted files.
 *
 * @param files Linted files, each named by its article file name.
 * @returns Findings in file and document order.
 * @throws {Error} When a finding has no offsets: every copydesk finding must say where it is.
 */
export function findingsOf(files: readonly VFile[]): Finding[] {
  return files.flatMap((file) =>
    file.messages.map(function (message): Finding {
      const place = message.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'end' in place ? place.end : undefined
      if (start?.offset === undefined || end?.offset === undefined) {
        throw new Error(`${file.path}: finding without offsets: ${message.reason}`)
      }
      return {
        file: path.basename(file.path),
        start: start.offset,
        end: end.offset,
        line: start.line,
        column: start.column,
        actual: message.actual ?? '',
        expected: message.expected ?? [],
        severity: severityOf(message)
      }
    })
  )
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
 * Match each injected misspelling to the finding that covers exactly it.
 *
 * @param injections Injections.
 * @param findings Findings of the modified run.
 * @returns One outcome per injection, in the same order.
 */
export function matchInjections(
  injections: readonly Injection[],
  findings: readonly Finding[]
): InjectionOutcome[] {
  const byFile = groupBy(findings, (finding) => [finding.file])
  return injections.map(function (injection): InjectionOutcome {
    const start = injection.offset
    const end = start + injection.misspelling.length
    const near = (byFile.get(injection.file) ?? []).filter((finding) => finding.start < end && start < finding.end)
    const exact = near.find((finding) => finding.start === start && finding.end === end)
    return {
      ...injection,
      severity: exact?.severity ?? null,
      suggestions: exact?.expected ?? [],
      partial: !exact && near.length > 0,
      distance: editDistance(injection.misspelling, injection.correct)
    }
  })
}

/**
 * Count detections and suggestion hits for a group of injections.
 *
 * @param outcomes Outcomes of the group.
 * @returns Counts.
 */
export function tally(outcomes: readonly InjectionOutcome[]): Tally {
  const detected = outcomes.filter((outcome) => outcome.severity !== null)
  return {
    injected: outcomes.length,
    detected: detected.length,
    errors: detected.filter((outcome) => outcome.severity === 'error').length,
    top1: detected.filter((outcome) => outcome.suggestions[0] === outcome.correct).length,
    top5: detected.filter((outcome) => outcome.suggestions.slice(0, 5).includes(outcome.correct)).length
  }
}

/**
 * Tally injections per group; an injection may belong to several groups
 * (a pair found in more than one list counts for each).
 *
 * @param outcomes Outcomes.
 * @param groupsOf Groups of one outcome.
 * @returns Tally per group, groups sorted by name.
 */
export function tallyBy(
  outcomes: readonly InjectionOutcome[],
  groupsOf: (outcome: InjectionOutcome) => readonly string[]
): Array<{group: string} & Tally> {
  return [...groupBy(outcomes, groupsOf)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => ({group, ...tally(list)}))
}

/**
 * Work out how many errors of the modified run are on injected words, and
 * where the rest come from.
 *
 * @param modified Findings of the modified run.
 * @param clean Findings of the clean run.
 * @param injections Injections.
 * @returns Error counts.
 */
export function errorPrecision(
  modified: readonly Finding[],
  clean: readonly Finding[],
  injections: readonly Injection[]
): ErrorPrecision {
  const injectedSpans = new Set(injections.map((injection) => spanKey(injection.file, injection.offset, injection.offset + injection.misspelling.length)))
  const cleanSpans = new Set(clean.map((finding) => spanKey(finding.file, finding.start, finding.end)))
  const injectionsByFile = groupBy(injections, (injection) => [injection.file])
  const result: ErrorPrecision = {errors: 0, onInjected: 0, sameAsClean: 0, other: 0}
  for (const finding of modified) {
    if (finding.severity !== 'error') continue
    result.errors++
    if (injectedSpans.has(spanKey(finding.file, finding.start, finding.end))) {
      result.onInjected++
      continue
    }
    const shift = cleanShift(finding.start, injectionsByFile.get(finding.file) ?? [])
    if (cleanSpans.has(spanKey(finding.file, finding.start - shift, finding.end - shift))) result.sameAsClean++
    else result.other++
  }
  return result
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
    if (injection.offset < offset) shift += injection.misspelling.length - injection.correct.length
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
