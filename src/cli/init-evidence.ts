import type {VFile} from 'vfile'
import type {NameEntry} from '../across/names-index.js'
import {isForeignFunctionWord} from '../analyse/foreign-runs.js'
import {editDistance} from '../words/edit-distance.js'
import {areVariants, longName} from '../words/name-variants.js'

/**
 * What the whole archive says about the spellings `copydesk init` may put in
 * the word list: how often each name-like spelling is used outside passages
 * of another language (the run's names index), and how often each unknown
 * lowercase word is. A spelling goes in the list only when the archive uses
 * it consistently: a word list entry is accepted everywhere, for good, so a
 * slip or a variant put there would turn every right use into a variant of
 * it (`Lindpainter` once in an alt text against `Lindpaintner` six times).
 */

/** A spelling the archive uses, and how. */
interface ArchiveSpelling {
  text: string
  /** Uses in the run. */
  count: number
  /** Whether the dictionary, the bundled names or the word lists know it. */
  known: boolean
}

/** Why a spelling is not one the archive uses consistently; `undefined` when it is. */
export type Doubt = {reason: string; likelyRight: boolean} | undefined

/** The evidence of one run, to judge candidate names by. */
export class ArchiveEvidence {
  /** Name-like spellings, by text. */
  private readonly spellings = new Map<string, ArchiveSpelling>()
  /** Every spelling (name-like or an unknown lowercase word), by its lowercase form. */
  private readonly byFolded = new Map<string, ArchiveSpelling[]>()
  /** Name-like spellings, by length: a slip is within two letters of its word's length. */
  private readonly byLength = new Map<number, ArchiveSpelling[]>()

  /**
   * @param names The run's names index (`LintResult.names`).
   * @param files The linted files: their `spelling` findings count the unknown lowercase words.
   */
  constructor(names: readonly NameEntry[], files: readonly VFile[]) {
    for (const entry of names) {
      for (const {text, count, known} of entry.spellings) this.add({text, count, known}, true)
    }
    const lowercase = new Map<string, number>()
    for (const file of files) {
      for (const message of file.messages) {
        const word = message.actual
        // Each use of an unknown lowercase word is reported, so the findings count them.
        if (message.ruleId === 'spelling' && word && word === word.toLowerCase() && /\p{L}/u.test(word)) {
          lowercase.set(word, (lowercase.get(word) ?? 0) + 1)
        }
      }
    }
    for (const [text, count] of lowercase) this.add({text, count, known: false}, false)
  }

  /**
   * How often the archive uses a spelling: a name-like spelling outside
   * passages of another language, or an unknown lowercase word.
   *
   * @param text The spelling.
   * @returns Its uses; 0 when the archive has none of it.
   */
  uses(text: string): number {
    return (this.byFolded.get(text.toLowerCase()) ?? []).find((spelling) => spelling.text === text)?.count ?? 0
  }

  /**
   * Say why a candidate name is not one the archive spells consistently.
   *
   * @param word The candidate, as the stories write it (Markdown escapes undone).
   * @returns The doubt, or `undefined` when the archive uses it consistently.
   */
  doubt(word: string): Doubt {
    const own = this.spellings.get(word)
    // Not among the run's name uses: used only where `nameUses` leaves words
    // out, in passages of another language (`Además`, `Algunos`).
    if (!own) return {reason: 'used only in a passage of another language', likelyRight: true}
    if (isForeignFunctionWord(word.toLowerCase())) return {reason: 'a word of another language', likelyRight: true}
    return this.caseDoubt(own) ?? this.slipDoubt(own)
  }

  /**
   * A doubt on a spelling that differs from another only in case
   * (`Github` and `GitHub`, `FedRamp` and `FedRAMP`): the known or commoner
   * form is the right one, and with a tie neither is established.
   *
   * @param own The candidate's spelling.
   * @returns The doubt, if any.
   */
  private caseDoubt(own: ArchiveSpelling): Doubt {
    const others = (this.byFolded.get(own.text.toLowerCase()) ?? []).filter((other) => other.text !== own.text)
    const better = others.find((other) => other.known || other.count > own.count)
    if (better) return {reason: `a case variant of \`${better.text}\` (${describeUse(better)})`, likelyRight: false}
    // "Flexbox" opening a sentence and "flexbox" elsewhere do not clash: the list accepts the capitalised form only as written.
    const tie = others.find((other) => other.count === own.count && other.text !== other.text.toLowerCase())
    if (tie) return {reason: `spelled \`${tie.text}\` as often (${uses(own.count)} each)`, likelyRight: true}
    return undefined
  }

