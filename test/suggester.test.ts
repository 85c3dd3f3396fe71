import dictionary from 'dictionary-en'
import nspell from 'nspell'
import {beforeAll, describe, expect, test} from 'vitest'
import {mulberry32} from '../bench/inject.js'
import {editDistance} from '../src/words/edit-distance.js'
import {
  compileSuggestionIndex,
  type ExpandedChecker,
  loadSuggestionIndex,
  type SuggestionIndex,
  suggest,
  suggestibleForms,
  suggestionIndexFromWords
} from '../src/words/suggester.js'

/** A small desk's vocabulary, to see the edits at work. */
const desk = suggestionIndexFromWords([
  'budget',
  'budgets',
  'council',
  'counsel',
  'accommodate',
  'the',
  'ten',
  'Paris',
  'NATO',
  'polish',
  'Polish',
  "don't",
  "it's",
  'café'
])

describe('suggest on a small list', () => {
  test.each([
    ['a missing letter', 'budet', ['budget']],
    ['an extra letter', 'budgeet', ['budget']],
    ['a wrong letter', 'budgat', ['budget']],
    ['a swap of neighbours, as one edit', 'buget', ['budget']],
    ['a swap of neighbours next to a match', 'teh', ['ten', 'the']],
    ['two edits when nothing is one edit away', 'acomodate', ['accommodate']],
    ['both words one edit away', 'councel', ['council', 'counsel']]
  ])('finds %s', (_, word, expected) => {
    expect(suggest([desk], word)).toEqual(expected)
  })

  test('gives only the nearest tier: no two-edit word next to a one-edit one', () => {
    // `budgets` is two edits from `budgt`, `budget` one.
    expect(suggest([desk], 'budgt')).toEqual(['budget'])
  })

  test('gives every word within two edits when asked for every tier', () => {
    expect(suggest([desk], 'budgt', undefined, 2, true)).toEqual(['budget', 'budgets'])
    // Still nearest first, and still nothing beyond two edits.
    expect(suggest([desk], 'acmodte', undefined, 2, true)).toEqual([])
  })

  test('gives nothing when every word is more than two edits away', () => {
    expect(suggest([desk], 'acmodte')).toEqual([])
  })

  test('gives candidates nearest first', () => {
    const index = suggestionIndexFromWords(['mayor', 'Mayo'])
    // `Mayo` differs from `mayo` in case only: no edit at all.
    expect(suggest([index], 'mayo')).toEqual(['Mayo', 'mayor'])
  })

  test('cuts at the limit', () => {
    expect(suggest([desk], 'teh', 1)).toEqual(['ten'])
  })
})

describe('case', () => {
  test.each([
    ['a name in its own case', 'paris', ['Paris']],
    ['a name in its own case after an edit', 'pariss', ['Paris']],
    ['capitals in their own case', 'Nato', ['NATO']],
    ['a lowercase word capitalised like the input', 'Teh', ['Ten', 'The']],
    ['a lowercase word in capitals like the input', 'TEH', ['TEN', 'THE']],
    ['a lowercase word as it is for mixed case', 'tEh', ['ten', 'the']],
    ['the lowercase form of a word that is also a name', 'polsh', ['polish']],
    ['that form capitalised for a capitalised input', 'Polsh', ['Polish']],
    ['that form in capitals for a capitals input', 'POLSH', ['POLISH']]
  ])('gives %s', (_, word, expected) => {
    expect(suggest([desk], word)).toEqual(expected)
  })

  test('does not offer the word itself in another case pattern', () => {
    // `THE` is `the` in the input's capitals, so the nearest other word is `TEN`, two edits away.
    expect(suggest([desk], 'THE')).toEqual(['TEN'])
  })

  test('gives a name in its own case even for capitals', () => {
    expect(suggest([desk], 'PARIS')).toEqual(['Paris'])
  })
})

describe('letters beyond a-z', () => {
  test.each([
    ['an apostrophe as a letter', 'dont', ["don't"]],
    ['a curly apostrophe as a straight one', 'dn’t', ['don’t']],
    ['a straight apostrophe as it is', "dn't", ["don't"]],
    ['candidates with a curly apostrophe for a word typed with one', 'it’z', ['it’s']],
    ['an accented letter as a letter of its own', 'cafe', ['café']],
    ['an accented word typed decomposed', 'cafe\u0301s', ['café']]
  ])('takes %s', (_, word, expected) => {
    expect(suggest([desk], word)).toEqual(expected)
  })
})

describe('several indexes', () => {
  const names = suggestionIndexFromWords(['Budge', 'Budget', 'Counce'])
  const own = suggestionIndexFromWords(['Kyiv'])

  test('searches every index at once', () => {
    expect(suggest([desk, names, own], 'budgt')).toEqual(['Budge', 'budget'])
    expect(suggest([desk, names, own], 'Kiyv')).toEqual(['Kyiv'])
  })

  test('keeps to the nearest tier across indexes', () => {
    // `Counce` (names) is one edit from `counc`; `council` (desk) is two.
    expect(suggest([desk, names], 'counc')).toEqual(['Counce'])
  })

  test('gives a word found in two indexes once, lowercase first', () => {
    expect(suggest([names, desk], 'budgeet')).toEqual(['budget'])
  })
})

