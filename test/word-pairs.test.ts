import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {dictionaryFile} from '../src/package-info.js'
import {clauseWords, contextFit} from '../src/words/word-pairs.js'
import {rankSuggestions} from '../src/words/suggestions.js'

describe('clauseWords', () => {
  test('splits at stops, commas, quotation marks, dashes and brackets, lowercase', () => {
    expect(clauseWords('The mayor said, “It’s late.” Then -- at last (we hope) the vote')).toEqual([
      ['the', 'mayor', 'said'],
      ["it's", 'late'],
      ['then'],
      ['at', 'last'],
      ['we', 'hope'],
      ['the', 'vote']
    ])
  })

  test('gives nothing for text without words', () => {
    expect(clauseWords('— 42, 17; ...')).toEqual([])
  })
})

describe('contextFit', () => {
  test('is above 0 for a word that often follows the word before it, below for one that does not', () => {
    expect(contextFit('has', {before: 'he'})).toBeGreaterThan(0)
    expect(contextFit('hose', {before: 'he'})).toBeLessThan(0)
  })

  test('knows present-day pairs two centuries of addresses never wrote, from WordNet', () => {
    expect(contextFit('team', {before: 'the'})).toBeGreaterThan(contextFit('term', {before: 'the'}))
    expect(contextFit('tool', {before: 'this'})).toBeGreaterThan(0)
    expect(contextFit('feel', {after: 'free'})).toBeGreaterThan(contextFit('real', {after: 'free'}))
  })

  test('knows how people write about their work, from mail', () => {
    // Neither the addresses nor WordNet's glosses write "a key part" more than "a keen part".
    expect(contextFit('key', {after: 'part'})).toBeGreaterThan(contextFit('keen', {after: 'part'}))
  })

  test('weighs the word after as well as the word before', () => {
    // "the off" is rare and "off off" rarer: the word after sinks `off` further.
    expect(contextFit('off', {before: 'the', after: 'off'})).toBeLessThan(contextFit('off', {before: 'the'}))
    expect(contextFit('roof', {before: 'the', after: 'off'})).toBeGreaterThan(contextFit('off', {before: 'the', after: 'off'}))
  })

  test('is 0 with no words beside it', () => {
    expect(contextFit('roof', {})).toBe(0)
  })

  test('says as much as the pair is likelier than chance, uncapped', () => {
    // "years ago" is one of the speeches' commonest pairs: far more than e² likelier than chance.
    expect(contextFit('ago', {before: 'years'})).toBeGreaterThan(3)
    expect(contextFit('ago', {before: 'years'})).toBeGreaterThan(contextFit('of', {before: 'years'}) + 2)
  })

  test('weighs a pair the speeches never wrote by what its words are: a verb after "could", not a noun', () => {
    // Neither "could fly" nor "could film" is in the speeches; a verb follows a modal, a noun seldom does.
    expect(contextFit('fly', {before: 'could'})).toBeGreaterThan(contextFit('film', {before: 'could'}) + 2)
  })

  test('weighs a word never seen after a common word as unlikely there, not impossible', () => {
    const fit = contextFit('qwzx', {before: 'the'})
    expect(fit).toBeLessThan(0)
    expect(Number.isFinite(fit)).toBe(true)
    // Nor is any part of speech ruled out after another.
    for (const [word, before] of [['the', 'the'], ['of', 'could'], ['could', 'the']] as const) {
      expect(Number.isFinite(contextFit(word, {before}))).toBe(true)
    }
  })

  test('reads curly apostrophes and capitals as the list counts them', () => {
    expect(contextFit('It’s', {after: 'time'})).toBe(contextFit("it's", {after: 'time'}))
    expect(contextFit('going', {before: 'It’s'})).toBe(contextFit('going', {before: "it's"}))
  })
})

describe('suggestions ranked with the words beside them', () => {
  const none = new Set<string>()

  test('put first the word that fits between them', () => {
    const suggestions = ['whether', 'weather', 'wither', 'ether']
    expect(rankSuggestions('wether', suggestions, none)[0]).toBe('whether')
    expect(rankSuggestions('wether', suggestions, none, {context: {before: 'the', after: 'would'}})[0]).toBe('weather')
    expect(rankSuggestions('deap', ['deal', 'deep', 'dead'], none)[0]).toBe('deal')
    expect(rankSuggestions('deap', ['deal', 'deep', 'dead'], none, {context: {before: 'in', after: 'water'}})[0]).toBe('deep')
  })

  test('leave a capitalised word to the names it may be', () => {
    const suggestions = ['Whether', 'Weather']
    expect(rankSuggestions('Wether', suggestions, none, {context: {before: 'the', after: 'would'}})).toEqual(
      rankSuggestions('Wether', suggestions, none)
    )
  })

  test('leave out words far less likely than the first, for a slip only', () => {
    // `agian`: `again` is one swap away and common; `vagina` two edits and no editor's meaning.
    const suggestions = ['again', 'vagina', 'avian']
    expect(rankSuggestions('agian', suggestions, none, {context: {before: 'late'}})).toEqual(['again'])
    // Whether a word is a slip is judged on every near word.
    expect(rankSuggestions('agian', suggestions, none)).toHaveLength(3)
  })

  test('put first the verb an infinitive calls for', () => {
    // Police tried to tacke down the banner.
    const suggestions = ['track', 'take', 'tackle', 'face']
    expect(rankSuggestions('tacke', suggestions, none, {context: {before: 'to', after: 'down'}})[0]).toBe('take')
  })

  test('put a common word second to the one its neighbour calls for', () => {
    // The school reopened two years ogo: `of` is far commoner, but nothing says "years of" there.
    expect(rankSuggestions('ogo', ['of', 'ago', 'go', 'good'], none)[0]).toBe('of')
    expect(rankSuggestions('ogo', ['of', 'ago', 'go', 'good'], none, {context: {before: 'years'}})[0]).toBe('ago')
  })

  test('keep a phrase and a contraction, which the usage lists cannot count', () => {
    expect(rankSuggestions('alot', ['allot', 'alto', 'a lot'], none, {context: {}})).toContain('a lot')
    expect(rankSuggestions('youre', ['your', 'yours', 'you', "you're"], none, {context: {after: 'not'}})).toContain("you're")
  })
})

describe('lists read as Latin-1', () => {
  // Decoding Latin-1 is quicker than UTF-8, and gives the same text only while a list is ASCII.
  test.each(['word-pairs.txt', 'written-usage.txt'])('%s is ASCII', (name) => {
    const bytes = fs.readFileSync(dictionaryFile(name))
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1)
  })
})
