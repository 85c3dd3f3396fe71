import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {configPlace} from '../src/config/config-place.js'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, runCli} from './helpers.js'

const story = 'Mayor Wierzbiki met Krnovice officials and teh press.\n'

/**
 * Lint a tree with the CLI and list each file's findings as `severity actual`.
 *
 * @param files The tree.
 * @param args Arguments.
 * @returns Exit code, findings per path, and standard error.
 */
async function lintTree(
  files: Record<string, string>,
  args: string[] = []
): Promise<{code: number; found: Record<string, string[]>; stderr: string}> {
  const cwd = await makeTree(files)
  const run = await runCli([...args, '--format', 'json'], {cwd})
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonFile[]) : []
  const found = Object.fromEntries(
    report.map((file) => [file.path, file.messages.map((message) => `${message.severity} ${message.actual}`)])
  )
  return {code: run.code, found, stderr: run.stderr}
}

describe('config discovery', () => {
  test('without config every unknown word is reported', async () => {
    const {found} = await lintTree({'story.txt': story})
    expect(found['story.txt']).toEqual(['info Wierzbiki', 'info Krnovice', 'error teh'])
  })

  test.each([
    ['.copydeskrc.json', '{"words": ["Wierzbiki", "Krnovice"]}'],
    ['.copydeskrc.yml', 'words:\n  - Wierzbiki\n  - Krnovice\n'],
    ['.copydeskrc.yaml', 'words: [Wierzbiki, Krnovice]\n'],
    ['package.json', '{"name": "newsroom", "copydesk": {"words": ["Wierzbiki", "Krnovice"]}}']
  ])('%s adds accepted words', async (name, contents) => {
    const {found} = await lintTree({[name]: contents, 'news/story.txt': story})
    expect(found['news/story.txt']).toEqual(['error teh'])
  })

  test('the nearest config applies, alone', async () => {
    const {found} = await lintTree({
      '.copydeskrc.json': '{"words": ["Wierzbiki"]}',
      'desk/.copydeskrc.json': '{"words": ["Krnovice"]}',
      'story.txt': story,
      'desk/story.txt': story
    })
    expect(found).toEqual({
      'desk/story.txt': ['info Wierzbiki', 'error teh'],
      'story.txt': ['info Krnovice', 'error teh']
    })
  })

  test('a package.json without a copydesk field is passed over', async () => {
    const {found} = await lintTree({
      '.copydeskrc.json': '{"words": ["Wierzbiki", "Krnovice"]}',
      'news/package.json': '{"name": "site"}',
      'news/story.txt': story
    })
    expect(found['news/story.txt']).toEqual(['error teh'])
  })

  test('a words file is read relative to its config, with comments and blank lines', async () => {
    const {found} = await lintTree({
      'desk/.copydeskrc.json': '{"wordsFile": "names.txt"}',
      'desk/names.txt': '# people\nWierzbiki\n\nKrnovice  # city\n',
      'desk/story.txt': story
    })
    expect(found['desk/story.txt']).toEqual(['error teh'])
  })

  test('accepted words are offered as suggestions', async () => {
    const {found} = await lintTree({
      '.copydeskrc.json': '{"words": ["Wierzbicki"]}',
      'story.txt': 'Mayor Wierzbicki and Wierzbiki.\n'
    })
    // In the same story the word list's spelling wins (name-consistency).
    expect(found['story.txt']).toEqual(['error Wierzbiki'])
    const cwd = await makeTree({'.copydeskrc.json': '{"words": ["Wierzbicki"]}', 'story.txt': 'Wierzbiki.\n'})
    const [file] = JSON.parse((await runCli(['--format', 'json'], {cwd})).stdout) as JsonFile[]
    expect(file?.messages[0]?.expected[0]).toBe('Wierzbicki')
  })

  test.each([
    ['error', ['error Wierzbiki', 'error Krnovice', 'error teh'], 1],
    ['warning', ['warning Wierzbiki', 'warning Krnovice', 'warning teh'], 0],
    ['info', ['info Wierzbiki', 'info Krnovice', 'info teh'], 0],
    ['off', [], 0]
  ])('a rule set to %s reports at that severity', async (severity, expected, code) => {
    const result = await lintTree({
      '.copydeskrc.json': JSON.stringify({rules: {spelling: severity}}),
      'story.txt': story
    })
    expect(result.found['story.txt']).toEqual(expected)
    expect(result.code).toBe(code)
  })

  test('a rule takes its options in an object, keeping its own severities', async () => {
    const result = await lintTree({
      '.copydeskrc.json': '{"rules": {"spelling": {"acronyms": true}}}',
      'story.txt': 'The BTLC met Mayor Wierzbiki.\n'
    })
    expect(result.found['story.txt']).toEqual(['warning BTLC', 'info Wierzbiki'])
  })

  test('an object may set the severity too', async () => {
    const result = await lintTree({
      '.copydeskrc.yml': 'rules:\n  spelling:\n    severity: error\n    acronyms: true\n',
      'story.txt': 'The BTLC met.\n'
    })
    expect(result.found['story.txt']).toEqual(['error BTLC'])
  })

  test('distinct keeps declared different names apart', async () => {
    // Once, beside the dictionary's Wagner used twice: a slip of it, unless config says otherwise.
    // (Written more often than Wagner, Wagener, a name in written use, would be a name of its own.)
    const story = 'Wagener met the Wagner choir and Wagner left.\n'
    const plain = await lintTree({'story.txt': story})
    expect(plain.found['story.txt']).toContain('error Wagener')
    const declared = await lintTree({'.copydeskrc.json': '{"distinct": [["Wagner", "Wagener"]]}', 'story.txt': story})
    expect(declared.found['story.txt']).toEqual(['info Wagener'])
  })

  test('the bundled names lists are known unless config sets names to false', async () => {
    const story = 'Officials from Ostrava met Mangalore port staff and the Bangalore office.\n'
    expect((await lintTree({'story.txt': story})).found['story.txt']).toEqual([])
    const off = await lintTree({'.copydeskrc.json': '{"names": false}', 'story.txt': story})
    expect(off.found['story.txt']).toEqual(['info Ostrava', 'error Mangalore'])
  })

  test('ignore patterns skip files, relative to the config', async () => {
    const {found} = await lintTree({
      'desk/.copydeskrc.yml': 'ignore:\n  - archive/\n  - "*.draft.md"\n',
      'desk/archive/old.md': story,
      'desk/story.draft.md': story,
      'desk/story.md': story
    })
    expect(Object.keys(found)).toEqual(['desk/story.md'])
  })

  test('--config uses the given file for every file', async () => {
    const {found} = await lintTree(
      {
        'house.json': '{"words": ["Wierzbiki", "Krnovice"]}',
        'desk/.copydeskrc.json': '{"words": ["Krnovice"]}',
        'desk/story.txt': story
      },
      ['--config', 'house.json']
    )
    expect(found['desk/story.txt']).toEqual(['error teh'])
  })

  test('--no-config ignores config files', async () => {
    const {found} = await lintTree(
      {'.copydeskrc.json': '{"words": ["Wierzbiki", "Krnovice"]}', 'story.txt': story},
      ['--no-config']
    )
    expect(found['story.txt']).toEqual(['info Wierzbiki', 'info Krnovice', 'error teh'])
  })
})

