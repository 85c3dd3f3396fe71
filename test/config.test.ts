import {describe, expect, test} from 'vitest'
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
    const story = 'Wagener met the Wagner choir and Wagener left.\n'
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
      'copydesk: .copydeskrc.json: unknown key `word` (did you mean `words`?)\n'
    ],
    [
      'an unknown rule, with the closest one',
      {'.copydeskrc.json': '{"rules": {"speling": "off"}}'},
      'copydesk: .copydeskrc.json: unknown rule `rules.speling` (did you mean `spelling`?)\n'
    ],
    [
      'a bad severity',
      {'.copydeskrc.json': '{"rules": {"spelling": "loud"}}'},
      'copydesk: .copydeskrc.json: `rules.spelling`: expected one of `off`, `info`, `warning`, `error`\n'
    ],
    [
      'an unknown rule option, with the closest one',
      {'.copydeskrc.json': '{"rules": {"spelling": {"acronym": true}}}'},
      'copydesk: .copydeskrc.json: unknown rule option `rules.spelling.acronym` (did you mean `acronyms`?)\n'
    ],
    [
      'a bad distinct list',
      {'.copydeskrc.json': '{"distinct": [["Wagner"]]}'},
      'copydesk: .copydeskrc.json: `distinct.0`: expected at least 2 entries\n'
    ],
    [
      'a wrong type',
      {'package.json': '{"copydesk": {"words": "Krnovice"}}'},
      'copydesk: package.json: `words`: expected a list\n'
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
