import {cachedBytes} from './disk-cache.js'
import {misspellingEntries, misspellingsDigests} from './common-misspellings.js'
import {isNeighbourKey, meanNeighbourCount} from './keyboard.js'

/**
 * How people misspell: the chance of each edit that turns the word meant
 * into the word typed, learned from cspell's list of common misspellings
 * (some 94,000 pairs people wrote, `recieved` for `received`), in the
 * manner of Kernighan, Church and Gale's noisy channel. A suggestion that
 * takes likely edits to become the typed word is likelier the word meant
 * than one that takes as many unlikely ones: `seperate` is `separate` with
 * an `e` for an `a`, a common confusion of an unstressed vowel.
 *
 * Each edit is counted in the letter context it happens in: a letter
 * typed for another, a letter added after a letter, a letter dropped after
 * a letter, two letters swapped. Its chance is its count over how often
 * that context occurs in the words meant, smoothed toward the chance of
 * the same edit in any context, so an edit the list never shows is
 * unlikely but possible.
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
}

/** The start of a word, as a letter of context: a letter added or dropped at the start follows it. */
const start = '^'

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
 * Whether a suggestion is a likely slip of the word typed (see `likelySlipCost`).
 *
 * @param typed The word as typed.
 * @param suggestions Its suggestions.
 * @returns Whether one of them is.
 */
export function hasLikelySuggestion(typed: string, suggestions: readonly string[]): boolean {
  return suggestions.some((suggestion) => misspellingCost(typed, suggestion) <= likelySlipCost)
}

/**
 * Most the cost of a slip of rhythm can be: that of a keyboard slip less the
 * choice of one key among a letter's neighbours (about four), which such a
 * slip does not make.
 */
const rhythmSlipCost = keyboardSlipCost - Math.log(meanNeighbourCount())

/** Edits of a pair past which the pair is too far to align reliably (the list has a few rewritten words). */
const mostEditsLearned = 2

let counts: Counts | undefined
/** Costs of the edits met so far, by kind and letters as one number (see `editKey`). */
const costs = new Map<number, number>()

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
  const pair = typed + '\n' + intended
  let cost = pairCosts.get(pair)
  if (cost === undefined) {
    if (pairCosts.size >= mostPairsKept) pairCosts.clear()
    pairCosts.set(pair, (cost = alignmentCost(typed, intended)))
  }
  return cost
}

/**
 * The cost of the likeliest way of edits from `intended` to `typed` (see `misspellingCost`).
 *
 * @param typed The word as typed.
 * @param intended A word it may have meant.
 * @returns The cost.
 */
function alignmentCost(typed: string, intended: string): number {
  const a = start + intended.toLowerCase()
  const b = start + typed.toLowerCase()
  const width = b.length
  // Optimal string alignment, with each edit at its cost rather than 1.
  const table = new Float64Array(a.length * width).fill(Number.POSITIVE_INFINITY)
  table[0] = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < width; j++) {
      if (i === 0 && j === 0) continue
      let best = Number.POSITIVE_INFINITY
      if (i > 0 && j > 0) best = table[(i - 1) * width + j - 1]! + (a[i] === b[j] ? 0 : editCost('s', b[j]!, a[i]!))
      if (i > 0) best = Math.min(best, table[(i - 1) * width + j]! + editCost('d', a[i - 1]!, a[i]!))
      if (j > 0) {
        // A letter echoed after the next (`theh`: the `h` of `th` struck again) is a slip of the fingers' rhythm.
        const added = i > 1 && a[i - 1] === b[j] ? Math.min(keyboardSlipCost, editCost('i', a[i]!, b[j]!)) : editCost('i', a[i]!, b[j]!)
        best = Math.min(best, table[i * width + j - 1]! + added)
      }
      if (i > 1 && j > 1 && a[i] === b[j - 1] && a[i - 1] === b[j] && a[i] !== a[i - 1]) {
        best = Math.min(best, table[(i - 2) * width + j - 2]! + editCost('t', a[i - 1]!, a[i]!))
      }
      table[i * width + j] = best
    }
  }
  return table[a.length * width - 1]!
}

/**
 * The cost of one edit in its context.
 *
 * @param kind `s`, `i`, `d` or `t` (see `Counts`).
 * @param x First letter.
 * @param y Second letter.
 * @returns Its cost.
 */