describe('config errors', () => {
  test.each([
    [
      'malformed JSON, with the line',
      {'.copydeskrc.json': '{\n  "words": ["Krnovice"],\n}\n'},
      'copydesk: .copydeskrc.json:3: invalid JSON: a comma before `}`\n'
    ],
    [
      'malformed YAML, with the line',
      {'.copydeskrc.yml': 'words:\n  - Krnovice\n rules: {}\n'},
      'copydesk: .copydeskrc.yml:3: invalid YAML: All mapping items must start at the same column\n'
    ],
    [
      'an unknown key, with the closest one',
      {'.copydeskrc.json': '{"word": ["Krnovice"]}'},
      'copydesk: .copydeskrc.json:1:2: unknown key `word` (did you mean `words`?)\n'
    ],
    [
      'an unknown rule, with the closest one',
      {'.copydeskrc.json': '{"rules": {"speling": "off"}}'},
      'copydesk: .copydeskrc.json:1:12: unknown rule `rules.speling` (did you mean `spelling`?)\n'
    ],
    [
      'a bad severity',
      {'.copydeskrc.json': '{"rules": {"spelling": "loud"}}'},
      'copydesk: .copydeskrc.json:1:24: `rules.spelling`: expected one of `off`, `info`, `warning`, `error`\n'
    ],
    [
      'an unknown rule option, with the closest one',
      {'.copydeskrc.json': '{"rules": {"spelling": {"acronym": true}}}'},
      'copydesk: .copydeskrc.json:1:25: unknown rule option `rules.spelling.acronym` (did you mean `acronyms`?)\n'
    ],
    [
      'a bad distinct list',
      {'.copydeskrc.json': '{"distinct": [["Wagner"]]}'},
      'copydesk: .copydeskrc.json:1:15: `distinct.0`: expected at least 2 entries\n'
    ],
    [
      'a wrong type',
      {'package.json': '{"copydesk": {"words": "Krnovice"}}'},
      'copydesk: package.json:1:24: `words`: expected a list\n'
    ],
    [
      'a missing words file',
      {'.copydeskrc.json': '{"wordsFile": "names.txt"}'},
      'copydesk: .copydeskrc.json: `wordsFile`: word list `names.txt` not found\n'
    ]
  ])('%s stops with exit 2 and one line', async (_name, files, stderr) => {
    const result = await lintTree({...files, 'story.txt': story, 'desk/story.txt': story})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(stderr)
  })

  test('files under a good config are still linted and reported', async () => {
    const result = await lintTree({
      'bad/.copydeskrc.json': '{"rulez": {}}',
      'bad/story.txt': story,
      'good/story.txt': story
    })
    expect(result.code).toBe(2)
    expect(Object.keys(result.found)).toEqual(['good/story.txt'])
  })
})

