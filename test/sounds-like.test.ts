import {describe, expect, test} from 'vitest'
import {withSoundAlikes} from '../src/words/sounds-like.js'
import {lintDoc} from './helpers.js'

const known = (word: string): boolean => ['certainly', 'sisterly', 'believe', 'were', 'wear'].includes(word)

describe('words that sound alike', () => {
  test('a slip spelt by ear gets its word first, though it is far in letters', async () => {
    const file = await lintDoc('The minister said she would sirtenly resign.')
    const [message] = file.messages
    expect(message?.actual).toBe('sirtenly')
    expect(message?.expected?.[0]).toBe('certainly')
  })

  test('are added only when no suggestion is a likely slip of the word', () => {
    expect(withSoundAlikes('sirtenly', ['sisterly'], known)).toEqual(['sisterly', 'certainly'])
    // `were` is one common edit from `wer`: nothing is added.
    expect(withSoundAlikes('wer', ['were', 'wear'], known)).toEqual(['were', 'wear'])
  })

  test('are words the dictionary of the copy knows, and never the word itself', () => {
    expect(withSoundAlikes('sirtenly', [], () => false)).toEqual([])
    expect(withSoundAlikes('sirtenly', [], (word) => word === 'certainly' || word === 'sirtenly')).toEqual(['certainly'])
  })

  test('are not offered for a word that is not a slip', async () => {
    // Used three times, `fursuit` is a word of the story's subject, at warning: no sound-alikes.
    const file = await lintDoc('The fursuit was hot. A fursuit costs a lot. Her fursuit is blue.')
    for (const message of file.messages) expect(message.expected ?? []).not.toContain('first')
  })

  test('are only looked for for ordinary lowercase words', () => {
    expect(withSoundAlikes('Sirtenly', [], known)).toEqual([])
  })
})
