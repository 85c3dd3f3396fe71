/**
 * The small changes the benchmark makes to words: the keyboard slips a
 * typist makes (`the` → `theh`) and the slips and transliteration changes
 * that give one name two spellings in a story (`Jiangsu` → `Jiangshu`).
 *
 * Each function lists the changes it can make by kind, so that the caller can pick
 * a kind first and a change second: otherwise long words, with more places
 * to slip, would bury the rarer kinds (`s ↔ sh`) under substitutions.
 */

import {neighbourKeys} from '../src/words/keyboard.js'

/** A kind of keyboard slip. */
export type KeyboardSlip = 'neighbour key added' | 'letters swapped' | 'letter dropped' | 'letter doubled' | 'neighbour key hit'

/** A kind of change that makes a variant spelling of a name, as the issue lists them. */
export type NameChange =
  | 'letters swapped'
  | 'letter dropped'
  | 'letter doubled or undoubled'
  | 'neighbour key hit'
  | 's ↔ sh'
  | 'h added or dropped'
  | 'i ↔ y'
  | 'vowel dropped'

/** Changed forms of a word by kind of change; kinds without a change are left out. */
export type Changes<Kind extends string> = Map<Kind, string[]>


const vowels = /^[aeiou]$/
const consonants = /^[bcdfgjklmnpqrstvwxz]$/

/**
 * List the keyboard slips of a lowercase word: a neighbouring key of an
 * adjacent letter pressed as well (`the` → `theh`: `h` after `e`, a finger
 * resting between keys), two letters swapped, a letter dropped, a letter
 * doubled, or a neighbouring key hit instead.
 *
 * @param word Lowercase word.
 * @returns Slipped forms by kind, each form once, the word itself never.
 */
export function keyboardSlips(word: string): Changes<KeyboardSlip> {
  const changes = new ChangeList<KeyboardSlip>(word)
  for (let index = 0; index <= word.length; index++) {
    // A key is caught next to the letter before the gap or the letter after it.
    for (const letter of new Set([word[index - 1], word[index]])) {
      for (const key of neighbourKeys(letter ?? '')) {
        changes.add('neighbour key added', word.slice(0, index) + key + word.slice(index))
      }
    }
  }
  for (let index = 0; index < word.length; index++) {
    changes.add('letters swapped', swapAt(word, index))
    changes.add('letter dropped', word.slice(0, index) + word.slice(index + 1))
    changes.add('letter doubled', doubleAt(word, index))
    for (const key of neighbourKeys(word[index] ?? '')) {
      changes.add('neighbour key hit', word.slice(0, index) + key + word.slice(index + 1))
    }
  }
  return changes.byKind
}

/**
 * List the keyboard slips on the last letter of a word: a neighbouring key
 * hit instead of it (`cases` → `casex`), a neighbouring key caught after it
 * (`casesd`), the letter doubled (`casess`). On an inflected word each is
 * one edit from the stem as well as from the word.
 *
 * @param word Lowercase word.
 * @returns Slipped forms by kind, each form once, the word itself never.
 */
export function lastLetterSlips(word: string): Changes<KeyboardSlip> {
  const changes = new ChangeList<KeyboardSlip>(word)
  const head = word.slice(0, -1)
  const last = word.at(-1) ?? ''
  for (const key of neighbourKeys(last)) {
    changes.add('neighbour key hit', head + key)
    changes.add('neighbour key added', word + key)
  }
  changes.add('letter doubled', doubleAt(word, word.length - 1))
  return changes.byKind
}

/**
 * List the variant spellings of a capitalised name that a slip or a
 * different transliteration gives: two letters swapped, a letter dropped,
 * a letter doubled or a double undoubled, a neighbouring key hit, `s` for
 * `sh` or the other way, an `h` added or dropped after a consonant, `i` for
 * `y` or the other way, a vowel dropped.
 *
 * The capital stays first and stays the same letter: `Putin` may become
 * `Ptuin` but not `uPtin` or `Rutin`, which would read as another name
 * rather than the same name spelled differently.
 *
 * @param name Name: a capital, then lowercase letters.
 * @returns Variants by kind, capitalised, each once, the name itself never.
 */
