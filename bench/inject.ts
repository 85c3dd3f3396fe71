import {location} from 'vfile-location'
import {groupBy} from './group-by.js'
import type {MisspellingIndex} from './misspellings.js'
import {type Changes, keyboardSlips, lastLetterSlips, nameVariants} from './slips.js'
import type {Token} from './tokens.js'

/** A stretch of a file's text, by UTF-16 offsets, end exclusive. */
export interface Span {
  start: number
  end: number
}

/**
 * The kinds of error the benchmark puts into copy, as the issues name them:
 * a slip on a later use of a repeated name; a slip on the FIRST of a name's
 * two uses, where the story gives no majority and the fix must not point at
 * the slip (`Fauci … Faauci` fixed to `Faauci`); a real misspelling; a
 * keyboard slip; and a keyboard slip on the last letter of an inflected
 * word (`casex` for `cases`), where the stem must not come first.
 */
export type InjectionKind = 'name-variant' | 'name-first-use' | 'misspelling' | 'keyboard-slip' | 'inflection-slip'

/** Every kind, in the order the report lists them. */
export const injectionKinds: readonly InjectionKind[] = [
  'name-variant',
  'name-first-use',
  'misspelling',
  'keyboard-slip',
  'inflection-slip'
]

/** The kinds made on names. */
export const nameKinds: readonly InjectionKind[] = ['name-variant', 'name-first-use']

/** How many errors of each kind one article gets at most. */
export type Quota = Record<InjectionKind, number>

/**
 * Tokens between two injections, at least: so that no injection sits in the
 * context of another (a suggestion ranked by the words around it, a name
 * check thrown by a neighbour) and the copy still reads as copy.
 */
export const minimumGap = 5

/**
 * Make a record with one value per kind of injection.
 *
 * @param value The value for a kind.
 * @returns Values by kind.
 */
export function perKind<T>(value: (kind: InjectionKind) => T): Record<InjectionKind, T> {
  return Object.fromEntries(injectionKinds.map((kind) => [kind, value(kind)])) as Record<InjectionKind, T>
}

/** One error put into an article. */
export interface Injection {
  kind: InjectionKind
  /** Article file name. */
  file: string
  /** Where the injected word starts in the modified article. */
  offset: number
  /** 1-based line in the modified article. */
  line: number
  /** 1-based column in the modified article. */
  column: number
  /** The word the article had. */
  original: string
  /** What replaced it. */
  injected: string
  /** Where the change comes from: the lists that record the misspelling, or the slip made (`s ↔ sh`). */
  origin: string[]
  /** Whether dictionary-en knows the original: for a name, whether copydesk can lean on the dictionary. */
  originalKnown: boolean
  /** Whether dictionary-en or copydesk's bundled names lists know the original: a name in no list has only the story to go on. */
  originalListed: boolean
}

/** An article after injection. */
export interface InjectedArticle {
  /** Modified text. */
  text: string
  /** What was put in, in document order. */
  injections: Injection[]
}

/** What the clean run found in an article, as far as choosing words goes. */
export interface CleanFinding extends Span {
  ruleId: string
  actual: string
  expected: readonly string[]
}

/** What injection draws on besides the article. */
export interface InjectionSources {
  /** Real misspellings by correct word. */
  misspellings: MisspellingIndex
  /** Whether dictionary-en knows a word (as copydesk's speller would: `Plan` is known through `plan`). */
  isDictionaryWord: (word: string) => boolean
  /** Common lowercase words, the ones keyboard slips are made on. */
  commonWords: ReadonlySet<string>
  /** Whether copydesk's bundled names lists (`dictionaries/names/`) have a name. */
  isListedName: (name: string) => boolean
}

/** A change chosen for a token. */
interface Choice {
  token: Token
  kind: InjectionKind
  injected: string
  origin: string[]
}

/** Name-like words that get variants: a capital, then 3+ lowercase letters (`Putin`, not `US` or `McCain`). */
export const namePattern = /^[A-Z][a-z]{3,}$/

/** Lowercase words that get misspelt or slipped: 3+ letters, nothing else (`don't` and `well-known` are left alone). */
const lowercasePattern = /^[a-z]{3,}$/

/**
 * Endings of inflected words (`cases`, `costs`, `wanted`, `making`,
 * `bigger`), each with the stems it may have come from: a slip on the last
 * letter of such a word is one edit from the stem too (`casex` from `case`
 * as from `cases`), which a ranking by edits and frequency alone prefers.
 */
