import type {Position} from 'unist'
import {editDistance} from './edit-distance.js'
import {withoutAccents} from './accents.js'
import {isMixedCase} from './letter-case.js'
import {type LikelihoodEvidence, areBothInUse, likelierSpelling} from './name-likelihood.js'

/** One use of a name-like word in a document. */
export interface NameUse {
  /** The spelling, as written. */
  text: string
  /** Where it is: exactly the name (the part of a compound, without a possessive `'s`). */
  position: Position
  /** Whether the dictionary or the word lists know it. */
  known: boolean
}

/** All uses of one spelling of a name. */
export interface Spelling extends Candidate {
  uses: NameUse[]
}

/** Why a spelling is the one to use. */
export type CanonicalReason =
  | {kind: 'word list'}
  | {kind: 'dictionary'}
  | {kind: 'majority'; count: number}
  | {kind: 'likelier'; evidence: LikelihoodEvidence}
  | {kind: 'first use'; line: number}

/** Spellings of one name: the one to use and the ones to change. */
export interface VariantGroup {
  canonical: Spelling
  reason: CanonicalReason
  variants: Spelling[]
  /** Every spelling of the name in the document, most used first. */
  spellings: Spelling[]
}

/** What keeps two spellings apart besides the dictionary. */
export interface GroupingOptions {
  /** Spellings in the repo's own word list. */
  listed: ReadonlySet<string>
  /** Sets of spellings a newsroom declared to be different names (`Wagner`, `Wagener`). */
  distinct: ReadonlyArray<readonly string[]>
  /**
   * Whether only the bundled names lists know a spelling, not the dictionary
   * nor the newsroom's own words: such a list knows first names and
   * surnames, not the person a story is about (none, by default).
   */
  isOnlyNamesListed?: ((spelling: string) => boolean) | undefined
}

/**
 * Pairs of names shorter than this are too often different names one letter
 * apart (`Kim`, `Kin`); a three-letter spelling of a longer name (`Aln` for
 * `Alan`) is still compared.
 */
const minimumLength = 4

/** Names at least this long may differ by two edits and still be one name. */
export const longName = 8

/**
 * Group the spellings of the names in a document that are the same name
 * spelled differently, and choose the spelling to use for each.
 *
 * Two spellings are one name when they are close (see `areVariants`), when
 * at least one of them is unknown, and when the newsroom has not declared
 * them distinct. Two known spellings are never merged (`Iran`, `Iraq`).
 * The spelling to use is the word list's, else the dictionary's, else the
 * one used most, else the likelier of two used as often, else the first;
 * the bundled names lists alone do not choose between two spellings in
 * written use (see `makeGroup`).
 *
 * @param uses Uses of name-like words, in document order.
 * @param options Word list and declared distinct names.
 * @returns One group per name spelled more than one way.
 */
export function groupVariants(uses: readonly NameUse[], options: GroupingOptions): VariantGroup[] {
  const spellings = collectSpellings(uses, options.listed)
  const isOnlyNamesListed = options.isOnlyNamesListed ?? (() => false)
  return groupSpellings(spellings, options.distinct, compareInStory).map(({canonical, members}) =>
    makeGroup(canonical, members, isOnlyNamesListed)
  )
}

/** A spelling as grouping compares it: its text, what knows it, and how often it is used. */
export interface Candidate {
  text: string
  /** Whether the dictionary or the word lists know it. */
  known: boolean
  /** Whether the newsroom's word lists (or the bundled names) have it. */
  listed: boolean
  /** Uses, in all. */
  count: number
}

/** Spellings of one name, with the one to use. */
export interface SpellingGroup<T extends Candidate> {
  canonical: T
  /** The spellings to change to the canonical one. */
  variants: T[]
  /** The canonical spelling and its variants. */
  members: T[]
}

/**
 * Group spellings that are one name spelled differently (see
 * `groupVariants`), in a story or across stories: the caller says which
 * spelling of a group is the one to use.
 *
 * @param spellings Distinct spellings.
 * @param distinct Sets of spellings declared to be different names.
 * @param compare Orders a group's spellings, the one to use first.
 * @param accepts Whether to link two close spellings, when more than their spelling must say they are one name.
 * @returns One group per name spelled more than one way.
 */
