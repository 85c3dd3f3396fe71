import {cachedBytes} from './disk-cache.js'
import {misspellingEntries, misspellingsDigests} from './common-misspellings.js'
import {homophoneEntries, homophonesDigest} from './homophones.js'
import {isNeighbourKey, meanNeighbourCount} from './keyboard.js'
import {sortedLines} from './sorted-lines.js'

/**
 * How people misspell: the chance of each edit that turns the word meant
 * into the word typed, learned from cspell's list of common misspellings
 * (some 94,000 pairs people wrote, `recieved` for `received`), in the
 * manner of Kernighan, Church and Gale's noisy channel. A suggestion that
 * takes likely edits to become the typed word is likelier the word meant
 * than one that takes as many unlikely ones: `seperate` is `separate` with
 * an `e` for an `a`, a common confusion of an unstressed vowel.
 *
 * Typists made that list. Someone spelling by ear writes one spelling of a
 * sound for another (`rane` for `rain`, `hou` for `how`), a habit the list
 * shows little of; so the model also learns from the words English spells
 * two ways for one sound (`homophones.ts`: `plane` and `plain`, `flour` and
 * `flower`), some 5,000 pairs, each counted as one misspelling. (Counted
 * three or ten times, they ranked by-ear misspellings better still on the
 * held-out set and keyboard slips worse on both; once is the weight of any
 * pair the model learns from, not a setting.)
 *
 * Each edit is counted in the letter context it happens in: a letter
 * typed for another, a letter added after a letter, a letter dropped after
 * a letter, two letters swapped. Its chance is its count over how often
 * that context occurs in the words meant, smoothed toward the chance of
 * the same edit in any context, so an edit the list never shows is
 * unlikely but possible.
 *
 * Many misspellings are one habit that takes several letters, as Brill and
 * Moore observed: `ys` for `ies` (`citys`), `f` for `ph` (`fone`), `ane`
 * for `ain`. As single edits these cost two unrelated edits each; the list
 * shows them again and again. So each run of edits of each pair is also
 * counted as a rewrite of letters, with a letter or two of context on
 * either side (the ends of the word count as letters; a lone letter
 * changed counts only with context on both sides, as a single edit is
 * already counted after a letter), and its chance is how often the list
 * makes it over how often the list's words have its letters. A rewrite
 * the single edits already make as likely is dropped.
 *
 * Keyboard slips are the other way words go wrong, and the list holds few:
 * a letter typed for its neighbour on the keyboard, a neighbouring key
 * caught with a letter (`deala` for `deals`), or a letter struck again
 * after the next (`theh`), costs at most as much as a common edit of the
 * list. A slip of the fingers' rhythm, as common a kind of slip but one
 * that takes no choice of key, costs less again: a letter dropped (`ost`)
 * or two letters swapped (`teh`). (A letter doubled takes no choice either;
 * counted as a rhythm slip it drew `timee` to `time` rather than `times` as
 * often as it helped, on the development set, so it stays a keyboard slip.)
 */

/** Count of each edit, by kind and letters: `s` typed x for y, `i` added y after x, `d` dropped y after x, `t` swapped x y. */
interface Counts {
  edits: Map<string, number>
  letters: Map<string, number>
  pairs: Map<string, number>
  /** The rewrites of letters the list shows from some letters meant, by their `lettersKey`. */
  rewrites: (meant: number) => Rewrites | undefined
}

/** The rewrites of some letters meant. */
interface Rewrites {
  /** Cost of each, by the `lettersKey` of the letters typed. */
  costs: Map<number, number>
  /** How many letters each writes, each length once: the alignment looks up only those. */
  lengths: number[]
}

/** The start of a word, as a letter of context: a letter added or dropped at the start follows it. */
const start = '^'

/** The end of a word, as a letter of context for the list's rewrites (`ys` at the end for `ies`). */
const end = '$'

/** Most letters a rewrite of the list takes or writes (3 and 5 did no better on the development set). */
const mostRewritten = 4

/**
 * Fewest times the list must show a rewrite for it to count, and how many
 * more uses of its letters its chance is taken over: a rewrite seen twice
 * in letters the list spells three times is chance, not a habit. Both
 * set on the development set (2 and 5 did worse than 3; 1 and 30 than 10).
 */