const inflections: ReadonlyArray<{ending: RegExp; stems: (word: string, cut: string) => string[]}> = [
  {ending: /ies$/, stems: (_, cut) => [cut + 'y']},
  {ending: /es$/, stems: (word, cut) => [cut, word.slice(0, -1)]},
  {ending: /[^s]s$/, stems: (word) => [word.slice(0, -1)]},
  {ending: /(?:ed|ing|er|est)$/, stems: (_, cut) => [cut, cut + 'e', ...(/(.)\1$/.test(cut) ? [cut.slice(0, -1)] : [])]}
]

/** The shortest stem an inflection is taken from: `his` is no inflection of `hi`. */
const shortestStem = 3

/**
 * Make a seeded pseudo-random number generator (mulberry32): small, fast and
 * the same on every machine and Node version, unlike `Math.random`.
 *
 * @param seed 32-bit seed.
 * @returns A function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return function () {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Put errors of every kind into an article, each kind up to its quota:
 * slips on the first of a name's two uses first, then on later uses of
 * names (the fewest words qualify for these), then real misspellings,
 * slips on inflected words and keyboard slips.
 *
 * No word type takes two errors, of one kind or two (so that no error is
 * evidence for another). No error goes on a word
 * where the clean run has a finding (so a finding on it can only be about
 * the injection) or within `minimumGap` tokens of another, and each makes a
 * form that is neither a dictionary word nor any other word of the article
 * (so that it is an error a spelling checker can see, used once).
 *
 * @param file Article file name (a story's path).
 * @param text Article text.
 * @param tokens Its words that may take an injection (see bench/tokens.ts): all of an article, the prose of a story.
 * @param clean The clean run's findings in this article.
 * @param sources Misspellings, dictionary, names lists and common words.
 * @param quota Most errors of each kind.
 * @param random Seeded generator; the choices depend on its state.
 * @returns The modified article and what was put in.
 */
export function injectArticle(
  file: string,
  text: string,
  tokens: readonly Token[],
  clean: readonly CleanFinding[],
  sources: InjectionSources,
  quota: Quota,
  random: () => number
): InjectedArticle {
  const plan = new Plan(text, clean)
  const isError = (form: string): boolean => !sources.isDictionaryWord(form) && plan.isNewForm(form)
  const names = repeatedNames(tokens, clean, sources.isDictionaryWord)
  chooseNameVariants(names, 'name-first-use', isError, plan, quota['name-first-use'], random)
  chooseNameVariants(names, 'name-variant', isError, plan, quota['name-variant'], random)
  chooseMisspellings(tokens, sources.misspellings, plan, quota.misspelling, random)
  const inflected = (word: string): boolean => isInflected(word, sources.isDictionaryWord)
  chooseKeyboardSlips(tokens, sources.commonWords, inflected, isError, plan, quota['inflection-slip'], random)
  chooseKeyboardSlips(tokens, sources.commonWords, undefined, isError, plan, quota['keyboard-slip'], random)
  return applyChoices(file, text, plan.chosen, sources)
}

/**
 * Find the names of an article that may take a slip: capitalised words
 * used twice or more, once at least where a capital is not the place's
 * (so not a title or a sentence's first word), that the dictionary has
 * only with a capital, and whose spellings the clean copy does not dispute.
 *
 * @param tokens Tokens of the article.
 * @param clean The clean run's findings in the article.
 * @param isDictionaryWord Dictionary lookup.
 * @returns Each name with its uses in document order.
 */
function repeatedNames(
  tokens: readonly Token[],
  clean: readonly CleanFinding[],
  isDictionaryWord: (word: string) => boolean
): Array<[string, Token[]]> {
  // A name whose spellings the clean copy already disputes ("Zelensky" and
  // "Zelenskyy") would measure the dispute, not the injected variant.
  const disputed = new Set(
    clean.filter((finding) => finding.ruleId === 'name-consistency').flatMap((finding) => [finding.actual, ...finding.expected])
  )
  // Capitalised ordinary words ("President", "Party") are titles and headline
  // case, not names; a name is a word the dictionary has only with a capital.
  return [...groupBy(tokens.filter((token) => namePattern.test(token.word)), (token) => [token.word])].filter(
    ([name, uses]) =>
      uses.length >= 2 &&
      uses.some((use) => !use.capitalisedByPosition) &&
      !disputed.has(name) &&
      !isDictionaryWord(name.toLowerCase())
  )
}

/**
 * Change one use of names by one slip or transliteration change, each name
 * once over both name kinds. A `name-variant` changes a later use of a name
 * used twice or more: the first use stays, as the spelling the story set
 * up. A `name-first-use` changes the first use of a name used exactly
 * twice: one spelling against one, where only evidence beyond the story's
 * counts tells the slip.
 *
 * @param names Names that may take a slip, with their uses.
 * @param kind Which use changes.
 * @param isError Whether a form may be put in.
 * @param plan Choices so far.
 * @param limit Most changes of the kind.
 * @param random Seeded generator.
 */
