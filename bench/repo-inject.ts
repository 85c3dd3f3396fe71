import {location} from 'vfile-location'
import {groupBy} from './group-by.js'
import {type Injection, pickChange, shuffle, type Span} from './inject.js'
import {type ProseToken, proseTokens} from './repo-prose.js'
import {keyboardSlips} from './slips.js'

/**
 * Put keyboard slips into the prose of a repository's stories, a few per
 * story at most and never two on one line (in Markdown, one paragraph), so
 * that the slips are spread over the archive and none sits in the sentence
 * of another.
 */

/** What slips are made on and checked against. */
export interface SlipSources {
  /** Whether dictionary-en knows a word: a slip that makes a word (`from` → `form`) is no spelling error. */
  isDictionaryWord: (word: string) => boolean
  /** Common lowercase words, the ones a slip goes on. */
  commonWords: ReadonlySet<string>
}

/** A story after injection. */
export interface SlippedStory {
  text: string
  /** The slips put in, in document order. */
  injections: Injection[]
}

/** Lowercase words that get slipped: 3+ letters, nothing else. */
const slippable = /^[a-z]{3,}$/

/**
 * Put keyboard slips into a story's prose: each on a different common
 * lowercase word, on a line of its own, where the clean run has no
 * finding, making a form that is no dictionary word and no other word of
 * the story.
 *
 * @param file The story's path, as copydesk reports it.
 * @param text Story text.
 * @param clean Spans of the clean run's findings in the story.
 * @param sources Dictionary and common words.
 * @param limit Most slips.
 * @param random Seeded generator; the choices depend on its state.
 * @returns The story, changed or not, and the slips.
 */
export function slipStory(
  file: string,
  text: string,
  clean: readonly Span[],
  sources: SlipSources,
  limit: number,
  random: () => number
): SlippedStory {
  const forms = new Set(Array.from(text.matchAll(/\p{L}+/gu), (match) => match[0].toLowerCase()))
  const isError = (form: string): boolean => !sources.isDictionaryWord(form) && !forms.has(form)
  const place = location(text)
  const lineOf = (offset: number): number => place.toPoint(offset)?.line ?? 0
  const free = proseTokens(text).filter(
    (token) =>
      slippable.test(token.word) &&
      sources.commonWords.has(token.word) &&
      !clean.some((span) => span.start < token.start + token.word.length && token.start < span.end)
  )
  const chosen: Array<{start: number; word: string; form: string; kind: string}> = []
  const usedLines = new Set<number>()
  for (const [word, uses] of shuffle([...groupBy(free, (token) => [token.word])], random)) {
    if (chosen.length >= limit) break
    const open = uses.filter((token) => !usedLines.has(lineOf(token.start)))
    if (open.length === 0) continue
    const change = pickChange(keyboardSlips(word), isError, random)
    if (!change) continue
    const token = open[Math.floor(random() * open.length)] as ProseToken
    chosen.push({start: token.start, word, form: change.form, kind: change.kind})
    usedLines.add(lineOf(token.start))
    forms.add(change.form)
  }
  return applySlips(file, text, chosen, sources.isDictionaryWord)
}

/**
 * Write the chosen slips into the story and record where each landed.
 *
 * @param file The story's path.
 * @param text Story text.
 * @param chosen Slips, in any order.
 * @param isDictionaryWord Dictionary lookup.
 * @returns The story and its slips, in document order.
 */
function applySlips(
  file: string,
  text: string,
  chosen: ReadonlyArray<{start: number; word: string; form: string; kind: string}>,
  isDictionaryWord: (word: string) => boolean
): SlippedStory {
  let modified = ''
  let copied = 0
  const placed: Array<{offset: number; slip: (typeof chosen)[number]}> = []
  for (const slip of [...chosen].sort((a, b) => a.start - b.start)) {
    modified += text.slice(copied, slip.start)
    placed.push({offset: modified.length, slip})
    modified += slip.form
    copied = slip.start + slip.word.length
  }
  modified += text.slice(copied)
  const place = location(modified)
  const injections = placed.map(function ({offset, slip}): Injection {
    const point = place.toPoint(offset)
    return {
      kind: 'keyboard-slip',
      file,
      offset,
      line: point?.line ?? 0,
      column: point?.column ?? 0,
      original: slip.word,
      injected: slip.form,
      origin: [slip.kind],
      originalKnown: isDictionaryWord(slip.word),
      // A common lowercase word: the dictionary is the list that knows it.
      originalListed: isDictionaryWord(slip.word)
    }
  })
  return {text: modified, injections}
}
