import {describe, expect, test} from 'vitest'
import {lintText} from '../src/lint.js'
import {fixFile, isFixable} from '../src/settle/fix.js'
import {findings, wordsOf} from './helpers.js'

/** A paragraph in each format, with a mark where the sentence goes. */
const formats: Array<[string, (sentence: string) => string]> = [
  ['story.txt', (sentence) => sentence + '\n'],
  ['story.md', (sentence) => sentence + '\n'],
  ['story.html', (sentence) => `<p>${sentence}</p>\n`]
]

describe('a word with invisible characters inside it', () => {
  test.each([
    ['zero-width space', '\u200B'],
    ['two zero-width spaces', '\u200B\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD']
  ])('is one word, placed on all of it as written (%s)', (_name, invisible) => {
    for (const [filePath, wrap] of formats) {
      expect(wordsOf(wrap(`Cats a${invisible}nd dogs.`), filePath), filePath).toEqual([
        'Cats @ Cats',
        `and @ a${invisible}nd`,
        'dogs @ dogs'
      ])
    }
  })

  test('is one word across several runs of them', () => {
    expect(wordsOf('Cats a\u200Bn\u2060d dogs.', 'story.txt')).toEqual(['Cats @ Cats', 'and @ a\u200Bn\u2060d', 'dogs @ dogs'])
  })

  test('is not made where the invisible characters stand beside a space, a mark or the end', () => {
    expect(wordsOf('Cats \u200Band\u200B dogs.\u200B', 'story.txt')).toEqual(['Cats @ Cats', 'and @ and', 'dogs @ dogs'])
    expect(wordsOf('Cats\u200B, dogs.', 'story.txt')).toEqual(['Cats @ Cats', 'dogs @ dogs'])
  })

  test.each(formats)('is a known word when its letters are one, and nothing is reported (%s)', async (filePath, wrap) => {
    const doc = wrap('The cat a\u200B\u200Bnd the dog sat, co\u00ADoperating.')
    expect(findings(await lintText(doc, {path: filePath, config: false}))).toEqual([])
  })

  test.each(formats)('leaves the places of the findings after it as in the source (%s)', async (filePath, wrap) => {
    const doc = wrap('The a\u200B\u200Bnd budgett was cut.')
    const column = doc.indexOf('budgett') + 1
    expect(findings(await lintText(doc, {path: filePath, config: false}))).toEqual([`1:${column}-1:${column + 7} error budgett`])
  })
})

describe('a slip with an invisible character inside it', () => {
  test.each(formats)('is reported on its whole span, as written (%s)', async (filePath, wrap) => {
    const doc = wrap('Cats a\u200Bdn dogs.')
    const column = doc.indexOf('a\u200Bdn') + 1
    const file = await lintText(doc, {path: filePath, config: false})
    expect(findings(file)).toEqual([`1:${column}-1:${column + 4} error a\u200Bdn`])
    // The reason names the word a reader sees.
    expect(file.messages[0]?.reason).toMatch(/^Unexpected unknown word `adn`, expected for example `and`/)
  })

  test.each(formats)('is not fixed, since the fix would drop a character the writer cannot see (%s)', async (filePath, wrap) => {
    const doc = wrap('Talks in Jiangsu opened. The Jiang\u200Bshu team left.')
    const file = await lintText(doc, {path: filePath, config: false})
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected, isFixable(message)])).toEqual([
      ['name-consistency', 'Jiang\u200Bshu', ['Jiangsu'], false]
    ])
    expect(fixFile(file)).toBeUndefined()
  })

  test('is fixed as before when written without one', async () => {
    const file = await lintText('Talks in Jiangsu opened. The Jiangshu team left.\n', {path: 'story.txt', config: false})
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected, isFixable(message)])).toEqual([
      ['name-consistency', 'Jiangshu', ['Jiangsu'], true]
    ])
  })
})
