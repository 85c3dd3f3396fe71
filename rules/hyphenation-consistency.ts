import type {Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {asciiLowercase} from '../src/ascii.js'
import {defineRule} from '../src/define-rule.js'
import {setSeverity} from '../src/severity.js'
import {wordParts} from '../src/analyse/word-parts.js'
import {eachSentence} from '../src/analyse/each-sentence.js'
import {isLettersAndDigits, wordText} from '../src/analyse/word-text.js'
import {capitalLike} from '../src/words/letter-case.js'

/** Options of the `hyphenation-consistency` rule. */
export interface HyphenationConsistencyOptions {
  /**
   * Parts that make one compound with the next word (`vice-`) or the previous
   * one (`-elect`) even when written apart (`dictionaries/open-compound-parts.txt`).
   */
  openParts?: readonly string[] | undefined
  /** Compounds whose forms are different words (`re-sign`; `dictionaries/hyphenation-exceptions.txt`). */
  exceptions?: readonly string[] | undefined
}

/** One use of a compound in the story. */
interface CompoundUse {
  /** The text exactly as in the document (`Co-operation`, `vice president`). */
  text: string
  /** The form, compared without case: lowercase, hyphens as `-`, one space between words. */
  form: string
  /** The compound's letters without hyphens and spaces, lowercase: the same for all its forms. */
  key: string
  /** Whether it is the first word of its sentence, where a capital says nothing. */
  initial: boolean
  start: Point
  end: Point
  /** Start offsets of the words and word parts it covers, as the shared spell check identifies them. */
  offsets: number[]
}

/** Hyphen-minus, hyphen and non-breaking hyphen (as `wordParts` splits on). */
const hyphens = /[-\u2010\u2011]/g

/** What a key leaves out. */
const notLetterOrDigit = /[^\p{L}\p{N}]/gu

/** Endings an exception covers: `re-sign` also stands for `re-signs`, `re-signed`, `re-signing`. */
const endings = ['', 's', 'es', 'd', 'ed', 'ing', 'er', 'ers']

/**
 * Flag a compound written two ways in one story: hyphenated and closed
 * (`co-operation`/`cooperation`), or either of those and spaced when the
 * spaced form cannot be two separate words (`vice president`, see
 * `openParts`). The form used most wins, the first one on a tie; every use of
 * another form gets a warning.
 */
export default defineRule<HyphenationConsistencyOptions>(
  {
    id: 'hyphenation-consistency',
    description: 'A compound written both hyphenated and closed or spaced in one story',
    data: {openParts: 'open-compound-parts.txt', exceptions: 'hyphenation-exceptions.txt'}
  },
  function (options) {
    const openParts = options?.openParts ?? []
    const prefixes = new Set(openParts.filter((part) => part.endsWith('-')).map((part) => part.slice(0, -1).toLowerCase()))
    const suffixes = new Set(openParts.filter((part) => part.startsWith('-')).map((part) => part.slice(1).toLowerCase()))
    const exceptions = new Set((options?.exceptions ?? []).map(keyOf))
    const isException = (key: string): boolean =>
      endings.some((ending) => key.endsWith(ending) && exceptions.has(key.slice(0, key.length - ending.length)))

    return function ({tree}, file) {
      const groups = new Map<string, CompoundUse[]>()
      for (const use of compoundUses(tree, prefixes, suffixes)) {
        const group = groups.get(use.key)
        if (group) group.push(use)
        else groups.set(use.key, [use])
      }

      const taken = new Set<number>()
      for (const [key, uses] of groups) {
        const forms = formsOf(uses)
        if (forms.length < 2 || isException(key)) continue
        const [winner] = forms
        if (!winner) continue
        for (const form of forms.slice(1)) {
          for (const use of form.uses) {
            // Compounds that overlap (`well-known` in `well-known-brand`): the first keeps its words.
            if (use.offsets.some((offset) => taken.has(offset))) continue
            report(file, use, winner, forms).claims = use.offsets
            for (const offset of use.offsets) taken.add(offset)
          }
        }
      }
    }
  }
)

/** One form of a compound and its uses, in document order. */
interface Form {
  /**
   * The form as the story writes it: its first lowercase use, else its first
   * capitalised use inside a sentence (a name), else its first use with a
   * small first letter.
   */
  text: string
  uses: CompoundUse[]
}

/**
 * Group uses of one compound by form, most used first, then first used first.
 *
 * @param uses Uses of one compound, in document order.
 * @returns Its forms.
 */
function formsOf(uses: readonly CompoundUse[]): Form[] {
  const forms = new Map<string, CompoundUse[]>()
  for (const use of uses) {
    const same = forms.get(use.form)
    if (same) same.push(use)
    else forms.set(use.form, [use])
  }
  // Map order is first-use order, and the sort is stable: ties keep the form used first.
  return [...forms.values()]
    .map(function (same): Form {
      const [first] = same as [CompoundUse, ...CompoundUse[]]
      const lower = same.find((use) => !/^\p{Lu}/u.test(use.text))
      const inside = same.find((use) => !use.initial)
      const text = (lower ?? inside)?.text ?? first.text.charAt(0).toLowerCase() + first.text.slice(1)
      return {text, uses: same}
    })
    .sort((a, b) => b.uses.length - a.uses.length)
}

/**
 * Find every use of a possible compound that is written in more than one
 * form: hyphenated words, pairs of words that begin with an open prefix or
 * end with an open suffix, and the plain words with the same letters.
 *
 * Most words of a story are plain words no other form of which it uses, so
 * they are not collected: a first pass finds the hyphenated and spaced
 * uses, a second takes the plain words that share their letters.
 * Collecting every plain word and grouping it made this rule one of the
 * costliest in profiles of the ci case of `npm run bench`.
 *
 * @param tree The document's tree.
 * @param prefixes Lowercase prefixes that join the next word (`vice`).
 * @param suffixes Lowercase suffixes that join the previous word (`elect`).
 * @returns Uses in document order.
 */
function compoundUses(tree: Root, prefixes: ReadonlySet<string>, suffixes: ReadonlySet<string>): CompoundUse[] {
  const sentences: Sentence[] = []
  const special: CompoundUse[] = []
  // Keys of the forms other than plain words: only plain words with one of these can be in two forms.
  const wanted = new Set<string>()
  eachSentence(tree, function (sentence) {
    sentences.push(sentence)
    const children = sentence.children
    let initial = true
    // The plain word before, for "vice president"; kept as its parts, as a use is rarely needed.
    let previous: Word | undefined
    let previousText = ''
    let previousForm = ''
    let previousInitial = false
    let previousIndex = -1
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      if (child?.type !== 'WordNode') continue
      const part = plainPart(child)
      if (!part) {
        const hyphenated = hyphenatedWord(child, initial)
        if (hyphenated) {
          special.push(hyphenated)
          wanted.add(hyphenated.key)
        }
      } else {
        const text = wordText(part)
        const form = text.toLowerCase()
        const space = children[index - 1]
        // The pair first: it starts before this word, and `special` is in document order.
        // Nearly no pair has an open prefix or suffix: the sets settle it before the call.
        if (
          previous &&
          previousIndex === index - 2 &&
          space?.type === 'WhiteSpaceNode' &&
          (prefixes.has(previousForm) || suffixes.has(form))
        ) {
          const pair = spacedPair(previous, previousText, previousForm, space.value, part, text, form, prefixes, suffixes)
          if (pair) {
            pair.initial = previousInitial
            special.push(pair)
            wanted.add(pair.key)
          }
        }
        // A plain word whose lowercase form is not its key (`İ` lowercases to `i` and a combining dot).
        // A word already in lowercase is its key: `plainPart` found it letters and digits only.
        if (form !== text) {
          const key = keyOfLowercase(form)
          if (form !== key) {
            special.push(plainUse(part, text, form, initial))
            wanted.add(key)
          }
        }
        previousText = text
        previousForm = form
        previousInitial = initial
      }
      previous = part
      previousIndex = index
      initial = false
    }
  })
  if (wanted.size === 0) return []

  // The ASCII characters the wanted keys start with: a plain word starting
  // with any other ASCII character cannot be one, and nearly every word of a
  // story is settled by that without reading, scanning and lowercasing its
  // text (a story wants a handful of keys).
  const wantedStarts = new Uint8Array(0x80)
  for (const key of wanted) {
    const code = key.charCodeAt(0)
    if (code < 0x80) wantedStarts[code] = 1
  }
  const plain: CompoundUse[] = []
  for (const sentence of sentences) {
    let initial = true
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      // A plain word's text starts with its first child's (see `plainPart`), and an ASCII letter lowercases in place.
      const first = child.children[0]
      const code = first && 'value' in first ? first.value.charCodeAt(0) : Number.NaN
      if (code < 0x80 && wantedStarts[asciiLowercase(code)] === 0) {
        initial = false
        continue
      }
      const part = plainPart(child)
      if (part) {
        const text = wordText(part)
        const form = text.toLowerCase()
        if (wanted.has(form) && keyOfLowercase(form) === form) plain.push(plainUse(part, text, form, initial))
      }
      initial = false
    }
  }
  return inDocumentOrder(plain, special)
}

