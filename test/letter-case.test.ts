import {describe, expect, test} from 'vitest'
import {capitalLike, upperFirst} from '../src/words/letter-case.js'

describe('upperFirst', () => {
  test.each([
    ['a lowercase word', 'kyiv', 'Kyiv'],
    ['a word that already has its capital', 'Kyiv', 'Kyiv'],
    ['a word with a capital inside, which stays', 'iPhone', 'IPhone'],
    ['a word in all capitals', 'KYIV', 'KYIV'],
    ['a word starting beyond ASCII', 'łódź', 'Łódź'],
    ['a phrase, on its first word only', 'city council', 'City council'],
    ['a word starting with a digit', '4x4', '4x4'],
    ['nothing', '', '']
  ])('capitalises %s', (_name, text, expected) => {
    expect(upperFirst(text)).toBe(expected)
  })
})

describe('capitalLike', () => {
  test.each([
    ['capitalises a word after a capitalised model', 'color', 'Colour', 'Color'],
    ['capitalises a word after a model in all capitals, on its first letter only', 'color', 'COLOUR', 'Color'],
    ['leaves a word as it is after a lowercase model', 'color', 'colour', 'color'],
    ['keeps a capital the word has after a lowercase model', 'Co-operation', 'cooperation', 'Co-operation'],
    ['follows a model starting with a capital beyond ASCII', 'lodz', 'Łódź', 'Lodz'],
    ['leaves a word as it is after a model starting with a digit', 'vice', '2nd', 'vice'],
    ['leaves a word as it is after a model starting with punctuation', 'harbor', '"Harbour', 'harbor'],
    ['leaves a word as it is after no model', 'harbor', '', 'harbor'],
    ['gives nothing for nothing', '', 'Colour', '']
  ])('%s', (_name, word, model, expected) => {
    expect(capitalLike(word, model)).toBe(expected)
  })
})
