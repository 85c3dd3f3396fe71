import {location} from 'vfile-location'
import {groupBy} from './group-by.js'
import type {Misspelling, MisspellingIndex} from './misspellings.js'

/** A stretch of a file's text, by UTF-16 offsets, end exclusive. */
export interface Span {
  start: number
  end: number
}

/** One misspelling put into an article. */
export interface Injection {
  /** Article file name. */
  file: string
  /** Where the misspelling starts in the modified article. */
  offset: number
  /** 1-based line in the modified article. */
  line: number
  /** 1-based column in the modified article. */
  column: number
  /** The word the article had. */
  correct: string
  /** What replaced it. */
  misspelling: string
  /** Lists that record this misspelling of this word. */
  sources: string[]
}

/** An article after injection. */
export interface InjectedArticle {
  /** Modified text. */
  text: string
  /** What was put in, in document order. */
  injections: Injection[]
}

/** A word of the article that could be replaced. */
interface Occurrence {
  word: string
  start: number
}

/** Marks that may wrap a word in running text: `(fire`, `“fire”`, `fire,` all hold the word `fire`. */
const leadingMarks = /^[("'‘“[]+/u
const trailingMarks = /[)"'’”\].,;:!?…]+$/u

/** Words the benchmark replaces: lowercase ASCII, 3+ letters. */
const replaceableWord = /^[a-z]{3,}$/

/**
 * Make a seeded pseudo-random number generator (mulberry32): small, fast and
 * the same on every machine and Node version, unlike `Math.random`.
 *
 * @param seed 32-bit seed.
 * @returns A function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return function () {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Replace up to `limit` words of an article with real misspellings of them.
 *
 * Each chosen word is a different word type (so "the" cannot take every
 * slot), at a random occurrence, with a random misspelling from the lists.
 * Words where the clean run already has a finding are left alone, so that a
 * finding on an injected word can only be about the injection.
 *
 * @param file Article file name.
 * @param text Article text.
 * @param index Misspellings by correct word.
 * @param blocked Spans of the clean run's findings in this article.
 * @param random Seeded generator; the choices depend on its state.
 * @param limit Most words to replace.
 * @returns The modified article and what was put in.
 */
export function injectMisspellings(
  file: string,
  text: string,
  index: MisspellingIndex,
  blocked: readonly Span[],
  random: () => number,
  limit: number
): InjectedArticle {
  const byWord = groupBy(replaceableOccurrences(text, index, blocked), (occurrence) => [occurrence.word])
  const chosen = shuffle([...byWord.values()], random)
    .slice(0, limit)
    .map((occurrences) => pick(occurrences, random))
    .sort((a, b) => a.start - b.start)

  let modified = ''
  let copied = 0
  const placed: Array<{offset: number; correct: string; misspelling: Misspelling}> = []
  for (const {word, start} of chosen) {
    const misspelling = pick(index.get(word) ?? [], random)
    modified += text.slice(copied, start)
    placed.push({offset: modified.length, correct: word, misspelling})
    modified += misspelling.misspelling
    copied = start + word.length
  }
  modified += text.slice(copied)

  const place = location(modified)
  const injections = placed.map(({offset, correct, misspelling}) => {
    const point = place.toPoint(offset)
    return {
      file,
      offset,
      line: point?.line ?? 0,
      column: point?.column ?? 0,
      correct,
      misspelling: misspelling.misspelling,
      sources: misspelling.sources
    }
  })
  return {text: modified, injections}
}

/**
 * Find the words of an article that may be replaced: whitespace tokens that,
 * once wrapping quotes, brackets and punctuation are taken off, are lowercase
 * alphabetic words of 3+ letters with a misspelling in the lists, and that no
 * clean-run finding touches.
 *
 * Tokens with inner marks (`don't`, `well-known`, `example.com`) are skipped:
 * copydesk splits or sets them aside, so a replacement there would test the
 * tokenizer rather than the speller.
 *
 * @param text Article text.
 * @param index Misspellings by correct word.
 * @param blocked Spans of the clean run's findings.
 * @returns Occurrences in document order.
 */
function replaceableOccurrences(text: string, index: MisspellingIndex, blocked: readonly Span[]): Occurrence[] {
  const occurrences: Occurrence[] = []
  for (const token of text.matchAll(/\S+/gu)) {
    const lead = leadingMarks.exec(token[0])?.[0].length ?? 0
    const word = token[0].slice(lead).replace(trailingMarks, '')
    const start = token.index + lead
    const end = start + word.length
    if (!replaceableWord.test(word) || !index.has(word)) continue
    if (blocked.some((span) => span.start < end && start < span.end)) continue
    occurrences.push({word, start})
  }
  return occurrences
}

/**
 * Shuffle a copy of a list (Fisher–Yates).
 *
 * @param items List to shuffle.
 * @param random Seeded generator.
 * @returns A shuffled copy.
 */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    const item = copy[index] as T
    copy[index] = copy[other] as T
    copy[other] = item
  }
  return copy
}

/**
 * Pick one item of a non-empty list.
 *
 * @param items List to pick from.
 * @param random Seeded generator.
 * @returns An item.
 */
function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('cannot pick from an empty list')
  return item
}