/**
 * Read two plain words written with one space between them as one compound
 * when the first is an open prefix or the second an open suffix.
 *
 * @param first The first word (its plain part).
 * @param firstText Its text.
 * @param firstForm Its text in lowercase.
 * @param space The white space between them.
 * @param second The second word (its plain part).
 * @param secondText Its text.
 * @param secondForm Its text in lowercase.
 * @param prefixes Lowercase prefixes that join the next word (`vice`).
 * @param suffixes Lowercase suffixes that join the previous word (`elect`).
 * @returns Their use as one compound (as if not initial), or nothing.
 */
function spacedPair(
  first: Word,
  firstText: string,
  firstForm: string,
  space: string,
  second: Word,
  secondText: string,
  secondForm: string,
  prefixes: ReadonlySet<string>,
  suffixes: ReadonlySet<string>
): CompoundUse | undefined {
  const start = first.position?.start
  const end = second.position?.end
  const secondStart = second.position?.start.offset
  // "vice president": one space, as typed, between two plain words.
  if (space !== ' ' || !start || !end || secondStart !== (first.position?.end.offset ?? 0) + 1) return undefined
  const prefix = prefixes.has(firstForm)
  const suffix = suffixes.has(secondForm)
  if (!prefix && !suffix) return undefined
  // "Co in" (company) is not "coin": a prefix must join a word of three letters or more.
  if (prefix && !suffix && secondText.length < 3) return undefined
  return {
    text: firstText + ' ' + secondText,
    form: firstForm + ' ' + secondForm,
    key: keyOfLowercase(firstForm) + keyOfLowercase(secondForm),
    initial: false,
    start,
    end,
    offsets: [start.offset ?? 0, secondStart]
  }
}

