import dictionaryEn from 'dictionary-en'
import dictionaryEnGb from 'dictionary-en-gb'
import nspell from 'nspell'
import {describe, expect, test} from 'vitest'
import {compileForms} from '../src/words/compiled-forms.js'
import {AcceptedWords, type Dialect, dictionaryLookup, type HunspellDictionary, isInLargerWordList} from '../src/words/dictionary.js'

/** nspell on a dictionary package as published: what retext-spell would build. */
function original(dictionary: HunspellDictionary) {
  return nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
}

/** Every case a word can be written in that the lookup treats differently. */
function casings(word: string): string[] {
  return [word, word.toLowerCase(), word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]
}

const oddWords = [
  '1st', '21st', '22nd', '113th', '3rd', '2th', '1990s', 'G7', 'don’t', "DON'T", 'e.g.', 'Mr', 'MR',
  'paris', 'PARIS', 'McDonald', 'MCDONALD', 'iPhone', 'IPHONE', 'theh', 'Teh', '', '  walk  ', 'c', 'nd', 'st'
]

describe.each<[Dialect, HunspellDictionary]>([
  ['en-US', dictionaryEn],
  ['en-GB', dictionaryEnGb]
])('%s', function (dialect, published) {
  const reference = original(published)
  const forms = Object.keys((reference as unknown as {data: Record<string, unknown>}).data)

  test('the lookup answers as nspell on the published dictionary, for every form in every case', function () {
    const lookup = dictionaryLookup(dialect)
    const disagreements = [...forms.flatMap(casings), ...oddWords].filter(
      (word) => lookup.correct(word) !== reference.correct(word)
    )
    expect(disagreements).toEqual([])
  })

  test('the compiled dictionary gives retext-spell the same words and flags', function () {
    const compiled = nspell({aff: Buffer.from(published.aff), dic: Buffer.from(compileForms(published))})
    const data = (checker: unknown) => (checker as {data: Record<string, string[]>}).data
    expect(Object.keys(data(compiled)).sort()).toEqual([...forms].sort())
    const flagged = (checker: unknown) =>
      Object.entries(data(checker))
        .filter(([, codes]) => codes.some((code) => code === '!' || code === 'c'))
        .map(([form, codes]) => form + ' ' + codes.filter((code) => code === '!' || code === 'c').join(''))
        .sort()
    expect(flagged(compiled)).toEqual(flagged(reference))
    for (const word of oddWords) expect([word, compiled.correct(word)]).toEqual([word, reference.correct(word)])
    expect(compiled.suggest('theh')).toEqual(reference.suggest('theh'))
  })
})

test('accepted words are known in the cases nspell accepts them', function () {
  const reference = original(dictionaryEn)
  reference.personal('Oyelaran\nSpaceX\nCOVAX\nkuffar')
  const lookup = dictionaryLookup('en-US', 'Oyelaran\nSpaceX\nCOVAX\nkuffar')
  const words = ['Oyelaran', 'OYELARAN', 'oyelaran', 'SpaceX', 'SPACEX', 'spacex', 'Spacex', 'COVAX', 'Covax', 'covax', 'kuffar', 'Kuffar', 'KUFFAR', 'walk']
  expect(words.map((word) => lookup.correct(word))).toEqual(words.map((word) => reference.correct(word)))
  expect(dictionaryLookup('en-US').correct('Oyelaran')).toBe(false)
})

test.each([
  ['plain lines', 'Oyelaran\n\nSpaceX\nkuffar\n'],
  ['lines with spaces and a model, as nspell reads them', '  Oyelaran \n\nSpaceX/walk\nkuffar\t\n']
])('accepted words given as %s are the same words', function (_, personal) {
  const accepted = new AcceptedWords(personal)
  const words = ['Oyelaran', ' Oyelaran ', 'SpaceX', 'SpaceX/walk', 'walk', 'kuffar', 'kuffar\t', '', '/']
  expect(words.filter((word) => accepted.has(word))).toEqual(['Oyelaran', 'SpaceX', 'kuffar'])
})

test.each([
  ['names', ['Oyelaran', 'SpaceX', 'kuffar']],
  ['a word holding a line break, which the text gives as two', ['Oyelaran', 'Space\nX', 'kuffar']],
  ['an empty word', ['Oyelaran', '', 'kuffar']]
])('accepted words given with the set of %s they join are the words of the text', function (_, list) {
  const joined = new Set(list)
  const personal = [...joined].join('\n')
  const words = ['Oyelaran', 'OYELARAN', 'SpaceX', 'Space', 'X', 'Space\nX', 'kuffar', 'Kuffar', '', 'walk']
  const alone = new AcceptedWords(personal)
  const shared = new AcceptedWords(personal, joined)
  expect(words.map((word) => [shared.has(word), shared.correct(word)])).toEqual(words.map((word) => [alone.has(word), alone.correct(word)]))
})

test('the larger word list has the less common words of both its lists, and only whole words', function () {
  // `accouterment` and `alchemize` are in its American list only.
  const words = ['predation', 'upwelling', 'accouterment', 'alchemize', 'predatio', 'predationz', 'Predation', '', 'zzzz']
  expect(words.filter((word) => isInLargerWordList(word))).toEqual(['predation', 'upwelling', 'accouterment', 'alchemize'])
})

test('the larger word list has SCOWL’s spelling variants of every spelling system', function () {
  // `employes` and `cigaret` are American variants, `gaol` and `connexion` British ones; `advertize` is a seldom-used variant.
  const words = ['employes', 'cigaret', 'gaol', 'connexion', 'advertize', 'employess']
  expect(words.filter((word) => isInLargerWordList(word))).toEqual(['employes', 'cigaret', 'gaol', 'connexion'])
})
