import type {Root, Sentence, Word} from 'nlcst'
import type {Lookup} from '../words/dictionary.js'
import {eachSentence} from './each-sentence.js'
import {type WordPart, wordParts} from './word-parts.js'
import {wordText} from './word-text.js'

/** The words of a document that retext-spell has to look at, and the sentence each stands in. */
export interface SpellCandidates {
  /** A tree of just those words (the word nodes themselves, in document order). */
  tree: Root
  /** The document's sentence of each word. */
  sentenceOf: ReadonlyMap<Word, Sentence>
  /** Every part of every word of the document (not only the candidates), in document order. */
  parts: WordPart[]
  /** The text of every part, in document order: the words the story uses. */
  storyWords: Set<string>
}

/**
 * Pick the words retext-spell could report: those that copydesk's lookup
 * (which answers as nspell does, tested form by form) does not know, as
 * retext-spell asks: the whole word with straight apostrophes, else each of
 * its text pieces; numbers and times left out as retext-spell leaves them.
 *
 * retext-spell walks every node of the tree and builds a message for every
 * unknown word; on a run of many stories that walk cost more than the
 * lookups. The words it would pass are left out of the tree it is given, so
 * that it decides only on the rest, with the same dictionary and words.
 *
 * The same walk gathers the parts of every word, which the spell check
 * shares with the rules, rather than a second walk over every node of the
 * tree (eachNode's walk stood out in the spell check's profile of the CI
 * case of `npm run bench`).
 *
 * @param tree The document's tree.
 * @param known The lookup for the dictionary and accepted words retext-spell is given.
 * @returns The candidates.
 */
export function spellCandidates(tree: Root, known: Lookup): SpellCandidates {
  const words: Word[] = []
  const sentenceOf = new Map<Word, Sentence>()
  const parts: WordPart[] = []
  const storyWords = new Set<string>()
  // Nearly every word is one piece of text, whose one part has that text,
  // and whether it passes depends on that text alone: so a story's word
  // seen before as a one-piece word is settled by the `storyWords` set
  // made anyway, and the few that did not pass, not by the run's lookup.
  // That lookup, on a table of some 20,000 words, stood out in a profile of
  // the CI case of `npm run bench`: a million words, about half of which
  // repeat a word of their story.
  const failed = new Set<string>()
  // Texts of parts of other words (`Kiev` in `anti-Kiev`): in `storyWords`
  // without having been looked up as a one-piece word.
  const pieces = new Set<string>()
  // Words stand only in sentences (nlcst), so this sees every word, in
  // order; eachSentence does not go on into every word and its text, as
  // eachNode did.
  eachSentence(tree, function (sentence) {
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      const [only] = child.children
      let passed: boolean
      if (child.children.length === 1 && only?.type === 'TextNode') {
        const text = only.value
        const size = storyWords.size
        storyWords.add(text)
        for (const part of wordParts(child)) parts.push(part)
        const seen = storyWords.size === size && !(pieces.size > 0 && pieces.has(text))
        passed = seen ? !(failed.size > 0 && failed.has(text)) : isPassed(child, known)
        if (!passed) failed.add(text)
      } else {
        for (const part of wordParts(child)) {
          parts.push(part)
          const size = storyWords.size
          storyWords.add(part.text)
          if (storyWords.size !== size) pieces.add(part.text)
        }
        passed = isPassed(child, known)
      }
      if (passed) continue
      words.push(child)
      sentenceOf.set(child, sentence)
    }
  })
  const sentence: Sentence = {type: 'SentenceNode', children: words}
  return {tree: {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]}, sentenceOf, parts, storyWords}
}

/**
 * Whether retext-spell would pass a word: the same tests, in its order.
 *
 * @param word Word.
 * @param known Lookup.
 * @returns Whether it is known (or not a word to check).
 */
function isPassed(word: Word, known: Lookup): boolean {
  const text = wordText(word)
  // `replaceAll` makes a new string even when there is nothing to replace,
  // and the lookup would hash it again, for each of the million words of
  // the CI case of `npm run bench`.
  let actual = text.includes('\u2019') ? text.replaceAll('\u2019', "'") : text
  // "websiteʼs": the modifier letter apostrophe (U+02BC), which some editors type, is an apostrophe too.
  if (actual.includes('\u02BC')) actual = actual.replaceAll('\u02BC', "'")
  if (isIrrelevant(actual) || known.correct(actual)) return true
  if (word.children.length < 2) return false
  // A loop, not `every` with a closure made for each such word.
  for (const child of word.children) {
    if (child.type === 'TextNode' && !isIrrelevant(child.value) && !known.correct(child.value)) return false
  }
  return true
}

/**
 * retext-spell's `irrelevant`, with its defaults: numbers and clock times.
 *
 * @param word Word.
 * @returns Whether retext-spell leaves it alone.
 */
function isIrrelevant(word: string): boolean {
  // Both patterns start with a digit; most words do not, and need no regex.
  const first = word.charCodeAt(0)
  if (!(first >= 48 && first <= 57)) return false
  return /^\d+$/.test(word) || /^\d{1,2}:\d{2}(?:[ap]\.?m\.?)?$/i.test(word)
}