function chooseNameVariants(
  names: ReadonlyArray<[string, Token[]]>,
  kind: 'name-variant' | 'name-first-use',
  isError: (form: string) => boolean,
  plan: Plan,
  limit: number,
  random: () => number
): void {
  const qualifying = kind === 'name-first-use' ? names.filter(([, uses]) => uses.length === 2) : names
  for (const [name, uses] of shuffle(qualifying, random)) {
    if (plan.count(kind) >= limit) break
    if (plan.hasChanged(name)) continue
    const open = (kind === 'name-first-use' ? uses.slice(0, 1) : uses.slice(1)).filter((use) => plan.isFree(use))
    if (open.length === 0) continue
    const token = pick(open, random)
    const change = pickChange(nameVariants(name), isError, random)
    if (change) plan.choose({token, kind, injected: change.form, origin: [change.kind]})
  }
}

/**
 * Replace lowercase words with real misspellings of them from the lists.
 *
 * @param tokens Tokens of the article.
 * @param misspellings Misspellings by correct word (none of them a dictionary word).
 * @param plan Choices so far.
 * @param limit Most misspellings.
 * @param random Seeded generator.
 */
function chooseMisspellings(
  tokens: readonly Token[],
  misspellings: MisspellingIndex,
  plan: Plan,
  limit: number,
  random: () => number
): void {
  const words = groupBy(
    tokens.filter((token) => lowercasePattern.test(token.word) && misspellings.has(token.word)),
    (token) => [token.word]
  )
  for (const [word, uses] of shuffle([...words], random)) {
    if (plan.count('misspelling') >= limit) break
    if (plan.hasChanged(word)) continue
    const free = uses.filter((use) => plan.isFree(use))
    const options = (misspellings.get(word) ?? []).filter((option) => plan.isNewForm(option.misspelling))
    if (free.length === 0 || options.length === 0) continue
    const token = pick(free, random)
    const misspelling = pick(options, random)
    plan.choose({token, kind: 'misspelling', injected: misspelling.misspelling, origin: misspelling.sources})
  }
}

/**
 * Make one keyboard slip on common lowercase words; on inflected words
 * only, a slip on the last letter (`casex` for `cases`).
 *
 * @param tokens Tokens of the article.
 * @param commonWords Words slips are made on.
 * @param inflected For slips on inflected words, whether a word is one; `undefined` for slips anywhere on any word.
 * @param isError Whether a form may be put in.
 * @param plan Choices so far.
 * @param limit Most slips.
 * @param random Seeded generator.
 */
function chooseKeyboardSlips(
  tokens: readonly Token[],
  commonWords: ReadonlySet<string>,
  inflected: ((word: string) => boolean) | undefined,
  isError: (form: string) => boolean,
  plan: Plan,
  limit: number,
  random: () => number
): void {
  const kind: InjectionKind = inflected ? 'inflection-slip' : 'keyboard-slip'
  const words = groupBy(
    tokens.filter(
      (token) => lowercasePattern.test(token.word) && commonWords.has(token.word) && (!inflected || inflected(token.word))
    ),
    (token) => [token.word]
  )
  for (const [word, uses] of shuffle([...words], random)) {
    if (plan.count(kind) >= limit) break
    if (plan.hasChanged(word)) continue
    const free = uses.filter((use) => plan.isFree(use))
    if (free.length === 0) continue
    const token = pick(free, random)
    const change = pickChange(inflected ? lastLetterSlips(word) : keyboardSlips(word), isError, random)
    if (change) plan.choose({token, kind, injected: change.form, origin: [change.kind]})
  }
}

/**
 * Whether a word is an inflected form of a dictionary word of three
 * letters or more: `cases` of `case`, `making` of `make`, `bigger` of `big`.
 *
 * @param word Lowercase word.
 * @param isDictionaryWord Dictionary lookup.
 * @returns Whether it is.
 */
export function isInflected(word: string, isDictionaryWord: (word: string) => boolean): boolean {
  return inflections.some(({ending, stems}) => {
    const found = ending.exec(word)
    if (!found) return false
    const cut = word.slice(0, found.index)
    return stems(word, cut).some((stem) => stem.length >= shortestStem && stem !== word && isDictionaryWord(stem))
  })
}

/**
 * The choices made for one article so far, and the rules they must keep to.
 */
class Plan {
  readonly chosen: Choice[] = []
  /** Lowercase forms already in the article or injected into it. */
  private readonly forms: Set<string>
  private readonly clean: readonly Span[]