describe('compiled index', () => {
  test('reads back from bytes to the same answers', () => {
    const bytes = compileSuggestionIndex(['budget', 'Paris', "don't", 'café'])
    const index = loadSuggestionIndex(bytes)
    expect(index.nodeCount).toBe(suggestionIndexFromWords(['budget', 'Paris', "don't", 'café']).nodeCount)
    expect(['budgte', 'pari', 'dont', 'cafe'].map((word) => suggest([index], word))).toEqual([
      ['budget'],
      ['Paris'],
      ["don't"],
      ['café']
    ])
  })

  test('reads bytes that do not start on a 4-byte boundary', () => {
    const bytes = compileSuggestionIndex(['budget'])
    const shifted = new Uint8Array(bytes.byteLength + 1)
    shifted.set(bytes, 1)
    expect(suggest([loadSuggestionIndex(shifted.subarray(1))], 'budgte')).toEqual(['budget'])
  })

  test.each([
    ['bytes that are not an index', new TextEncoder().encode('not an index at all, honestly'), /format version/],
    ['a cut-off index', compileSuggestionIndex(['budget']).subarray(0, 40), /truncated/],
    ['too few bytes for a header', new Uint8Array(3), /too short/]
  ])('refuses %s', (_, bytes, message) => {
    expect(() => loadSuggestionIndex(bytes)).toThrow(message)
  })

  test('finds the same words as a scan in an index of many letters and many children', () => {
    // 300 letters (past one byte a letter number), a node of 300 children (past one byte a count) and
    // subtrees of thousands of bytes (past one byte a child position).
    const letters = Array.from({length: 300}, (_, number) => String.fromCodePoint(0x4e_00 + number))
    const words = letters.flatMap((letter, number) => [letter + 'ab', 'q' + letter, 'qz' + letters[(number * 7) % 300]! + 'cd'])
    const index = suggestionIndexFromWords(words)
    for (const word of ['q' + letters[299], letters[5] + 'b', 'qz' + letters[10] + 'dc', 'z' + letters[299]!, 'qab']) {
      const distances = words.map((candidate) => editDistance(word, candidate, 2))
      const nearest = Math.min(...distances.filter((distance) => distance > 0))
      const expected = nearest > 2 ? [] : words.filter((_, position) => distances[position] === nearest)
      expect(suggest([index], word).sort(), word).toEqual(expected.sort())
    }
  })

  test('handles no words and no word', () => {
    const empty = suggestionIndexFromWords([])
    expect(empty.nodeCount).toBe(1)
    expect(suggest([empty], 'budget')).toEqual([])
    expect(suggest([desk], '')).toEqual([])
    expect(suggest([], 'budget')).toEqual([])
    expect(suggestionIndexFromWords(['', 'budget']).nodeCount).toBe(7)
  })
})

describe('dictionary-en', () => {
  let checker: ExpandedChecker
  let forms: string[]
  let index: SuggestionIndex

  beforeAll(() => {
    checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)}) as unknown as ExpandedChecker
    forms = suggestibleForms(checker)
    index = loadSuggestionIndex(compileSuggestionIndex(forms))
  })

  test('offers ordinary words, names and contractions', () => {
    expect(forms).toEqual(expect.arrayContaining(['budget', 'Paris', "don't", 'NATO']))
  })

  test('never offers slurs and swear words or the forms made from them', () => {
    for (const form of ['fuck', 'fucks', 'fucking', 'cunt', 'cunts']) expect(forms).not.toContain(form)
  })

  test('never offers compound-only forms or figures', () => {
    for (const form of ['1th', '2nd', '7']) expect(forms).not.toContain(form)
  })

  test.each([
    ['recieve', 'receive'],
    ['teh', 'the'],
    ['Teh', 'The'],
    ['dont', "don't"],
    ['paris', 'Paris'],
    ['acommodate', 'accommodate'],
    ['goverment', 'government']
  ])('suggests for %s the word %s', (word, expected) => {
    expect(suggest([index], word)).toContain(expected)
  })

  test('gives the nearest tier only', () => {
    expect(suggest([index], 'recieve')).toEqual(['receive', 'relieve'])
  })
})

describe('the trie walk against a plain scan', () => {
  test('finds exactly the words a scan of every word finds, in the nearest tier', () => {
    const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)}) as unknown as ExpandedChecker
    // Every 12th lowercase form: some 9,000 words, few enough to scan one by one.
    const words = suggestibleForms(checker).filter((form, position) => position % 12 === 0 && form === form.toLowerCase())
    const index = suggestionIndexFromWords(words)
    const random = mulberry32(7)
    const letters = "abcdefghijklmnopqrstuvwxyz'"
    const pick = (text: string): number => Math.floor(random() * text.length)
    for (let round = 0; round < 150; round++) {
      let word = words[Math.floor(random() * words.length)]!
      // One to three random edits: some words land one edit from a word, some two, some farther.
      for (let edit = 0, edits = 1 + Math.floor(random() * 3); edit < edits; edit++) {
        const at = pick(word)
        const letter = letters[pick(letters)]!
        const kind = Math.floor(random() * 4)
        if (kind === 0) word = word.slice(0, at) + letter + word.slice(at)
        else if (kind === 1 && word.length > 1) word = word.slice(0, at) + word.slice(at + 1)
        else if (kind === 2) word = word.slice(0, at) + letter + word.slice(at + 1)
        else word = word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2)
      }
      const distances = words.map((candidate) => editDistance(word, candidate, 2))
      const nearest = Math.min(...distances.filter((distance) => distance > 0))
      const expected = nearest > 2 ? [] : words.filter((_, position) => distances[position] === nearest)
      expect(suggest([index], word).sort(), word).toEqual(expected.filter((candidate) => candidate !== word).sort())
    }
  })
})
