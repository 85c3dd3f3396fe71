/**
 * How well a word fits between the words around it, by how often written
 * English puts them side by side (`dictionaries/word-pairs.txt`, built by
 * `npm run build:pairs` from the State of the Union addresses, the
 * glosses of WordNet and the mail of the SpamAssassin corpus).
 *
 * A slip's suggestions are ranked by the edits that make the slip and by
 * how common each word is (`rankSuggestions`), which puts the commoner
 * `whether` before `weather` for `wether`, and `deal` before `deep` for
 * `deap`. The words beside the slip can choose: "the wether would" is
 * `weather`, "sank in deap water" is `deep`; and where the list lacks
 * a pair, the parts of speech the list gives each word do ("could
 * fly", not "could film").
 */
import fs from 'node:fs'
import {dictionaryFile} from '../package-info.js'
import {findSortedLine} from './sorted-lines.js'

/** The list's lines, where they start after the header, and how many words it counted. */
interface PairList {
  text: string
  from: number
  words: number
  /** Distinct words counted: the add-half smoothing of an unseen word's share. */
  vocabulary: number
  /** Uses of each part of speech. */
  classUses: Map<string, number>
  /** For each part of speech, the chance of each one after it. */
  classNext: Map<string, Map<string, number>>
}

let pairs: PairList | undefined

/**
 * Read the list on first use: one string, searched where it lies.
 *
 * @returns The list.
 */
function pairList(): PairList {
  if (!pairs) {
    // Read as Latin-1: the list is ASCII (its build writes only letters and
    // apostrophes), and decoding its 13 MB as UTF-8 takes twice as long,
    // some 13 ms of a hook run.
    const text = fs.readFileSync(dictionaryFile('word-pairs.txt'), 'latin1')
    let from = 0
    const totals = new Map<string, number>()
    const classUses = new Map<string, number>()
    const classPairs = new Map<string, Map<string, number>>()
    while (text.startsWith('#', from)) {
      const end = text.indexOf('\n', from)
      const line = text.slice(from, end)
      // `# words: 1788991`, `# distinct words: 24095`, `# class: Modal 9190`, `# class pair: Modal Infinitive 6612`
      const total = /^# ([a-z ]+): (\d+)$/.exec(line)
      const uses = /^# class: (\w+) (\d+)$/.exec(line)
      const pair = /^# class pair: (\w+) (\w+) (\d+)$/.exec(line)
      if (total) totals.set(total[1] ?? '', Number(total[2]))
      if (uses) classUses.set(uses[1] ?? '', Number(uses[2]))
      if (pair) {
        const after = classPairs.get(pair[1] ?? '') ?? new Map<string, number>()
        after.set(pair[2] ?? '', Number(pair[3]))
        classPairs.set(pair[1] ?? '', after)
      }
      from = end + 1
    }
    pairs = {
      text,
      from,
      words: totals.get('words') ?? 0,
      vocabulary: totals.get('distinct words') ?? 0,
      classUses,
      classNext: new Map([...classUses.keys()].map((name) => [name, afterShares(classPairs.get(name), classUses)]))
    }
  }
  return pairs
}

/**
 * Text as the list counts it: lowercase, with straight apostrophes (`It’s`
 * is `it's`).
 *
 * @param text A word or prose.
 * @returns The text as counted.
 */
function asCounted(text: string): string {
  return text.toLowerCase().replaceAll('\u2019', "'")
}

/**
 * Split prose into clauses of lowercase words, as the pairs are counted:
 * no pair spans a stop, a comma, a dash, a bracket or a quotation mark.
 *
 * @param text Prose.
 * @returns Its clauses, each a list of words.
 */