export function groupSpellings<T extends Candidate>(
  spellings: readonly T[],
  distinct: ReadonlyArray<readonly string[]>,
  compare: (a: T, b: T) => number,
  accepts?: (a: T, b: T) => boolean
): Array<SpellingGroup<T>> {
  const parent = new Map<T, T>(spellings.map((spelling) => [spelling, spelling]))
  const find = (spelling: T): T => {
    let root = spelling
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    return root
  }
  const linked = new Set<string>()
  const link = (a: T, b: T): void => {
    linked.add(a.text + '\n' + b.text).add(b.text + '\n' + a.text)
    parent.set(find(a), find(b))
  }

  // Two known spellings are never merged: a story whose names are all known has no variants.
  if (spellings.every((spelling) => spelling.known)) return []
  const prepared = spellings.map((spelling) => prepare(spelling.text))
  // "PaaS" and "IaaS", "IAPDs" and "APDs": terms written as their owners write them, never slips of each other.
  const mixed = spellings.map((spelling) => isMixedCase(spelling.text))
  for (const [index, other] of closePairs(
    prepared,
    spellings.map((spelling) => spelling.known)
  )) {
    const a = spellings[index]
    const b = spellings[other]
    const left = prepared[index]
    const right = prepared[other]
    if (!a || !b || !left || !right || (a.known && b.known) || mixed[index] || mixed[other]) continue
    if (isDeclaredDistinct(a.text, b.text, distinct)) continue
    const relation = relationOf(left, right)
    if (relation === 'unrelated' || (relation === 'form' && !isSlipOfForm(a, b))) continue
    if (!accepts || accepts(a, b)) link(a, b)
  }

  if (linked.size === 0) return []
  const components = new Map<T, T[]>()
  for (const spelling of spellings) {
    const root = find(spelling)
    const members = components.get(root)
    if (members) members.push(spelling)
    else components.set(root, [spelling])
  }

  const groups: Array<SpellingGroup<T>> = []
  for (const members of components.values()) {
    if (members.length < 2) continue
    const known = members.filter((member) => member.known)
    if (known.length > 1) {
      // Several real names in one cluster: each unknown spelling goes to the one known name nearest it.
      for (const variant of members.filter((member) => !member.known)) {
        const nearest = nearestKnown(variant, known)
        if (nearest) groups.push({canonical: nearest, variants: [variant], members: [nearest, variant]})
      }
      continue
    }
    const canonical = [...members].sort(compare)[0] as T
    const variants = members.filter(
      (member) => member !== canonical && linked.has(member.text + '\n' + canonical.text)
    )
    if (variants.length > 0) groups.push({canonical, variants, members: [canonical, ...variants]})
  }
  return groups
}

/**
 * Whether two spellings are close enough to be one name: one edit apart (two
 * for long names), counting insertions, deletions, substitutions and swaps of
 * neighbouring letters, or equal once common transliteration and typing
 * differences are set aside (s/sh, h dropped or added, i/y, doubled letters).
 * Inflected forms (`Morozov`/`Morozova`, `Clinton`/`Clintons`) are not
 * variants, nor are acronyms and mixed-case terms (`PaaS`/`IaaS`: see
 * `isMixedCase`).
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns Whether `b` may be a variant of `a`.
 */
export function areVariants(a: string, b: string): boolean {
  return spellingRelation(a, b) === 'variant'
}

/**
 * How two spellings relate: variants of one name, forms of one name (or
 * two names) that differ only at the end, or unrelated.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns The relation.
 */
export function spellingRelation(a: string, b: string): 'variant' | 'form' | 'unrelated' {
  if (isMixedCase(a) || isMixedCase(b)) return 'unrelated'
  const left = prepare(a)
  const right = prepare(b)
  return mayBeClose(left, right) ? relationOf(left, right) : 'unrelated'
}

