import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {expect, test} from 'vitest'
import {acceptedWords, type Dialect, dictionaryLookup, type HunspellDictionary, publishedDictionary} from '../src/words/dictionary.js'
import {dictionarySlice} from '../src/analyse/dictionary-slice.js'
import {spellCandidates} from '../src/analyse/spell-candidates.js'

const personal = ['Oyelaran', 'SpaceX', 'COVAX', 'kuffar', 'Mukwashi', 'Jiangsu'].join('\n')

const stories = [
  'The 21st and 22nd meetings, and the 3rd, drew 1,200 people; the 2th did not.',
  'PARIS (AP) — OFFICIALS said the talks in Paris were "tense", and a Walk-out followed.',
  'Oyelaran’s team, the SpaceX launch, COVAX doses and OYELARAN in capitals; Oyelarn once.',
  'The anti-Lukasgenko rally and the pro-democracy march met the Belarusian’s don’t-care mood.',
  'She said "kuffar" and Kuffar, then theh teh recieve; the café’s hijāb and encyclopædia.',
  'Mukwashi and Mukwasshi met in Jiangsu, not Jiangshu, at 10:30 a.m. in the U.S.-led talks.',
  'A self-driving, well-known, e-mail-ready co-operative: re-elected, mid-1990s, 4x4s.'
]

/**
 * What retext-spell reports on a story, given a dictionary and accepted words.
 *
 * @param tree The story's tree.
 * @param dictionary Dictionary.
 * @param words Accepted words.
 * @returns Each finding as `line:column actual`.
 */
async function findings(tree: Root, dictionary: HunspellDictionary, words: string): Promise<string[]> {
  const file = new VFile()
  await unified().use(retextSpell, {dictionary, personal: words, max: -1, ignoreLiteral: false}).run(tree, file)
  return file.messages.map((message) => `${message.line}:${message.column} ${message.actual}`)
}

test.each<Dialect>(['en-US', 'en-GB'])('a slice finds what the whole published %s dictionary finds', async function (dialect) {
  let found = 0
  for (const story of stories) {
    const tree = unified().use(retextEnglish).parse(story) as Root
    const slice = dictionarySlice(tree, dialect, acceptedWords(personal))
    const whole = await findings(tree, publishedDictionary(dialect), personal)
    expect(await findings(tree, slice.dictionary, slice.personal)).toEqual(whole)
    found += whole.length
  }
  // The stories are full of words the dictionary lacks: the comparison is not between two empty lists.
  expect(found).toBeGreaterThan(10)
})

test.each<Dialect>(['en-US', 'en-GB'])('retext-spell on the candidates and their slice finds what it finds on the whole story (%s)', async function (dialect) {
  let found = 0
  for (const story of stories) {
    const tree = unified().use(retextEnglish).parse(story) as Root
    const candidates = spellCandidates(tree, dictionaryLookup(dialect, personal))
    const slice = dictionarySlice(candidates.tree, dialect, acceptedWords(personal))
    const whole = await findings(tree, publishedDictionary(dialect), personal)
    expect(await findings(candidates.tree, slice.dictionary, slice.personal)).toEqual(whole)
    found += whole.length
  }
  // The stories are full of words the dictionary lacks: the comparison is not between two empty lists.
  expect(found).toBeGreaterThan(10)
})

test('a slice holds only what the story can match, and counts its words', function () {
  const tree = unified().use(retextEnglish).parse('Oyelaran and OYELARAN walked 21st.') as Root
  const slice = dictionarySlice(tree, 'en-US', acceptedWords(personal))
  expect(slice.personal).toBe('Oyelaran')
  expect(slice.wordCount).toBe(5)
  const words = new TextDecoder().decode(slice.dictionary.dic).split('\n').slice(1).map((line) => line.split('/')[0])
  expect(words).toContain('walked')
  expect(words).toContain('and')
  expect(words.length).toBeLessThan(100)
})

test.each<Dialect>(['en-US', 'en-GB'])('a slice keeps the affix file without its prefix and suffix rules and replacements (%s)', function (dialect) {
  const tree = unified().use(retextEnglish).parse('The 21st walk.') as Root
  const affix = new TextDecoder().decode(dictionarySlice(tree, dialect, undefined).dictionary.aff)
  // The slice's forms are written out: nspell has no rule left to apply to them.
  expect(affix).not.toMatch(/^(?:PFX|SFX)\s/m)
  // Nor a replacement table or letters to try, which serve only suggestions, never asked of a slice.
  expect(affix).not.toMatch(/^(?:REP|TRY)\s/m)
  // What decides how nspell reads the forms stays.
  expect(affix).toMatch(/^COMPOUNDRULE n\*1t$/m)
  expect(affix).toMatch(/^ONLYINCOMPOUND c$/m)
  expect(affix).toMatch(/^ICONV 1$/m)
})