const fewestRewrites = 3
const rewritePrior = 10

/**
 * Most the cost of a keyboard slip can be: about the chance (1 in 55) of
 * a common confusion of the list, such as a vowel for a vowel.
 */
export const keyboardSlipCost = 4

/**
 * Cost up to which a word is a likely slip of another: two common edits
 * (`wer` of `were`, `seiad` of `said`).
 */
export const likelySlipCost = 2 * keyboardSlipCost

/**
 * Most the cost of a slip of rhythm can be: that of a keyboard slip less the
 * choice of one key among a letter's neighbours (about four), which such a
 * slip does not make.
 */
const rhythmSlipCost = keyboardSlipCost - Math.log(meanNeighbourCount())

/** Edits of a pair past which the pair is too far to align reliably (the list has a few rewritten words). */
const mostEditsLearned = 2

/** A model to align with: its counts, and the costs of the edits met so far (see `editCost`). */
interface Model {
  counts: Counts
  costs: EditCosts
}

/**
 * The costs of the edits met so far: of ASCII letters in a table by kind
 * and letters, each 0 until met (an edit that costs nothing is only worked
 * out again each time); of others by kind and letters as one number.
 */
interface EditCosts {
  ascii: Float64Array
  other: Map<number, number>
}

/** The kinds of edit, as `EditCosts` numbers their tables. */
const editKinds = 'sidt'

/**
 * Costs of no edits yet.
 *
 * @returns Empty costs.
 */
function noCosts(): EditCosts {
  return {ascii: new Float64Array(editKinds.length * 128 * 128), other: new Map()}
}

/** The model learnt from the list, made on first use. */
let model: Model | undefined

/**
 * The model learnt from the list, with no edit costs met yet on first use.
 *
 * @returns The model.
 */
function learnedModel(): Model {
  model ??= {counts: learnedCounts(), costs: noCosts()}
  return model
}

/**
 * Costs of the pairs ranked so far. A run meets the same unknown words and
 * suggestions in story after story (a name, a term of the trade), and
 * ranking is most of what a slip costs a run of a thousand stories.
 */
const pairCosts = new Map<string, number>()

/** Most pairs kept, so that a long run does not grow the table without end. */
const mostPairsKept = 100_000

/**
 * How unlikely it is that someone meaning `intended` typed `typed`: the
 * cost (negative log chance) of the likeliest way of edits from one to the
 * other. Case is ignored.
 *
 * @param typed The word as typed.
 * @param intended A word it may have meant.
 * @returns The cost; 0 when they are the same word.
 */
export function misspellingCost(typed: string, intended: string): number {
  let cost = pairCosts.get(typed + '\n' + intended)
  if (cost === undefined) rememberCost(typed, intended, (cost = alignmentCost(typed, intended, learnedModel())))
  return cost
}

/**
 * Keep a pair's cost in `pairCosts`, emptied when full.
 *
 * @param typed The word as typed.
 * @param intended A word it may have meant.
 * @param cost The cost the learnt model gives.
 */
function rememberCost(typed: string, intended: string, cost: number): void {
  if (pairCosts.size >= mostPairsKept) pairCosts.clear()
  pairCosts.set(typed + '\n' + intended, cost)
}

/**
 * The cost of the likeliest way of edits from `intended` to `typed` (see `misspellingCost`).
 *
 * @param typed The word as typed.
 * @param intended A word it may have meant.
 * @param model The model to align with: the one learnt, or while learning, its single edits alone.
 * @returns The cost.
 */
function alignmentCost(typed: string, intended: string, model: Model): number {
  const a = start + intended.toLowerCase() + end
  const alignment = newAlignment(typed, a.length)
  for (let i = 1; i <= a.length; i++) fillRow(alignment, a, i, model)
  return alignment.table[a.length * alignment.width + alignment.typed.length]!
}