/**
 * Whether two prepared spellings may be variants of one name (see
 * `areVariants`): for comparing one spelling with many, each prepared once.
 *
 * @param a A prepared spelling.
 * @param b Another prepared spelling.
 * @returns Whether `b` may be a variant of `a`.
 */
export function arePreparedVariants(a: Prepared, b: Prepared): boolean {
  return mayBeClose(a, b) && relationOf(a, b) === 'variant'
}

/** A spelling as compared: lowercase without accents, and its skeleton. */
export interface Prepared {
  /** Lowercase, without accents. */
  plain: string
  /** What survives transliteration and typing differences (see `skeleton`). */
  skeleton: string
}

/**
 * Prepare a spelling for comparison.
 *
 * @param text Spelling.
 * @returns Its plain form and skeleton.
 */
export function prepare(text: string): Prepared {
  // Most names are plain ASCII, with no accents to take off.
  const plain = (nonAscii.test(text) ? withoutAccents(text) : text).toLowerCase()
  return {plain, skeleton: skeleton(plain)}
}

/**
 * The pairs of spellings that may be close (see `relationOf`), found
 * without comparing every spelling with every other: two spellings within
 * one edit share a form with at most one letter deleted from each (a swap
 * of neighbours too), within two edits one with at most two deleted; two
 * skeletons likewise. So the unknown spellings are filed under those forms,
 * and every spelling looks its own forms up among them: two known
 * spellings are never merged, so they need not meet. A long story has
 * thousands of names; comparing each pair took most of the rule's time.
 *
 * A form is filed by a number hashed from it (see `formKeys`), not by the
 * form itself: building the dozens of strings a long name has took most of
 * the rule's time in a run of many stories. Two forms that hash alike only
 * bring a pair to `relationOf`, which decides.
 *
 * @param prepared Prepared spellings.
 * @param known Whether each spelling is known.
 * @returns Index pairs (`[a, b]`, `a < b`), in ascending order.
 */
function closePairs(prepared: readonly Prepared[], known: readonly boolean[]): Array<[number, number]> {
  // Made once per spelling: an unknown spelling is both filed and looked up.
  const keys = prepared.map(formKeys)
  // A key most often files one spelling: the index itself, an array only
  // for two or more. An array per key took most of the memory of grouping
  // the ten thousand spellings of a 1,000-story run.
  const filed = new Map<number, number | number[]>()
  keys.forEach(function (spellingKeys, index) {
    if (known[index]) return
    for (const key of spellingKeys) {
      const indexes = filed.get(key)
      if (indexes === undefined) filed.set(key, index)
      else if (typeof indexes === 'number') {
        if (indexes !== index) filed.set(key, [indexes, index])
      } else if (indexes.at(-1) !== index) indexes.push(index)
    }
  })
  const pairs = new Set<number>()
  const pair = (index: number, other: number): void => {
    if (other === index) return
    const a = Math.min(index, other)
    const b = Math.max(index, other)
    if (mayBeClose(prepared[a], prepared[b])) pairs.add(a * prepared.length + b)
  }
  keys.forEach(function (spellingKeys, index) {
    for (const key of spellingKeys) {
      const indexes = filed.get(key)
      if (typeof indexes === 'number') pair(index, indexes)
      else if (indexes) for (const other of indexes) pair(index, other)
    }
  })
  return [...pairs].sort((a, b) => a - b).map((pair) => [Math.floor(pair / prepared.length), pair % prepared.length])
}

/** Kinds of forms, mixed into their keys so that a skeleton is not taken for a plain form. */
const formKind = {plain: 1, skeleton: 2, plainTwo: 3, skeletonOne: 4}

/**
 * Keys of the forms a prepared spelling is filed under: its plain form with
 * up to one letter deleted, its skeleton, and for names of `longName`
 * letters or more (which may be two edits apart, one in skeletons) its
 * plain form with up to two deleted and its skeleton with up to one.
 *
 * @param spelling Prepared spelling.
 * @returns Keys, possibly repeated.
 */
