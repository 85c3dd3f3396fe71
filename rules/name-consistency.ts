import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {markFixable} from '../src/settle/fix.js'
import type {HouseStyleEntry} from '../src/config/house-style.js'
import {type CanonicalReason, groupVariants, type NameUse, type VariantGroup} from '../src/words/name-variants.js'
import {ListedNames} from '../src/words/listed-variants.js'
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

      for (const group of groupVariants(uses, {listed, distinct})) {
        // "Plan" in a title-case headline is a word, not a name to align "Plann" with.
        if (group.canonical.known && !group.canonical.listed && check.isKnown(group.canonical.text.toLowerCase())) continue
        for (const variant of group.variants) {
          for (const use of variant.uses) {
            const offset = use.position.start.offset ?? -1
            report(file, group, use, names).claims = [offset]
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
  const message = file.message(`Unexpected \`${use.text}\`, expected \`${listedName}\` ${reasonText({kind: 'word list'}, false)}`, {
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
 * @param use The use to report.
 * @param names The bundled names.
 * @returns The message.
 */
function report(file: VFile, group: VariantGroup, use: NameUse, names: ReadonlySet<string>): VFileMessage {
  const canonical = group.canonical
  const first = canonical.uses[0]
  const message = file.message(
    `Unexpected \`${use.text}\`, expected \`${canonical.text}\` ${reasonText(group.reason, names.has(canonical.text))}`,
    {
      place: use.position,
      cause: first
        ? new VFileMessage(`\`${canonical.text}\` first used here`, {
            place: first.position,
            ruleId: 'name-consistency',
            source: 'copydesk'
          })
        : undefined
    }
  )
  message.actual = use.text
  message.expected = [canonical.text]
  message.note =
    'Spellings in this story: ' +
    group.spellings.map((spelling) => `${spelling.text} (${spelling.uses.length})`).join(', ')
  if (isSettled(group)) markFixable(message)
  setSeverity(message, 'error')
  return message
}

/**
 * Whether the spelling to use is certain enough for `--fix` to write it: it
 * comes from a word list or the dictionary, or the story uses it more often
 * than all its other spellings together. A first use that merely came first
 * is not.
 *
 * @param group The name's spellings.
 * @returns Whether the fix is safe.
 */
function isSettled(group: VariantGroup): boolean {
  const {reason, canonical, variants} = group
  if (reason.kind === 'word list' || reason.kind === 'dictionary') return true
  const others = variants.reduce((sum, variant) => sum + variant.uses.length, 0)
  return reason.kind === 'majority' && canonical.uses.length > others
}

/**
 * Say why the canonical spelling is the one to use.
 *
 * @param reason Why it won.
 * @param bundled Whether the spelling is in copydesk's names lists.
 * @returns Words for the message.
 */
function reasonText(reason: CanonicalReason, bundled: boolean): string {
  switch (reason.kind) {
    case 'word list':
      return bundled ? 'as in the names list' : 'as in the word list'
    case 'dictionary':
      return 'as in the dictionary'
    case 'majority':
      return `as spelled ${reason.count} times in this story`
    default:
      return `as first spelled on line ${reason.line}`
  }
}