/** An alignment of some word meant with a word typed, filled a row (a letter meant) at a time. */
interface Alignment {
  /** The word typed, with its start and end. */
  typed: string
  /** The letters that end at each place of it (see `lettersEndingIn`). */
  typedEnding: number[][]
  /** Cost of aligning each prefix meant with each prefix typed, a row a prefix meant. */
  table: Float64Array
  width: number
}

/**
 * An empty alignment with a word typed.
 *
 * @param typed The word as typed.
 * @param rows Most letters meant, with the start and end, it will align.
 * @returns The alignment: only the empty prefixes aligned, at no cost.
 */
function newAlignment(typed: string, rows: number): Alignment {
  const b = start + typed.toLowerCase() + end
  const width = b.length + 1
  const table = new Float64Array((rows + 1) * width).fill(Number.POSITIVE_INFINITY)
  table[0] = 0
  return {typed: b, typedEnding: lettersEndingIn(b), table, width}
}

/**
 * Align one more letter meant: the row of the prefix of `a` that ends at
 * letter `i`, from the rows before it, as optimal string alignment does,
 * with each edit at its cost rather than 1, and the list's rewrites of
 * letters. A row depends only on the letters meant up to its own, so words
 * meant that share a prefix share its rows (`wordsNear`).
 *
 * @param alignment The alignment, its rows before `i` filled.
 * @param a The word meant, with its start (and end, for its last row).
 * @param i The row: how many letters of `a` it has aligned.
 * @param model The model to align with.
 * @returns The least cost in the row: no longer word meant with this prefix costs less.
 */
function fillRow({typed: b, typedEnding, table, width}: Alignment, a: string, i: number, {counts, costs}: Model): number {
  const rewritesEnding = rewritesEndingAt(a, i, counts.rewrites)
  const x = a[i - 1]!
  const xLetter = x !== start && x !== end
  let least = Number.POSITIVE_INFINITY
  table[i * width] = Number.POSITIVE_INFINITY
  for (let j = 1; j <= b.length; j++) {
    const y = b[j - 1]!
    let best = x === y ? table[(i - 1) * width + j - 1]! : Number.POSITIVE_INFINITY
    const yLetter = y !== start && y !== end
    if (xLetter && yLetter && x !== y) best = Math.min(best, table[(i - 1) * width + j - 1]! + editCost(counts, costs, 's', y, x))
    if (xLetter && i > 1) best = Math.min(best, table[(i - 1) * width + j]! + editCost(counts, costs, 'd', a[i - 2]!, x))
    if (yLetter && x !== end) {
      // A letter echoed after the next (`theh`: the `h` of `th` struck again) is a slip of the fingers' rhythm.
      const added = i > 2 && a[i - 2] === y ? Math.min(keyboardSlipCost, editCost(counts, costs, 'i', x, y)) : editCost(counts, costs, 'i', x, y)
      best = Math.min(best, table[i * width + j - 1]! + added)
    }
    if (i > 2 && j > 2 && xLetter && yLetter && x === b[j - 2] && a[i - 2] === y && x !== y) {
      best = Math.min(best, table[(i - 2) * width + j - 2]! + editCost(counts, costs, 't', a[i - 2]!, x))
    }
    const written = typedEnding[j]!
    for (let meant = 0; meant < rewritesEnding.length; meant++) {
      const typedAs = rewritesEnding[meant]
      if (!typedAs) continue
      for (let index = 0; index < typedAs.lengths.length; index++) {
        const length = typedAs.lengths[index]!
        const cost = length < written.length ? typedAs.costs.get(written[length]!) : undefined
        if (cost !== undefined) best = Math.min(best, table[(i - meant - 1) * width + j - length]! + cost)
      }
    }
    table[i * width + j] = best
    if (best < least) least = best
  }
  return least
}

/**
 * The words of a sorted list that someone meaning them may have typed as
 * `typed` at a cost within `budget`: a walk down the list as down a trie,
 * each word aligned from the rows of the prefix it shares with the word
 * before, and every word skipped whose prefix already costs more.
 *
 * @param typed The word as typed.
 * @param words Lowercase words, sorted.
 * @param budget Most cost.
 * @returns The words within it, with their costs.
 */