function formKeys({plain, skeleton}: Prepared): number[] {
  const keys: number[] = []
  addDeletionKeys(plain, 1, formKind.plain, keys)
  addDeletionKeys(skeleton, 0, formKind.skeleton, keys)
  if (plain.length >= longName) {
    addDeletionKeys(plain, 2, formKind.plainTwo, keys)
    addDeletionKeys(skeleton, 1, formKind.skeletonOne, keys)
  }
  return keys
}

/** Multiplier of the polynomial hash of forms (the 32-bit FNV prime). */
const hashBase = 0x01000193

/** Powers of `hashBase`, modulo 2³², as far as a word has needed. */
const hashPowers: number[] = [1]

/** Hashes of a word's prefixes, reused from word to word. */
const prefixHashes: number[] = []

/**
 * Add the keys of a word with up to `most` characters deleted, every way
 * (the word itself too), without building the shorter words: with the
 * hashes of the word's prefixes, the hash of the word without the
 * characters at `i` (and `j`) is a sum of three pieces' hashes.
 *
 * @param word Word.
 * @param most Most characters to delete (0, 1 or 2).
 * @param kind Kind of form, mixed into each key.
 * @param keys Keys, added to.
 */
function addDeletionKeys(word: string, most: 0 | 1 | 2, kind: number, keys: number[]): void {
  const length = word.length
  while (hashPowers.length <= length) hashPowers.push(Math.imul(hashPowers.at(-1) ?? 1, hashBase))
  prefixHashes[0] = 0
  for (let at = 0; at < length; at++) {
    prefixHashes[at + 1] = (Math.imul(prefixHashes[at] ?? 0, hashBase) + word.charCodeAt(at)) | 0
  }
  keys.push(formKey(prefix(length), kind))
  if (most === 0) return
  for (let i = 0; i < length; i++) {
    keys.push(formKey(Math.imul(prefix(i), power(length - 1 - i)) + piece(i + 1, length), kind))
  }
  if (most === 1) return
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j < length; j++) {
      const hash =
        Math.imul(prefix(i), power(length - 2 - i)) + Math.imul(piece(i + 1, j), power(length - 1 - j)) + piece(j + 1, length)
      keys.push(formKey(hash, kind))
    }
  }
}

/**
 * A power of `hashBase`.
 *
 * @param exponent Exponent, at most the length of the longest word hashed.
 * @returns The power, modulo 2³².
 */
function power(exponent: number): number {
  return hashPowers[exponent] ?? 0
}

/**
 * The hash of the current word's first characters (see `addDeletionKeys`).
 *
 * @param end How many characters.
 * @returns Hash.
 */
function prefix(end: number): number {
  return prefixHashes[end] ?? 0
}

/**
 * The hash of a piece of the current word (see `addDeletionKeys`).
 *
 * @param start Where the piece starts.
 * @param end Where it ends.
 * @returns The hash of `word.slice(start, end)`.
 */
function piece(start: number, end: number): number {
  return (prefix(end) - Math.imul(prefix(start), power(end - start))) | 0
}

/**
 * Mix a form's kind into its hash, keeping 30 bits: numbers V8 stores
 * unboxed, which make cheap `Map` keys.
 *
 * @param hash Hash of the form.
 * @param kind Kind of form.
 * @returns Key.
 */
function formKey(hash: number, kind: number): number {
  return Math.imul(hash ^ kind, 0x9e3779b1) >>> 2
}

/**
 * Whether two spellings are near enough in length to be close: an edit
 * changes the length by one at most.
 *
 * @param a Prepared spelling.
 * @param b Prepared spelling.
 * @returns Whether they may be close.
 */
function mayBeClose(a: Prepared | undefined, b: Prepared | undefined): boolean {
  if (!a || !b) return false
  return Math.abs(a.plain.length - b.plain.length) <= 2 || Math.abs(a.skeleton.length - b.skeleton.length) <= 1
}

/**
 * How two prepared spellings relate (see `spellingRelation`).
 *
 * @param a Prepared spelling.
 * @param b Prepared spelling.
 * @returns The relation.
 */
