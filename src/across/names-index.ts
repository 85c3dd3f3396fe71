import {editDistance} from '../words/edit-distance.js'
import {type Candidate, groupSpellings, longName} from '../words/name-variants.js'
import type {Severity} from '../severity.js'
import {isAcronymPlural, isMixedCase} from '../words/letter-case.js'

/**
 * The names index of a run: every name the stories use, with its
 * spellings, how often and where each is used, and which spelling to use.
 * Each story's part is made while it is linted (`StoryNames`, by the
 * `names-across-files` rule, in whichever thread lints it), then the parts
 * are merged: what the run keeps grows with the distinct names of each
 * story, not with its words.
 */

/** A place in a story: 1-based line and column, 0-based offsets, ends exclusive. */
export interface Place {
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
}

/** How one story spells one name. */
export interface StorySpelling {
  text: string
  /** Uses in the story. */
  count: number
  /** The first use. */
  first: Place
  /** Whether the dictionary or the word lists (the story's config) know it. */
  known: boolean
  /** Whether the word lists or the bundled names have it. */
  listed: boolean
  /** Whether the dictionary of the story's dialect has it (not only a names list). */
  dictionary: boolean
  /** Whether the newsroom's own word lists (config `words`, `wordsFile`) have it: its house spelling. */
  own: boolean
  /** Names written next to it in the story (`Marta` of `Marta Kowalczyk`), a few at most; left out when none. */
  neighbours?: string[] | undefined
  /**
   * Uses a finding across stories may go on: those that no rule reported in
   * the story itself and no comment marker turns `names-across-files` off
   * for. Empty for a spelling of the dictionary or the newsroom's word
   * lists, which is never the one to change. Left out when empty: most
   * spellings have neither neighbours nor such uses, and a run keeps tens
   * of thousands of spellings.
   */
  open?: Place[] | undefined
}

/** A story's names: its part of the index. */
export interface StoryNames {
  /** The story's path as the report names it. */
  path: string
  /** Severity its config sets on `names-across-files`; unset, the rule decides. */
  severity?: Severity | undefined
  /** Spellings its config declares to be different names (`distinct`). */
  distinct: string[][]
  /** Its name-like words, one entry per spelling, in order of first use. */
  spellings: StorySpelling[]
}

/** One story's use of a spelling, in the run. */
export interface StoryUse {
  story: StoryNames
  spelling: StorySpelling
}

/** A spelling across the run. */
export interface RunSpelling extends Candidate {
  /** Whether a story's own word lists have it. */
  own: boolean
  /** Whether a story's dictionary has it. */
  dictionary: boolean
  /** The stories that use it, in run order. */
  stories: StoryUse[]
  /** When the run first met it: ties go to the spelling met first. */
  order: number
}

/** Why a spelling is the one to use across the run. */
export type RunReason = 'word list' | 'dictionary' | 'stories' | 'uses' | 'first use'

/** One name in the run: its spellings and the one to use. */
export interface NameEntry {
  canonical: RunSpelling
  reason: RunReason
  /** Every spelling, the canonical one first, then by stories and uses. */
  spellings: RunSpelling[]
  /** The spellings to change: every spelling but the canonical one. */
  variants: RunSpelling[]
  /** Stories that use a variant and not the canonical spelling: what makes the name inconsistent. */
  departing: number
}

/** A spelling a story uses where the rest of the run uses another. */
export interface Departure {
  entry: NameEntry
  variant: RunSpelling
  use: StoryUse
}

/**
 * Merge the stories' parts into the run's names: each spelling with the
 * stories that use it, spellings of one name grouped (close, at least one
 * unknown, not declared distinct, not an inflected form, as
 * `name-consistency` groups them in a story, and more: see `isOneName`),
 * and the spelling to use chosen: the newsroom's word lists', then the
 * one used in most stories (the run's established spelling), then the
 * dictionary's; past those, the run is split evenly (a tie), and the one
 * used most, then the one met first, is only named first. The 20,000 bundled names are not the house's
 * choice: a spelling that two people share, or another transliteration
 * (`Qasim`), must not outrank the one the stories use (`Qasem` in five).
 *
 * @param stories The stories' parts, in run order, each path once (see `latestStories`).
 * @returns Every name, the most inconsistent first (see `compareEntries`).
 */