export function nameVariants(name: string): Changes<NameChange> {
  const word = name.toLowerCase()
  const changes = new ChangeList<NameChange>(word)
  for (let index = 1; index < word.length; index++) {
    const letter = word[index] ?? ''
    const before = word[index - 1] ?? ''
    const head = word.slice(0, index)
    const rest = word.slice(index + 1)
    changes.add('letters swapped', swapAt(word, index))
    changes.add('letter dropped', head + rest)
    changes.add('letter doubled or undoubled', letter === before ? head + rest : doubleAt(word, index))
    for (const key of neighbourKeys(letter)) changes.add('neighbour key hit', head + key + rest)
    // "Shevchenko" → "Sevchenko", "Kharkiv" → "Karkiv".
    if (letter === 'h' && consonants.test(before)) changes.add(before === 's' ? 's ↔ sh' : 'h added or dropped', head + rest)
    if (letter === 'i') changes.add('i ↔ y', head + 'y' + rest)
    if (letter === 'y') changes.add('i ↔ y', head + 'i' + rest)
    if (vowels.test(letter)) changes.add('vowel dropped', head + rest)
  }
  for (let index = 0; index < word.length; index++) {
    const letter = word[index] ?? ''
    const head = word.slice(0, index + 1)
    const rest = word.slice(index + 1)
    // "Jiangsu" → "Jiangshu", "Tomas" → "Thomas", "Zelensky" → "Zhelensky".
    if (consonants.test(letter) && word[index + 1] !== 'h') {
      changes.add(letter === 's' ? 's ↔ sh' : 'h added or dropped', head + 'h' + rest)
    }
  }
  for (const [kind, forms] of changes.byKind) changes.byKind.set(kind, forms.map(capitalise))
  return changes.byKind
}

/**
 * Changed forms of one word, gathered by kind, each once per kind and never
 * the word itself (swapping the `l`s of `hello` changes nothing). A form may
 * come under two kinds (`Jangsu` is a dropped letter and a dropped vowel):
 * each kind keeps its own forms, so that no kind is emptied by another.
 */
class ChangeList<Kind extends string> {
  readonly byKind: Changes<Kind> = new Map()

  /**
   * @param word The word being changed.
   */
  constructor(private readonly word: string) {}

  /**
   * Add a changed form, unless it is the word or already listed for the kind.
   *
   * @param kind Kind of change.
   * @param form Changed form; `undefined` when the change does not apply.
   */
  add(kind: Kind, form: string | undefined): void {
    if (form === undefined || form === this.word) return
    const forms = this.byKind.get(kind)
    if (!forms) this.byKind.set(kind, [form])
    else if (!forms.includes(form)) forms.push(form)
  }
}

/**
 * Swap a letter with the next one.
 *
 * @param word Word.
 * @param index Index of the first letter.
 * @returns The word with the two swapped, or `undefined` at the last letter.
 */
function swapAt(word: string, index: number): string | undefined {
  const letter = word[index]
  const next = word[index + 1]
  if (letter === undefined || next === undefined) return undefined
  return word.slice(0, index) + next + letter + word.slice(index + 2)
}

/**
 * Double a letter that is not doubled already: a third `l` in `all` is not a slip anyone makes.
 *
 * @param word Word.
 * @param index Index of the letter.
 * @returns The word with the letter doubled, or `undefined`.
 */
function doubleAt(word: string, index: number): string | undefined {
  const letter = word[index]
  if (letter === undefined || word[index - 1] === letter || word[index + 1] === letter) return undefined
  return word.slice(0, index + 1) + letter + word.slice(index + 1)
}

/**
 * Capitalise the first letter.
 *
 * @param word Lowercase word.
 * @returns `putin` → `Putin`.
 */
function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

