import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findingsWithFixes, fixtures, lintDoc, rangeOf, rulesCovering} from './helpers.js'

/**
 * Give each message as `place severity rule: reason`.
 *
 * @param file Linted file.
 * @returns Lines in document order.
 */
function lines(file: VFile): string[] {
  return file.messages
    .map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.ruleId}: ${message.reason}`)
    .sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
}

/**
 * Lint a story and keep only the name-consistency findings.
 *
 * @param doc The story.
 * @returns `actual → expected` per finding.
 */
async function variants(doc: string): Promise<string[]> {
  const file = await lintDoc(doc)
  return file.messages
    .filter((message) => message.ruleId === 'name-consistency')
    .map((message) => `${message.actual} → ${message.expected?.join(', ')}`)
}

describe('name-consistency', () => {
  test('flags every variant of a name in a story, and nothing else twice', async () => {
    const doc = await fs.readFile(path.join(fixtures, 'rail-freight.txt'), 'utf8')
    const file = await lintDoc(doc)
    expect(lines(file)).toEqual([
      '3:32-3:39 error name-consistency: Unexpected `Wroclow`, expected `Wroclaw` as in the names list',
      '5:29-5:37 info spelling: Unexpected unknown name `Dvoracek`, not in the dictionary: check it once',
      '5:47-5:52 error name-consistency: Unexpected `Czeck`, expected `Czech` as in the names list',
      '6:1-6:10 info spelling: Unexpected unknown name `Kowalczyk`, not in the dictionary: check it once',
      '7:1-7:4 error spelling: Unexpected unknown word `teh`, expected for example `the`',
      '9:28-9:36 error name-consistency: Unexpected `Dvoracik`, expected `Dvoracek` as spelled 3 times in this story',
      '9:53-9:62 error name-consistency: Unexpected `Dvorachek`, expected `Dvoracek` as spelled 3 times in this story'
    ])
    const places = file.messages.map((message) => message.place && 'start' in message.place ? message.place.start.offset : -1)
    expect(new Set(places).size).toBe(places.length)
  })

  test('points at the first use of the spelling to use and counts each spelling', async () => {
    const file = await lintDoc('Anna Kowalczyk spoke. Kowalczyk left. Then Kowalczik returned.')
    const message = file.messages.find((candidate) => candidate.ruleId === 'name-consistency')
    expect(message?.note).toBe('Spellings in this story: Kowalczyk (2), Kowalczik (1)')
    const cause = message?.cause as {reason?: string; place?: {start: {column: number}}} | undefined
    expect(cause?.reason).toBe('`Kowalczyk` first used here')
    expect(cause?.place?.start.column).toBe(6)
  })

  test('reports a tie naming both spellings as in use, with no spelling to write, and never fixes it', async () => {
    // Neither spelling is in written use, and their letters are as likely in a name.
    expect(await variants('Mayor Brannock spoke. Mayor Brennock left.')).toEqual(['Brennock → '])
    const file = await lintDoc('Mayor Brannock spoke. Mayor Brennock left.')
    const message = file.messages.find((candidate) => candidate.ruleId === 'name-consistency')
    expect(message?.reason).toBe(
      'Unexpected `Brennock` or `Brannock`: both spellings are in use in this story, once each, and nothing tells which is right'
    )
    expect(severityOf(message ?? file.message(''))).toBe('error')
    expect(message?.fixable).not.toBe(true)
  })

  test('of two spellings used once each, reports the one written English does not use, even when it comes first', async () => {
    const file = await lintDoc('Dr Anthony Faauci spoke on Monday. Fauci said the vaccine trials would go on.')
    expect(lines(file).filter((line) => line.includes('name-consistency'))).toEqual([
      '1:12-1:18 error name-consistency: Unexpected `Faauci`, expected `Fauci` as written English spells it far more often (both spellings are in use in this story, once each)'
    ])
    expect(file.messages.some((message) => message.fixable)).toBe(false)
  })

  test('of two spellings no list knows, used once each, reports the one whose letters are unlikely in a name', async () => {
    // "Dvoracik" is as rare as "Dvoracek" in written use; "aa" and a tripled letter are rarer in names still.
    expect(await variants('Mayor Dvoracek spoke. Mayor Dvoracik left.')).toEqual(['Dvoracik → Dvoracek'])
    expect(await variants('Coach Ottaleno Brisk arrived. Brisk and Otttaleno left.')).toEqual(['Otttaleno → Ottaleno'])
    const file = await lintDoc('Mayor Dvoracek spoke. Mayor Dvoracik left.')
    const message = file.messages.find((candidate) => candidate.ruleId === 'name-consistency')
    expect(message?.reason).toBe(
      'Unexpected `Dvoracik`, expected `Dvoracek` as its letters are likelier in a name (both spellings are in use in this story, once each)'
    )
    expect(message?.fixable).not.toBe(true)
  })

  test('a tie between two spellings each written again and again is a warning: as likely two names', async () => {
    const file = await lintDoc('Brannock spoke first. Brennock spoke next. Brannock agreed, and Brennock did not.')
    const found = file.messages.filter((message) => message.ruleId === 'name-consistency')
    expect(found.map((message) => `${severityOf(message)} ${message.actual}`)).toEqual(['warning Brennock', 'warning Brennock'])
  })

  test.each([
    ['initials in a line-up', 'The side: M Horan, J Walsh, S Horgan, P Keane. Horan kicked two penalties and Horgan scored a try.'],
    ['first names', 'Ralph Houk managed the club. Dick Hoak played second base. Houk was pleased; Hoak was not.'],
    ['first names, with names no list knows that differ in the first letter', 'Jean Gakunzi won the first heat. Eric Bakunzi took the second.']
  ])('keeps apart two spellings each written beside its own first name or initial: two people (%s)', async (_name, doc) => {
    expect(await variants(doc)).toEqual([])
  })

  test('still reports a slip beside a relative, where only one spelling is a name of its own', async () => {
    // A couple shares a surname: "Brellicott" is in no list and one letter inside the name changed.
    const found = await variants('Anne Brellacott was questioned. Her husband Tom Brellicott left with her.')
    expect(found).toEqual(['Brellicott → '])
  })

  test('still reports a slip beside another first name when the slip is clearly the less likely spelling', async () => {
    expect(await variants('Matt Reyes and Mtt Langan spoke.')).toEqual(['Mtt → Matt'])
  })

  test('a title before a name says nothing about who it is', async () => {
    expect(await variants('Dr Faauci spoke on Monday. Anthony Fauci said trials would go on.')).toEqual(['Faauci → Fauci'])
  })

  test.each([
    ['a surname beside a first name', 'Andrew Marr hosted. Marr asked the minister; Marr pressed again. Mary Jones, a viewer, wrote in.'],
    ['a county beside a first name', 'Dade County police said Dave Lewis was held. Dade County courts will hear it.'],
    ['a person beside a city', 'Jim Bouton pitched for years. Bouton later wrote a book. He lived near Boston.']
  ])('never takes a name written English uses, written more often than the known name beside it, for a slip of it (%s)', async (_name, doc) => {
    expect(await variants(doc)).toEqual([])
  })

  test('prefers the dictionary spelling even when the variant is used more', async () => {
    const doc = 'Hemingwey wrote it. Hemingwey revised it. Hemingway signed it.'
    expect(await variants(doc)).toEqual(['Hemingwey → Hemingway', 'Hemingwey → Hemingway'])
    const file = await lintDoc(doc)
    expect(file.messages[0]?.reason).toBe('Unexpected `Hemingwey`, expected `Hemingway` as in the dictionary')
  })

  test('prefers a name from the bundled names lists even when the variant is used more', async () => {
    const doc = 'Ostrawa officials met. Ostrawa trade rose. Ostrava is a city.'
    expect(await variants(doc)).toEqual(['Ostrawa → Ostrava', 'Ostrawa → Ostrava'])
    const file = await lintDoc(doc)
    expect(file.messages[0]?.reason).toBe('Unexpected `Ostrawa`, expected `Ostrava` as in the names list')
  })

  // `Yusuf` is in the bundled first names and `Yousuf` is not, but written English uses both about as
  // much: the list knows a first name, not the person the story is about.
  test('follows the story, not the names lists, between two spellings both in written use', async () => {
    const doc = 'Coach Yousuf Dar picked the side. Yousuf named a new captain, and Yusuf said the squad was fit. Yousuf left early.'
    expect(await variants(doc)).toEqual(['Yusuf → Yousuf'])
    const file = await lintDoc(doc)
    const finding = file.messages.find((message) => message.ruleId === 'name-consistency')
    expect(finding?.reason).toBe('Unexpected `Yusuf`, expected `Yousuf` as spelled 3 times in this story')
  })

  test('offers no fix for two spellings both in written use once each, though the names lists have one', async () => {
    const file = await lintDoc('Coach Yusuf Dar picked the side, and Yousuf named a new captain.')
    const findings = file.messages.filter((message) => message.ruleId === 'name-consistency')
    expect(findings.map((message) => [message.actual, message.expected, severityOf(message), message.fixable ?? false])).toEqual([
      ['Yousuf', [], 'error', false]
    ])
    expect(findings[0]?.reason).toMatch(/^Unexpected `Yousuf` or `Yusuf`: both spellings are in use in this story, once each/)
  })

  test('still takes the names lists’ spelling when written English lacks the other', async () => {
    expect(await variants('Coach Imran Dar picked the side, and Imraan named a new captain.')).toEqual(['Imraan → Imran'])
  })

  test('takes the config words’ spelling between two spellings both in written use', async () => {
    const text = 'Coach Yousuf Dar picked the side. Yousuf named a new captain, and Yusuf said the squad was fit.'
    const file = await checkAlone('name-consistency', text, {config: {words: ['Yusuf']}})
    expect(findingsWithFixes(file)).toEqual(['1:7-1:13 warning Yousuf → Yusuf', '1:35-1:41 warning Yousuf → Yusuf'])
  })

  test('never merges two names from the bundled lists', async () => {
    expect(await variants('Mangalore port reopened. Bangalore offices stayed shut.')).toEqual([])
  })

  test('finds variants in compounds, possessives and transliterations', async () => {
    expect(
      await variants('Lukashenko spoke. Protests were anti-Lukasgenko. Lukashenkos aides and Lukashenko’s allies left.')
    ).toEqual(['Lukasgenko → Lukashenko'])
  })

  test.each([
    ['a dropped last letter', 'Nevada voted. Lawmakers in Nevad agreed.', 'Nevad → Nevada'],
    ['a changed final vowel', 'Surigao was hit. Roads in Surigao and Surigai closed.', 'Surigai → Surigao'],
    ['a three-letter slip of a longer name', 'Alan Kurdi drowned. A ship named after Aln sailed.', 'Aln → Alan'],
    ['a slip one edit from two names, the one the story uses more', 'American and African leaders met. Two American envoys and an Amrican aide left.', 'Amrican → American'],
    ['two letters swapped at the end of a long name', 'Magnitogorsk grew. Mills in Magnitogorks closed.', 'Magnitogorks → Magnitogorsk'],
    [
      'a slip one edit from two names, the one a letter doubled makes rather than one changed, however much the other is used',
      'Korean firms and Korean banks met in Koreaa on Monday, as Korea had asked.',
      'Koreaa → Korea'
    ]
  ])('finds %s', async (_name, doc, expected) => {
    expect(await variants(doc)).toEqual([expected])
  })

  test.each([
    ['two names the dictionary knows', 'Iran and Iraq signed. Austria and Australia did not.'],
    ['inflected forms', 'Vladimir Morozov and his wife Anna Morozova met the Clintons. Clinton spoke.'],
    ['a feminine form', 'Jan Kowalski and Anna Kowalska voted.'],
    ['a name and a longer form of it', 'Iran and the Irani envoy met. Mohammad Mohammadi spoke of Auriga and AB Aurigae.'],
    ['names of three letters', 'Kim and Kin met Lee and Lea.'],
    ['a three-letter name and a longer one with another first letter', 'Eric Adams met Ric Flair.'],
    ['an ordinary word with a capital', 'Plan for the port. The Plann consultancy won.'],
    ['a long name and another word made from it', 'A report on Islamophobia found that Islamophobes were few.'],
    ['a name in a quotation in another language', 'Parisians mourned. The mayor wrote: « En mon nom et celui des Parisiens, mes pensées vont aux victimes ».']
  ])('leaves %s apart', async (_name, doc) => {
    expect(await variants(doc)).toEqual([])
  })
})

describe('name-consistency alone, on a Story', () => {
  test.each([
    [
      'each use of a variant of a name the story spells more often',
      'Captain Haugland docked. Hauglund and Hauglund argued. Haugland and Haugland left.',
      ['1:26-1:34 error Hauglund → Haugland', '1:39-1:47 error Hauglund → Haugland']
    ],
    ['a later variant of a name used once each, the first use winning', 'Pilot Haugland docked. Hauglund waved.', ['1:24-1:32 error Hauglund → Haugland']],
    [
      'a slip of a name in the bundled names lists',
      'The ferry reached Copenhagen on Friday. Crews in Copenhagn cheered.',
      ['1:50-1:59 error Copenhagn → Copenhagen']
    ]
  ])('flags %s', async (_name, text, expected) => {
    expect(findingsWithFixes(await checkAlone('name-consistency', text))).toEqual(expected)
  })

  test.each([
    ['a name spelled one way throughout', 'Skipper Ingrid Solberg spoke. Solberg left the bridge.'],
    ['two names the dictionary knows', 'Pilots from Malta and Yalta met.'],
    ['an unknown name with no variant', 'Pilot Tavistoke radioed. Tavistoke then docked.']
  ])('passes %s', async (_name, text) => {
    expect(findingsWithFixes(await checkAlone('name-consistency', text))).toEqual([])
  })

  test.each([
    [
      'prefers a spelling of the config words even when the story uses it less',
      'Skipper Haugland docked. Haugland waved to Hauglund.',
      {words: ['Hauglund']},
      ['1:9-1:17 error Haugland → Hauglund', '1:26-1:34 error Haugland → Hauglund']
    ],
    ['flags a slip of a config word the story never uses', 'Skipper Hauglnd docked on Monday.', {words: ['Haugland']}, ['1:9-1:16 error Hauglnd → Haugland']],
    ['keeps apart the names config declares distinct', 'Skipper Haugland docked. Hauglund waved.', {distinct: [['Haugland', 'Hauglund']]}, []]
  ])('%s', async (_name, text, config, expected) => {
    expect(findingsWithFixes(await checkAlone('name-consistency', text, {config}))).toEqual(expected)
  })

  test('claims the word of each use it reports, and no other', async () => {
    const file = await checkAlone('name-consistency', 'Captain Haugland docked. Hauglund and Hauglund argued. Haugland and Haugland left.')
    expect(claimedWords(file)).toEqual([['Hauglund'], ['Hauglund']])
  })

  test('reports a variant that spelling alone also reports, and the whole pipeline reports it once, as its own', async () => {
    const text = 'Pilot Haugland docked. Hauglund waved.'
    const offset = text.indexOf('Hauglund')
    expect(rulesCovering(await checkAlone('name-consistency', text), offset)).toEqual(['name-consistency'])
    expect(rulesCovering(await checkAlone('spelling', text), offset)).toEqual(['spelling'])
    expect(rulesCovering(await lintDoc(text), offset)).toEqual(['name-consistency'])
  })
})
