import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {isCertainNameFix, markFixable} from '../src/settle/fix.js'
import type {HouseStyleEntry} from '../src/config/house-style.js'
import type {Position} from 'unist'
import {groupVariants, isTransliteration, type NameUse, type Spelling, type VariantGroup} from '../src/words/name-variants.js'
import {ListedNames} from '../src/words/listed-variants.js'
import type {LikelihoodEvidence} from '../src/words/name-likelihood.js'
import {setSeverity} from '../src/severity.js'
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
}

/**
 * Flag a name spelled differently from the rest of the story.
 * Canonical spelling: word list, then dictionary, then the majority, then first use.
 */
export default defineRule<NameConsistencyOptions>(
  {id: 'name-consistency', description: 'One name spelled two ways in one story'},
  function (options) {
    const words = options?.words ?? []
    const listed = wordSet(words)
    const distinct = options?.distinct ?? []
    const names = wordSet(options?.names ?? [])
    // Only the newsroom's own names: an unknown name one letter from one of the 20,000 bundled names is too often another name.
    const listedNames = new ListedNames(options?.ownWords ?? [], distinct)
    const avoided = avoidedWords(options?.houseStyle ?? [])
    return function ({spelling: check, names: allUses}, file) {
      // `Kiev`, which `house-style` reports, is not grouped with `Kyiv` here.
      const uses = avoided.size > 0 ? allUses.filter((use) => !avoided.has(use.text)) : allUses
      const reported = new Set<number>()
      const company = neighbourNames(uses, String(file.value))

      for (const group of groupVariants(uses, {listed, distinct})) {
        // "Plan" in a title-case headline is a word, not a name to align "Plann" with.
        if (group.canonical.known && !group.canonical.listed && check.isKnown(group.canonical.text.toLowerCase())) continue
        for (const variant of group.variants) {
          const otherCompany = isOtherCompany(company.get(variant.text), company.get(group.canonical.text))
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
 * The names written right next to each spelling (`Thompson` of `Mattt
 * Thompson`): only a space between them.
 *
 * @param uses Name uses, in document order.
 * @param text The story's text.
 * @returns The neighbours of each spelling.
 */
function neighbourNames(uses: readonly NameUse[], text: string): Map<string, Set<string>> {
  const company = new Map<string, Set<string>>()
  const add = (spelling: string, name: string): void => {
    let names = company.get(spelling)
    if (!names) company.set(spelling, (names = new Set()))
    names.add(name)
  }
  for (let index = 1; index < uses.length; index++) {
    const before = uses[index - 1]
    const after = uses[index]
    const end = before?.position.end.offset
    const start = after?.position.start.offset
    if (!before || !after || end === undefined || start === undefined || start - end < 1 || start - end > 2) continue
    if (!/^[ \u00A0]+$/.test(text.slice(end, start))) continue
    add(before.text, after.text)
    add(after.text, before.text)
  }
  return company
}

/**
 * Whether two spellings keep different company: each is written beside a
 * name, and never beside the same one (`Mattt Thompson`, `Matt Smith`).
 *
 * @param variant The variant's neighbours.
 * @param canonical The spelling to use's neighbours.
 * @returns Whether they do.
 */
function isOtherCompany(variant: ReadonlySet<string> | undefined, canonical: ReadonlySet<string> | undefined): boolean {
  if (!variant || !canonical) return false
  for (const name of variant) if (canonical.has(name)) return false
  return true
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