export function wordsNear(typed: string, words: readonly string[], budget: number): Array<{word: string; cost: number}> {
  const model = learnedModel()
  const longest = words.reduce((most, word) => Math.max(most, word.length), 0)
  const alignment = newAlignment(typed, longest + 2)
  const found: Array<{word: string; cost: number}> = []
  let previous = ''
  // Rows filled, as letters meant with the start: row 1 is the start alone.
  let filled = 1
  fillRow(alignment, start, 1, model)
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    let shared = 0
    while (shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++
    filled = Math.min(filled, shared + 1)
    previous = word
    const a = start + word + end
    let tooFar = false
    for (; filled <= word.length; filled++) {
      if (fillRow(alignment, a, filled + 1, model) > budget) {
        tooFar = true
        break
      }
    }
    if (tooFar) {
      // Every word after it with the prefix that costs too much costs too much.
      const prefix = word.slice(0, filled)
      while (index + 1 < words.length && words[index + 1]!.startsWith(prefix)) index++
      previous = prefix
      continue
    }
    fillRow(alignment, a, word.length + 2, model)
    const cost = alignment.table[(word.length + 2) * alignment.width + alignment.typed.length]!
    if (cost <= budget) {
      found.push({word, cost})
      // Ranked next with the slip's other suggestions: not aligned again.
      rememberCost(typed, word, cost)
    }
  }
  return found
}

/**
 * Up to `mostRewritten` letters of a word as one number, to look rewrites
 * up by without making a string for each (a third less time ranking a
 * run's suggestions): each letter a digit in base 32, from 1, so that no
 * two runs of letters share a key, whatever their lengths. A rewrite has
 * only the letters of the list's words (`a`–`z` and `'`) and the word's
 * start and end.
 *
 * @param word The word.
 * @param from Where the letters start.
 * @param to Where they end.
 * @returns The key (0 for no letters); -1 for letters no rewrite has.
 */
function lettersKey(word: string, from: number, to: number): number {
  let key = 0
  for (let index = from; index < to; index++) {
    const code = word.charCodeAt(index)
    const digit = code >= 97 && code <= 122 ? code - 96 : code === 39 ? 27 : code === 94 ? 28 : code === 36 ? 29 : 0
    if (digit === 0) return -1
    key = key * 32 + digit
  }
  return key
}

/**
 * The rewrites that end at one letter of a word meant, by how many letters
 * they take.
 *
 * @param word The word meant, with its start and end.
 * @param index The place they end at.
 * @param rewrites The rewrites.
 * @returns The rewrites of the one, two … letters before it.
 */
function rewritesEndingAt(word: string, index: number, rewrites: Counts['rewrites']): Array<Rewrites | undefined> {
  const ending: Array<Rewrites | undefined> = []
  for (let length = 1; length <= Math.min(mostRewritten, index); length++) {
    const key = lettersKey(word, index - length, index)
    ending.push(key < 0 ? undefined : rewrites(key))
  }
  return ending
}

/**
 * The letters that end at each place of a word typed, none to
 * `mostRewritten`, as keys to look rewrites up by (see `lettersKey`).
 *
 * @param word The word typed, with its start and end.
 * @returns For each place, the keys of the zero, one … letters before it.
 */
function lettersEndingIn(word: string): number[][] {
  const ending: number[][] = []
  for (let index = 0; index <= word.length; index++) {
    const letters: number[] = []
    for (let length = 0; length <= Math.min(mostRewritten, index); length++) letters.push(lettersKey(word, index - length, index))
    ending.push(letters)
  }
  return ending
}

/**
 * The cost of one edit in its context.
 *
 * @param counts The model's counts.
 * @param costs Its costs of the edits met so far.
 * @param kind `s`, `i`, `d` or `t` (see `Counts`, `editKinds`).
 * @param x First letter.
 * @param y Second letter.
 * @returns Its cost.
 */