/**
 * Merge plain words and the other uses, each list in document order, into
 * one list in document order. A spaced pair starts where its first word
 * does, and comes after it.
 *
 * @param plain Plain words.
 * @param special Hyphenated words, spaced pairs and odd plain words.
 * @returns All uses.
 */
function inDocumentOrder(plain: readonly CompoundUse[], special: readonly CompoundUse[]): CompoundUse[] {
  const uses: CompoundUse[] = []
  let p = 0
  let s = 0
  while (p < plain.length || s < special.length) {
    const a = plain[p]
    const b = special[s]
    if (a && (!b || (a.start.offset ?? 0) <= (b.start.offset ?? 0))) {
      uses.push(a)
      p++
    } else if (b) {
      uses.push(b)
      s++
    }
  }
  return uses
}

/**
 * Find the part of a word written closed: one part of letters (and
 * digits), not next to a hyphen (`pre-` in "pre- and post-war" is half of a
 * compound), with a place.
 *
 * @param word A word.
 * @returns The part (the word itself when it is one text node), or nothing when it is not a plain word.
 */
function plainPart(word: Word): Word | undefined {
  const children = word.children
  let part = word
  // Nearly every word is one text node, its own only part: skip looking its parts up (a WeakMap lookup per word).
  if (children.length !== 1 || children[0]?.type !== 'TextNode') {
    const parts = wordParts(word)
    const [only] = parts
    if (parts.length !== 1 || !only || only.afterHyphen || only.beforeHyphen) return undefined
    part = only.word
  }
  const position = part.position
  if (!position || position.start.offset === undefined || !isLettersAndDigits(wordText(part))) return undefined
  return part
}

/**
 * The use of a plain word.
 *
 * @param part The word's plain part (see `plainPart`).
 * @param text Its text.
 * @param form Its text in lowercase.
 * @param initial Whether it starts its sentence.
 * @returns Its use.
 */
function plainUse(part: Word, text: string, form: string, initial: boolean): CompoundUse {
  // `plainPart` made sure of the place.
  const {start, end} = part.position as NonNullable<Word['position']>
  return {text, form, key: keyOfLowercase(form), initial, start, end, offsets: [start.offset ?? 0]}
}

