import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {isCertainNameFix, markFixable} from '../src/settle/fix.js'
import type {HouseStyleEntry} from '../src/config/house-style.js'
import type {Position} from 'unist'
import {areVariants, groupVariants, isTransliteration, prepare, type NameUse, type Spelling, type VariantGroup} from '../src/words/name-variants.js'
import {writtenUsageRank} from '../src/words/written-usage.js'
import {ListedNames} from '../src/words/listed-variants.js'
import {type LikelihoodEvidence, likelierSpelling} from '../src/words/name-likelihood.js'
import {setSeverity} from '../src/severity.js'
import {dictionaryLookup} from '../src/words/dictionary.js'
import {wordSet} from '../src/words/word-set.js'

/** Options of the `name-consistency` rule. */
export interface NameConsistencyOptions {
  /** Accepted words (config `words`, `wordsFile`, and the bundled names): the spellings to prefer. */
  words?: readonly string[] | undefined
  /** The bundled names, to say which list a preferred spelling comes from. */
  names?: readonly string[] | undefined
  /** The newsroom's own accepted words (config `words`, word lists): the memory of how its names are spelled. */
  ownWords?: readonly string[] | undefined
  /** Sets of spellings that are different names (config `distinct`). */
  distinct?: ReadonlyArray<readonly string[]> | undefined
  /** House-style entries: a form the house style avoids (`Kiev`) is its to report, not a spelling of a name here. */
  houseStyle?: readonly HouseStyleEntry[] | undefined
  /** Titles written before a name (`Dr`, `Mayor`), which tell no two people apart (`dictionaries/titles.txt`). */
  titles?: readonly string[] | undefined
}

/**
 * Flag a name spelled differently from the rest of the story.
 * Canonical spelling: word list, then dictionary, then the majority, then first use.
 */
export default defineRule<NameConsistencyOptions>(
  {id: 'name-consistency', description: 'One name spelled two ways in one story', data: {titles: 'titles.txt'}},
  function (options) {
    const words = options?.words ?? []
    const listed = wordSet(words)
    const distinct = options?.distinct ?? []
    const names = wordSet(options?.names ?? [])
    // Only the newsroom's own names: an unknown name one letter from one of the 20,000 bundled names is too often another name.
    const listedNames = new ListedNames(options?.ownWords ?? [], distinct)
    const avoided = avoidedWords(options?.houseStyle ?? [])
    const titles = new Set(options?.titles ?? [])
    const ownWords = wordSet(options?.ownWords ?? [])
    return function ({spelling: check, names: allUses}, file) {
      // `Kiev`, which `house-style` reports, is not grouped with `Kyiv` here.
      const uses = avoided.size > 0 ? allUses.filter((use) => !avoided.has(use.text)) : allUses
      const reported = new Set<number>()
      // "Ralph Houk", "Dick Hoak": a first name, a surname or an initial, never a title or a capitalised word.
      const isPersonName = (use: NameUse): boolean =>
        !titles.has(use.text) && (!use.known || names.has(use.text) || check.casings(use.text.toLowerCase()).includes(use.text))
      // "Lalita" in the names lists says nothing of whether this story's "Lalitha" is another person's name.
      const dictionary = dictionaryLookup(check.dialect)
      const isOnlyNamesListed = (spelling: string): boolean => names.has(spelling) && !ownWords.has(spelling) && !dictionary.correct(spelling)
      // Found only for a story with variants: looking its neighbours up is work most stories never need.
      let company: Map<string, Set<string>> | undefined

      for (const group of groupVariants(uses, {listed, distinct, isOnlyNamesListed})) {
        // "Plan" in a title-case headline is a word, not a name to align "Plann" with.
        if (group.canonical.known && !group.canonical.listed && check.isKnown(group.canonical.text.toLowerCase())) continue
        for (const variant of group.variants) {
          company ??= neighbourNames(uses, String(file.value), isPersonName)
          const otherCompany = isOtherCompany(company.get(variant.text), company.get(group.canonical.text))
          // "M Horan" and "S Horgan", "Ralph Houk" and "Dick Hoak": two people, not one name spelled two ways.
          if (otherCompany && isNameOfItsOwn(variant.text, group.canonical.text)) continue
          if (isEstablished(variant, group.canonical, ownWords)) continue
          for (const use of variant.uses) {
            const offset = use.position.start.offset ?? -1
            report(file, group, variant, use, names, otherCompany).claims = [offset]
            reported.add(offset)
          }
        }
      }

      // "Oyelarn" in a story that never writes "Oyelaran", which the word list has.
      for (const use of uses) {
        const offset = use.position.start.offset ?? -1
        if (use.known || reported.has(offset)) continue
        const listedName = listedNames.variantOf(use.text, check.storyWords)
        if (!listedName) continue
        reportListed(file, use, listedName).claims = [offset]
      }
    }
  }
)

