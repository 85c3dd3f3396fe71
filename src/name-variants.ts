import type {Position} from 'unist'
import {editDistance} from './edit-distance.js'
import {withoutAccents} from './spell-check.js'

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
export interface Spelling {
  text: string
  uses: NameUse[]
  known: boolean
  /** Whether the repo's own word list (config `words`, `wordsFile`) has it. */
  listed: boolean
}

/** Why a spelling is the one to use. */
export type CanonicalReason =
  | {kind: 'word list'}
  | {kind: 'dictionary'}
  | {kind: 'majority'; count: number}
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
}

/**
 * Pairs of names shorter than this are too often different names one letter
 * apart (`Kim`, `Kin`); a three-letter spelling of a longer name (`Aln` for
 * `Alan`) is still compared.
 */
const minimumLength = 4

/** Names at least this long may differ by two edits and still be one name. */
const longName = 8

/**
 * Group the spellings of the names in a document that are the same name
 * spelled differently, and choose the spelling to use for each.
 *
 * Two spellings are one name when they are close (see `areVariants`), when
 * at least one of them is unknown, and when the newsroom has not declared
 * them distinct. Two known spellings are never merged (`Iran`, `Iraq`).
 * The spelling to use is the word list's, else the dictionary's, else the
 * one used most, else the first.
 *
 * @param uses Uses of name-like words, in document order.
 * @param options Word list and declared distinct names.
 * @returns One group per name spelled more than one way.
 */
export function groupVariants(uses: readonly NameUse[], options: GroupingOptions): VariantGroup[] {
  const spellings = collectSpellings(uses, options.listed)
  const parent = new Map<Spelling, Spelling>(spellings.map((spelling) => [spelling, spelling]))
  const find = (spelling: Spelling): Spelling => {
    let root = spelling
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    return root
  }
  const linked = new Set<string>()
  const link = (a: Spelling, b: Spelling): void => {
    linked.add(a.text + '\n' + b.text).add(b.text + '\n' + a.text)
    parent.set(find(a), find(b))
  }

  const prepared = spellings.map((spelling) => prepare(spelling.text))
  for (const [index, other] of closePairs(prepared)) {
    const a = spellings[index]
    const b = spellings[other]
    const left = prepared[index]
    const right = prepared[other]
    if (!a || !b || !left || !right || (a.known && b.known)) continue
    if (isDeclaredDistinct(a.text, b.text, options.distinct)) continue
    const relation = relationOf(left, right)
    if (relation === 'variant' || (relation === 'form' && isSlipOfForm(a, b))) link(a, b)
  }

  const components = new Map<Spelling, Spelling[]>()
  for (const spelling of spellings) {
    const root = find(spelling)
    components.set(root, [...(components.get(root) ?? []), spelling])
  }

  const groups: VariantGroup[] = []
  for (const members of components.values()) {
    if (members.length < 2) continue
    const known = members.filter((member) => member.known)
    if (known.length > 1) {
      // Several real names in one cluster: each unknown spelling goes to the one known name nearest it.
      for (const variant of members.filter((member) => !member.known)) {
        const nearest = nearestKnown(variant, known)
        if (nearest) groups.push(makeGroup(nearest, [nearest, variant]))
      }
      continue
    }
    const canonical = chooseCanonical(members)
    const variants = members.filter(
      (member) => member !== canonical && linked.has(member.text + '\n' + canonical.text)
    )
    if (variants.length > 0) groups.push(makeGroup(canonical, [canonical, ...variants]))
  }
  return groups
}

/**
 * Whether two spellings are close enough to be one name: one edit apart (two
 * for long names), counting insertions, deletions, substitutions and swaps of
 * neighbouring letters, or equal once common transliteration and typing
 * differences are set aside (s/sh, h dropped or added, i/y, doubled letters).
 * Inflected forms (`Morozov`/`Morozova`, `Clinton`/`Clintons`) are not variants.
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
  const left = prepare(a)
  const right = prepare(b)
  return mayBeClose(left, right) ? relationOf(left, right) : 'unrelated'
}

/** A spelling as compared: lowercase without accents, and its skeleton. */
interface Prepared {
  plain: string
  skeleton: string
}

/**
 * Prepare a spelling for comparison.
 *
 * @param text Spelling.
 * @returns Its plain form and skeleton.
 */
function prepare(text: string): Prepared {
  const plain = withoutAccents(text).toLowerCase()
  return {plain, skeleton: skeleton(plain)}
}

/**
 * The pairs of spellings that may be close (see `relationOf`), found
 * without comparing every spelling with every other: two spellings within
 * one edit share a form with at most one letter deleted from each (a swap
 * of neighbours too), within two edits one with at most two deleted; two
 * skeletons likewise. So each spelling is filed under those forms, and only
 * spellings filed together are compared. A long story has thousands of
 * names; comparing each pair took most of the rule's time.
 *
 * @param prepared Prepared spellings.
 * @returns Index pairs (`[a, b]`, `a < b`), in the order of a loop over every pair.
 */