/**
 * Read a hyphenated word: parts of letters (and digits) joined by single
 * hyphens, with a letter somewhere (`co-operation`, `F-16`; not `U.S.-led`
 * or a score such as `2-1`).
 *
 * @param word A word.
 * @param initial Whether it starts its sentence.
 * @returns Its use, or nothing when it is not such a word.
 */
function hyphenatedWord(word: Word, initial: boolean): CompoundUse | undefined {
  const parts = wordParts(word)
  if (parts.length < 2) return undefined
  const texts = parts.map((part) => toString(part.word))
  const offsets: number[] = []
  for (const [index, part] of parts.entries()) {
    const start = part.word.position?.start.offset
    const previousEnd = parts[index - 1]?.word.position?.end.offset
    if (start === undefined || !isLettersAndDigits(texts[index] ?? '')) return undefined
    // "co--operation" or a part the possessive was cut from: not one plain compound.
    if (previousEnd !== undefined && start !== previousEnd + 1) return undefined
    offsets.push(start)
  }
  const start = parts[0]?.word.position?.start
  const end = parts.at(-1)?.word.position?.end
  const text = toString(word).slice(0, (end?.offset ?? 0) - (start?.offset ?? 0))
  if (!start || !end || !/\p{L}/u.test(text)) return undefined
  return {text, form: text.toLowerCase().replace(hyphens, '-'), key: keyOf(text), initial, start, end, offsets}
}

/**
 * The key shared by all forms of a compound.
 *
 * @param text A form (`Co-operation`, `vice president`).
 * @returns Lowercase letters and digits only (`cooperation`).
 */
function keyOf(text: string): string {
  return keyOfLowercase(text.toLowerCase())
}

/**
 * The key of a lowercase form (see `keyOf`).
 *
 * @param form Lowercase form.
 * @returns Its letters and digits; the form itself, unbuilt, when it has nothing else.
 */
function keyOfLowercase(form: string): string {
  return isLettersAndDigits(form) ? form : form.replace(notLetterOrDigit, '')
}

/**
 * Report one use of a minority form.
 *
 * @param file The document.
 * @param use The use.
 * @param winner The form to use.
 * @param forms Every form of the compound, most used first.
 * @returns The message.
 */
function report(file: VFile, use: CompoundUse, winner: Form, forms: readonly Form[]): VFileMessage {
  const expected = inCaseOf(winner.text, use.text)
  const first = winner.uses[0]
  const reason =
    winner.uses.length > (forms[1]?.uses.length ?? 0)
      ? `as written ${winner.uses.length} times in this story`
      : `as first written on line ${first?.start.line ?? 1}`
  const message = file.message(`Unexpected \`${use.text}\`, expected \`${expected}\` ${reason}`, {
    place: {start: use.start, end: use.end},
    cause: first
      ? new VFileMessage(`\`${winner.text}\` first used here`, {
          place: {start: first.start, end: first.end},
          ruleId: 'hyphenation-consistency',
          source: 'copydesk'
        })
      : undefined
  })
  message.actual = use.text
  message.expected = [expected]
  message.note = 'Forms in this story: ' + forms.map((form) => `${form.text} (${form.uses.length})`).join(', ')
  setSeverity(message, 'warning')
  return message
}

/**
 * Write the form to use in the case of the text it replaces: `Cooperation`
 * at the start of a sentence becomes `Co-operation`, `Vice-President` becomes
 * `Vice President` (word by word when both have as many words), `EMAIL`
 * becomes `E-MAIL`. A form the story only writes with a capital (a name)
 * keeps it.
 *
 * @param form The form to use, as the story writes it.
 * @param actual The text it replaces.
 * @returns The replacement.
 */
function inCaseOf(form: string, actual: string): string {
  if (/^\p{Lu}/u.test(form)) return form
  if (/\p{Lu}.*\p{Lu}/u.test(actual) && actual === actual.toUpperCase()) return form.toUpperCase()
  const formWords = form.split(/([- ])/)
  const actualWords = actual.split(/[-\u2010\u2011 ]/)
  if (formWords.length === actualWords.length * 2 - 1) {
    // Separators sit at odd indices: "vice", " ", "president".
    return formWords.map((word, index) => (index % 2 === 0 ? capitalLike(word, actualWords[index / 2] ?? '') : word)).join('')
  }
  return capitalLike(form, actual)
}
