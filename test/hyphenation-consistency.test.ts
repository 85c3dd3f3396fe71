import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findingsWithFixes, lintDoc, makeTree, rangeOf, root, runCli} from './helpers.js'

/**
 * Lint a story and describe its hyphenation-consistency findings as
 * `place severity: reason`.
 *
 * @param doc The story.
 * @returns Lines in document order.
 */
async function lines(doc: string): Promise<string[]> {
  const file = await lintDoc(doc)
  return file.messages
    .filter((message) => message.ruleId === 'hyphenation-consistency')
    .map((message) => `${rangeOf(message)} ${severityOf(message)}: ${message.reason}`)
}

/**
 * Lint a story and give its hyphenation-consistency findings as `actual → expected`.
 *
 * @param doc The story.
 * @returns One entry per finding.
 */
async function fixes(doc: string): Promise<string[]> {
  const file = await lintDoc(doc)
  return file.messages
    .filter((message) => message.ruleId === 'hyphenation-consistency')
    .map((message) => `${message.actual} → ${message.expected?.join(', ')}`)
}

describe('hyphenation-consistency', () => {
  test('warns on every use of the minority form, exactly on it', async () => {
    expect(
      await lines('Ministers praised the co-operation.\nFurther co-operation is planned, though cooperation stalled in May.')
    ).toEqual(['2:41-2:52 warning: Unexpected `cooperation`, expected `co-operation` as written 2 times in this story'])
  })

  test('points at the first use of the form to use and counts each form', async () => {
    const file = await lintDoc('Send an e-mail. The e-mail arrived. An email followed. A last email went unread.')
    const [message, ...rest] = file.messages
    expect(rest.map((other) => other.actual)).toEqual(['email'])
    expect(message?.note).toBe('Forms in this story: e-mail (2), email (2)')
    const cause = message?.cause as {reason?: string; place?: {start: {column: number}}} | undefined
    expect(cause?.reason).toBe('`e-mail` first used here')
    expect(cause?.place?.start.column).toBe(9)
  })

  test('prefers the form used first when two are used equally often', async () => {
    expect(await lines('The mayor will reelect staff. Voters may re-elect her.')).toEqual([
      '1:42-1:50 warning: Unexpected `re-elect`, expected `reelect` as first written on line 1'
    ])
  })

  test.each([
    ['closed against hyphenated', 'The mid-day sun beat down. By mid-day the square emptied. At midday it was quiet.', 'midday → mid-day'],
    ['hyphenated against closed', 'The email came. Another email followed. Then an e-mail.', 'e-mail → email'],
    ['a capital at the start of a sentence, kept', 'Talks on co-operation resumed. Cooperation had stalled. More co-operation is due.', 'Cooperation → Co-operation'],
    ['title case, word by word', 'The vice president spoke. The vice president left. Vice-President Okafor returned.', 'Vice-President → Vice President'],
    ['all capitals', 'She sent an e-mail. Another e-mail. The subject line said EMAIL.', 'EMAIL → E-MAIL'],
    ['a spaced form after a prefix', 'The anti-war march grew. An anti-war song played. Anti war chants rose.', 'Anti war → Anti-war'],
    ['a spaced form before a suffix', 'The president-elect spoke. The president-elect left. The president elect returned.', 'president elect → president-elect'],
    ['a spaced form against a closed one', 'Nonstop flights resumed. The nonstop route is busy. A non stop service starts.', 'non stop → nonstop'],
    ['a possessive, left outside the finding', "The co-chair spoke. The co-chair left. The cochair's aide stayed.", 'cochair → co-chair'],
    ['letters and digits', 'The F-16 landed. A second F-16 followed. One F16 stayed.', 'F16 → F-16'],
    ['a non-breaking hyphen', 'The co\u2011operation grew. More co\u2011operation followed. Cooperation helped.', 'Cooperation → Co\u2011operation'],
    ['letters beyond ASCII', 'The über-rich left. The über-rich stayed. The überrich fled.', 'überrich → über-rich'],
    // `İ` lowercases to `i` and a combining dot: two closed forms of one key, with no hyphen in the story.
    ['a capital that lowercases to two characters', 'Crowds filled İstanbul. The istanbul ferry ran late.', 'istanbul → İstanbul']
  ])('finds %s', async (_name, doc, expected) => {
    expect(await fixes(doc)).toEqual([expected])
  })

  test.each([
    ['a verb phrase beside its noun', 'Crews will set up a new setup. They check in at the check-in desk.'],
    ['a noun phrase beside its modifier', 'In the long term the long-term plan holds. The right wing backed right-wing rules.'],
    ['two words beside one', 'Maybe it may be late. Every day is an everyday trial. Anyone can be any one of them.'],
    ['a particle after a noun', 'A follow-up came. Officials follow up today. The break down of talks led to a breakdown.'],
    ['different words listed as exceptions', 'She may re-sign the deal or resign. The re-cover of the book helped him recover.'],
    ['an exception in another form', 'He re-signed the pact. She resigned in May.'],
    ['a suspended hyphen', 'Pre- and post-war Europe differed. Prewar plans failed.'],
    ['scores and codes', 'The team won 2-1. It scored 21 points. U.S.-led talks and US led talks.'],
    ['a prefix before a word of two letters', 'Smith & Co in London sold a coin.'],
    ['a compound written one way', 'Co-operation grew. More co-operation followed.']
  ])('leaves alone %s', async (_name, doc) => {
    expect(await fixes(doc)).toEqual([])
  })

  test('gives a word another rule reported no second message', async () => {
    const file = await lintDoc('The e-mail came. Another e-mail came. An email email followed.')
    expect(file.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual([
      'repeated-words email email'
    ])
  })

  test('claims what it reports, so that spelling does not report it too', async () => {
    const file = await lintDoc('The co-chairs met. Both co-chairs spoke. The cochairs left.')
    expect(file.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual([
      'hyphenation-consistency cochairs'
    ])
  })

  test('can be switched off in config', async () => {
    const run = await runCli(['--stdin-filename', 'story.txt', '--config', 'off.json'], {
      cwd: await makeTree({'off.json': '{"rules": {"hyphenation-consistency": "off"}}'}),
      stdin: 'The email came. Another email followed. Then an e-mail.\n'
    })
    expect(run.stdout).toBe('')
  })
})

// The shared sample article is read in place, never copied into the repo.
const sample = path.join(root, '..', 'shared', 'samples', 'belarus-railways.txt')

test.skipIf(!fs.existsSync(sample))('the Belarus railways sample: one finding, on the closed `cooperation`', async () => {
  const run = await runCli(['--format', 'json', sample])
  const [file] = JSON.parse(run.stdout) as JsonFile[]
  const found = (file?.messages ?? []).filter((message) => message.ruleId === 'hyphenation-consistency')
  expect(found.map((message) => [message.severity, message.actual, message.expected, message.line])).toEqual([
    ['warning', 'cooperation', ['co-operation'], 7]
  ])
})


describe('hyphenation-consistency alone, on a Story', () => {
  test.each([
    [
      'the closed form when the story hyphenates more often',
      'Talks on co-operation resumed. Co-operation between crews grew, though cooperation stalled.',
      ['1:72-1:83 warning cooperation → co-operation']
    ],
    [
      'a use that starts a sentence, with a capital in the fix',
      'Cooperation grew. Crews praised the co-operation and further co-operation.',
      ['1:1-1:12 warning Cooperation → Co-operation']
    ],
    [
      'a spaced open compound, the form written first winning a tie',
      'The vice-president spoke. Later the vice president left.',
      ['1:37-1:51 warning vice president → vice-president']
    ]
  ])('flags %s', async (_name, text, expected) => {
    expect(findingsWithFixes(await checkAlone('hyphenation-consistency', text))).toEqual(expected)
  })

  test.each([
    ['one form throughout', 'Crews praised the co-operation. Further co-operation is planned.'],
    ['two forms that are different words', 'The pilot will resign. Then he will re-sign the contract.'],
    ['related words that are not one compound', 'Crews cooperate. Their cooperation grew.']
  ])('passes %s', async (_name, text) => {
    expect(findingsWithFixes(await checkAlone('hyphenation-consistency', text))).toEqual([])
  })

  test('takes the severity config sets', async () => {
    const file = await checkAlone('hyphenation-consistency', 'The e-mail arrived. The email was short.', {
      config: {rules: {'hyphenation-consistency': 'error'}}
    })
    expect(findingsWithFixes(file)).toEqual(['1:25-1:30 error email → e-mail'])
  })

  test.each([
    ['both words of a spaced compound', 'The vice-president spoke. Later the vice president left.', ['vice', 'president']],
    ['both parts of a hyphenated one', 'Cooperation grew and cooperation held, but co-operation lapsed.', ['co', 'operation']]
  ])('claims %s it reports', async (_name, text, words) => {
    expect(claimedWords(await checkAlone('hyphenation-consistency', text))).toEqual([words])
  })
})