function editCost(counts: Counts, costs: EditCosts, kind: string, x: string, y: string): number {
  // Numbers, not `kind + x + y`: a string made for every cell of every
  // alignment showed in a profile of the CI case; and a table, not a map,
  // for the letters of nearly every cell: the search for far words
  // (`wordsNear`) aligns thousands of rows a slip.
  const xCode = x.charCodeAt(0)
  const yCode = y.charCodeAt(0)
  if (xCode < 128 && yCode < 128) {
    const index = (editKinds.indexOf(kind) * 128 + xCode) * 128 + yCode
    let cost = costs.ascii[index]!
    if (cost === 0) costs.ascii[index] = cost = newEditCost(counts, kind, x, y)
    return cost
  }
  const key = (kind.charCodeAt(0) * 0x10000 + xCode) * 0x10000 + yCode
  let cost = costs.other.get(key)
  if (cost === undefined) costs.other.set(key, (cost = newEditCost(counts, kind, x, y)))
  return cost
}

/**
 * The cost of an edit not met before: as the list has it, or as a slip of the fingers, whichever is less.
 *
 * @param counts The model's counts.
 * @param kind Kind of edit.
 * @param x First letter.
 * @param y Second letter.
 * @returns Its cost, above 0.
 */
function newEditCost(counts: Counts, kind: string, x: string, y: string): number {
  return Math.min(-Math.log(editChance(counts, kind, x, y)), slipCost(kind, x, y))
}

/**
 * The most an edit costs as a slip of the fingers: a slip of rhythm (a
 * letter dropped, two letters swapped) or of the keys (a neighbouring key
 * typed for a letter or caught with the letter before, a letter doubled).
 *
 * @param kind Kind of edit.
 * @param x First letter.
 * @param y Second letter.
 * @returns The cost as a slip; infinite for an edit that is none.
 */
function slipCost(kind: string, x: string, y: string): number {
  if (kind === 'd' || kind === 't') return rhythmSlipCost
  if ((kind === 's' || kind === 'i') && isNeighbourKey(x, y)) return keyboardSlipCost
  if (kind === 'i' && x === y) return keyboardSlipCost
  return Number.POSITIVE_INFINITY
}

/**
 * The chance of an edit in its context, smoothed toward the chance of the
 * same edit of `y` in any context.
 *
 * @param counts The model's counts.
 * @param kind Kind of edit.
 * @param x First letter.
 * @param y Second letter.
 * @returns Its chance, above 0.
 */
function editChance({edits, letters, pairs}: Counts, kind: string, x: string, y: string): number {
  // How often the context occurs in the words meant: the letter typed over, the letter added after, the pair.
  const context = kind === 's' ? (letters.get(y) ?? 0) : kind === 'i' ? (letters.get(x) ?? 0) : (pairs.get(x + y) ?? 0)
  const anyContext = ((edits.get(kind + '*' + y) ?? 0) + 0.5) / ((letters.get(y) ?? 0) + 50)
  return ((edits.get(kind + x + y) ?? 0) + 2 * anyContext) / (context + 2)
}

/**
 * The counts, from the disk cache (learning them aligns 99,000 pairs and
 * weighs each rewrite of letters against the single edits: about a
 * second, once per installed version of the lists).
 *
 * @returns Counts.
 */
function learnedCounts(): Counts {
  const bytes = cachedBytes('misspelling-model-5', [...misspellingsDigests(), homophonesDigest()], function () {
    return new TextEncoder().encode(JSON.stringify(learn([...misspellingEntries(), ...homophoneEntries()])))
  })
  const data = JSON.parse(new TextDecoder().decode(bytes)) as Learned
  return {edits: new Map(data.edits), letters: new Map(data.letters), pairs: new Map(data.pairs), rewrites: rewritesFrom(data.rewrites)}
}

/**
 * Look up rewrites by the letters meant. Each line's rewrites are read
 * from it the first time they are asked for: building a table of all
 * 17,600 at start took 20 ms, a tenth of a hook run on one story, which
 * meets a few hundred.
 *
 * @param lines Lines of `meant\ttyped=cost,typed=cost`.
 * @returns The rewrites from some letters meant, by their `lettersKey`.
 */
