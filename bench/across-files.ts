import {location} from 'vfile-location'
import {groupBy} from './group-by.js'
import type {Finding} from './measure.js'

/**
 * The findings of `names-across-files` on a corpus, grouped by pair
 * (variant → expected) with a little text around each spelling, so that a
 * person can judge each pair by hand. Both benchmarks list them:
 * `bench:names` as its precision, `bench:accuracy` apart from its own
 * figures, which measure rules that see one story at a time.
 */

/** The rule whose findings these are. */
export const acrossFilesRule = 'names-across-files'

/** Characters of text shown either side of a spelling. */
const contextWidth = 45

/** A spelling where it is used, with the text around it. */
export interface SpellingContext {
  /** Article file name. */
  file: string
  line: number
  column: number
  /** Text around it, on one line, the spelling in `[...]`. */
  text: string
}

/** One variant → expected pair of `names-across-files` findings. */
export interface AcrossFilesPair {
  variant: string
  expected: string
  /** Findings of the pair: one per use of the variant. */
  findings: number
  /** Articles the findings are in. */
  files: string[]
  /** The findings' severities, each once (`info` when the run is split evenly). */
  severities: string[]
  /** Where the variant is first flagged. */
  variantContext: SpellingContext
  /** The expected spelling's first use in an article without the variant; `null` when no article has it. */
  expectedContext: SpellingContext | null
}

/**
 * Split findings into those of `names-across-files` and the rest.
 *
 * @param findings Findings.
 * @returns The rule's findings and the others, each in their order.
 */
export function splitAcrossFiles(findings: readonly Finding[]): {acrossFiles: Finding[]; others: Finding[]} {
  return {
    acrossFiles: findings.filter((finding) => finding.ruleId === acrossFilesRule),
    others: findings.filter((finding) => finding.ruleId !== acrossFilesRule)
  }
}

/**
 * Group `names-across-files` findings by pair and find text to judge each by.
 *
 * @param findings The rule's findings.
 * @param texts Article text by file name, as linted.
 * @returns Pairs, the most findings first, then alphabetically.
 */
export function acrossFilesPairs(findings: readonly Finding[], texts: ReadonlyMap<string, string>): AcrossFilesPair[] {
  const pairs = groupBy(findings, (finding) => [`${finding.actual}\u0000${finding.expected[0] ?? ''}`])
  return [...pairs.values()]
    .map(function (group): AcrossFilesPair {
      const first = group[0] as Finding
      const expected = first.expected[0] ?? ''
      const files = [...new Set(group.map((finding) => finding.file))]
      return {
        variant: first.actual,
        expected,
        findings: group.length,
        files,
        severities: [...new Set(group.map((finding) => finding.severity))],
        variantContext: contextAt(first.file, texts.get(first.file) ?? '', first.start, first.end),
        expectedContext: firstUseElsewhere(expected, texts, new Set(files))
      }
    })
    .sort((a, b) => b.findings - a.findings || a.variant.localeCompare(b.variant))
}

/**
 * Render pairs as lines of a report, two context lines under each.
 *
 * @param pairs Pairs.
 * @returns Lines, indented by two spaces.
 */
export function renderPairs(pairs: readonly AcrossFilesPair[]): string[] {
  return pairs.flatMap((pair) => [
    `  ${pair.variant} → ${pair.expected}: ${pair.findings} ${pair.findings === 1 ? 'finding' : 'findings'}` +
      ` in ${pair.files.length} ${pair.files.length === 1 ? 'file' : 'files'} (${pair.severities.join(', ')})`,
    `    variant:  ${showContext(pair.variantContext)}`,
    `    expected: ${pair.expectedContext ? showContext(pair.expectedContext) : '(not found in another article)'}`
  ])
}

/**
 * Find the first use of a spelling, as a whole word, in an article other than some.
 *
 * @param spelling The spelling.
 * @param texts Article text by file name, in file-name order.
 * @param skip Articles to pass over.
 * @returns Its context, or `null`.
 */
function firstUseElsewhere(spelling: string, texts: ReadonlyMap<string, string>, skip: ReadonlySet<string>): SpellingContext | null {
  if (spelling === '') return null
  const pattern = wholeWord(spelling)
  for (const [file, text] of texts) {
    if (skip.has(file)) continue
    const match = pattern.exec(text)
    if (match) return contextAt(file, text, match.index, match.index + spelling.length)
  }
  return null
}

/**
 * Make a pattern for a word standing alone: not part of a longer word
 * (`Zelensky` is not found in `Zelenskyy`), as the linter's words go.
 *
 * @param word The word.
 * @param flags Extra flags (`g` to find every use).
 * @returns The pattern.
 */
export function wholeWord(word: string, flags = ''): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // `\b` is ASCII only in JavaScript: "Rosselló" would end inside a word.
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u' + flags)
}

/**
 * Take the text around a spelling.
 *
 * @param file Article file name.
 * @param text Article text.
 * @param start Start offset of the spelling.
 * @param end End offset.
 * @returns The context.
 */
function contextAt(file: string, text: string, start: number, end: number): SpellingContext {
  const point = location(text).toPoint(start)
  const before = text.slice(Math.max(0, start - contextWidth), start)
  const after = text.slice(end, end + contextWidth)
  const oneLine = (part: string): string => part.replace(/\s+/gu, ' ')
  return {
    file,
    line: point?.line ?? 0,
    column: point?.column ?? 0,
    text: `…${oneLine(before)}[${text.slice(start, end)}]${oneLine(after)}…`
  }
}

/**
 * Show a context on one line of a report.
 *
 * @param context The context.
 * @returns `file:line:column: …text…`.
 */
function showContext(context: SpellingContext): string {
  return `${context.file}:${context.line}:${context.column}: ${context.text}`
}
