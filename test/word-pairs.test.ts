import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {dictionaryFile} from '../src/package-info.js'
import {contextFit, type WordContext} from '../src/words/word-pairs.js'
import {rankSuggestions} from '../src/words/suggestions.js'

describe('contextFit', () => {
  test('is above 0 for a word that often follows the word before it, below for one that does not', () => {
    expect(contextFit('has', {before: 'he'})).toBeGreaterThan(0)
    expect(contextFit('hose', {before: 'he'})).toBeLessThan(0)
  })

  test('knows the pairs of present-day prose', () => {
    expect(contextFit('team', {before: 'the'})).toBeGreaterThan(contextFit('term', {before: 'the'}))
    expect(contextFit('tool', {before: 'this'})).toBeGreaterThan(0)
    expect(contextFit('feel', {after: 'free'})).toBeGreaterThan(contextFit('real', {after: 'free'}))
    expect(contextFit('team', {before: 'development'})).toBeGreaterThan(contextFit('them', {before: 'development'}) + 2)
    expect(contextFit('tool', {before: 'useful'})).toBeGreaterThan(contextFit('to', {before: 'useful', after: 'for'}))
  })

  test('knows how people write about their work', () => {
    expect(contextFit('key', {after: 'part'})).toBeGreaterThan(contextFit('keen', {after: 'part'}))
  })

  test('weighs the word after as well as the word before', () => {
    // "the deep" and "the deal" are about as likely; "deep water" is far likelier than "deal water".
    const deep = contextFit('deep', {before: 'the', after: 'water'})
    const deal = contextFit('deal', {before: 'the', after: 'water'})
    expect(deep - deal).toBeGreaterThan(contextFit('deep', {before: 'the'}) - contextFit('deal', {before: 'the'}) + 3)
  })

  test('looks two words each way, by the triples of the model', () => {
    // After "flexible" alone, `schedule` and `schedules` are about as likely; after "a flexible", one schedule.
    const lean = (context: WordContext) => contextFit('schedule', context) - contextFit('schedules', context)
    expect(lean({before: 'flexible', beforeThat: 'a'})).toBeGreaterThan(lean({before: 'flexible'}) + 1)
    // "was not of" and "was one of": the word after next ("of the") speaks for `one` too.
    const one = (context: WordContext) => contextFit('one', context) - contextFit('not', context)
    expect(one({before: 'was', after: 'of', afterThat: 'the'})).toBeGreaterThan(0)
    // A word beyond with no word beside is not a neighbour.
    expect(contextFit('one', {beforeThat: 'was'})).toBe(0)
  })

  test('is 0 with no words beside it', () => {
    expect(contextFit('roof', {})).toBe(0)
  })

  test('says as much as the pair is likelier than chance, uncapped', () => {
    // "years ago" is far more than e² likelier than chance.
    expect(contextFit('ago', {before: 'years'})).toBeGreaterThan(3)
    expect(contextFit('ago', {before: 'years'})).toBeGreaterThan(contextFit('of', {before: 'years'}) + 2)
  })

  test('knows that a verb follows "could", not a noun', () => {
    expect(contextFit('fly', {before: 'could'})).toBeGreaterThan(contextFit('film', {before: 'could'}) + 2)
  })

  test('weighs a word never seen after a common word as unlikely there, not impossible', () => {
    // The model lacks `qwzx`: a pair with it backs off, as a pair the model never saw does.
    const fit = contextFit('qwzx', {before: 'the'})
    expect(fit).toBeLessThan(0)
    expect(fit).toBe(contextFit('qwzx', {before: 'the'}))
    for (const [word, before] of [['the', 'the'], ['of', 'could'], ['could', 'the']] as const) {
      expect(Number.isFinite(contextFit(word, {before}))).toBe(true)
    }
  })

  test('says nothing after a word the model lacks', () => {
    expect(contextFit('water', {before: 'qwzx'})).toBe(0)
  })

  test('reads curly apostrophes and capitals as the model counts them', () => {
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
  test('written-usage.txt is ASCII', () => {
    const bytes = fs.readFileSync(dictionaryFile('written-usage.txt'))
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1)
  })

  test("word-pairs.bin's header and words are ASCII, and the header carries the model's licence", () => {
    const bytes = fs.readFileSync(dictionaryFile('word-pairs.bin'))
    const end = bytes.indexOf('# end of header', 0, 'latin1')
    const header = bytes.subarray(0, end).toString('latin1')
    expect(bytes.subarray(0, end).findIndex((byte) => byte > 0x7f)).toBe(-1)
    expect(header).toContain('Carnegie Mellon University')
    expect(header).toContain('Redistributions in binary form must reproduce the above copyright')
    const words = bytes.subarray(bytes.length - 200_000)
    expect(words.toString('latin1')).toMatch(/\nyears\n/)
  })
})
