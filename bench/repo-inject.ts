import {location} from 'vfile-location'
import {groupBy} from './group-by.js'
import {type Injection, pickChange, shuffle, type Span} from './inject.js'
import {proseTokens} from './repo-prose.js'
import {keyboardSlips} from './slips.js'

/**
 * Put keyboard slips into the prose of a repository's stories, at most one
 * per story, so that the slips are spread over the archive and none sits
 * in the sentence of another.
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
  /** The slip put in, if the story had a word for one. */
  injection: Injection | undefined
}

/** Lowercase words that get slipped: 3+ letters, nothing else. */
const slippable = /^[a-z]{3,}$/

/**
 * Put one keyboard slip into a story's prose: on a common lowercase word
 * where the clean run has no finding, making a form that is no dictionary
 * word and no other word of the story.
 *
 * @param file The story's path, as copydesk reports it.
 * @param text Story text.
 * @param clean Spans of the clean run's findings in the story.
 * @param sources Dictionary and common words.
 * @param random Seeded generator; the choice depends on its state.
 * @returns The story, changed or not, and the slip.
 */
export function slipStory(
  file: string,
  text: string,
  clean: readonly Span[],
  sources: SlipSources,
  random: () => number
): SlippedStory {
  const forms = new Set(Array.from(text.matchAll(/\p{L}+/gu), (match) => match[0].toLowerCase()))
  const isError = (form: string): boolean => !sources.isDictionaryWord(form) && !forms.has(form)
  const free = proseTokens(text).filter(
    (token) =>
      slippable.test(token.word) &&
      sources.commonWords.has(token.word) &&
      !clean.some((span) => span.start < token.start + token.word.length && token.start < span.end)
  )
  for (const [word, uses] of shuffle([...groupBy(free, (token) => [token.word])], random)) {
    const change = pickChange(keyboardSlips(word), isError, random)
    if (!change) continue
    const token = uses[Math.floor(random() * uses.length)]
    if (!token) continue
    const modified = text.slice(0, token.start) + change.form + text.slice(token.start + word.length)
    const point = location(modified).toPoint(token.start)
    return {
      text: modified,
      injection: {
        kind: 'keyboard-slip',
        file,
        offset: token.start,
        line: point?.line ?? 0,
        column: point?.column ?? 0,
        original: word,
        injected: change.form,
        origin: [change.kind],
        originalKnown: sources.isDictionaryWord(word)
      }
    }
  }
  return {text, injection: undefined}
}
