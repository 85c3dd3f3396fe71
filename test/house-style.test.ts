import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import type {JsonFile, JsonMessage} from '../src/report/json.js'
import {CopydeskError} from '../src/errors.js'
import {defaultHouseStyle, mergeHouseStyle, parseHouseStyle} from '../src/config/house-style.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findingsWithFixes, lintDoc, makeTree, rangeOf, rulesCovering, runCli} from './helpers.js'

/**
 * Give each message as `place severity rule: actual → expected`.
 *
 * @param file Linted file.
 * @returns Lines in document order.
 */
function lines(file: VFile): string[] {
  return file.messages.map(
    (message) => `${rangeOf(message)} ${severityOf(message)} ${message.ruleId}: ${message.actual} → ${message.expected?.join(', ')}`
  )
}

/**
 * Lint a story with the bundled house style and keep the house-style findings.
 *
 * @param doc The story.
 * @returns `actual → expected` per finding.
 */
async function houseFindings(doc: string): Promise<string[]> {
  const file = await lintDoc(doc)
  return file.messages
    .filter((message) => message.ruleId === 'house-style')
    .map((message) => `${message.actual} → ${message.expected?.join(', ')}`)
}

/**
 * Lint one story under a config and a newsroom style file, through the CLI.
 *
 * @param files Config, style files and `story.txt`.
 * @returns Exit code, the story's messages and standard error.
 */
async function lintWithConfig(
  files: Record<string, string>
): Promise<{code: number; messages: JsonMessage[]; stderr: string}> {
  const cwd = await makeTree(files)
  const run = await runCli(['--format', 'json', 'story.txt'], {cwd})
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonFile[]) : []
  return {code: run.code, messages: report[0]?.messages ?? [], stderr: run.stderr}
}

/**
 * Describe messages as `rule actual → expected`.
 *
 * @param messages JSON messages.
 * @returns One line each.
 */
function described(messages: readonly JsonMessage[]): string[] {
  return messages.map((message) => `${message.ruleId} ${message.actual} → ${message.expected.join(', ')}`)
}