  /**
   * A doubt on a spelling one letter (two for long names) from a spelling
   * of the same name used more often in the archive, or as often and
   * known: the rarer one is likely the slip.
   *
   * @param own The candidate's spelling.
   * @returns The doubt, if any.
   */
  private slipDoubt(own: ArchiveSpelling): Doubt {
    // "APDs" and "APIs", "PaaS" and "IaaS": acronyms a letter apart are different things, not slips.
    if (isAcronymLike(own.text)) return undefined
    const folded = own.text.toLowerCase()
    const limit = own.text.length >= longName ? 2 : 1
    for (let length = own.text.length - limit; length <= own.text.length + limit; length++) {
      for (const other of this.byLength.get(length) ?? []) {
        if (other === own || other.count < own.count || isAcronymLike(other.text)) continue
        const otherFolded = other.text.toLowerCase()
        if (otherFolded === folded || editDistance(folded, otherFolded, limit) > limit) continue
        // "Ceske" and "Ceska", "Clinton" and "Clintons": forms of a name, not slips of it.
        if (!areVariants(own.text, other.text)) continue
        if (other.count === own.count && !other.known) {
          return {reason: `spelled \`${other.text}\` as often (${uses(own.count)} each): which is right?`, likelyRight: true}
        }
        return {reason: `a likely slip of \`${other.text}\` (${describeUse(other)}, against ${uses(own.count)})`, likelyRight: false}
      }
    }
    return undefined
  }

  /**
   * Record a spelling.
   *
   * @param spelling The spelling.
   * @param nameLike Whether it is a name-like spelling of the names index.
   */
  private add(spelling: ArchiveSpelling, nameLike: boolean): void {
    const folded = spelling.text.toLowerCase()
    const same = this.byFolded.get(folded)
    if (same) same.push(spelling)
    else this.byFolded.set(folded, [spelling])
    if (!nameLike) return
    this.spellings.set(spelling.text, spelling)
    const sameLength = this.byLength.get(spelling.text.length)
    if (sameLength) sameLength.push(spelling)
    else this.byLength.set(spelling.text.length, [spelling])
  }
}

/**
 * Whether a spelling is an acronym or a term of mixed case built like one:
 * half its letters or more capitals, a plural `s` aside (`APDs`, `FedRAMP`),
 * or a capital last after a lowercase letter (`PaaS`). `GitHub` and
 * `McArthur` are not.
 *
 * @param text The spelling.
 * @returns Whether it is.
 */
export function isAcronymLike(text: string): boolean {
  const stem = text.replace(/(?<=\p{Lu})s$/u, '')
  const letters = stem.match(/\p{L}/gu) ?? []
  const capitals = stem.match(/\p{Lu}/gu) ?? []
  return capitals.length >= 2 && (capitals.length * 2 >= letters.length || /\p{Ll}\p{Lu}$/u.test(stem))
}

/**
 * Say how a spelling is used, for a reason.
 *
 * @param spelling The spelling.
 * @returns `known, 3 uses` or `6 uses`.
 */
function describeUse(spelling: ArchiveSpelling): string {
  return (spelling.known ? 'known, ' : '') + uses(spelling.count)
}

/**
 * Count uses in words.
 *
 * @param count Uses.
 * @returns `1 use`, `6 uses`.
 */
function uses(count: number): string {
  return `${count} ${count === 1 ? 'use' : 'uses'}`
}

/**
 * Undo Markdown's backslash escapes in a word as the stories write it
 * (`LLNL\_OpenSource` is `LLNL_OpenSource`): a word list holds words, not
 * source.
 *
 * @param word The word as found.
 * @returns The word with each escaped punctuation mark unescaped.
 */
export function undoMarkdownEscapes(word: string): string {
  return word.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

/**
 * The characters of a word that are markup, not spelling: anything but
 * letters, marks, digits, apostrophes, hyphens and full stops (`St.`).
 *
 * @param word The word, escapes undone.
 * @returns The markup characters it holds, each once; empty when none.
 */
export function markupCharacters(word: string): string[] {
  return [...new Set(word.match(/[^\p{L}\p{M}\p{N}'’.\-\u2010\u2011]/gu) ?? [])]
}
