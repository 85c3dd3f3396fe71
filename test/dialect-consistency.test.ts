import os from 'node:os'
import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import type {Dialect} from '../src/words/dictionary.js'
import {toInputFile} from '../src/files/read-input.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findingsWithFixes, lintInMemory, makeTree, rangeOf, rulesCovering, runCli} from './helpers.js'

/**
 * Lint a story in memory with the default config, in a dialect if given.
 *
 * @param doc The story.
 * @param dialect The dialect (as `--dialect` would set it).
 * @returns The linted file.
 */
async function lintIn(doc: string, dialect?: Dialect): Promise<VFile> {
  const file = toInputFile('story.txt', doc, os.tmpdir())
  const result = await lintInMemory([file], {cwd: os.tmpdir(), noConfig: true, dialect})
  if (result.problems.length > 0) throw result.problems[0]
  return file
}

/**
 * Give each message as `place severity rule: reason`, in document order.
 *
 * @param file Linted file.
 * @returns Lines.
 */
function lines(file: VFile): string[] {
  return file.messages
    .map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.ruleId}: ${message.reason}`)
    .sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
}

/**
 * Lint a story and keep only `actual → expected` of the dialect findings.
 *
 * @param doc The story.
 * @param dialect The dialect, if any.
 * @returns Findings.
 */
async function dialectFindings(doc: string, dialect?: Dialect): Promise<string[]> {
  const file = await lintIn(doc, dialect)
  return file.messages
    .filter((message) => message.ruleId === 'dialect-consistency')
    .map((message) => `${message.actual} → ${message.expected?.join(', ')}`)
}

describe('dialect-consistency with a dialect set', () => {
  test('accepts `colour` in en-GB copy and flags `color` with `colour`', async () => {
    const file = await lintIn('The mural kept its colour for decades.\nThe color faded after the flood.', 'en-GB')
    expect(lines(file)).toEqual([
      '2:5-2:10 warning dialect-consistency: Unexpected `color` in en-GB copy, expected `colour`'
    ])
    expect(file.messages[0]?.expected).toEqual(['colour'])
  })

  test.each<[Dialect, string, string[]]>([
    ['en-US', 'The defence minister opened a centre for paediatric care.', ['defence → defense', 'centre → center', 'paediatric → pediatric']],
    ['en-GB', 'Crews traveled to the theater to analyze the damage.', ['traveled → travelled', 'theater → theatre', 'analyze → analyse']],
    // Canadian copy writes `colour` and `centre` but `organize`.
    ['en-CA', 'The colour of the centre was organised by the color committee.', ['organised → organized', 'color → colour']],
    ['en-AU', 'The harbor was organized around a center for ageing sailors.', ['harbor → harbour', 'organized → organised', 'center → centre']]
  ])('flags the spellings of other dialects in %s copy', async (dialect, doc, expected) => {
    expect(await dialectFindings(doc, dialect)).toEqual(expected)
  })

  test('keeps the case of the word it replaces', async () => {
    expect(await dialectFindings('Colour returned to the square.', 'en-US')).toEqual(['Colour → Color'])
  })

  test('flags only the part of a compound or possessive that is spelled in another dialect', async () => {
    const file = await lintIn('The colour-coded map showed the organisation’s plans.', 'en-US')
    expect(lines(file)).toEqual([
      '1:5-1:11 warning dialect-consistency: Unexpected `colour` in en-US copy, expected `color`',
      '1:33-1:45 warning dialect-consistency: Unexpected `organisation` in en-US copy, expected `organization`'
    ])
  })

  test('leaves names alone, whatever their spelling', async () => {
    expect(
      await dialectFindings('She met the Labour Party and the World Health Organization at Pearl Harbor.', 'en-AU')
    ).toEqual([])
  })

  test('does not report a word in the accepted word list', async () => {
    const folder = await makeTree({
      '.copydeskrc.json': JSON.stringify({dialect: 'en-GB', words: ['color']}),
      'story.txt': 'The color of the shutters was kept.\n'
    })
    expect(await runCli(['story.txt'], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})

describe('dialect-consistency without a dialect set', () => {
  test('flags `organise` in a story that otherwise writes `organized`', async () => {
    const file = await lintIn(
      'Volunteers organized the count.\nThey organized a second count and organised a third.\nThe council organized none.'
    )
    expect(lines(file)).toEqual([
      '2:35-2:44 warning dialect-consistency: Unexpected `organised`, expected `organized` as in the rest of this story (US spelling, 3 to 1)'
    ])
  })

  test('points at the first use of the majority spelling', async () => {
    const file = await lintIn('The flags were a faded colour. Their colour was chosen in a vote. The color changed.')
    const message = file.messages.find((candidate) => candidate.ruleId === 'dialect-consistency')
    expect(message?.reason).toBe(
      'Unexpected `color`, expected `colour` as in the rest of this story (British spelling, 2 to 1)'
    )
    const cause = message?.cause as {reason?: string; place?: {start: {column: number}}} | undefined
    expect(cause?.reason).toBe('`colour` (British spelling) first used here')
    expect(cause?.place?.start.column).toBe(24)
  })

  test('follows the spelling used first when both are used equally often', async () => {
    expect(await dialectFindings('The defence rested. The defense appealed.')).toEqual(['defense → defence'])
    expect(await dialectFindings('The defense rested. The defence appealed.')).toEqual(['defence → defense'])
  })

  test('breaks a tie within one kind by the spelling of the rest of the story', async () => {
    const file = await lintIn('The defense rested. The defence appealed to the centre, and the harbour was quiet.')
    expect(lines(file)).toEqual([
      '1:5-1:12 warning dialect-consistency: Unexpected `defense`, expected `defence` as in most of this story (British spelling, 1 to 1)'
    ])
  })

  test('gives a consistently British story no warning for its British words', async () => {
    const doc = [
      'The organisers travelled to the town centre to analyse the damage to the harbour.',
      'Their colour-coded map showed the defence programme, and the licence for the new',
      'paediatric unit was granted amongst other things. Neighbours organised a fundraiser.',
      'Programme staff were not told.'
    ].join('\n')
    expect(lines(await lintIn(doc))).toEqual([])
  })

  test('judges each kind of spelling on its own, as Canadian copy mixes them', async () => {
    expect(await dialectFindings('The colour guard organized the parade. The favourite band organized the music.')).toEqual([])
  })

  test('leaves British words without an American twin to `spelling` in an American story', async () => {
    const file = await lintIn('The colour scheme was organized and the color of the programme was organized too.')
    expect(lines(file)).toEqual([
      '1:5-1:11 warning dialect-consistency: Unexpected `colour`, expected `color` as in most of this story (US spelling, 1 to 1)',
      '1:54-1:63 warning spelling: Unexpected unknown word `programme`, expected for example `programmed`, `programmer`'
    ])
  })

  test('never gives one word two messages', async () => {
    const file = await lintIn('Organisers said the colour was wrong. The color was organized by Organisers Ltd, and teh colour stayed.')
    const starts = file.messages.map((message) => rangeOf(message).split('-')[0])
    expect(new Set(starts).size).toBe(starts.length)
  })
})

describe('dialect-consistency alone, on a Story', () => {
  test.each([
    [
      'a spelling of the system the story uses less',
      'The harbour lights and the harbor wall were repaired. The harbour reopened.',
      ['1:28-1:34 warning harbor → harbour']
    ],
    [
      'one that starts a sentence, with a capital in the fix',
      'The color of the hull faded. The harbor crew repainted. Colour matters.',
      ['1:57-1:63 warning Colour → Color']
    ]
  ])('flags %s', async (_name, text, expected) => {
    expect(findingsWithFixes(await checkAlone('dialect-consistency', text))).toEqual(expected)
  })

  test.each([
    ['one system throughout', 'The crew painted the hull a bright colour in the harbour.'],
    ['each kind of difference kept to one system, as Oxford spelling does', 'The crew organized the cargo and painted the hull a bright colour.'],
    ['a name spelled the other way', 'Veterans of Pearl Harbor met in the harbour.']
  ])('passes %s', async (_name, text) => {
    expect(findingsWithFixes(await checkAlone('dialect-consistency', text))).toEqual([])
  })

  test.each([
    ['en-GB', 'The crew painted the hull a bright color.', ['1:36-1:41 warning color → colour']],
    ['en-US', 'Colour returned to the harbour.', ['1:1-1:7 warning Colour → Color', '1:24-1:31 warning harbour → harbor']]
  ] as const)('with the config dialect %s, flags every spelling of another dialect', async (dialect, text, expected) => {
    expect(findingsWithFixes(await checkAlone('dialect-consistency', text, {config: {dialect}}))).toEqual(expected)
  })

  test('with a dialect set, passes a word of the config words', async () => {
    const file = await checkAlone('dialect-consistency', 'The harbour reopened.', {config: {dialect: 'en-US', words: ['harbour']}})
    expect(file.messages).toEqual([])
  })

  test('claims the word of each spelling it reports', async () => {
    const file = await checkAlone('dialect-consistency', 'The harbour lights and the harbor wall were repaired. The harbour reopened.')
    expect(claimedWords(file)).toEqual([['harbor']])
  })

  test('speaks for the British spellings a story keeps to, without a finding', async () => {
    const text = 'The crew painted the hull a bright colour in the harbour.'
    const file = await checkAlone('dialect-consistency', text)
    expect(file.messages).toEqual([])
    expect(new Set(file.data.spokenFor)).toEqual(new Set([text.indexOf('colour'), text.indexOf('harbour')]))
  })

  test('keeps the whole pipeline from reporting a British spelling that spelling alone reports', async () => {
    const text = 'The crew painted the hull a bright colour.'
    const offset = text.indexOf('colour')
    expect(rulesCovering(await checkAlone('spelling', text), offset)).toEqual(['spelling'])
    expect(rulesCovering(await lintIn(text), offset)).toEqual([])
  })
})