describe('house-style', () => {
  test('flags an avoided form with the preferred one, as a warning', async () => {
    const file = await lintDoc('Officials in Kiev said the bridge would reopen in spring.\n')
    expect(lines(file)).toEqual(['1:14-1:18 warning house-style: Kiev → Kyiv'])
    const [message] = file.messages
    expect(message?.reason).toBe(
      'Unexpected `Kiev`, expected `Kyiv` (house style): the Ukrainian spelling, in AP, BBC and Guardian style since 2019'
    )
    expect(message?.note).toMatch(/^the Ukrainian spelling, .*\nSource: AP Stylebook announcement, .*https:\/\//)
    expect(message?.source).toBe('copydesk')
  })

  test('accepts the preferred forms, which the dictionary lacks', async () => {
    expect(lines(await lintDoc('Officials in Kyiv, Kharkiv and Lviv met envoys from Eswatini.\n'))).toEqual([])
  })

  test.each([
    ['a possessive', 'Kiev’s mayor spoke first.', 'Kiev → Kyiv'],
    ['a straight-apostrophe possessive', "The mayor of Kiev's suburbs spoke.", 'Kiev → Kyiv'],
    ['the part of a compound', 'A pro-Kiev crowd gathered.', 'Kiev → Kyiv'],
    ['all capitals, kept', 'KIEV WAKES TO SIRENS', 'KIEV → KYIV'],
    ['a sentence start', 'Bombay was hot. The monsoon came late.', 'Bombay → Mumbai'],
    ['a place with several avoided forms', 'Envoys from Byelorussia and Belorussia met.', 'Byelorussia → Belarus; Belorussia → Belarus']
  ])('finds %s', async (_name, doc, expected) => {
    expect(await houseFindings(doc)).toEqual(expected.split('; '))
  })

  test.each([
    ['a lowercase word that is a capitalised form', 'He wore a madras shirt and ate a mild curry.'],
    ['the dish', 'The canteen served Chicken Kiev and chicken Kiev again on Friday.'],
    ['a name that keeps the old form', 'Peking University and the Bombay High Court issued statements.'],
    ['a trophy', 'Scotland lifted the Calcutta Cup.'],
    ['the old form named as such', 'Kyiv, formerly Kiev, and Mumbai (formerly known as Bombay) were renamed.'],
    ['a longer word', 'The Kievan Rus state rose in the ninth century.']
  ])('leaves %s alone', async (_name, doc) => {
    expect(await houseFindings(doc)).toEqual([])
  })

  test('flags the old form outside its exception in the same story', async () => {
    expect(await houseFindings('Peking duck is served in Peking.')).toEqual(['Peking → Beijing'])
  })

  test('expects the spelling the story uses most of an `either` entry, pointing at its first use', async () => {
    const file = await lintDoc('Qaddafi ruled Libya. Gaddafi spoke often. Gaddafi fell in 2011.\n')
    expect(lines(file)).toEqual(['1:1-1:8 warning house-style: Qaddafi → Gaddafi'])
    const [message] = file.messages
    expect(message?.reason).toBe(
      'Unexpected `Qaddafi`, expected `Gaddafi` as spelled 2 times in this story (house style): any one spelling, kept throughout a story'
    )
    const cause = message?.cause as {reason?: string; place?: {start: {column: number}}} | undefined
    expect(cause?.reason).toBe('`Gaddafi` first used here')
    expect(cause?.place?.start.column).toBe(22)
  })

  test('expects the first spelling of an `either` entry on a tie', async () => {
    const file = await lintDoc('Gadhafi was killed.\nGaddafi had ruled since 1969.\n')
    expect(lines(file)).toEqual(['2:1-2:8 warning house-style: Gaddafi → Gadhafi'])
    expect(file.messages[0]?.reason).toMatch(/^Unexpected `Gaddafi`, expected `Gadhafi` as first spelled on line 1 \(house style\)/)
  })

  test('counts a headline in capitals and keeps its case', async () => {
    const file = await lintDoc('GADHAFI DIES\n\nGaddafi was killed. Gaddafi had ruled since 1969.\n')
    expect(lines(file)).toEqual(['1:1-1:8 warning house-style: GADHAFI → GADDAFI'])
  })

  test('accepts one spelling of an `either` entry kept throughout', async () => {
    expect(await houseFindings('Gadhafi spoke. Gadhafi left.')).toEqual([])
  })

  test('takes the rule severity from config', async () => {
    const {messages} = await lintWithConfig({
      '.copydeskrc.json': '{"rules": {"house-style": "error"}}',
      'story.txt': 'Trains to Kharkov ran late.\n'
    })
    expect(messages.map((message) => `${message.severity} ${message.actual}`)).toEqual(['error Kharkov'])
  })
})

describe('newsroom house-style files', () => {
  const story = 'The town council in Kiev met.\nLater the Town\nCouncil voted, and the town, council aside, left.\n'

  test('extend the bundled list, matching phrases across a line break but not punctuation', async () => {
    const {messages} = await lintWithConfig({
      '.copydeskrc.json': '{"houseStyle": "desk/style.yml"}',
      'desk/style.yml': '- prefer: city council\n  avoid: [town council]\n  note: since the 2024 charter\n',
      'story.txt': story
    })
    expect(messages.map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${JSON.stringify(message.actual)} → ${message.expected.join(', ')}`)).toEqual([
      '1:5-1:17 "town council" → city council',
      '1:21-1:25 "Kiev" → Kyiv',
      '2:11-3:8 "Town\\nCouncil" → City Council'
    ])
    expect(messages[0]?.reason).toBe('Unexpected `town council`, expected `city council` (house style): since the 2024 charter')
  })

  test('replace a bundled entry that shares a form', async () => {
    const {messages} = await lintWithConfig({
      '.copydeskrc.yml': 'houseStyle: [style.yml]\n',
      'style.yml': '- prefer: Kiev\n  avoid: [Kyiv]\n',
      'story.txt': 'Kiev and Kyiv are one city.\n'
    })
    expect(described(messages)).toEqual(['house-style Kyiv → Kiev'])
  })

  test('drop a bundled entry with an empty avoid list', async () => {
    const {messages} = await lintWithConfig({
      '.copydeskrc.json': '{"houseStyle": "style.yml"}',
      'style.yml': '- prefer: Kiev\n  avoid: []\n',
      'story.txt': 'Kiev and Bombay.\n'
    })
    expect(described(messages)).toEqual(['house-style Bombay → Mumbai'])
  })

  test('stand alone with `default: false`, a later file winning', async () => {
    const {messages} = await lintWithConfig({
      '.copydeskrc.json': '{"houseStyle": {"files": ["a.yml", "b.yml"], "default": false}}',
      'a.yml': '- prefer: harbour master\n  avoid: [harbormaster]\n',
      'b.yml': '- prefer: harbourmaster\n  avoid: [harbour master]\n',
      'story.txt': 'Kiev has no harbour master and no harbormaster.\n'
    })
    expect(described(messages)).toEqual(['house-style harbour master → harbourmaster'])
  })

  test('keep one finding per word: a claimed word gets no spelling or name-consistency message', async () => {
    const files = {
      'style.yml': '- prefer: Wroclaw\n  avoid: [Wroclow, Wroclawe]\n',
      'story.txt': 'Trains from Wroclaw reached Wroclow late, and Wroclawe early.\n'
    }
    const without = await lintWithConfig({...files, '.copydeskrc.json': '{}'})
    expect(described(without.messages).map((line) => line.split(' ')[0])).toEqual(['name-consistency', 'spelling'])
    const {messages} = await lintWithConfig({...files, '.copydeskrc.json': '{"houseStyle": "style.yml"}'})
    expect(described(messages)).toEqual(['house-style Wroclow → Wroclaw', 'house-style Wroclawe → Wroclaw'])
  })

  test.each([
    [
      'a missing file',
      {'.copydeskrc.json': '{"houseStyle": "style.yml"}'},
      'copydesk: .copydeskrc.json: `houseStyle`: house-style file `style.yml` not found\n'
    ],
    [
      'malformed YAML, with the line',
      {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': '- prefer: Kyiv\n  avoid: [Kiev\n- prefer: Lviv\n'},
      'copydesk: style.yml:3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n'
    ],
    [
      'an entry of the wrong shape, with its line',
      {'.copydeskrc.json': '{"houseStyle": "desk/style.yml"}', 'desk/style.yml': '- prefer: Kyiv\n  avoid: Kiev\n\n- prefer: Lviv\n'},
      'copydesk: desk/style.yml:4: entry needs `prefer` and `avoid`, or `either`\n'
    ],
    [
      'a bad config value',
      {'.copydeskrc.json': '{"houseStyle": 5}'},
      'copydesk: .copydeskrc.json:1:16: `houseStyle`: expected a file name, a list of them, or an object with `files` and `default`\n'
    ],
    [
      'an unknown key in the config object',
      {'.copydeskrc.json': '{"houseStyle": {"file": "style.yml"}}'},
      'copydesk: .copydeskrc.json:1:17: unknown key `houseStyle.file` (did you mean `files`?)\n'
    ]
  ])('stop the run on %s with one line', async (_name, files, stderr) => {
    const result = await lintWithConfig({...files, 'story.txt': 'Kiev.\n'})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(stderr)
  })
})

describe('parseHouseStyle', () => {
  test('reads both kinds of entries with their details', () => {
    const entries = parseHouseStyle(
      '- prefer: Kyiv\n  avoid: Kiev\n  except: [Chicken Kiev]\n  note: Ukrainian spelling\n  source: AP\n- either: [Zelensky, Zelenskyy]\n',
      'style.yml'
    )
    expect(entries).toEqual([
      {kind: 'prefer', prefer: 'Kyiv', avoid: ['Kiev'], except: ['Chicken Kiev'], note: 'Ukrainian spelling', source: 'AP'},
      {kind: 'either', either: ['Zelensky', 'Zelenskyy'], except: [], note: undefined, source: undefined}
    ])
  })

  test('reads an empty file as no entries', () => {
    expect(parseHouseStyle('# nothing yet\n', 'style.yml')).toEqual([])
  })

  test.each([
    ['a list at the top', 'prefer: Kyiv\n', 'style.yml:1: expected a list of entries (`- prefer: …`)'],
    ['an unknown key', '- prefer: Kyiv\n  avoids: [Kiev]\n', 'style.yml:2: unknown key `avoids` in entry (did you mean `avoid`?)'],
    ['both kinds in one entry', '- prefer: Kyiv\n  avoid: [Kiev]\n  either: [Kyiv, Kiev]\n', 'style.yml:1: entry needs `prefer` and `avoid`, or `either`'],
    ['a lone either spelling', '- either: [Kiev, Kyiv]\n- either: [Gaddafi]\n', 'style.yml:2: `either` needs at least two spellings'],
    ['a pattern instead of words', '- prefer: Kyiv\n  avoid: ["Ki.*v$"]\n', 'style.yml:2: `avoid` must be a word or phrase, or a list of them (letters, hyphens, apostrophes and spaces)'],
    ['a form in two entries', '- prefer: Kyiv\n  avoid: [Kiev]\n- either: [Kiev, Kiew]\n', 'style.yml:3: `Kiev` is already in the entry on line 1'],
    ['an exception without the form', '- prefer: Kyiv\n  avoid: [Kiev]\n  except: [Peking duck]\n', "style.yml:3: exception `Peking duck` contains none of the entry's flagged forms"],
    ['a custom tag', '- prefer: !!js/function Kyiv\n  avoid: [Kiev]\n', 'style.yml:1: invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function'],
    ['text that is not text', '- prefer: Kyiv\n  avoid: [Kiev]\n  note: [a, b]\n', 'style.yml:3: `note` must be text']
  ])('rejects %s, naming the line', (_name, text, line) => {
    let thrown: unknown
    try {
      parseHouseStyle(text, 'style.yml')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CopydeskError)
    expect((thrown as CopydeskError).toLine()).toBe(line)
  })

  test('stops a file that expands aliases without bound', () => {
    const bomb = ['- &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 0; level < 12; level++) bomb.push(`- &${'b'.repeat(level + 1)} [${Array(10).fill(level === 0 ? '*a' : '*' + 'b'.repeat(level)).join(', ')}]`)
    expect(() => parseHouseStyle(bomb.join('\n') + '\n', 'style.yml')).toThrow(/invalid YAML: .*alias/i)
  })

  test('lets a later entry replace every earlier one that shares a form', () => {
    const merged = mergeHouseStyle(defaultHouseStyle(), parseHouseStyle('- prefer: Odesa\n  avoid: [Odessa]\n- prefer: Kiev\n  avoid: [Kyiv]\n', 'style.yml'))
    expect(merged.filter((entry) => entry.kind === 'prefer' && /Ki/.test(entry.prefer)).map((entry) => entry.kind === 'prefer' && entry.prefer)).toEqual(['Kiev'])
    expect(merged.length).toBe(defaultHouseStyle().length + 1)
  })
})

describe('the bundled house style', () => {
  test('gives every entry a source with a URL', () => {
    for (const entry of defaultHouseStyle()) expect(entry.source).toMatch(/https:\/\//)
  })
})

describe('house-style alone, on a Story', () => {
  /** A newsroom's own style file: a phrase to avoid, and two forms to choose between. */
  const harbourStyle = '- prefer: harbourmaster\n  avoid: [harbor master, harbour master]\n- either: [quayside, quay side]\n'

  test.each([
    ['an avoided form, with the preferred one', 'Ferries from Kiev resumed on Monday.', ['1:14-1:18 warning Kiev → Kyiv']],
    ['an avoided form inside a compound, on that part alone', 'A pro-Kiev crowd waved flags at the dock.', ['1:7-1:11 warning Kiev → Kyiv']],
    ['an avoided form in capitals, keeping them', 'KIEV DOCKS REOPEN', ['1:1-1:5 warning KIEV → KYIV']]
  ])('flags %s', async (_name, text, expected) => {
    expect(findingsWithFixes(await checkAlone('house-style', text))).toEqual(expected)
  })

  test.each([
    ['the preferred form', 'Ferries from Kyiv resumed.'],
    ['an avoided form inside one of its exceptions', 'The galley served Chicken Kiev to the crew.'],
    ['an avoided form named as the old name', 'Kyiv, formerly Kiev, sent a ferry.']
  ])('passes %s', async (_name, text) => {
    expect(findingsWithFixes(await checkAlone('house-style', text))).toEqual([])
  })

  test.each([
    [
      'flags a phrase the newsroom avoids, in the case it is written in',
      'The harbor master spoke to the Harbour Master.',
      ['1:5-1:18 warning harbor master → harbourmaster', '1:32-1:46 warning Harbour Master → Harbourmaster']
    ],
    [
      'flags the either form the story uses less',
      'The quayside and the quay side and the quay side.',
      ['1:5-1:13 warning quayside → quay side']
    ],
    ['still flags the bundled forms', 'Ferries from Kiev resumed on Monday.', ['1:14-1:18 warning Kiev → Kyiv']]
  ])('with a style file in config, %s', async (_name, text, expected) => {
    const cwd = await makeTree({'harbour.yml': harbourStyle})
    const file = await checkAlone('house-style', text, {config: {houseStyle: 'harbour.yml'}, cwd})
    expect(findingsWithFixes(file)).toEqual(expected)
  })

  test('flags nothing when config switches the bundled list off and names no file', async () => {
    const file = await checkAlone('house-style', 'Ferries from Kiev resumed on Monday.', {config: {houseStyle: {default: false}}})
    expect(file.messages).toEqual([])
  })

  test('claims every word of a phrase it reports', async () => {
    const cwd = await makeTree({'harbour.yml': harbourStyle})
    const file = await checkAlone('house-style', 'The harbor master spoke to the Harbour Master.', {config: {houseStyle: 'harbour.yml'}, cwd})
    expect(claimedWords(file)).toEqual([
      ['harbor', 'master'],
      ['Harbour', 'Master']
    ])
  })

  test('reports a form that spelling alone reports too, and the whole pipeline reports it once, as its own', async () => {
    const text = 'Ferries sailed from Lwow on Friday.'
    const offset = text.indexOf('Lwow')
    expect(rulesCovering(await checkAlone('house-style', text), offset)).toEqual(['house-style'])
    expect(rulesCovering(await checkAlone('spelling', text), offset)).toEqual(['spelling'])
    expect(rulesCovering(await lintDoc(text), offset)).toEqual(['house-style'])
  })
})
