/**
 * American and British spellings of one word (`color`/`colour`,
 * `organize`/`organise`), found from the dialect dictionaries themselves: a
 * regular spelling pattern proposes a counterpart, and the dictionaries
 * decide whether the two really are one word in two dialects.
 */
import {type Dialect, dictionaryLookup} from './dictionary.js'

/** A kind of spelling difference; a story is consistent when it keeps to one side of each kind. */
export type SpellingKind =
  | 'our'
  | 'ize'
  | 'yze'
  | 're'
  | 'ogue'
  | 'ence'
  | 'll'
  | 'ae'
  | 'oe'
  | 'e'
  | 'ph'
  | 'ey'
  | 'oul'
  | 'sk'

/** One way of turning a spelling into another dialect's: a pattern and what to write instead, at one place. */
type Rewrite = readonly [kind: SpellingKind, pattern: RegExp, replacement: string]

/**
 * The regular patterns, both ways. Each rewrites one occurrence at a time
 * (`colourful` has one `our`); the dictionaries weed out the nonsense most
 * of them make (`for` → `four` is a different word in both dialects, so no pair).
 */
const rewrites: readonly Rewrite[] = [
  // colour/color, behaviour/behavior, favourite/favorite
  ['our', /our/g, 'or'],
  ['our', /or/g, 'our'],
  // organise/organize, organising, organisation
  ['ize', /is(?=[eia])/g, 'iz'],
  ['ize', /iz(?=[eia])/g, 'is'],
  // analyse/analyze, paralysed
  ['yze', /ys(?=[ei])/g, 'yz'],
  ['yze', /yz(?=[ei])/g, 'ys'],
  // centre/center, theatres, centred/centered, centring/centering
  ['re', /([^aeiou])re(?=s?$)/g, '$1er'],
  ['re', /([^aeiou])er(?=s?$)/g, '$1re'],
  ['re', /([^aeiou])red$/g, '$1ered'],
  ['re', /([^aeiou])ered$/g, '$1red'],
  ['re', /([^aeiou])ring$/g, '$1ering'],
  ['re', /([^aeiou])ering$/g, '$1ring'],
  // catalogue/catalog, catalogued/cataloged
  ['ogue', /ogue(?=s?$)/g, 'og'],
  ['ogue', /og(?=s?$)/g, 'ogue'],
  ['ogue', /ogued$/g, 'oged'],
  ['ogue', /oged$/g, 'ogued'],
  ['ogue', /oguing$/g, 'oging'],
  ['ogue', /oging$/g, 'oguing'],
  // defence/defense, offences
  ['ence', /ence/g, 'ense'],
  ['ence', /ense/g, 'ence'],
  // travelled/traveled, counsellor/counselor, fulfil/fulfill, enrolment/enrollment
  ['ll', /ll/g, 'l'],
  ['ll', /(?<!l)l(?!l)/g, 'll'],
  // paediatric/pediatric, anaemia/anemia
  ['ae', /ae/g, 'e'],
  ['ae', /(?<![ao])e/g, 'ae'],
  // oestrogen/estrogen, diarrhoea/diarrhea, manoeuvre/maneuver (with `re`)
  ['oe', /oe/g, 'e'],
  ['oe', /(?<![ao])e/g, 'oe'],
  // judgement/judgment, acknowledgement, ageing/aging
  ['e', /dgement/g, 'dgment'],
  ['e', /dgment/g, 'dgement'],
  ['e', /geing$/g, 'ging'],
  ['e', /ging$/g, 'geing'],
  // sulphur/sulfur, sulphate
  ['ph', /^sulph/g, 'sulf'],
  ['ph', /^sulf/g, 'sulph'],
  // grey/gray
  ['ey', /^grey/g, 'gray'],
  ['ey', /^gray/g, 'grey'],
  // mould/mold, smoulder/smolder, moult/molt
  ['oul', /oul(?=[dt])/g, 'ol'],
  ['oul', /ol(?=[dt])/g, 'oul'],
  // sceptical/skeptical
  ['sk', /^scep/g, 'skep'],
  ['sk', /^skep/g, 'scep']
]

/** A word's spelling in another dialect, and the kind of difference between them. */
export interface Counterpart {
  /** The other spelling, lowercase. */
  spelling: string
  /** Which kind of difference it is. */
  kind: SpellingKind
}

/** A cached `counterpartIn` for one target and set of other dialects. */
export type CounterpartLookup = (word: string) => Counterpart | undefined

const lookups = new Map<string, CounterpartLookup>()