/**
 * The one-word forms the house style avoids (`Kiev`, `Peking`): `prefer`
 * entries' `avoid` lists. An `either` form is a name's right spelling
 * unless the story mixes two of them, which `house-style` reports.
 *
 * @param entries House-style entries.
 * @returns The forms.
 */
function avoidedWords(entries: readonly HouseStyleEntry[]): Set<string> {
  const forms = entries.flatMap((entry) => (entry.kind === 'prefer' ? entry.avoid : []))
  return new Set(forms.filter((form) => !/\s/.test(form)))
}

/**
 * Report a use of a spelling that the word list spells another way.
 *
 * @param file The document.
 * @param use The use to report.
 * @param listedName The word list's spelling.
 * @returns The message.
 */
function reportListed(file: VFile, use: NameUse, listedName: string): VFileMessage {
  const message = file.message(`Unexpected \`${use.text}\`, expected \`${listedName}\` as in the word list`, {
    place: use.position
  })
  message.actual = use.text
  message.expected = [listedName]
  markFixable(message)
  message.note = `The word list spells it \`${listedName}\`; this story does not use that spelling`
  setSeverity(message, 'error')
  return message
}

/**
 * Report one use of a variant spelling.
 *
 * @param file The document.
 * @param group The name's spellings.
 * @param variant The variant's spelling.
 * @param use The use to report.
 * @param names The bundled names.
 * @param otherCompany Whether the variant and the spelling to use are written beside different names.
 * @returns The message.
 */
function report(
  file: VFile,
  group: VariantGroup,
  variant: Spelling,
  use: NameUse,
  names: ReadonlySet<string>,
  otherCompany: boolean
): VFileMessage {
  const {canonical, reason} = group
  const evidence: NameEvidence =
    reason.kind === 'word list'
      ? names.has(canonical.text)
        ? 'names list'
        : 'word list'
      : reason.kind === 'first use'
        ? 'tie'
        : reason.kind === 'likelier'
          ? reason.evidence
          : reason.kind
  const message = file.message('', {place: use.position})
  message.actual = use.text
  message.nameEvidence = evidence
  message.nameStoryUses = variant.uses.length
  message.nameOtherCompany = otherCompany
  describeVariant(message, {
    canonical: canonical.text,
    evidence,
    count: evidence === 'majority' ? canonical.uses.length : group.spellings.map((spelling) => spelling.uses.length),
    first: canonical.uses[0]?.position,
    spellings: group.spellings.map((spelling) => [spelling.text, spelling.uses.length])
  })
  // "Clyme" nine times beside "Lyme", which only the dictionary settles: a
  // spelling written alike again and again is as likely another name as a
  // slip (a transliteration, "Jiangshu" for "Jiangsu", is still a slip).
  if ((evidence === 'dictionary' || evidence === 'names list') && variant.uses.length > 1 && !isTransliteration(use.text, canonical.text)) {
    setSeverity(message, 'warning')
  }
  // "Houk" three times and "Hoak" three times: a slip is made once, so two spellings each
  // written again and again, with nothing to choose between them, are as likely two names.
  if (!isDecided(evidence) && group.spellings.every((spelling) => spelling.uses.length > 1)) setSeverity(message, 'warning')
  const others = group.variants.reduce((sum, other) => sum + other.uses.length, 0)
  // Likelier is not certain: a name the model finds odd is still someone's name.
  const decided = isDecided(evidence) && (evidence !== 'majority' || canonical.uses.length > others)
  if (isCertainNameFix({variant: use.text, expected: canonical.text, decided, variantKnown: variant.known, variantUses: variant.uses.length, otherCompany})) {
    markFixable(message)
  }
  return message
}

/**
 * Why the spelling to use in a story is the one: the evidence, strongest
 * first. `written usage` and `letters` say which of two spellings used as
 * often is the likelier (see `likelierSpelling`); a `tie` has no answer.
 */
export type NameEvidence = 'word list' | 'run' | 'names list' | 'dictionary' | 'majority' | LikelihoodEvidence | 'tie'

