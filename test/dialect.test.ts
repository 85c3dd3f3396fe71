import os from 'node:os'
import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import {counterpartIn} from '../src/words/dialect-spellings.js'
import type {Dialect} from '../src/words/dictionary.js'
import {toInputFile} from '../src/files/read-input.js'
import {lintInMemory, makeTree, runCli} from './helpers.js'

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

describe('dialect pairs from the dictionaries', () => {
  test.each([
    ['colour', 'color'],
    ['organisation', 'organization'],
    ['analysed', 'analyzed'],
    ['centred', 'centered'],
    ['catalogue', 'catalog'],
    ['offences', 'offenses'],
    ['travelling', 'traveling'],
    ['counsellor', 'counselor'],
    ['oestrogen', 'estrogen'],
    ['anaemia', 'anemia'],
    ['manoeuvre', 'maneuver'],
    ['judgement', 'judgment'],
    ['sulphur', 'sulfur'],
    ['mould', 'mold']
  ])('pairs British `%s` with American `%s`', (british, american) => {
    expect(counterpartIn(british, 'en-US', ['en-GB'])?.spelling).toBe(american)
    expect(counterpartIn(american, 'en-GB', ['en-US'])?.spelling).toBe(british)
  })

  // Each British word here has a meaning the American one lacks, or the other way round:
  // British dictionaries have both, so they are not one word in two spellings.
  test.each([['programme'], ['licence'], ['practise'], ['cheque'], ['tyre'], ['storey'], ['kerb'], ['metre']])(
    'does not pair `%s` with an American spelling',
    (british) => {
      expect(counterpartIn(british, 'en-US', ['en-GB'])).toBeUndefined()
    }
  )

  // Lowercase words of three letters or more only: callers lowercase first, and compounds are split into parts.
  test.each([['Colour'], ['colour-coded'], ['colours2'], ['ae'], ['']])('has no pair for `%s`', (word) => {
    expect(counterpartIn(word, 'en-US', ['en-GB'])).toBeUndefined()
  })

  test.each([['program'], ['license'], ['practice'], ['check'], ['tire'], ['story'], ['curb'], ['meter']])(
    'accepts `%s` in British copy',
    (word) => {
      expect(counterpartIn(word, 'en-GB', ['en-US'])).toBeUndefined()
    }
  )
})

describe('choosing the dialect', () => {
  test('takes the dialect from config', async () => {
    const folder = await makeTree({
      '.copydeskrc.json': JSON.stringify({dialect: 'en-GB'}),
      'story.txt': 'The color of the shutters was kept.\n'
    })
    const run = await runCli(['--format', 'json', 'story.txt'], {cwd: folder})
    const [report] = JSON.parse(run.stdout) as Array<{messages: Array<{reason: string}>}>
    expect(report?.messages.map((message) => message.reason)).toEqual([
      'Unexpected `color` in en-GB copy, expected `colour`'
    ])
  })

  test('lets --dialect win over config', async () => {
    const folder = await makeTree({
      '.copydeskrc.json': JSON.stringify({dialect: 'en-GB'}),
      'story.txt': 'The color of the shutters was kept.\n'
    })
    expect(await runCli(['--dialect', 'en-US', 'story.txt'], {cwd: folder})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('takes the dialect in any case', async () => {
    const folder = await makeTree({'story.txt': 'The colour of the shutters was kept, and the color faded.\n'})
    const run = await runCli(['--dialect', 'en-gb', '--format', 'json', 'story.txt'], {cwd: folder})
    expect(run.stdout).toContain('in en-GB copy, expected `colour`')
  })

  test('stops with one line and exit code 2 on a dialect it does not know', async () => {
    const run = await runCli(['--dialect', 'en-NZ', '--stdin-filename', 'story.txt'], {stdin: 'Fine.'})
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "copydesk: option '--dialect <dialect>' argument 'en-NZ' is invalid. Allowed choices are en-US, en-GB, en-CA, en-AU.\n"
    })
  })

  test('stops with exit code 2 on a dialect in config it does not know', async () => {
    const folder = await makeTree({'.copydeskrc.json': JSON.stringify({dialect: 'british'}), 'story.txt': 'Fine.\n'})
    const run = await runCli(['story.txt'], {cwd: folder})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'copydesk: .copydeskrc.json:1:12: `dialect`: expected one of `en-US`, `en-GB`, `en-CA`, `en-AU`\n'
    )
  })

  test.each<[Dialect, string[]]>([
    // `organize` is Canadian and not Australian; `colour` is both.
    ['en-CA', []],
    ['en-AU', ['organized']]
  ])('loads the %s dictionary', async (dialect, flagged) => {
    const file = await lintIn('The colour was organized by the neighbours.', dialect)
    expect(file.messages.map((message) => message.actual)).toEqual(flagged)
  })

  test.each<Dialect>(['en-US', 'en-GB'])('shares one spell check among all rules in %s, so no word gets two messages', async (dialect) => {
    const file = await lintIn('Ferries carried teh teh cargo. Talks on co-operation went on; cooperation grew, and co-operation held.', dialect)
    expect(file.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual([
      'repeated-words teh teh',
      'hyphenation-consistency cooperation'
    ])
  })
})

