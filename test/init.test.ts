import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {isAcronymLike, markupCharacters, undoMarkdownEscapes} from '../src/cli/init-evidence.js'
import {makeTree, runCli} from './helpers.js'

/** A small newsroom: names the dictionary lacks, one slip, one variant in a story and one across stories. */
const newsroom = {
  'news/council.md':
    '# Council backs Adeyemi plan\n\nCouncillor Folake Adeyemi won the vote on Tuesday. Adeyemi said the Oshodi market would reopen in May.\n',
  'news/market.txt':
    'Traders at Oshodi welcomed the news. Kunle Badmus, who sells fabric, said teh rent was too high.\nRiders of okada taxis queued outside, and more okada riders arrived by noon.\n',
  'news/docks.txt': 'Harbour master Tobenna Eze said Adeyemi had visited the docks. Eze later met Adeyemy at the gate.\n',
  'news/survey.txt': 'Professor Chidi Ezeakunne led the survey.\n',
  'news/findings.txt': 'Ezeakunne presented the findings to Eze.\n',
  'news/reply.txt': 'A reply from Ezeakune came on Friday.\n'
}

/**
 * The names init should accept in that newsroom, sorted. Not `Ezeakunne`:
 * listed, it would make its slip `Ezeakune` an error, one more than before
 * init, so it waits in the review list until the slip is fixed.
 */
const acceptedNames = ['Adeyemi', 'Badmus', 'Chidi', 'Eze', 'Folake', 'Kunle', 'Oshodi', 'Tobenna']

/**
 * Lint a folder with the CLI and give each finding as `path severity rule actual`.
 *
 * @param cwd The folder.
 * @param args Paths.
 * @returns Findings.
 */
async function lintFindings(cwd: string, args: string[] = []): Promise<string[]> {
  const run = await runCli([...args, '--format', 'json'], {cwd})
  return (JSON.parse(run.stdout) as JsonFile[]).flatMap((file) =>
    file.messages.map((message) => `${file.path} ${message.severity} ${message.ruleId} ${message.actual}`)
  )
}

/**
 * A bakery beat with planted variants: an established name (`Vandermolen`,
 * four stories) with a slip in a story that uses it (`Vandermolan`, an
 * error) and alone in another (a warning across stories), a brand
 * (`PixelForge`) with a case variant (`Pixelforge`), a Spanish quotation
 * starting `Además`, and a lowercase slip (`recieved`).
 */
const bakery = {
  'desk/a.md':
    '# Bakery opens on the quay\n\nChef Ilse Vandermolen opened her bakery on Saturday. Vandermolen said the ovens came from PixelForge, a firm in Leeds.\n\nQueues formed before dawn, and Vandermolen recieved the first customers herself.\n',
  'desk/b.md': '# Bread prices hold\n\nVandermolen kept her prices at last year’s level. The PixelForge ovens, she said, use less gas than the old ones.\n',
  'desk/c.md':
    '# Market traders meet\n\nTraders met Vandermolen and the PixelForge sales team on Monday. Vandermolen said she would hire two bakers, and Vandermolan would train them.\n',
  'desk/d.md':
    '# Night market returns\n\nThe night market returns on Friday with a stall from Vandermolan, the quay’s new baker. Ovens from Pixelforge will be on show.\n',
  'desk/e.md':
    '# Visitors from Valencia\n\nVisitors from Valencia toured the quay. «Además, los vecinos quieren más parques y menos coches», dijo la concejala. PixelForge sponsored the tour.\n'
}