/**
 * Whether evidence settles the spelling to use, rather than leaning one way
 * (`written usage`, `letters`) or none (`tie`).
 *
 * @param evidence The evidence.
 * @returns Whether it settles it.
 */
export function isDecided(evidence: NameEvidence): boolean {
  return evidence !== 'tie' && evidence !== 'written usage' && evidence !== 'letters'
}

/** What a finding of this rule says. */
export interface VariantDescription {
  /** The spelling to use. */
  canonical: string
  evidence: NameEvidence
  /** For `majority`, uses of the spelling to use; for a tie, the uses of each spelling; for `run`, the other files that use it. */
  count: number | number[]
  /** The first use of the spelling to use in the story. */
  first: Position | undefined
  /** Each spelling of the name in the story, with its uses, most used first. */
  spellings: Array<[text: string, uses: number]>
}

/**
 * Give a finding of this rule its reason, `expected`, `cause`, note and
 * severity: when it is made, and again when the run decides the spelling
 * to use (see `settleNamesByRun`).
 *
 * @param message The finding, its `actual` set.
 * @param description What to say.
 */
export function describeVariant(message: VFileMessage, description: VariantDescription): void {
  const {canonical, first} = description
  const actual = message.actual ?? ''
  // A tie names no spelling to write: one of the two is a slip, and either may be.
  message.reason = message.message =
    description.evidence === 'tie'
      ? `Unexpected \`${actual}\` or \`${canonical}\`: ${tieText(description)}, and nothing tells which is right`
      : `Unexpected \`${actual}\`, expected \`${canonical}\` ${reasonText(description)}`
  message.expected = description.evidence === 'tie' ? [] : [canonical]
  message.nameCanonical = canonical
  message.cause = first
    ? new VFileMessage(`\`${canonical}\` first used here`, {place: first, ruleId: 'name-consistency', source: 'copydesk'})
    : undefined
  message.note = 'Spellings in this story: ' + description.spellings.map(([text, uses]) => `${text} (${uses})`).join(', ')
  message.nameEvidence = description.evidence
  setSeverity(message, 'error')
}

/**
 * Say why the canonical spelling is the one to use.
 *
 * @param description The finding's description.
 * @returns Words for the message.
 */
function reasonText(description: VariantDescription): string {
  const {evidence, count} = description
  switch (evidence) {
    case 'word list':
      return 'as in the word list'
    case 'names list':
      return 'as in the names list'
    case 'dictionary':
      return 'as in the dictionary'
    case 'run':
      return `as spelled in ${String(count)} other ${count === 1 ? 'file' : 'files'} of the run`
    case 'majority':
      return `as spelled ${String(count)} times in this story`
    case 'written usage':
      return `as written English spells it far more often (${tieText(description)})`
    default:
      return `as its letters are likelier in a name (${tieText(description)})`
  }
}

/**
 * Say that a story uses two spellings as often.
 *
 * @param description The finding's description.
 * @returns Words for the message.
 */
function tieText({count}: VariantDescription): string {
  return `both spellings are in use in this story, ${Array.isArray(count) && count.every((uses) => uses === 1) ? 'once each' : 'as often each'}`
}

/**
 * Whether an unknown spelling is a name of its own in the story rather than
 * a slip of the known one beside it: written again and again, more often
 * than the known one, and a name written English uses (`Marr` seven times,
 * `Mary` once; `Dade County` twice, `Dave` once; `Bouton` twice, `Boston`
 * once). A slip is made once, and seldom in written use: `Hemingwey` twice
 * is still a slip of `Hemingway`; so is a transliteration (`Jiangshu` three
 * times for `Jiangsu`), made each time. The newsroom's own word list always
 * wins.
 *
 * @param variant The variant's spelling.
 * @param canonical The spelling to use.
 * @param own The newsroom's own accepted words.
 * @returns Whether the variant is established.
 */
function isEstablished(variant: Spelling, canonical: Spelling, own: ReadonlySet<string>): boolean {
  return (
    canonical.known &&
    !own.has(canonical.text) &&
    !variant.known &&
    variant.uses.length > 1 &&
    variant.uses.length > canonical.uses.length &&
    writtenUsageRank(prepare(variant.text).plain) !== undefined &&
    !isTransliteration(variant.text, canonical.text)
  )
}