export function buildNamesIndex(stories: readonly StoryNames[]): NameEntry[] {
  const byText = new Map<string, RunSpelling>()
  const distinct: string[][] = []
  const seenDistinct = new Set<string>()
  for (const story of stories) {
    for (const names of story.distinct) {
      const key = JSON.stringify(names)
      if (!seenDistinct.has(key)) distinct.push(names)
      seenDistinct.add(key)
    }
    for (const spelling of story.spellings) {
      let run = byText.get(spelling.text)
      if (!run) {
        run = {
          text: spelling.text,
          known: false,
          listed: false,
          own: false,
          dictionary: false,
          count: 0,
          stories: [],
          order: byText.size
        }
        byText.set(spelling.text, run)
      }
      // Stories with other configs may know a spelling another does not: known anywhere is known.
      run.known ||= spelling.known
      run.listed ||= spelling.listed
      run.own ||= spelling.own
      run.dictionary ||= spelling.dictionary
      run.count += spelling.count
      run.stories.push({story, spelling})
    }
  }

  const spellings = [...byText.values()]
  // One entry per spelling to use: a known name may be the nearest of several unknown spellings.
  const membersOf = new Map<RunSpelling, RunSpelling[]>()
  const grouped = new Set<RunSpelling>()
  for (const group of groupSpellings(spellings, distinct, compareSpellings, (a, b) => isOneName(a, b, byText))) {
    const members = membersOf.get(group.canonical) ?? [group.canonical]
    membersOf.set(group.canonical, members)
    grouped.add(group.canonical)
    for (const variant of group.variants) {
      if (grouped.has(variant)) continue
      grouped.add(variant)
      members.push(variant)
    }
  }
  const entries: NameEntry[] = []
  for (const [canonical, members] of membersOf) entries.push(makeEntry(canonical, members))
  for (const spelling of spellings) if (!grouped.has(spelling)) entries.push(makeEntry(spelling, [spelling]))
  return entries.sort(compareEntries)
}

/**
 * Keep one part per story: the last given. A story in a names index that
 * the run lints again is taken as it is now.
 *
 * @param stories Parts, in run order.
 * @returns Parts, each path once, in the order of their last part.
 */
export function latestStories(stories: readonly StoryNames[]): StoryNames[] {
  const byPath = new Map<string, StoryNames>()
  for (const story of stories) {
    byPath.delete(story.path)
    byPath.set(story.path, story)
  }
  return [...byPath.values()]
}

/**
 * The uses to report across stories: for each name, each story that uses a
 * variant and not the spelling to use. A story that uses both is left to
 * `name-consistency`, which sees the story whole.
 *
 * @param entries The run's names.
 * @returns Departures, by name and then in run order.
 */
export function departures(entries: readonly NameEntry[]): Departure[] {
  const found: Departure[] = []
  for (const entry of entries) {
    for (const variant of entry.variants) {
      for (const use of variant.stories) {
        if (usesCanonical(entry, use.story)) continue
        found.push({entry, variant, use})
      }
    }
  }
  return found
}

/**
 * Whether two close spellings in a run are one name, not two people. In a
 * story, two close spellings of names are nearly always one person; across
 * stories they are mostly two (on the Wikinews sample: `Osama` and
 * `Obama`, `Bashir` and `Bashar`, `Nicos` and `Nikos`). So a pair is linked
 * only on more evidence:
 *
 * - one spelling is the newsroom's own (its word lists);
 * - they are written next to the same name (`Volodymyr Zelensky`,
 *   `Volodymyr Zelenskyy`), one used in no more than twice as many stories
 *   as the two spellings together: `Paul` beside `Rudd` in one story and
 *   beside `Budd` in another says nothing, since `Paul` is in dozens;
 * - or the name is long and unknown, one letter apart, and the run
 *   established one spelling in two stories or more, and in twice as many
 *   stories as the other (`Kowalczyk` in two, `Kowalczik` in one): long
 *   names one slip apart are rarely two people, unless each is established.
 *
 * A story that uses both is no evidence here: `name-consistency` reports it
 * in that story, and were the two different people after all (`Sadiq` and
 * `Sadie`), every other story of the less known one would be told to change.
 *
 * @param a A spelling.
 * @param b Another.
 * @param byText Every spelling of the run, to look neighbours up.
 * @returns Whether to link them.
 */
function isOneName(a: RunSpelling, b: RunSpelling, byText: ReadonlyMap<string, RunSpelling>): boolean {
  if (a.own || b.own) return true
  const storiesOfBoth = a.stories.length + b.stories.length
  // Twice that: a third spelling of the name beside the same first name takes some of its stories.
  const neighboursOfA = new Set(a.stories.flatMap((use) => use.spelling.neighbours ?? []))
  const isTelling = (name: string): boolean =>
    neighboursOfA.has(name) && (byText.get(name)?.stories.length ?? Number.POSITIVE_INFINITY) <= 2 * storiesOfBoth
  if (b.stories.some((use) => use.spelling.neighbours?.some(isTelling))) return true
  const [rare, common] = a.stories.length <= b.stories.length ? [a, b] : [b, a]
  return (
    !a.known &&
    !b.known &&
    common.stories.length >= 2 &&
    common.stories.length >= 2 * rare.stories.length &&
    Math.min(a.text.length, b.text.length) >= longName &&
    editDistance(rare.text.toLowerCase(), common.text.toLowerCase(), 1) === 1
  )
}