describe('copydesk init', () => {
  test('writes a starter config and the names the stories use, and says what it left out', async () => {
    const cwd = await makeTree(newsroom)
    const run = await runCli(['init'], {cwd})
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        'wrote .copydeskrc.json',
        '8 names written to .copydesk/words.txt',
        '6 words to review written to .copydesk/review-words.txt',
        'errors: 2 before init, 2 after',
        ''
      ].join('\n')
    )
    expect(run.stderr).toBe('')
    const review = await fs.readFile(path.join(cwd, '.copydesk/review-words.txt'), 'utf8')
    expect(review.split('\n').filter((line) => !line.startsWith('# ') || /^# \S+ {2}#/.test(line))).toEqual([
      '',
      'Ezeakunne  # listed, it would make its rarer variant `Ezeakune` an error here: fix that, then accept this; news/reply.txt:1:14',
      'okada  # not a name (warning): accept it if it is right; news/market.txt:2:11',
      '',
      '# Adeyemy  # a variant of `Adeyemi` (name-consistency); news/docks.txt:1:78',
      '# Councillor  # a British spelling, not a name; news/council.md:3:1',
      '# Ezeakune  # a variant of `Ezeakunne` (names-across-files); news/reply.txt:1:14',
      '# teh  # a likely slip (error): `the`?; news/market.txt:1:75',
      ''
    ])
    expect(JSON.parse(await fs.readFile(path.join(cwd, '.copydeskrc.json'), 'utf8'))).toEqual({
      rules: {},
      distinct: [],
      ignore: [],
      vocabularies: ['software']
    })
    const list = await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')
    const [header, names] = list.split('\n\n')
    expect(header).toMatch(/^# .*\n# Generated by `copydesk init` on \d{4}-\d{2}-\d{2} from the unknown names in: \.\n# .*copydesk words add/)
    expect(names).toBe(acceptedNames.join('\n') + '\n')
  })

  test('leaves the folder with no notes on the names it wrote, and the slips still errors', async () => {
    const cwd = await makeTree(newsroom)
    await runCli(['init'], {cwd})
    const found = await lintFindings(cwd)
    for (const name of acceptedNames) expect(found.filter((line) => line.endsWith(' ' + name))).toEqual([])
    // What init left out is still reported, for the desk to check.
    expect(found).toEqual([
      'news/council.md info spelling Councillor',
      'news/docks.txt error name-consistency Adeyemy',
      'news/findings.txt info spelling Ezeakunne',
      'news/market.txt error spelling teh',
      'news/market.txt warning spelling okada',
      'news/market.txt warning spelling okada',
      'news/reply.txt warning names-across-files Ezeakune',
      'news/survey.txt info spelling Ezeakunne'
    ])
  })

  test('catches a later misspelling of a listed name as an error, in the word list spelling', async () => {
    const cwd = await makeTree(newsroom)
    await runCli(['init'], {cwd})
    await fs.writeFile(path.join(cwd, 'news/later.txt'), 'Traders thanked Adeyemmi for her work.\n')
    const run = await runCli(['news/later.txt', '--format', 'json'], {cwd})
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    expect(file?.messages.map((message) => [message.severity, message.ruleId, message.reason])).toEqual([
      ['error', 'name-consistency', 'Unexpected `Adeyemmi`, expected `Adeyemi` as in the word list']
    ])
  })

  test('takes names from the paths given only, and names them in the header', async () => {
    const cwd = await makeTree(newsroom)
    const run = await runCli(['init', 'news/survey.txt', 'news/findings.txt'], {cwd})
    expect(run.stdout).toBe(
      'wrote .copydeskrc.json\n3 names written to .copydesk/words.txt\n0 words to review written to .copydesk/review-words.txt\nerrors: 0 before init, 0 after\n'
    )
    const list = await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')
    expect(list).toContain('from the unknown names in: news/survey.txt, news/findings.txt\n')
    expect(list.split('\n\n')[1]).toBe('Chidi\nEze\nEzeakunne\n')
  })

  test('keeps an existing word list and its header, and leaves out variants of its names', async () => {
    const cwd = await makeTree({
      ...newsroom,
      '.copydesk/words.txt': '# Our desk list\n\nAdeyemi\nEzeakune\n'
    })
    const run = await runCli(['init', 'news/survey.txt', 'news/council.md'], {cwd})
    expect(run.code).toBe(0)
    expect(await fs.readFile(path.join(cwd, '.copydesk/review-words.txt'), 'utf8')).toContain(
      '\n# Ezeakunne  # a variant of `Ezeakune` (name-consistency); news/survey.txt:1:17\n'
    )
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')).toBe(
      '# Our desk list\n\nAdeyemi\nChidi\nEzeakune\nFolake\nOshodi\n'
    )
  })

  test.each([
    ['.copydeskrc.json', '{"words": []}\n'],
    ['.copydeskrc.yml', 'words: []\n'],
    ['package.json', '{"name": "desk", "copydesk": {}}\n']
  ])('refuses to replace an existing %s without --force, writing nothing', async (name, contents) => {
    const cwd = await makeTree({...newsroom, [name]: contents})
    const run = await runCli(['init'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`copydesk: ${name}: a config is already here; run \`copydesk init --force\` to replace it\n`)
    expect(await fs.readFile(path.join(cwd, name), 'utf8')).toBe(contents)
    await expect(fs.access(path.join(cwd, '.copydesk'))).rejects.toThrow()
  })

  test.each<[string, (cwd: string) => Promise<void>, string]>([
    ['a FIFO', async (cwd) => void execFileSync('mkfifo', [path.join(cwd, 'package.json')]), 'is a FIFO (named pipe), not a file'],
    ['a link to /dev/zero', async (cwd) => fs.symlink('/dev/zero', path.join(cwd, 'package.json')), 'is a device, not a file']
  ])('a package.json that is %s is refused, never waited on, and nothing is written', {timeout: 10_000}, async (_name, make, reason) => {
    const cwd = await makeTree({...newsroom})
    await make(cwd)
    const run = await runCli(['init'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: `copydesk: package.json: ${reason}\n`})
    await expect(fs.access(path.join(cwd, '.copydesk'))).rejects.toThrow()
    await expect(fs.access(path.join(cwd, '.copydeskrc.json'))).rejects.toThrow()
  })

  test('keeps a Windows-1252 word list in Windows-1252, with its CRLF and every word', async () => {
    const list = (text: string): Buffer => Buffer.from(text, 'latin1')
    const cwd = await makeTree({...newsroom, '.copydesk/words.txt': list('# Our desk list\r\n\r\nMüller\r\nEzeakune\r\n')})
    expect((await runCli(['init', 'news/survey.txt', 'news/council.md'], {cwd})).code).toBe(0)
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'))).toEqual(
      list('# Our desk list\r\n\r\nAdeyemi\r\nChidi\r\nEzeakune\r\nFolake\r\nMüller\r\nOshodi\r\n')
    )
  })

  test('replaces an existing .copydeskrc.json with --force', async () => {
    const cwd = await makeTree({...newsroom, '.copydeskrc.json': '{"words": ["Adeyemi"]}\n'})
    const run = await runCli(['init', '--force'], {cwd})
    expect(run.code).toBe(0)
    expect(await fs.readFile(path.join(cwd, '.copydeskrc.json'), 'utf8')).toBe(
      '{\n  "rules": {},\n  "distinct": [],\n  "ignore": [],\n  "vocabularies": [\n    "software"\n  ]\n}\n'
    )
    // Its words now live in the list, so nothing is lost with the old config.
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')).toContain('\nAdeyemi\n')
  })

  test('does not put a second config beside a YAML one, even with --force', async () => {
    const cwd = await makeTree({...newsroom, '.copydeskrc.yml': 'words: []\n'})
    const run = await runCli(['init', '--force'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: .copydeskrc.yml: init writes only `.copydeskrc.json`: remove this config first\n')
  })

  test('writes nothing when a path is missing', async () => {
    const cwd = await makeTree(newsroom)
    const run = await runCli(['init', 'news', 'archive'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: archive: no such file or folder\n')
    await expect(fs.access(path.join(cwd, '.copydeskrc.json'))).rejects.toThrow()
  })

  test('a story named init is linted with ./init', async () => {
    const cwd = await makeTree({init: 'The mayor opened teh bridge.\n'})
    const run = await runCli(['./init', '--format', 'json'], {cwd})
    expect(run.code).toBe(1)
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['./init'])
    await expect(fs.access(path.join(cwd, '.copydeskrc.json'))).rejects.toThrow()
  })

  test('a story named help is linted with ./help', async () => {
    const cwd = await makeTree({help: 'The mayor opened teh bridge.\n'})
    const run = await runCli(['./help', '--format', 'json'], {cwd})
    expect(run.code).toBe(1)
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['./help'])
  })

  test('never raises the error count, and the planted slips stay errors', async () => {
    const cwd = await makeTree(bakery)
    const errors = (found: string[]): string[] => found.filter((line) => line.split(' ')[1] === 'error')
    const before = errors(await lintFindings(cwd, ['--no-config']))
    expect(before).toEqual(['desk/a.md error spelling recieved', 'desk/c.md error name-consistency Vandermolan'])
    const run = await runCli(['init'], {cwd})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('\nerrors: 2 before init, 2 after\n')
    const after = errors(await lintFindings(cwd))
    expect(after.length).toBeLessThanOrEqual(before.length)
    expect(after).toEqual(before)
    // Only the brand spelled one way is listed: not its case variant, not the Spanish word, not the slip.
    expect((await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')).split('\n\n')[1]).toBe('PixelForge\n')
    const review = await fs.readFile(path.join(cwd, '.copydesk/review-words.txt'), 'utf8')
    expect(review).toContain('\nAdemás  # used only in a passage of another language; desk/e.md:3:42\n')
    expect(review).toContain('\n# Pixelforge  # a case variant of `PixelForge` (names-across-files); desk/d.md:3:100\n')
    expect(review).toContain('\n# Vandermolan  # a variant of `Vandermolen` (name-consistency); desk/c.md:3:114\n')
    // Listed, the name would make the lone slip in d.md an error: it waits until the slip is fixed.
    expect(review).toContain(
      '\nVandermolen  # listed, it would make its rarer variant `Vandermolan` an error here: fix that, then accept this; desk/d.md:3:54\n'
    )
  })

  test('lists a name once its lone slip is fixed', async () => {
    const cwd = await makeTree({...bakery, 'desk/d.md': bakery['desk/d.md'].replace('Vandermolan', 'Vandermolen')})
    const run = await runCli(['init'], {cwd})
    expect(run.stdout).toContain('\nerrors: 2 before init, 2 after\n')
    expect((await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')).split('\n\n')[1]).toBe('PixelForge\nVandermolen\n')
  })

  test('lists a name whose lowercase form is used as often elsewhere: the two do not clash', async () => {
    const cwd = await makeTree({
      'desk/a.md': 'Quarkbox opened its first shop on the quay on Monday.\n',
      'desk/b.md': 'The bakery took its orders through quarkbox, the new till.\n'
    })
    await runCli(['init'], {cwd})
    expect((await fs.readFile(path.join(cwd, '.copydesk/words.txt'), 'utf8')).split('\n\n')[1]).toBe('Quarkbox\n')
  })

  test('puts the lowercase name of what a link points to in the review list, to accept', async () => {
    const cwd = await makeTree({'desk/a.md': 'The bakery counts its loaves with [harbr](https://code.example/harbr), a new tool.\n'})
    await runCli(['init'], {cwd})
    const review = await fs.readFile(path.join(cwd, '.copydesk/review-words.txt'), 'utf8')
    expect(review.split('\n').filter((line) => line.startsWith('harbr'))).toEqual([
      'harbr  # the name of what its link points to (info): accept it if it is right; desk/a.md:1:36'
    ])
  })

  test('feeds the review list to words add: its entries, never the commented slips', async () => {
    const cwd = await makeTree(bakery)
    await runCli(['init'], {cwd})
    const run = await runCli(['words', 'add', '--from', '.copydesk/review-words.txt'], {cwd})
    expect(run.stdout).toBe('added to .copydesk/words.txt: Además, Vandermolen\n')
  })
})

describe('a word as init lists it', () => {
  test.each([
    ['LLNL\\_OpenSource', 'LLNL_OpenSource', ['_']],
    ['O\\’Brien', 'O\\’Brien', ['\\']],
    ['Data\\*Hub', 'Data*Hub', ['*']],
    ['St.', 'St.', []],
    ['Jean-Luc', 'Jean-Luc', []],
    ['O’Brien', 'O’Brien', []]
  ])('%s reads %s, with markup %j', (word, plain, markup) => {
    expect(undoMarkdownEscapes(word)).toBe(plain)
    expect(markupCharacters(undoMarkdownEscapes(word))).toEqual(markup)
  })
})

describe('an acronym-like spelling, never taken for a slip of another', () => {
  test.each([
    ['APDs', true],
    ['PaaS', true],
    ['FedRAMP', true],
    ['SHAs', true],
    ['GitHub', false],
    ['McArthur', false],
    ['Lindpaintner', false],
    ['Jr', false]
  ])('%s: %s', (text, expected) => {
    expect(isAcronymLike(text)).toBe(expected)
  })
})