export function clauseWords(text: string): string[][] {
  return asCounted(text)
    .split(/[.;:!?,"()\u201C\u201D\u2014\u2013]+|--/)
    .map((clause) => clause.match(/[a-z]+(?:'[a-z]+)?/g) ?? [])
    .filter((clause) => clause.length > 0)
}

/** A word's count, how many different words follow it and how many times one does, and its parts of speech; for a pair, its count only. */
interface Counted {
  count: number
  followers: number
  followed: number
  /** The chance of each part of speech it is used as; empty when the tagger gave it none. */
  classes: Map<string, number>
}

/**
 * How many times a word, or a pair `word next`, was counted.
 *
 * @param key Lowercase word, or two with a space.
 * @returns Its counts; 0 when never seen.
 */
function countOf(key: string): Counted {
  const {text, from} = pairList()
  const line = findSortedLine(text, from, key, '\t')
  if (line === undefined) return {count: 0, followers: 0, followed: 0, classes: new Map()}
  const [, count, followers, followed, classes = ''] = line.split('\t')
  return {count: Number(count), followers: Number(followers ?? 0), followed: Number(followed ?? 0), classes: shares(classCounts(classes))}
}

/**
 * Read a word's parts of speech as the list writes them.
 *
 * @param column `Modal:1181 Noun:2`; empty for none.
 * @returns Uses by part of speech.
 */
function classCounts(column: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const entry of column.split(' ')) {
    const colon = entry.indexOf(':')
    if (colon > 0) counts.set(entry.slice(0, colon), Number(entry.slice(colon + 1)))
  }
  return counts
}

/**
 * The chance of each part of speech after one, by how often each followed
 * it, add-half smoothed: no two parts of speech are never side by side,
 * though the list may not show them.
 *
 * @param after Uses of each part of speech after it.
 * @param classUses Every part of speech.
 * @returns Chance of each part of speech after it.
 */
function afterShares(after: ReadonlyMap<string, number> | undefined, classUses: ReadonlyMap<string, number>): Map<string, number> {
  let sum = 0
  for (const count of after?.values() ?? []) sum += count
  return new Map([...classUses.keys()].map((name) => [name, ((after?.get(name) ?? 0) + 0.5) / (sum + 0.5 * classUses.size)]))
}

/**
 * Counts as shares of their sum.
 *
 * @param counts Counts by name.
 * @returns Shares by name; empty for no counts.
 */
function shares(counts: ReadonlyMap<string, number>): Map<string, number> {
  let sum = 0
  for (const count of counts.values()) sum += count
  return new Map([...counts].map(([name, count]) => [name, count / sum]))
}

/**
 * The chance of a word after another by what they are, not which they
 * are: the chance of each part of speech of the next after each of the
 * word's, times the next word's share of its part of speech (a class-based
 * bigram model). It knows that a verb follows `could`, where the list
 * lacks the pair.
 *
 * @param first The word's counts.
 * @param then The next word's counts.
 * @returns The chance; `undefined` when either word has no part of speech.
 */
function classChance(first: Counted, then: Counted): number | undefined {
  if (first.classes.size === 0 || then.classes.size === 0) return undefined
  const {classUses, classNext} = pairList()
  let chance = 0
  for (const [name, share] of first.classes) {
    const after = classNext.get(name)
    if (!after) continue
    for (const [nextName, nextShare] of then.classes) {
      chance += share * (after.get(nextName) ?? 0) * ((nextShare * then.count) / (classUses.get(nextName) ?? Number.POSITIVE_INFINITY))
    }
  }
  return chance
}

/**
 * How much is taken from each pair's count for the pairs never seen
 * (absolute discounting, with the value of the language-model literature,
 * not set on our sets): a pair seen once in 3.6 million words is weak
 * evidence, and "her consent" seen once must not outweigh a story that
 * writes "her conscience".
 */
const discount = 0.75

/**
 * How much likelier a word is after another than anywhere, as a log factor
 * (pointwise: log P(next | word) / P(next)), with the pair's count
 * discounted and what was taken shared among all words by how likely each
 * is after the word by its part of speech (`classChance`; by its share of
 * the list when the tagger gave either word none): interpolated absolute
 * discounting, with a class-based model below it. A word never seen stands
 * at its add-half share of the list, so an unseen pair is weighed, not
 * ruled out.
 *
 * @param word Lowercase word.
 * @param first Its counts.
 * @param next Lowercase word after it.
 * @param then The counts of the word after it.
 * @returns Log factor: above 0 when the pair is commoner than chance.
 */
function pairFit(word: string, first: Counted, next: string, then: Counted): number {
  if (first.followed === 0) return 0
  const {words, vocabulary} = pairList()
  const share = (then.count + 0.5) / (words + 0.5 * vocabulary)
  const seen = Math.max(countOf(word + ' ' + next).count - discount, 0)
  const given = (seen + discount * first.followers * (classChance(first, then) ?? share)) / first.followed
  return Math.log(given / share)
}

/** The words beside a word in its sentence, in any case; absent across punctuation. */
export interface WordContext {
  before?: string
  after?: string
}

/**
 * How well a word fits its context: how much likelier it is after the word
 * before it and before the word after it than anywhere, as a log factor.
 * Added to the log of how common the word is, it makes a bigram model of
 * the word between its neighbours: log P(word | before) + log P(after |
 * word) / P(after). Nothing caps it. The discounting already weighs a pair
 * seen once as weak evidence, and a pair the list has 324 times
 * (`years ago`) is strong evidence that `ogo` after `years` is `ago`, not
 * the far commoner `of`. (Capping each neighbour at e², as copydesk did,
 * ranked real misspellings worse on the development set.)
 *
 * @param word The word.
 * @param context The words beside it.
 * @returns Log factor; 0 with no words beside it.
 */
export function contextFit(word: string, context: WordContext): number {
  return fitsBeside(context)(word)
}

/**
 * `contextFit` for many words in one context: the words beside are looked
 * up once, not once a word (a short slip has hundreds of suggestions).
 *
 * @param context The words beside.
 * @returns How well a word fits between them, as `contextFit` says.
 */
export function fitsBeside(context: WordContext): (word: string) => number {
  // The neighbours as the list counts them too: news copy writes `it’s` curly.
  const before = context.before === undefined ? undefined : asCounted(context.before)
  const after = context.after === undefined ? undefined : asCounted(context.after)
  const beforeCounts = before ? countOf(before) : undefined
  const afterCounts = after ? countOf(after) : undefined
  return function (word) {
    const counted = asCounted(word)
    const counts = countOf(counted)
    return (
      (before && beforeCounts ? pairFit(before, beforeCounts, counted, counts) : 0) +
      (after && afterCounts ? pairFit(counted, counts, after, afterCounts) : 0)
    )
  }
}