/**
 * Order spellings of one name, the one to use first (see `buildNamesIndex`).
 *
 * @param a A spelling.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
function compareSpellings(a: RunSpelling, b: RunSpelling): number {
  return (
    Number(b.own) - Number(a.own) ||
    b.stories.length - a.stories.length ||
    Number(b.dictionary) - Number(a.dictionary) ||
    b.count - a.count ||
    a.order - b.order
  )
}

/**
 * Make a name's entry and say why its canonical spelling won.
 *
 * @param canonical The spelling to use.
 * @param members Every spelling of the name.
 * @returns The entry.
 */
function makeEntry(canonical: RunSpelling, members: readonly RunSpelling[]): NameEntry {
  const variants = members.filter((member) => member !== canonical).sort(compareSpellings)
  let reason: RunReason
  if (canonical.own) reason = 'word list'
  else if (variants.length > 0 && variants.every((variant) => variant.stories.length < canonical.stories.length)) reason = 'stories'
  else if (canonical.dictionary) reason = 'dictionary'
  else if (variants.length === 0) reason = 'stories'
  else if (variants.every((variant) => variant.count < canonical.count)) reason = 'uses'
  else reason = 'first use'
  const entry: NameEntry = {canonical, reason, spellings: [canonical, ...variants], variants, departing: 0}
  const stories = new Set<StoryNames>()
  for (const variant of variants) {
    for (const use of variant.stories) if (!usesCanonical(entry, use.story)) stories.add(use.story)
  }
  entry.departing = stories.size
  return entry
}

/**
 * Whether a story uses a name's canonical spelling.
 *
 * @param entry The name.
 * @param story The story.
 * @returns Whether it does.
 */
function usesCanonical(entry: NameEntry, story: StoryNames): boolean {
  return entry.canonical.stories.some((use) => use.story === story)
}

/**
 * Order names, the most inconsistent first: by stories that depart from
 * the spelling to use, then by uses of the name, then alphabetically.
 *
 * @param a A name.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
function compareEntries(a: NameEntry, b: NameEntry): number {
  return (
    b.departing - a.departing ||
    b.variants.length - a.variants.length ||
    total(b) - total(a) ||
    (a.canonical.text < b.canonical.text ? -1 : a.canonical.text > b.canonical.text ? 1 : 0)
  )
}

/**
 * Uses of a name in all its spellings.
 *
 * @param entry The name.
 * @returns The count.
 */
export function total(entry: NameEntry): number {
  return entry.spellings.reduce((sum, spelling) => sum + spelling.count, 0)
}

/** A spelling the run writes in another case than the established one (`FedRamp`, `FedRAMP`). */
export interface CaseVariant {
  /** The case to write: the newsroom's word list's, else the one used more often in the run, else a known one. */
  canonical: RunSpelling
  variant: RunSpelling
}

/**
 * The spellings of the run that differ from a mixed-case term only in
 * case (`FedRamp` and `Fedramp` where the run writes `FedRAMP` 30 times):
 * the case to write is the newsroom's word list's, else the one the run
 * uses more often, else the one the dictionary or a names list has. A tie
 * with no such evidence is left alone, and so is a term whose established
 * case is not mixed (`Fedramp` written more often than `FedRAMP`).
 *
 * @param entries The run's names.
 * @returns Each variant with the case to write.
 */
export function caseVariants(entries: readonly NameEntry[]): CaseVariant[] {
  const byLowercase = new Map<string, RunSpelling[]>()
  for (const entry of entries) {
    for (const spelling of entry.spellings) {
      const key = spelling.text.toLowerCase()
      const same = byLowercase.get(key)
      if (same) same.push(spelling)
      else byLowercase.set(key, [spelling])
    }
  }
  const found: CaseVariant[] = []
  for (const spellings of byLowercase.values()) {
    if (spellings.length < 2 || !spellings.some((spelling) => isMixedCase(spelling.text))) continue
    // "IAAs" (interagency agreements) is another term than "IaaS".
    if (spellings.some((spelling) => isAcronymPlural(spelling.text))) continue
    const ordered = [...spellings].sort(
      (a, b) => Number(b.own) - Number(a.own) || b.count - a.count || Number(b.known) - Number(a.known)
    )
    const [canonical, second] = ordered
    // A case in capitals is an acronym's, not a term's: "De" is no variant of "DE".
    if (!canonical || !second || !isMixedCase(canonical.text) || !/\p{Ll}/u.test(canonical.text)) continue
    const decided = canonical.own || canonical.count > second.count || (canonical.known && !second.known)
    if (!decided) continue
    for (const variant of ordered.slice(1)) found.push({canonical, variant})
  }
  return found
}