function rewritesFrom(lines: string): Counts['rewrites'] {
  const unread = new Map<number, string>()
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab > 0) unread.set(lettersKey(line, 0, tab), line.slice(tab + 1))
  }
  const read = new Map<number, Rewrites>()
  return function (meant) {
    let typedAs = read.get(meant)
    if (typedAs) return typedAs
    const rewrites = unread.get(meant)
    if (rewrites === undefined) return undefined
    typedAs = {costs: new Map(), lengths: []}
    for (const rewrite of rewrites.split(',')) {
      const [typed = '', cost = ''] = rewrite.split('=')
      typedAs.costs.set(lettersKey(typed, 0, typed.length), Number(cost))
      if (!typedAs.lengths.includes(typed.length)) typedAs.lengths.push(typed.length)
    }
    read.set(meant, typedAs)
    return typedAs
  }
}

/**
 * Count the edits of each pair of the list, and the letters and letter
 * pairs of the words meant.
 *
 * @param entries Misspellings and their corrections.
 * @returns The counts, as entry lists.
 */
function learn(entries: ReadonlyArray<readonly [string, string]>): Learned {
  const rewriteCounts = new Map<string, number>()
  const meantCounts = new Map<string, number>()
  const edits = new Map<string, number>()
  const letters = new Map<string, number>()
  const pairs = new Map<string, number>()
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  for (const [misspelling, corrections] of entries) {
    const typed = misspelling.toLowerCase()
    // The first correction is the word most often meant.
    const intended = (corrections.split(',')[0] ?? '').trim().toLowerCase()
    if (!/^[a-z']+$/.test(typed) || !/^[a-z']+$/.test(intended)) continue
    const word = start + intended
    for (let index = 0; index < word.length; index++) {
      add(letters, word[index]!)
      if (index + 1 < word.length) add(pairs, word.slice(index, index + 2))
    }
    const whole = start + intended + end
    for (let from = 0; from < whole.length; from++) {
      for (let to = from + 1; to <= Math.min(whole.length, from + mostRewritten); to++) add(meantCounts, whole.slice(from, to))
    }
    const steps = alignedSteps(start + typed + end, start + intended + end)
    for (const rewrite of rewritesOf(steps)) add(rewriteCounts, rewrite)
    const found = editsOf(steps)
    if (found.length > mostEditsLearned) continue
    for (const edit of found) {
      add(edits, edit)
      add(edits, edit[0] + '*' + edit[2])
    }
  }
  const kept = new Map<string, string[]>()
  // The single edits alone, to weigh each rewrite against.
  const singleEdits: Model = {counts: {edits, letters, pairs, rewrites: () => undefined}, costs: noCosts()}
  for (const [rewrite, count] of rewriteCounts) {
    if (count < fewestRewrites) continue
    const [meant = '', typed = ''] = rewrite.split('\t')
    const cost = -Math.log(count / ((meantCounts.get(meant) ?? 0) + rewritePrior))
    // A rewrite the single edits already make as likely adds nothing but time to every alignment.
    if (cost >= alignmentCost(typed.replaceAll(/[$^]/g, ''), meant.replaceAll(/[$^]/g, ''), singleEdits)) continue
    const typedAs = kept.get(meant)
    if (typedAs) typedAs.push(`${typed}=${cost.toFixed(3)}`)
    else kept.set(meant, [`${typed}=${cost.toFixed(3)}`])
  }
  const rewrites = sortedLines([...kept].map(([meant, typedAs]) => `${meant}\t${typedAs.join(',')}`))
  return {edits: [...edits], letters: [...letters], pairs: [...pairs], rewrites}
}

/** The counts as the disk cache keeps them. */
interface Learned {
  edits: Array<[string, number]>
  letters: Array<[string, number]>
  pairs: Array<[string, number]>
  /** Sorted lines of `meant\ttyped=cost,typed=cost` (see `rewritesFrom`). */
  rewrites: string
}

/**
 * The rewrites of letters a pair shows, in the manner of Brill and Moore:
 * each run of edits of its alignment, with up to two letters on either
 * side as context, as letters meant and letters typed (`ies` as `ys`,
 * `ph` as `f`).
 *
 * @param steps The pair's alignment (see `alignedSteps`), with the word's start and end.
 * @returns Rewrites as `meant\ttyped` keys.
 */
