import type {NameEntry, Place} from '../src/across/names-index.js'
import {wholeWord} from './across-files.js'
import {type Span, namePattern, pickChange, shuffle} from './inject.js'
import type {RealVariants} from './real-name-variants.js'
import {type Changes, keyboardSlips} from './slips.js'

/**
 * Cross-file variants put into copies of the articles: a name the run
 * spells one way in two stories or more gets another spelling in every use
 * of ONE story, the way a story written by another hand or from another
 * wire spells it throughout.
 */

/** The kinds of variant, as the report names them. */
export type CrossFileKind = 'keyboard-slip' | 'real-variant'

/** Every kind, in the order the report lists them. */
export const crossFileKinds: readonly CrossFileKind[] = ['keyboard-slip', 'real-variant']

/**
 * Most names per kind in each of four groups: whether the first use in the
 * changed story has another name next to it, and whether the dictionary or
 * the bundled names know the name. The rule takes a shared neighbour
 * (`Volodymyr` of `Volodymyr Zelensky`) as evidence, so the first split
 * shows how much recall owes to it; a known name's slip is mostly
 * `spelling`'s to report, so the second keeps the names only this rule can
 * catch from being swamped by the many known ones.
 */
export const perGroup = 50

/** One story's use of a name the run spells one way: a place an injection may go. */
export interface CrossFileCandidate {
  /** The name as the run spells it. */
  name: string
  /** Article file name of the story. */
  file: string
  /** Whether the name's first use in the story has another name next to it (`Marta Kowalczyk`). */
  nextToName: boolean
  /** Stories that use the name in the clean run. */
  stories: number
  /** Whether the dictionary or the bundled names know it. */
  known: boolean
}

/** One name changed in one story. */
export interface CrossFileInjection extends CrossFileCandidate {
  kind: CrossFileKind
  /** The spelling put in. */
  variant: string
  /** The slip made, or the lists that record the variant. */
  origin: string
  /** Where the variant now is in the modified story, one span per use. */
  uses: Span[]
  /** Whether copydesk knows the variant (the bundled names have `Brasil`): then it is a name of its own, never a variant. */
  variantKnown: boolean
}

/**
 * List the places injections may go: each story's use of each name the run
 * spells one way in two stories or more (one `NameEntry` spelling), of the
 * shape the accuracy benchmark changes (`Putin`, not `US` or `McCain`).
 *
 * @param names The clean run's names index.
 * @param texts Article text by file name; the index names stories by file name.
 * @returns Candidates, by name and then in run order.
 */
export function crossFileCandidates(names: readonly NameEntry[], texts: ReadonlyMap<string, string>): CrossFileCandidate[] {
  const candidates: CrossFileCandidate[] = []
  for (const entry of names) {
    const {canonical} = entry
    if (entry.variants.length > 0 || canonical.stories.length < 2 || !namePattern.test(canonical.text)) continue
    for (const {story, spelling} of canonical.stories) {
      const text = texts.get(story.path)
      if (text === undefined) continue
      const storyNames = new Set(story.spellings.map((other) => other.text))
      candidates.push({
        name: canonical.text,
        file: story.path,
        nextToName: isNextToName(text, spelling.first, storyNames),
        stories: canonical.stories.length,
        known: canonical.known
      })
    }
  }
  return candidates
}

/**
 * Choose the injections of one kind: names in random order, each in one
 * story, each story changed for one name only (so that no injection is
 * evidence for another), up to `perGroup` per group (see `perGroup`),
 * names the dictionary lacks first, since they are fewer.
 *
 * @param kind The kind.
 * @param candidates Where injections may go.
 * @param variantsOf The variants of a name, by slip or list.
 * @param usable Whether a variant may be put in.
 * @param random Seeded generator.
 * @returns The injections, without their places (see `applyCrossFile`).
 */