function relationOf(a: Prepared, b: Prepared): 'variant' | 'form' | 'unrelated' {
  const left = a.plain
  const right = b.plain
  const shortest = Math.min(left.length, right.length)
  if (left === right || Math.max(left.length, right.length) < minimumLength || shortest < 3) return 'unrelated'
  // "Aln" for "Alan", but "Ric" is not "Eric": a three-letter spelling must keep the first letter.
  if (shortest === 3 && left[0] !== right[0]) return 'unrelated'
  const limit = shortest >= longName ? 2 : 1
  const close =
    editDistance(left, right, limit) <= limit || editDistance(a.skeleton, b.skeleton, limit - 1) <= limit - 1
  if (!close) return 'unrelated'
  // "Zelensky"/"Zelenski": a transliteration difference, even at the end of the name.
  return a.skeleton !== b.skeleton && isInflection(left, right) ? 'form' : 'variant'
}

/**
 * Whether two spellings that differ only at the end are still one name
 * misspelt: one edit apart, the shorter one (or, for a changed final vowel,
 * the rarer one) is unknown, used once, and the other is known or used more
 * (`Notr` for `Notre`, `Surigai` for `Surigao`). `Mohammad`/`Mohammadi` and
 * `Morozov`/`Morozova` stay apart.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns Whether to link them as variants.
 */
function isSlipOfForm(a: Candidate, b: Candidate): boolean {
  const [suspect, other] =
    a.text.length === b.text.length
      ? a.count <= b.count
        ? [a, b]
        : [b, a]
      : a.text.length < b.text.length
        ? [a, b]
        : [b, a]
  // "New Yorker" beside "New Yorkers": a plural, however rare the singular.
  if (isPlural(a.text, b.text)) return false
  return (
    !suspect.known &&
    suspect.count === 1 &&
    (other.known || other.count > suspect.count) &&
    // One slip: a letter dropped, added or changed at the end, not another ending.
    editDistance(suspect.text.toLowerCase(), other.text.toLowerCase(), 1) <= 1
  )
}

/**
 * Whether two spellings are one name in two transliterations or typings
 * (`Jiangshu` and `Jiangsu`: `sh` for `s`; `Kharkov` and `Kharkow` are not,
 * nor are spellings that differ only in doubled letters, `Mattt` and
 * `Matt`, which people choose for their own names).
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns Whether their skeletons are equal and more than doubling tells them apart.
 */
export function isTransliteration(a: string, b: string): boolean {
  const left = prepare(a)
  const right = prepare(b)
  const single = (plain: string): string => plain.replace(doubledLetter, '$1')
  return left.plain !== right.plain && left.skeleton === right.skeleton && single(left.plain) !== single(right.plain)
}

/**
 * Whether one spelling is the other with a plural `s` (`Yorkers`,
 * `Yorker`): a form of a name, never a slip of it.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns Whether one is the other plus `s`.
 */
export function isPlural(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.length === short.length + 1 && /s$/i.test(long) && long.slice(0, -1).toLowerCase() === short.toLowerCase()
}

/**
 * Whether one spelling is a form of the other, or another name, rather than
 * a misspelling: one ends where the other goes on (`Clintons`, `Morozova`,
 * `Irani`, `Aurigae`, `Catalonian`), they differ only in a final vowel
 * (`Kowalski`/`Kowalska`), or a long name ends in two other letters
 * (`Islamophobes`/`Islamophobia`). Slips inside a name, where they mostly happen,
 * are still variants, and so is a changed final consonant (`Czeck`).
 *
 * @param a Lowercase spelling.
 * @param b Lowercase spelling.
 * @returns Whether they are forms of one name, or two names.
 */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short) && long.length - short.length <= 2) return true
  const vowel = /^[aeiouy]$/
  if (
    short.length === long.length &&
    short.slice(0, -1) === long.slice(0, -1) &&
    vowel.test(short.at(-1) ?? '') &&
    vowel.test(long.at(-1) ?? '')
  ) {
    return true
  }
  // "Islamophobes"/"Islamophobia": a long name with another two-letter
  // ending is another word made from it; two letters swapped at the end
  // ("Magnitogorks") are still a slip.
  const [shortEnd, longEnd] = [short.slice(-2), long.slice(-2)]
  return (
    short.length >= longName &&
    short.length === long.length &&
    short.slice(0, -2) === long.slice(0, -2) &&
    shortEnd[0] !== longEnd[0] &&
    shortEnd[1] !== longEnd[1] &&
    shortEnd !== [...longEnd].reverse().join('')
  )
}