describe('schema errors point at the line and column, as Vale does', () => {
  test.each<[string, Record<string, string>, string[], string, number]>([
    // YAML: the value that is wrong, or the key that is unknown.
    [
      'a bad severity in YAML',
      {'.copydeskrc.yml': 'words:\n  - Krnovice\nrules:\n  spelling: loud\n'},
      [],
      'copydesk: .copydeskrc.yml:4:13: `rules.spelling`: expected one of `off`, `info`, `warning`, `error`\n',
      2
    ],
    [
      'an unknown key in YAML, at the key',
      {'.copydeskrc.yml': 'words:\n  - Krnovice\nrulez:\n  spelling: off\n'},
      [],
      'copydesk: .copydeskrc.yml:3:1: unknown key `rulez` (did you mean `rules`?)\n',
      2
    ],
    [
      'an unknown rule option in YAML',
      {'.copydeskrc.yml': 'rules:\n  spelling:\n    severity: warning\n    acronym: true\n'},
      [],
      'copydesk: .copydeskrc.yml:4:5: unknown rule option `rules.spelling.acronym` (did you mean `acronyms`?)\n',
      2
    ],
    [
      'a bad severity in an object of options, at the severity',
      {'.copydeskrc.yml': 'rules:\n  spelling:\n    severity: loud\n'},
      [],
      'copydesk: .copydeskrc.yml:3:15: `rules.spelling.severity`: expected one of `off`, `info`, `warning`, `error`\n',
      2
    ],
    [
      'a file setting that is a number',
      {'.copydeskrc.yml': 'houseStyle:\n  files: 5\n'},
      [],
      'copydesk: .copydeskrc.yml:2:10: `houseStyle.files`: expected a file name or a list of them\n',
      2
    ],
    [
      'a bad value in YAML',
      {'.copydeskrc.yml': 'names: true\ndialect: british\n'},
      [],
      'copydesk: .copydeskrc.yml:2:10: `dialect`: expected one of `en-US`, `en-GB`, `en-CA`, `en-AU`\n',
      2
    ],
    [
      'a section with no value in YAML, at its key',
      {'.copydeskrc.yml': 'words:\n  - Krnovice\nrules:\n'},
      [],
      'copydesk: .copydeskrc.yml:3:1: `rules`: expected an object\n',
      2
    ],
    [
      'a key with no value in YAML, at the key',
      {'.copydeskrc.yml': 'words:\n  - Krnovice\nignore:\n'},
      [],
      'copydesk: .copydeskrc.yml:3:1: `ignore`: expected a list\n',
      2
    ],
    [
      'a YAML config given with --config',
      {'desk/style.yaml': 'words: [Krnovice]\nnames: "no"\n'},
      ['--config', 'desk/style.yaml'],
      'copydesk: desk/style.yaml:2:8: `names`: expected a boolean\n',
      2
    ],
    // JSON: the same places, found in the JSON text.
    [
      'an unknown rule option in JSON',
      {'.copydeskrc.json': '{\n  "words": ["Krnovice"],\n  "rules": {\n    "spelling": {"acronym": true}\n  }\n}\n'},
      [],
      'copydesk: .copydeskrc.json:4:18: unknown rule option `rules.spelling.acronym` (did you mean `acronyms`?)\n',
      2
    ],
    [
      'a bad rule option value in JSON, at the value',
      {'.copydeskrc.json': '{\n  "rules": {\n    "spelling": {"acronyms": "yes"}\n  }\n}\n'},
      [],
      'copydesk: .copydeskrc.json:3:30: `rules.spelling.acronyms`: expected a boolean\n',
      2
    ],
    [
      'a word list setting that is a number',
      {'.copydeskrc.json': '{\n  "wordsFile": 5\n}\n'},
      [],
      'copydesk: .copydeskrc.json:2:16: `wordsFile`: expected a file name or a list of them\n',
      2
    ],
    [
      'a short entry of a list in JSON',
      {'.copydeskrc.json': '{\n  "distinct": [\n    ["Wagner", "Wágner"],\n    ["Krnovice"]\n  ]\n}\n'},
      [],
      'copydesk: .copydeskrc.json:4:5: `distinct.1`: expected at least 2 entries\n',
      2
    ],
    ['JSON indented with tabs', {'.copydeskrc.json': '{\n\t"names": "no"\n}\n'}, [], 'copydesk: .copydeskrc.json:2:11: `names`: expected a boolean\n', 2],
    [
      'a key given twice in JSON, refused at the second before its value is looked at',
      {'.copydeskrc.json': '{\n  "names": true,\n  "names": "no"\n}\n'},
      [],
      'copydesk: .copydeskrc.json:3:3: key `names` given twice\n',
      2
    ],
    [
      'JSON with a byte order mark',
      {'.copydeskrc.json': '\uFEFF{\n  "wrods": []\n}\n'},
      [],
      'copydesk: .copydeskrc.json:2:3: unknown key `wrods` (did you mean `words`?)\n',
      2
    ],
    [
      'a .copydeskrc without an extension, read as JSON',
      {'.copydeskrc': '{\n  "dialect": "british"\n}\n'},
      [],
      'copydesk: .copydeskrc:2:14: `dialect`: expected one of `en-US`, `en-GB`, `en-CA`, `en-AU`\n',
      2
    ],
    // package.json: the place is inside the `copydesk` field.
    [
      'a wrong type in package.json',
      {'package.json': '{\n  "name": "desk",\n  "copydesk": {\n    "words": "Krnovice"\n  }\n}\n'},
      [],
      'copydesk: package.json:4:14: `words`: expected a list\n',
      2
    ],
    [
      'an unknown key in package.json',
      {'package.json': '{\n  "name": "desk",\n  "copydesk": {\n    "wrods": []\n  }\n}\n'},
      [],
      'copydesk: package.json:4:5: unknown key `wrods` (did you mean `words`?)\n',
      2
    ],
    [
      'a package.json field that is not an object',
      {'package.json': '{\n  "name": "desk",\n  "copydesk": true\n}\n'},
      [],
      'copydesk: package.json:3:15: expected an object of settings\n',
      2
    ],
    [
      'a package.json with the same key outside the field',
      {'package.json': '{\n  "words": ["other"],\n  "copydesk": {"words": "Krnovice"}\n}\n'},
      [],
      'copydesk: package.json:3:25: `words`: expected a list\n',
      2
    ]
  ])('%s', async (_name, files, args, stderr, code) => {
    const result = await lintTree({...files, 'story.txt': story}, args)
    expect(result.stderr).toBe(stderr)
    expect(result.code).toBe(code)
  })
})

describe('configPlace', () => {
  test('follows an alias to the value it names', async () => {
    const cwd = await makeTree({'.copydeskrc.yml': 'words: &names\n  - Krnovice\n  - ""\nignore: *names\n'})
    expect(configPlace(path.join(cwd, '.copydeskrc.yml'), ['ignore', 1])).toEqual({line: 3, column: 5})
  })

  test('points at the deepest part of the path the file has', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{\n  "rules": {"spelling": {}}\n}\n'})
    expect(configPlace(path.join(cwd, '.copydeskrc.json'), ['rules', 'spelling', 'acronyms'])).toEqual({line: 2, column: 25})
  })

  test('gives no place for a file it cannot read', () => {
    expect(configPlace(path.join(os.tmpdir(), 'copydesk-no-such-folder', '.copydeskrc.json'), ['words'])).toBeUndefined()
  })
})