export function chooseCrossFile(
  kind: CrossFileKind,
  candidates: readonly CrossFileCandidate[],
  variantsOf: (name: string) => Changes<string>,
  usable: (form: string) => boolean,
  random: () => number
): CrossFileInjection[] {
  const chosen: CrossFileInjection[] = []
  const names = new Set<string>()
  const files = new Set<string>()
  const shuffled = shuffle(candidates, random)
  for (const candidate of [...shuffled.filter((one) => !one.known), ...shuffled.filter((one) => one.known)]) {
    if (names.has(candidate.name) || files.has(candidate.file)) continue
    const inGroup = chosen.filter((one) => one.nextToName === candidate.nextToName && one.known === candidate.known)
    if (inGroup.length >= perGroup) continue
    const change = pickChange(variantsOf(candidate.name), usable, random)
    if (!change) continue
    chosen.push({...candidate, kind, variant: change.form, origin: change.kind, uses: [], variantKnown: false})
    names.add(candidate.name)
    files.add(candidate.file)
  }
  return chosen
}

/**
 * List the keyboard slips of a name, as the accuracy benchmark makes them
 * on common words, with the capital kept: `Pompeo` → `Pomleo`, not `Oompeo`,
 * which would read as another name.
 *
 * @param name The name.
 * @returns Slipped forms by kind of slip.
 */
export function nameSlips(name: string): Changes<string> {
  const word = name.toLowerCase()
  const slips: Changes<string> = new Map()
  for (const [kind, forms] of keyboardSlips(word)) {
    const kept = forms.filter((form) => form.charAt(0) === word.charAt(0)).map((form) => name.charAt(0) + form.slice(1))
    if (kept.length > 0) slips.set(kind, kept)
  }
  return slips
}

/**
 * List the real variants of a name, by the lists that record them.
 *
 * @param variants Real variants by name.
 * @returns A function giving a name's variants by list.
 */
export function listedVariants(variants: RealVariants): (name: string) => Changes<string> {
  return function (name) {
    const byList: Changes<string> = new Map()
    for (const [variant, sources] of variants.get(name) ?? []) {
      const key = [...sources].sort().join(', ')
      byList.set(key, [...(byList.get(key) ?? []), variant])
    }
    return byList
  }
}

/**
 * Put the injections into copies of the articles: every use of the name in
 * the changed story, as a whole word (`Pompeo's` too), becomes the variant.
 *
 * @param texts Article text by file name.
 * @param injections Injections, at most one per story; their `uses` are filled in.
 * @returns Text by file name, every article, changed or not.
 */
export function applyCrossFile(texts: ReadonlyMap<string, string>, injections: readonly CrossFileInjection[]): Map<string, string> {
  const modified = new Map(texts)
  for (const injection of injections) {
    const text = texts.get(injection.file) ?? ''
    let shift = 0
    injection.uses = []
    modified.set(
      injection.file,
      text.replace(wholeWord(injection.name, 'g'), function (_match, offset: number) {
        const start = offset + shift
        injection.uses.push({start, end: start + injection.variant.length})
        shift += injection.variant.length - injection.name.length
        return injection.variant
      })
    )
  }
  return modified
}

/**
 * Whether a use of a name has another of the story's names right before or
 * after it, with only a space between (`Marta Kowalczyk`, `Kowalczyk Ltd`),
 * as the rule pairs neighbours.
 *
 * @param text The story.
 * @param use The use.
 * @param storyNames The story's name spellings (the index's, which leave out capitalised words such as `Mr`).
 * @returns Whether it has.
 */
function isNextToName(text: string, use: Place, storyNames: ReadonlySet<string>): boolean {
  const before = /(\p{L}+)[ \u00A0]{1,2}$/u.exec(text.slice(Math.max(0, use.offset - 40), use.offset))?.[1]
  const after = /^[ \u00A0]{1,2}(\p{L}+)/u.exec(text.slice(use.endOffset, use.endOffset + 40))?.[1]
  return [before, after].some((word) => word !== undefined && storyNames.has(word))
}