  /**
   * @param text Article text.
   * @param clean Spans of the clean run's findings.
   */
  constructor(text: string, clean: readonly Span[]) {
    this.forms = new Set(Array.from(text.matchAll(/\p{L}+/gu), (match) => match[0].toLowerCase()))
    this.clean = clean
  }

  /**
   * Whether a token may take an injection: no clean finding touches it and
   * no chosen token is within `minimumGap` tokens (itself included).
   *
   * @param token Token.
   * @returns Whether it is free.
   */
  isFree(token: Token): boolean {
    const end = token.start + token.word.length
    return (
      !this.clean.some((span) => span.start < end && token.start < span.end) &&
      this.chosen.every((choice) => Math.abs(choice.token.index - token.index) >= minimumGap)
    )
  }

  /**
   * Whether a form is used nowhere in the article yet, in any case: an
   * injected form the story already has would be a second use, not a slip.
   *
   * @param form Form to put in.
   * @returns Whether it is new.
   */
  isNewForm(form: string): boolean {
    return !this.forms.has(form.toLowerCase())
  }

  /**
   * Whether a word (a name, a common word) already has a change of any kind:
   * each kind goes on other words, so that no slip is evidence for another.
   *
   * @param word Word as the article has it.
   * @returns Whether it has.
   */
  hasChanged(word: string): boolean {
    return this.chosen.some((choice) => choice.token.word === word)
  }

  /**
   * Count the choices of one kind.
   *
   * @param kind Kind.
   * @returns Count.
   */
  count(kind: InjectionKind): number {
    return this.chosen.filter((choice) => choice.kind === kind).length
  }

  /**
   * Record a choice.
   *
   * @param choice Choice.
   */
  choose(choice: Choice): void {
    this.chosen.push(choice)
    this.forms.add(choice.injected.toLowerCase())
  }
}

/**
 * Pick a change: first a kind, among the kinds with a usable form, then a
 * form of that kind.
 *
 * @param changes Changed forms by kind.
 * @param usable Whether a form may be put in.
 * @param random Seeded generator.
 * @returns The form and its kind, or `undefined` when no form is usable.
 */
export function pickChange<Kind extends string>(
  changes: Changes<Kind>,
  usable: (form: string) => boolean,
  random: () => number
): {form: string; kind: Kind} | undefined {
  const kinds = [...changes]
    .map(([kind, forms]) => ({kind, forms: forms.filter(usable)}))
    .filter((entry) => entry.forms.length > 0)
  if (kinds.length === 0) return undefined
  const {kind, forms} = pick(kinds, random)
  return {form: pick(forms, random), kind}
}

/**
 * Write the chosen changes into the article and record where each landed.
 *
 * @param file Article file name.
 * @param text Article text.
 * @param chosen Choices, in any order.
 * @param sources The dictionary and the names lists.
 * @returns The modified article and its injections, in document order.
 */
function applyChoices(
  file: string,
  text: string,
  chosen: readonly Choice[],
  sources: Pick<InjectionSources, 'isDictionaryWord' | 'isListedName'>
): InjectedArticle {
  let modified = ''
  let copied = 0
  const placed: Array<{offset: number; choice: Choice}> = []
  for (const choice of [...chosen].sort((a, b) => a.token.start - b.token.start)) {
    modified += text.slice(copied, choice.token.start)
    placed.push({offset: modified.length, choice})
    modified += choice.injected
    copied = choice.token.start + choice.token.word.length
  }
  modified += text.slice(copied)

  const place = location(modified)
  const injections = placed.map(function ({offset, choice}): Injection {
    const point = place.toPoint(offset)
    return {
      kind: choice.kind,
      file,
      offset,
      line: point?.line ?? 0,
      column: point?.column ?? 0,
      original: choice.token.word,
      injected: choice.injected,
      origin: choice.origin,
      originalKnown: sources.isDictionaryWord(choice.token.word),
      originalListed: sources.isDictionaryWord(choice.token.word) || sources.isListedName(choice.token.word)
    }
  })
  return {text: modified, injections}
}

/**
 * Shuffle a copy of a list (Fisher–Yates).
 *
 * @param items List to shuffle.
 * @param random Seeded generator.
 * @returns A shuffled copy.
 */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    const item = copy[index] as T
    copy[index] = copy[other] as T
    copy[other] = item
  }
  return copy
}

/**
 * Pick one item of a non-empty list.
 *
 * @param items List to pick from.
 * @param random Seeded generator.
 * @returns An item.
 */
function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('cannot pick from an empty list')
  return item
}