/**
 * The spelling a dialect uses for a word that belongs to other dialects:
 * `colour` → `color` for en-US, `color` → `colour` for en-GB.
 *
 * A pair is accepted only when it really splits the dictionaries: the word
 * is in another dialect's dictionary and not in the target's, and the
 * counterpart is in the target's and not in that other one. So words that
 * mean different things in one dialect stay out (`programme` and `program`,
 * `licence` and `license`, `storey` and `story`, `kerb` and `curb`: British
 * dictionaries have both). Two rewrites are combined only when one finds
 * nothing (`manoeuvre` → `maneuver`). Answers are cached for the run.
 *
 * @param word Lowercase word.
 * @param target The dialect to spell in.
 * @param others The dialects whose spellings to recognise.
 * @returns The counterpart, or `undefined` when the word is right in `target` or has none.
 */
export function counterpartIn(word: string, target: Dialect, others: readonly Dialect[]): Counterpart | undefined {
  return counterpartLookup(target, others)(word)
}

/**
 * `counterpartIn` for one target and set of other dialects, to ask about
 * every word of a story: building the cache key of the dialects on each
 * call was costly over every word of a run (the CI case of `npm run bench`
 * shows it).
 *
 * @param target The dialect to spell in.
 * @param others The dialects whose spellings to recognise.
 * @returns Lookup, shared by the run, with its answers cached.
 */
export function counterpartLookup(target: Dialect, others: readonly Dialect[]): CounterpartLookup {
  const pair = target + '>' + others.join(',')
  let lookup = lookups.get(pair)
  if (!lookup) {
    const byWord = new Map<string, Counterpart | null>()
    lookup = function (word) {
      // Most words have no counterpart (see `findCounterpart`): settle them before the cache.
      if (!canHaveCounterpart(word)) return undefined
      let found = byWord.get(word)
      if (found === undefined) {
        found = findCounterpart(word, target, others) ?? null
        byWord.set(word, found)
      }
      return found ?? undefined
    }
    lookups.set(pair, lookup)
  }
  return lookup
}

/**
 * Whether a word can have a counterpart at all: three or more letters `a`
 * to `z` (`/^[a-z]{3,}$/`, without a regex on every word of a run).
 *
 * @param word Word.
 * @returns Whether to look it up.
 */
export function canHaveCounterpart(word: string): boolean {
  if (word.length < 3) return false
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code < 0x61 || code > 0x7a) return false
  }
  return true
}

/**
 * Look for a counterpart, without the cache.
 *
 * @param word Lowercase word.
 * @param target The dialect to spell in.
 * @param others The dialects whose spellings to recognise.
 * @returns The counterpart, if any.
 */
function findCounterpart(word: string, target: Dialect, others: readonly Dialect[]): Counterpart | undefined {
  const inTarget = dictionaryLookup(target)
  // Most words are in every dictionary or in none (names, slips): two lookups settle them.
  if (!/^[a-z]{3,}$/.test(word) || inTarget.correct(word)) return undefined
  const owners = others.map((other) => dictionaryLookup(other)).filter((other) => other.correct(word))
  if (owners.length === 0) return undefined
  const isPair = (candidate: string): boolean =>
    candidate !== word && inTarget.correct(candidate) && owners.some((owner) => !owner.correct(candidate))

  const first = variants(word)
  for (const variant of first) if (isPair(variant.spelling)) return variant
  for (const variant of first) {
    for (const second of variants(variant.spelling)) {
      if (isPair(second.spelling)) return {spelling: second.spelling, kind: variant.kind}
    }
  }
  return undefined
}

/**
 * Whether two spellings differ only as American and British spelling
 * differ, by one or two rewrites (`vapourised` and `vaporized`), whether or
 * not a dictionary lists either: a spelling-system variant, not a slip.
 *
 * @param a Lowercase word.
 * @param b Lowercase word.
 * @returns Whether rewriting one gives the other.
 */
export function isSpellingSystemVariant(a: string, b: string): boolean {
  return variants(a).some(
    (first) => first.spelling === b || variants(first.spelling).some((second) => second.spelling === b)
  )
}

/**
 * Every spelling one rewrite away from a word.
 *
 * @param word Lowercase word.
 * @returns Candidates with the kind of rewrite that made each.
 */
function variants(word: string): Counterpart[] {
  const found: Counterpart[] = []
  for (const [kind, pattern, replacement] of rewrites) {
    for (const match of word.matchAll(pattern)) {
      const at = match.index
      // Lookarounds need the whole word, so fill in the captured letter by hand.
      const rewritten = replacement.replace('$1', match[1] ?? '')
      found.push({spelling: word.slice(0, at) + rewritten + word.slice(at + match[0].length), kind})
    }
  }
  return found
}