function editCost(kind: string, x: string, y: string): number {
  // A number, not `kind + x + y`: a string made for every cell of every alignment showed in a profile of the CI case.
  const key = (kind.charCodeAt(0) * 0x10000 + x.charCodeAt(0)) * 0x10000 + y.charCodeAt(0)
  let cost = costs.get(key)
  if (cost === undefined) {
    cost = -Math.log(editChance(kind, x, y))
    cost = Math.min(cost, slipCost(kind, x, y))
    costs.set(key, cost)
  }
  return cost
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
 * @param kind Kind of edit.
 * @param x First letter.
 * @param y Second letter.
 * @returns Its chance, above 0.
 */
function editChance(kind: string, x: string, y: string): number {
  const {edits, letters, pairs} = (counts ??= learnedCounts())
  // How often the context occurs in the words meant: the letter typed over, the letter added after, the pair.
  const context = kind === 's' ? (letters.get(y) ?? 0) : kind === 'i' ? (letters.get(x) ?? 0) : (pairs.get(x + y) ?? 0)
  const anyContext = ((edits.get(kind + '*' + y) ?? 0) + 0.5) / ((letters.get(y) ?? 0) + 50)
  return ((edits.get(kind + x + y) ?? 0) + 2 * anyContext) / (context + 2)
}

/**
 * The counts, from the disk cache (learning them aligns 94,000 pairs:
 * about a second, once per installed version of the list).
 *
 * @returns Counts.
 */
function learnedCounts(): Counts {
  const bytes = cachedBytes('misspelling-model-1', misspellingsDigests(), function () {
    return new TextEncoder().encode(JSON.stringify(learn(misspellingEntries())))
  })
  const data = JSON.parse(new TextDecoder().decode(bytes)) as Record<keyof Counts, Array<[string, number]>>
  return {edits: new Map(data.edits), letters: new Map(data.letters), pairs: new Map(data.pairs)}
}

/**
 * Count the edits of each pair of the list, and the letters and letter
 * pairs of the words meant.
 *
 * @param entries Misspellings and their corrections.
 * @returns The counts, as entry lists.
 */
function learn(entries: ReadonlyArray<readonly [string, string]>): Record<keyof Counts, Array<[string, number]>> {
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
    const found = alignedEdits(typed, intended)
    if (found.length > mostEditsLearned) continue
    for (const edit of found) {
      add(edits, edit)
      add(edits, edit[0] + '*' + edit[2])
    }
  }
  return {edits: [...edits], letters: [...letters], pairs: [...pairs]}
}

/**
 * The edits of a fewest-edits alignment of two words (optimal string
 * alignment, counting a swap of neighbours as one edit).
 *
 * @param typed The word as typed.
 * @param intended The word meant.
 * @returns Edits as `kind x y` keys (see `Counts`).
 */
function alignedEdits(typed: string, intended: string): string[] {
  const a = start + intended
  const b = start + typed
  const width = b.length
  const table = new Int32Array(a.length * width)
  for (let i = 0; i < a.length; i++) table[i * width] = i
  for (let j = 0; j < width; j++) table[j] = j
  for (let i = 1; i < a.length; i++) {
    for (let j = 1; j < width; j++) {
      let best = Math.min(table[(i - 1) * width + j]! + 1, table[i * width + j - 1]! + 1, table[(i - 1) * width + j - 1]! + (a[i] === b[j] ? 0 : 1))
      if (i > 1 && j > 1 && a[i] === b[j - 1] && a[i - 1] === b[j] && a[i] !== a[i - 1]) best = Math.min(best, table[(i - 2) * width + j - 2]! + 1)
      table[i * width + j] = best
    }
  }
  const found: string[] = []
  let i = a.length - 1
  let j = width - 1
  while (i > 0 || j > 0) {
    const here = table[i * width + j]!
    if (i > 0 && j > 0 && a[i] === b[j] && here === table[(i - 1) * width + j - 1]) {
      i--
      j--
    } else if (i > 1 && j > 1 && a[i] === b[j - 1] && a[i - 1] === b[j] && here === table[(i - 2) * width + j - 2]! + 1) {
      found.push('t' + a[i - 1] + a[i])
      i -= 2
      j -= 2
    } else if (i > 0 && j > 0 && here === table[(i - 1) * width + j - 1]! + 1) {
      found.push('s' + b[j] + a[i])
      i--
      j--
    } else if (i > 0 && here === table[(i - 1) * width + j]! + 1) {
      found.push('d' + a[i - 1] + a[i])
      i--
    } else {
      found.push('i' + a[i] + b[j])
      j--
    }
  }
  return found
}