/**
 * Reduce a spelling to what survives common transliteration and typing
 * differences: `sh` → `s`, `kh` → `k`, `zh` → `z`, `ph` → `f`, an `h` after
 * another consonant dropped, `y` → `i`, doubled letters single.
 *
 * @param word Lowercase spelling.
 * @returns Its skeleton: `jiangshu` and `jiangsu` both give `jiangsu`.
 */
function skeleton(word: string): string {
  // Each change only where it can apply, and by hand where a regular
  // expression cost most: running all four over every name of every story
  // stood out in a one-thread profile of the CI case of `npm run bench`.
  let result = word
  if (result.includes('ph')) result = result.replace(/ph/g, 'f')
  if (result.includes('h')) result = withoutConsonantH(result)
  if (result.includes('y')) result = result.replaceAll('y', 'i')
  return nonAscii.test(result) ? result.replace(doubledLetter, '$1') : withoutDoubledAsciiLetters(result)
}

/** A letter written twice or more in a row. */
const doubledLetter = /(\p{L})\1+/gu

/** Any character outside ASCII. */
const nonAscii = /[^\u0000-\u007F]/

/**
 * Drop an `h` after another consonant (`kh` → `k`), as
 * `.replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1')` would.
 *
 * @param word Lowercase word.
 * @returns The word without such `h`s.
 */
function withoutConsonantH(word: string): string {
  let result = ''
  let from = 0
  for (let at = 1; at < word.length; at++) {
    if (word.charCodeAt(at) === 104 && 'bcdfgjklmnpqrstvwxz'.includes(word.charAt(at - 1))) {
      result += word.slice(from, at)
      from = at + 1
    }
  }
  return from === 0 ? word : result + word.slice(from)
}

/**
 * Write each run of one ASCII letter once (`ll` → `l`), as
 * `.replace(/(\p{L})\1+/gu, '$1')` would on an ASCII word.
 *
 * @param word ASCII word.
 * @returns The word with no letter doubled.
 */
function withoutDoubledAsciiLetters(word: string): string {
  let result = ''
  let from = 0
  for (let at = 1; at < word.length; at++) {
    const code = word.charCodeAt(at)
    if (code === word.charCodeAt(at - 1) && ((code >= 97 && code <= 122) || (code >= 65 && code <= 90))) {
      result += word.slice(from, at)
      from = at + 1
    }
  }
  return from === 0 ? word : result + word.slice(from)
}

/**
 * Gather uses into spellings, in order of first use.
 *
 * @param uses Uses of names.
 * @param listed Spellings in the word list.
 * @returns Spellings.
 */
function collectSpellings(uses: readonly NameUse[], listed: ReadonlySet<string>): Spelling[] {
  const byText = new Map<string, Spelling>()
  for (const use of uses) {
    let spelling = byText.get(use.text)
    if (!spelling) {
      spelling = {text: use.text, uses: [], known: use.known, listed: listed.has(use.text), count: 0}
      byText.set(use.text, spelling)
    }
    spelling.uses.push(use)
    spelling.count++
  }
  return [...byText.values()]
}

/**
 * Order a story's spellings of one name, the one to use first: the word
 * list's, else the dictionary's, else the one used most, else the one used
 * first.
 *
 * @param a A spelling.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
function compareInStory(a: Spelling, b: Spelling): number {
  return (
    Number(b.listed) - Number(a.listed) ||
    Number(b.known) - Number(a.known) ||
    b.count - a.count ||
    firstOffset(a) - firstOffset(b)
  )
}

/**
 * Build a group and say why its canonical spelling won: the word list's,
 * the dictionary's, the majority's, else, of two spellings used as often,
 * the likelier (see `likelierSpelling`), else the first used.
 *
 * The names lists do not decide between two spellings written English uses
 * about as much (see `areBothInUse`): each is someone's name.
 *
 * @param chosen The spelling `compareInStory` put first.
 * @param members All spellings in the group.
 * @param isOnlyNamesListed Whether only the bundled names lists know a spelling.
 * @returns The group.
 */