function closePairs(prepared: readonly Prepared[]): Array<[number, number]> {
  const filed = new Map<string, number[]>()
  const file = (key: string, index: number): void => {
    const indexes = filed.get(key)
    if (!indexes) filed.set(key, [index])
    else if (indexes.at(-1) !== index) indexes.push(index)
  }
  prepared.forEach(function ({plain, skeleton}, index) {
    // Two edits (one in skeletons) only between names of `longName` letters or more.
    const long = plain.length >= longName
    for (const form of deletions(plain, 1)) file('1:' + form, index)
    file('s:' + skeleton, index)
    if (long) {
      for (const form of deletions(plain, 2)) file('2:' + form, index)
      for (const form of deletions(skeleton, 1)) file('t:' + form, index)
    }
  })
  const pairs = new Set<number>()
  for (const indexes of filed.values()) {
    for (let left = 0; left < indexes.length; left++) {
      for (let right = left + 1; right < indexes.length; right++) {
        const a = indexes[left] ?? 0
        const b = indexes[right] ?? 0
        if (mayBeClose(prepared[a], prepared[b])) pairs.add(a * prepared.length + b)
      }
    }
  }
  return [...pairs].sort((a, b) => a - b).map((pair) => [Math.floor(pair / prepared.length), pair % prepared.length])
}

/**
 * A word with up to `most` letters deleted, every way (the word itself too).
 *
 * @param word Word.
 * @param most Most letters to delete.
 * @returns The forms, each once.
 */
function deletions(word: string, most: number): Set<string> {
  const forms = new Set([word])
  let last = [word]
  for (let round = 0; round < most; round++) {
    const next: string[] = []
    for (const form of last) {
      for (let at = 0; at < form.length; at++) {
        const shorter = form.slice(0, at) + form.slice(at + 1)
        if (!forms.has(shorter)) {
          forms.add(shorter)
          next.push(shorter)
        }
      }
    }
    last = next
  }
  return forms
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
function isSlipOfForm(a: Spelling, b: Spelling): boolean {
  const [suspect, other] =
    a.text.length === b.text.length
      ? a.uses.length <= b.uses.length
        ? [a, b]
        : [b, a]
      : a.text.length < b.text.length
        ? [a, b]
        : [b, a]
  return (
    !suspect.known &&
    suspect.uses.length === 1 &&
    (other.known || other.uses.length > suspect.uses.length) &&
    // One slip: a letter dropped, added or changed at the end, not another ending.
    editDistance(suspect.text.toLowerCase(), other.text.toLowerCase(), 1) <= 1
  )
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
  return word
    .replace(/ph/g, 'f')
    .replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1')
    .replace(/y/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
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
      spelling = {text: use.text, uses: [], known: use.known, listed: listed.has(use.text)}
      byText.set(use.text, spelling)
    }
    spelling.uses.push(use)
  }
  return [...byText.values()]
}

/**
 * Choose the spelling to use: the word list's, else the dictionary's, else
 * the one used most, else the one used first.
 *
 * @param members Spellings of one name.
 * @returns The canonical spelling.
 */
function chooseCanonical(members: Spelling[]): Spelling {
  return [...members].sort(
    (a, b) =>
      Number(b.listed) - Number(a.listed) ||
      Number(b.known) - Number(a.known) ||
      b.uses.length - a.uses.length ||
      firstOffset(a) - firstOffset(b)
  )[0] as Spelling
}

/**
 * Build a group and say why its canonical spelling won.
 *
 * @param canonical The spelling to use.
 * @param members All spellings in the group.
 * @returns The group.
 */
function makeGroup(canonical: Spelling, members: Spelling[]): VariantGroup {
  const others = members.filter((member) => member !== canonical)
  let reason: CanonicalReason
  if (canonical.listed) reason = {kind: 'word list'}
  else if (canonical.known) reason = {kind: 'dictionary'}
  else if (others.every((other) => other.uses.length < canonical.uses.length)) {
    reason = {kind: 'majority', count: canonical.uses.length}
  } else reason = {kind: 'first use', line: canonical.uses[0]?.position.start.line ?? 0}
  const spellings = [...members].sort((a, b) => b.uses.length - a.uses.length || firstOffset(a) - firstOffset(b))
  return {canonical, reason, variants: others, spellings}
}

/**
 * The known spelling nearest to an unknown one, if exactly one is nearest.
 *
 * @param variant Unknown spelling.
 * @param known Known spellings.
 * @returns The nearest known spelling.
 */
function nearestKnown(variant: Spelling, known: Spelling[]): Spelling | undefined {
  // "Amrican" is one edit from both "American" and "African": the one the story uses more wins.
  const distances = known
    .filter((candidate) => areVariants(variant.text, candidate.text))
    .map((candidate) => ({candidate, distance: editDistance(variant.text.toLowerCase(), candidate.text.toLowerCase())}))
    .sort((a, b) => a.distance - b.distance || b.candidate.uses.length - a.candidate.uses.length)
  const [first, second] = distances
  const tied = second && second.distance === first?.distance && second.candidate.uses.length === first.candidate.uses.length
  return first && !tied ? first.candidate : undefined
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
