import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {markFixable} from '../src/settle/fix.js'
import type {Dialect} from '../src/words/dictionary.js'
import {type CanonicalReason, groupVariants, type NameUse, type VariantGroup} from '../src/words/name-variants.js'
import {ListedNames} from '../src/words/listed-variants.js'
import {nameUses} from '../src/analyse/name-uses.js'
import {setSeverity} from '../src/severity.js'
import {spellCheck} from '../src/analyse/spell-check.js'

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
  /** The dialect to spell by (config `dialect`, `--dialect`): the spell check every rule shares. */
  dialect?: Dialect | undefined
}

/**
 * Flag a name spelled differently from the rest of the story.
 * Canonical spelling: word list, then dictionary, then the majority, then first use.
 */
export default defineRule<NameConsistencyOptions>(
  {id: 'name-consistency', description: 'One name spelled two ways in one story'},
  function (options) {
    const words = options?.words ?? []
    const listed = new Set(words)
    const distinct = options?.distinct ?? []
    const names = new Set(options?.names ?? [])
    // Only the newsroom's own names: an unknown name one letter from one of the 20,000 bundled names is too often another name.
    const listedNames = new ListedNames(options?.ownWords ?? [], distinct)
    return async function (tree, file) {
      const check = await spellCheck(tree, file, words, options?.dialect)
      const uses = nameUses(tree, check)

      for (const group of groupVariants(uses, {listed, distinct})) {
        // "Plan" in a title-case headline is a word, not a name to align "Plann" with.
        if (group.canonical.known && !group.canonical.listed && check.isKnown(group.canonical.text.toLowerCase())) continue
        for (const variant of group.variants) {
          for (const use of variant.uses) {
            report(file, group, use, names)
            check.claimed.add(use.position.start.offset ?? -1)
          }
        }
      }

      // "Oyelarn" in a story that never writes "Oyelaran", which the word list has.
      for (const use of uses) {
        const offset = use.position.start.offset ?? -1
        if (use.known || check.claimed.has(offset)) continue
        const listedName = listedNames.variantOf(use.text, check.storyWords)
        if (!listedName) continue
        reportListed(file, use, listedName)
        check.claimed.add(offset)
      }
    }
  }
)

/**
 * Report a use of a spelling that the word list spells another way.
 *
 * @param file The document.
 * @param use The use to report.
 * @param listedName The word list's spelling.
 */
function reportListed(file: VFile, use: NameUse, listedName: string): void {
  const message = file.message(`Unexpected \`${use.text}\`, expected \`${listedName}\` ${reasonText({kind: 'word list'}, false)}`, {
    place: use.position
  })
  message.actual = use.text
  message.expected = [listedName]
  markFixable(message)
  message.note = `The word list spells it \`${listedName}\`; this story does not use that spelling`
  setSeverity(message, 'error')
}

/**
 * Report one use of a variant spelling.
 *
 * @param file The document.
 * @param group The name's spellings.
 * @param use The use to report.
 * @param names The bundled names.
 */
function report(file: VFile, group: VariantGroup, use: NameUse, names: ReadonlySet<string>): void {
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