/**
 * The names written right next to each spelling (`Thompson` of `Mattt
 * Thompson`, `Ralph` of `Ralph Houk`): only a space between them, and the
 * neighbour a person's name (see `isPersonName`); and an initial right
 * before it (`M` of `M Horan`, `J.` of `J. Smith`).
 *
 * @param uses Name uses, in document order.
 * @param text The story's text.
 * @param isPersonName Whether a name use may be part of a person's name.
 * @returns The neighbours of each spelling.
 */
function neighbourNames(uses: readonly NameUse[], text: string, isPersonName: (use: NameUse) => boolean): Map<string, Set<string>> {
  const company = new Map<string, Set<string>>()
  const add = (spelling: string, name: string): void => {
    let names = company.get(spelling)
    if (!names) company.set(spelling, (names = new Set()))
    names.add(name)
  }
  for (let index = 0; index < uses.length; index++) {
    const after = uses[index]
    const start = after?.position.start.offset
    if (!after || start === undefined) continue
    const initial = initialBefore.exec(text.slice(Math.max(0, start - 4), start))?.[1]
    if (initial) add(after.text, initial)
    const before = uses[index - 1]
    const end = before?.position.end.offset
    if (!before || end === undefined || start - end < 1 || start - end > 2) continue
    if (!/^[ \u00A0]+$/.test(text.slice(end, start))) continue
    if (isPersonName(after)) add(before.text, after.text)
    if (isPersonName(before)) add(after.text, before.text)
  }
  return company
}

/** An initial right before a name: one capital, perhaps a full stop, then spaces. */
const initialBefore = /(?:^|[^\p{L}\p{N}'’.-])(\p{Lu})\.?[ \u00A0]+$/u

/**
 * Whether two spellings keep different company: each is written beside a
 * person's name, and never beside the same one, a variant of it, or an
 * initial and a name that starts with it (`Mattt Thompson`, `Matt Smith`;
 * but `M Horan` and `Michael Horgan` may be one person).
 *
 * @param variant The variant's neighbours.
 * @param canonical The spelling to use's neighbours.
 * @returns Whether they do.
 */
function isOtherCompany(variant: ReadonlySet<string> | undefined, canonical: ReadonlySet<string> | undefined): boolean {
  if (!variant || !canonical) return false
  for (const name of variant) {
    for (const other of canonical) if (isSameName(name, other)) return false
  }
  return true
}

/**
 * Whether two spellings written beside different names are each a name in
 * its own right, so two people rather than one name misspelt beside a
 * relative (`Anne Sacoolas`, `Jonathan Socoolas`: a couple, one surname):
 * neither is clearly the likelier (see `likelierSpelling`: `Mtt` beside
 * `Matt` is a slip), and both are in written use (`Horan`, `Horgan`;
 * `Houk`, `Hoak`) or they differ in the first or last letter, which slips
 * seldom change and names often do (`Gakunzi`, `Bakunzi`; `Maso`, `Masi`).
 *
 * @param a A spelling.
 * @param b Another.
 * @returns Whether each is a name of its own.
 */
function isNameOfItsOwn(a: string, b: string): boolean {
  // "Mtt Langan" beside "Matt Reyes": written English has "mtt", but far less than "Matt".
  if (likelierSpelling(a, b)) return false
  const left = prepare(a).plain
  const right = prepare(b).plain
  if (left.charAt(0) !== right.charAt(0) || left.at(-1) !== right.at(-1)) return true
  return writtenUsageRank(left) !== undefined && writtenUsageRank(right) !== undefined
}

/**
 * Whether two neighbours may name one person: equal, an initial and a name
 * it starts, or one name spelled two ways (`Borris`, `Boris`).
 *
 * @param a A neighbour.
 * @param b Another.
 * @returns Whether they may.
 */
function isSameName(a: string, b: string): boolean {
  if (a.length === 1 || b.length === 1) return a.charAt(0) === b.charAt(0)
  // "Kaczyński" and "Kaczynski": one name, with and without its accent.
  return prepare(a).plain === prepare(b).plain || areVariants(a, b)
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Of a `name-consistency` finding: why its spelling to use won (see `settleNamesByRun`). */
    nameEvidence?: NameEvidence | undefined
    /** Of a `name-consistency` finding: the spelling the story compares it with, `expected` unless a tie left that empty. */
    nameCanonical?: string | undefined
    /** Of a `name-consistency` finding: uses of its variant in the story. */
    nameStoryUses?: number | undefined
    /** Of a `name-consistency` finding: whether the two spellings are written beside different names. */
    nameOtherCompany?: boolean | undefined
  }
}
