import {describe, expect, test} from 'vitest'
import {withFarSuggestions} from '../src/words/far-suggestions.js'
import {lintDoc} from './helpers.js'

const known = (word: string): boolean => ['certainly', 'sisterly', 'believe', 'were', 'wear', 'harbor', 'he'].includes(word)
const noStory = new Set<string>()

describe('suggestions farther than two edits', () => {
  test('a slip spelt by ear gets its word first, though it is far in letters', async () => {
    const file = await lintDoc('The minister said she would sirtenly resign.')
    const [message] = file.messages
    expect(message?.actual).toBe('sirtenly')
    expect(message?.expected?.[0]).toBe('certainly')
  })

  test('that sound like it are added only when no suggestion is a likely slip of the word', () => {
    expect(withFarSuggestions('sirtenly', ['sisterly'], noStory, known)).toEqual(['sisterly', 'certainly'])
    // `were` is one common edit from `wer`: nothing is added.
    expect(withFarSuggestions('wer', ['were', 'wear'], noStory, known)).toEqual(['were', 'wear'])
  })

  test('are words the dictionary of the copy knows, and never the word itself', () => {
    expect(withFarSuggestions('sirtenly', [], noStory, () => false)).toEqual([])
    expect(withFarSuggestions('sirtenly', [], noStory, (word) => word === 'certainly' || word === 'sirtenly')).toEqual(['certainly'])
  })

  test('are not offered for a word that is not a slip', async () => {
    // Used three times, `fursuit` is a word of the story's subject, at warning: no sound-alikes.
    const file = await lintDoc('The fursuit was hot. A fursuit costs a lot. Her fursuit is blue.')
    for (const message of file.messages) expect(message.expected ?? []).not.toContain('first')
  })

  test('are only looked for for ordinary lowercase words', () => {
    expect(withFarSuggestions('Sirtenly', [], noStory, known)).toEqual([])
  })

  test('include a word the story uses within three edits, and no farther or shorter one', () => {
    // `hrabre` is three edits from `harbor`, in the story; `he` is too short to offer, `Harbor` a name.
    const story = new Set(['harbor', 'he', 'Harbor', 'sisterly'])
    const found = withFarSuggestions('hrabre', [], story, known)
    expect(found).toContain('harbor')
    expect(found).not.toContain('he')
    expect(found).not.toContain('Harbor')
    // `sisterly` is far more than three edits away.
    expect(found).not.toContain('sisterly')
  })

  test('a far slip of a word the story spells right elsewhere gets that word first', async () => {
    // Three edits from `ombudsman`, a word too rare in speech for the
    // misspelling model's search; alone, the plural two edits away is first.
    const alone = await lintDoc('Each ombutsmenn hears complaints.')
    expect(alone.messages.find((found) => found.actual === 'ombutsmenn')?.expected?.[0]).toBe('ombudsmen')
    const file = await lintDoc('Each ombutsmenn hears complaints, and the ombudsman began work in May.')
    const message = file.messages.find((found) => found.actual === 'ombutsmenn')
    expect(message?.fatal).toBe(true)
    expect(message?.expected?.[0]).toBe('ombudsman')
  })

  test('a real misspelling gets the common word the misspelling model makes it of, however many edits away', async () => {
    // `conssene` is three edits from `conscience` (a dropped `c` and `i`,
    // `e` for `ie`), `frandely` three from `friendly` (`a` for `ie`, an `e`
    // moved): edits people make by ear, which cost less than the one or two
    // that make `consent` or `frankly`. Between commas, no word beside it
    // speaks for either ("her consent was" would).
    const conscience = (await lintDoc('In the end, conssene, not polls, decided it.')).messages
    expect(conscience.find((found) => found.actual === 'conssene')?.expected?.[0]).toBe('conscience')
    const friendly = (await lintDoc('She was very frandely with the new reporters.')).messages
    expect(friendly.find((found) => found.actual === 'frandely')?.expected?.[0]).toBe('friendly')
  })

  test("adds the model's words beside a likely slip, not beside one common edit, for a slip of four letters or more", () => {
    const common = (word: string): boolean => ['experiment', 'experience', 'one', 'not'].includes(word)
    // `experiment` is a likely slip of `experent` (two common edits), so nothing that sounds like it is looked for; `experience` is within four common edits.
    expect(withFarSuggestions('experent', ['experiment'], noStory, common)).toEqual(['experiment', 'experience'])
    // `experince` is `experience` with one common edit (an `e` dropped): nothing is added, though `experiment` is within four.
    expect(withFarSuggestions('experince', ['experience'], noStory, common)).toEqual(['experience'])
    // `ont` is one edit from both `one` and `not`: a slip of three letters is near too many words to search.
    expect(withFarSuggestions('ont', ['on'], noStory, common)).toEqual(['on'])
  })
})

describe('slips spelt by ear', () => {
  test('a word that sounds like a well-known word, three likely edits away, is an error', async () => {
    // `usfull` is two edits from `useful` in a word of six letters, where two edits alone are not evidence enough.
    const file = await lintDoc('The new guide was very usfull to the reporters.')
    const message = file.messages.find((found) => found.actual === 'usfull')
    expect(message?.fatal).toBe(true)
    expect(message?.expected?.[0]).toBe('useful')
  })

  test('a coinage written English uses is not, though it sounds like a common word', async () => {
    // `siloed` sounds like `slide`, but Wikipedia uses it.
    const file = await lintDoc('The teams worked siloed from each other for years.')
    const message = file.messages.find((found) => found.actual === 'siloed')
    if (message) expect(message.fatal).not.toBe(true)
  })

  test('a word used twice is not a slip spelt by ear', async () => {
    const file = await lintDoc('The guide was usfull. Another usfull guide came out in May.')
    for (const message of file.messages.filter((found) => found.actual === 'usfull')) expect(message.fatal).not.toBe(true)
  })
})