function rewritesOf(steps: ReadonlyArray<readonly [string, string]>): string[] {
  const found: string[] = []
  let index = 0
  while (index < steps.length) {
    if (steps[index]![0] === steps[index]![1]) {
      index++
      continue
    }
    let last = index
    while (last + 1 < steps.length && steps[last + 1]![0] !== steps[last + 1]![1]) last++
    // One letter for another (or dropped, or added) is already an edit in the context of a letter; as a rewrite it is one in a letter's context on each side.
    const [first = '', firstTyped = ''] = steps[index]!
    const oneLetter = last === index && first.length + firstTyped.length <= 2
    for (let before = 0; before <= 2; before++) {
      for (let after = 0; after <= 2; after++) {
        const from = index - before
        const to = last + after
        if (from < 0 || to >= steps.length || (oneLetter && (before === 0 || after === 0))) continue
        const span = steps.slice(from, to + 1)
        const meant = span.map((step) => step[0]).join('')
        const written = span.map((step) => step[1]).join('')
        if (meant.length > 0 && meant.length <= mostRewritten && written.length <= mostRewritten) found.push(meant + '\t' + written)
      }
    }
    index = last + 1
  }
  return found
}

/**
 * The edits of a pair's alignment, each in the letter context it is
 * counted in (see `Counts`).
 *
 * @param steps The pair's alignment (see `alignedSteps`), from the word's start.
 * @returns Edits as `kind x y` keys.
 */
function editsOf(steps: ReadonlyArray<readonly [string, string]>): string[] {
  const found: string[] = []
  // The last letter meant so far: a letter is added or dropped after it.
  let before = ''
  for (const [meant, typed] of steps) {
    if (meant === typed) {
      // Kept.
    } else if (meant.length === 2) found.push('t' + meant)
    else if (typed === '') found.push('d' + before + meant)
    else if (meant === '') found.push('i' + before + typed)
    else found.push('s' + typed + meant)
    if (meant) before = meant.at(-1)!
  }
  return found
}

/**
 * A fewest-edits alignment of two words (optimal string alignment: two
 * neighbouring letters swapped count as one edit), as steps of letters
 * meant and letters typed: a letter kept (`e`, `e`), typed for another
 * (`e`, `a`), dropped (`e`, ``), added (``, `e`), or two swapped (`ie`,
 * `ei`). Of equally few edits, a kept letter is taken first, then a swap,
 * a letter typed for another, dropped, added.
 *
 * @param typed The word as typed.
 * @param intended The word meant.
 * @returns Steps, in order, each as [meant, typed].
 */
function alignedSteps(typed: string, intended: string): Array<[string, string]> {
  const a = intended
  const b = typed
  const width = b.length + 1
  const isSwap = (i: number, j: number) => i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && a[i - 1] !== a[i - 2]
  const table = new Int32Array((a.length + 1) * width)
  for (let i = 0; i <= a.length; i++) table[i * width] = i
  for (let j = 0; j <= b.length; j++) table[j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(table[(i - 1) * width + j]! + 1, table[i * width + j - 1]! + 1, table[(i - 1) * width + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (isSwap(i, j)) best = Math.min(best, table[(i - 2) * width + j - 2]! + 1)
      table[i * width + j] = best
    }
  }
  const steps: Array<[string, string]> = []
  let i = a.length
  let j = b.length
  while (i > 0 || j > 0) {
    const here = table[i * width + j]!
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && here === table[(i - 1) * width + j - 1]) {
      steps.push([a[i - 1]!, b[j - 1]!])
      i--
      j--
    } else if (isSwap(i, j) && here === table[(i - 2) * width + j - 2]! + 1) {
      steps.push([a.slice(i - 2, i), b.slice(j - 2, j)])
      i -= 2
      j -= 2
    } else if (i > 0 && j > 0 && here === table[(i - 1) * width + j - 1]! + 1) {
      steps.push([a[i - 1]!, b[j - 1]!])
      i--
      j--
    } else if (i > 0 && here === table[(i - 1) * width + j]! + 1) {
      steps.push([a[i - 1]!, ''])
      i--
    } else {
      steps.push(['', b[j - 1]!])
      j--
    }
  }
  return steps.reverse()
}