function makeGroup(chosen: Spelling, members: Spelling[], isOnlyNamesListed: (spelling: string) => boolean): VariantGroup {
  const [a, b] = members
  // "Lalitha" eight times beside "Lalita" once: the names lists have one, but
  // written English uses both about as much, so either may be this person's
  // name, and the story's own use decides, as for two names no list knows.
  const listDecides = !(a && b && members.length === 2 && isOnlyNamesListed(chosen.text) && areBothInUse(a.text, b.text))
  // Most used first, the first used of those used as often.
  const spellings = [...members].sort((a, b) => b.uses.length - a.uses.length || firstOffset(a) - firstOffset(b))
  let canonical = listDecides ? chosen : (spellings[0] ?? chosen)
  let reason: CanonicalReason
  if (listDecides && canonical.listed) reason = {kind: 'word list'}
  else if (listDecides && canonical.known) reason = {kind: 'dictionary'}
  else if (members.every((other) => other === canonical || other.uses.length < canonical.uses.length)) {
    reason = {kind: 'majority', count: canonical.uses.length}
  } else {
    // "Faauci" then "Fauci", once each: the first use says nothing of which is the slip.
    // Two spellings only: each of more is linked to the one chosen, not always to each other.
    const likelier = members.length === 2 && a && b ? likelierSpelling(a.text, b.text) : undefined
    if (likelier) {
      canonical = likelier.spelling === a?.text ? a : (b ?? canonical)
      reason = {kind: 'likelier', evidence: likelier.evidence}
    } else reason = {kind: 'first use', line: canonical.uses[0]?.position.start.line ?? 0}
  }
  const others = members.filter((member) => member !== canonical)
  return {canonical, reason, variants: others, spellings}
}

/**
 * The known spelling nearest to an unknown one, if exactly one is nearest.
 *
 * @param variant Unknown spelling.
 * @param known Known spellings.
 * @returns The nearest known spelling.
 */
function nearestKnown<T extends Candidate>(variant: T, known: readonly T[]): T | undefined {
  // "Amrican" is one edit from both "American" and "African": a letter dropped is a commoner
  // slip than one changed ("Koreaa" is "Korea" with a letter doubled, not "Korean" with one
  // changed); then the one the story uses more wins.
  const distances = known
    .filter((candidate) => areVariants(variant.text, candidate.text))
    .map(function (candidate) {
      const from = candidate.text.toLowerCase()
      const to = variant.text.toLowerCase()
      return {candidate, distance: editDistance(to, from), changed: isChangedLetter(from, to)}
    })
    .sort((a, b) => a.distance - b.distance || Number(a.changed) - Number(b.changed) || b.candidate.count - a.candidate.count)
  const [first, second] = distances
  const tied =
    second && second.distance === first?.distance && second.changed === first.changed && second.candidate.count === first.candidate.count
  return first && !tied ? first.candidate : undefined
}

/**
 * Whether one word is another with one letter changed for another, rather
 * than dropped, added or swapped with its neighbour.
 *
 * @param a Lowercase word.
 * @param b Lowercase word.
 * @returns Whether they differ in exactly one letter, in the same place.
 */
function isChangedLetter(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let differences = 0
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) differences++
  return differences === 1
}

/**
 * Whether a newsroom declared two spellings to be different names.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @param distinct Declared sets.
 * @returns Whether one set holds both.
 */
function isDeclaredDistinct(a: string, b: string, distinct: ReadonlyArray<readonly string[]>): boolean {
  return distinct.some((names) => names.includes(a) && names.includes(b))
}

/**
 * Offset of a spelling's first use.
 *
 * @param spelling Spelling.
 * @returns Offset in the document.
 */
function firstOffset(spelling: Spelling): number {
  return spelling.uses[0]?.position.start.offset ?? 0
}
