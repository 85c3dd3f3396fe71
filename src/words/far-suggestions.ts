import {editDistance} from './edit-distance.js'
import {keyboardSlipCost, likelySlipCost, misspellingCost, wordsNear} from './misspelling-model.js'
import {soundsLike} from './sounds-like.js'
import {spokenWordsUsed} from './suggestions.js'

/**
 * Suggestions for a slip far from its word. The suggester walks two edits,
 * and most slips are that near; a real misspelling often is not
 * (`gurment` for `government`, `seperatly` for `separately`, `frandely`
 * for `friendly`). So the word meant is looked for farther:
 *
 * - when no word within two edits is one common edit from it (a keyboard
 *   slip always is; on the development set, searching past a slip of
 *   rhythm instead lost a keyboard slip, past one and a half common edits
 *   lost five misspellings), among the common words the misspelling model makes
 *   the slip of at no more than the cost of four common edits, whatever
 *   their count of edits: the edits people make by ear cost little (`a`
 *   for `ie`), and a word the spell checker finds nearer in letters
 *   (`frankly`) is not always the likelier;
 *
 * and when no word within two edits is a likely slip of it (two common edits):
 *
 * - among the words that sound like it (`sounds-like.ts`);
 * - among the words the story uses elsewhere that start with the same
 *   letter, within `farthestFarSlip` edits: a writer misspells the words
 *   of their story, and spells them right as often (`goverment` once in a
 *   story about the government), and a misspelling nearly always keeps
 *   its word's first letter (which also keeps the search to a few of the
 *   story's words, for each of its slips).
 *
 * The misspelling model ranks them with the rest.
 */

/**
 * Most edits between a slip and its word when it is looked for farther
 * than the suggester walks: one past its two, with the sound of the word,
 * or its use in the story, as the evidence for the third.
 */
export const farthestFarSlip = 3

/**
 * Most a word the misspelling model finds may cost: four common edits.
 * Set on the development set, where three and three and a half found
 * fewer right words first, and five no more.
 */
const farthestModelCost = 4 * keyboardSlipCost

/**
 * Fewest letters of a slip the model's words are looked for: a shorter slip
 * is within four common edits of hundreds of words (3 found no more right
 * words first on the development set, 5 fewer).
 */
const shortestModelSlip = 4

/**
 * Fewest uses in SUBTLEX-US's 51 million words of a word the model may
 * find: a word meant is a well-known word (as `wellKnown` is in
 * `slip-evidence.ts`). Fewer, down to 1, found no more right words first
 * on the development set, and took up to twice the time.
 */
const fewestModelUses = 100

/** Fewest letters of a word of the story offered for a far slip: shorter words are within three edits of too much. */
const shortestStoryWord = 3

/**
 * Add words farther than two edits to an ordinary lowercase word's
 * suggestions: the model's when none of them is one common edit from it,
 * the others when none is a likely slip of it.
 *
 * @param word The unknown word.
 * @param suggestions Its suggestions within two edits.
 * @param storyWords Words the story uses.
 * @param isKnown Whether the dictionary of the copy knows a word.
 * @returns The suggestions, with any such words after them.
 */
export function withFarSuggestions(
  word: string,
  suggestions: readonly string[],
  storyWords: ReadonlySet<string>,
  isKnown: (word: string) => boolean
): readonly string[] {
  if (!/^[a-z]+$/.test(word)) return suggestions
  // How near the likeliest suggestion is: what decides how far to look.
  const nearest = Math.min(...suggestions.map((suggestion) => misspellingCost(word, suggestion)))
  const added = new Set<string>()
  if (word.length >= shortestModelSlip && nearest > keyboardSlipCost) {
    for (const {word: near} of wordsNear(word, commonWordsByInitial().get(word[0]!) ?? [], farthestModelCost)) if (isKnown(near)) added.add(near)
  }
  if (nearest > likelySlipCost) {
    for (const match of soundsLike(word)) if (isKnown(match)) added.add(match)
    for (const used of storyWordsByInitial(storyWords).get(word[0]!) ?? []) if (isStoryWordNear(word, used, isKnown)) added.add(used)
  }
  for (const suggestion of suggestions) added.delete(suggestion)
  added.delete(word)
  return added.size === 0 ? suggestions : [...suggestions, ...added]
}

/** `commonWordsByInitial`, made on first use. */
let commonWords: Map<string, string[]> | undefined

/**
 * The lowercase words of SUBTLEX-US used `fewestModelUses` times or more,
 * sorted, by their first letter: a misspelling nearly always keeps its
 * word's first letter, which keeps the model's search to a tenth of them.
 *
 * @returns The words, by first letter.
 */
function commonWordsByInitial(): Map<string, string[]> {
  commonWords ??= byInitial(spokenWordsUsed(fewestModelUses).filter((word) => /^[a-z]+$/.test(word)))
  return commonWords
}

/** The story's ordinary words by first letter, made once for each story: a story may have thousands of slips. */
const initials = new WeakMap<ReadonlySet<string>, Map<string, string[]>>()

/**
 * The story's ordinary lowercase words of `shortestStoryWord` letters or
 * more, by their first letter.
 *
 * @param storyWords Words the story uses.
 * @returns The words, by first letter.
 */
function storyWordsByInitial(storyWords: ReadonlySet<string>): Map<string, string[]> {
  let found = initials.get(storyWords)
  if (!found) {
    found = byInitial([...storyWords].filter((used) => used.length >= shortestStoryWord && /^[a-z]+$/.test(used)))
    initials.set(storyWords, found)
  }
  return found
}

/**
 * Words by their first letter, each letter's in the order given.
 *
 * @param words Words of one letter or more.
 * @returns The words, by first letter.
 */
function byInitial(words: readonly string[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>()
  for (const word of words) {
    const same = grouped.get(word[0]!)
    if (same) same.push(word)
    else grouped.set(word[0]!, [word])
  }
  return grouped
}

/**
 * Whether a word of the story may be the word a far slip meant: an ordinary
 * known word within `farthestFarSlip` edits, and within half the slip's
 * letters, so that a short slip does not take any short word.
 *
 * @param word The slip.
 * @param used A word of the story.
 * @param isKnown Dictionary lookup.
 * @returns Whether to offer it.
 */
function isStoryWordNear(word: string, used: string, isKnown: (word: string) => boolean): boolean {
  const farthest = Math.min(farthestFarSlip, Math.ceil(word.length / 2))
  return editDistance(word, used, farthest) <= farthest && isKnown(used)
}
