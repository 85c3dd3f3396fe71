import {editDistance} from './edit-distance.js'
import {arePreparedVariants, type Prepared, prepare} from './name-variants.js'

/**
 * Finds, for an unknown name in a story, the word-list name it is a variant
 * of, when the story never uses that name: the word list is the repository's
 * memory of how a name is spelled, so `Oyelarn` in today's story is a slip
 * of `Oyelaran` from last week's, not a new name.
 */
export class ListedNames {
  /**
   * Name-like listed words by length, so that only near lengths are
   * compared, each prepared for comparison once: preparing both sides of
   * every comparison again stood out in a one-thread profile of the CI case
   * of `npm run bench`, with only the house style's spellings listed.
   */
  private readonly byLength = new Map<number, Array<{name: string; prepared: Prepared}>>()

  /**
   * @param words Accepted words (config `words`, `wordsFile`, `.copydesk/words.txt`).
   * @param distinct Sets of spellings declared to be different names.
   */
  constructor(
    words: readonly string[],
    private readonly distinct: ReadonlyArray<readonly string[]>
  ) {
    for (const word of new Set(words)) {
      if (!/^\p{Lu}/u.test(word) || !/\p{Ll}/u.test(word)) continue
      const names = this.byLength.get(word.length)
      const entry = {name: word, prepared: prepare(word)}
      if (names) names.push(entry)
      else this.byLength.set(word.length, [entry])
    }
  }

  /**
   * The listed name an unknown spelling is a variant of.
   *
   * @param text The unknown spelling.
   * @param inStory Words the story uses: a listed name the story uses is left to the story's own grouping.
   * @returns The listed name, or `undefined` when there is none or two are equally close.
   */
  variantOf(text: string, inStory: ReadonlySet<string>): string | undefined {
    const candidates: Array<{name: string; distance: number}> = []
    const spelling = prepare(text)
    // Two edits, or a transliteration change such as "sh" for "s", change the length by at most two.
    for (let length = text.length - 2; length <= text.length + 2; length++) {
      for (const {name, prepared} of this.byLength.get(length) ?? []) {
        if (inStory.has(name) || !arePreparedVariants(spelling, prepared) || this.isDistinct(text, name)) continue
        candidates.push({name, distance: editDistance(text.toLowerCase(), name.toLowerCase())})
      }
    }
    candidates.sort((a, b) => a.distance - b.distance)
    const [first, second] = candidates
    return first && second?.distance !== first.distance ? first.name : undefined
  }

  /**
   * Whether config declared two spellings different names.
   *
   * @param a A spelling.
   * @param b Another spelling.
   * @returns Whether one `distinct` set holds both.
   */
  private isDistinct(a: string, b: string): boolean {
    return this.distinct.some((names) => names.includes(a) && names.includes(b))
  }
}
