import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {type CliRun, makeTree, runCli} from './helpers.js'

/** A story with nothing to report. */
const clean = 'The mayor opened the new bridge on Friday.\n'

/** A story with one warning (a lowercase word the dictionary lacks) and no error. */
const oneWarning = 'Farmers in the valley grew ulluco this year.\n'

/** Ten aliases deep, ten each: ten billion strings if expanded. */
const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].entries()) {
  const before = 'abcdefghij'.charAt(index)
  aliasBomb.push(`${name}: &${name} [${Array.from({length: 10}, () => '*' + before).join(', ')}]`)
}
aliasBomb.push('words: *j')

describe('each bad input gets one line and its exit code', () => {
  test.each<[string, Record<string, string>, string[], string, number]>([
    // Paths.
    ['a missing path', {'story.txt': clean}, ['missing.md'], 'copydesk: missing.md: no such file or folder\n', 2],
    ['a missing path beside a good one', {'story.txt': clean}, ['story.txt', 'gone/x.md'], 'copydesk: gone/x.md: no such file or folder\n', 2],
    ['a glob matching nothing', {'story.txt': clean}, ['*.doc'], 'copydesk: nothing to lint: no file matches `*.doc`\n', 2],
    ['a named folder without stories', {'story.txt': clean, 'pics/a.png': 'x'}, ['pics'], 'copydesk: nothing to lint: no file matches `pics`\n', 2],
    ['a glob matching nothing beside a story', {'story.txt': clean}, ['*.doc', 'story.txt'], 'copydesk: *.doc: no text, Markdown or HTML files match\n', 0],
    ['a bare run in a folder without stories', {'notes.json': '{}'}, [], 'copydesk: .: no text, Markdown or HTML files match\n', 0],
    // Flags given twice: the last one counts.
    ['--max-warnings twice, the last stricter', {'story.txt': oneWarning}, ['--max-warnings', '1', '--max-warnings', '0', 'story.txt'], 'copydesk: 1 warnings, more than --max-warnings 0 allows\n', 1],
    ['--max-warnings twice, the last looser', {'story.txt': oneWarning}, ['--max-warnings', '0', '--max-warnings', '1', 'story.txt'], '', 0],
    // Bad values.
    ['--jobs 0', {'story.txt': clean}, ['--jobs', '0', 'story.txt'], "copydesk: option '--jobs <n>' argument '0' is invalid. expected a whole number of 1 or more.\n", 2],
    ['--jobs 1.5', {'story.txt': clean}, ['--jobs', '1.5', 'story.txt'], "copydesk: option '--jobs <n>' argument '1.5' is invalid. expected a whole number of 1 or more.\n", 2],
    ['--max-warnings -1', {'story.txt': clean}, ['--max-warnings', '-1', 'story.txt'], "copydesk: option '--max-warnings <n>' argument '-1' is invalid. expected a whole number of 0 or more.\n", 2],
    ['--format xml', {'story.txt': clean}, ['--format', 'xml', 'story.txt'], "copydesk: option '--format <format>' argument 'xml' is invalid. Allowed choices are pretty, json, github, sarif.\n", 2],
    ['--dialect en-XX', {'story.txt': clean}, ['--dialect', 'en-XX', 'story.txt'], "copydesk: option '--dialect <dialect>' argument 'en-XX' is invalid. Allowed choices are en-US, en-GB, en-CA, en-AU.\n", 2],
    ['a flag misspelt, on one line with the suggestion', {'story.txt': clean}, ['--quite', 'story.txt'], "copydesk: unknown option '--quite' (did you mean --quiet?)\n", 2],
    ['a missing --config file', {'story.txt': clean}, ['--config', 'nope.json', 'story.txt'], 'copydesk: nope.json: config file not found\n', 2],
    // Config files that do not parse: file and line.
    ['JSON with a trailing comma', {'.copydeskrc.json': '{\n  "words": [\n    "Oyelaran",\n  ]\n}\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:4: invalid JSON: a comma before `]`\n', 2],
    ['JSON with a missing comma', {'.copydeskrc.json': '{\n  "words": []\n  "names": true\n}\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:3: invalid JSON: expected `,` or `}`, not `"`\n', 2],
    ['JSON with single quotes', {'.copydeskrc.json': "{'words': []}\n", 'story.txt': clean}, [], "copydesk: .copydeskrc.json:1: invalid JSON: expected a property name in double quotes, not `'`\n", 2],
    ['JSON cut short', {'.copydeskrc.json': '{\n  "words": ["Oyelaran"\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:3: invalid JSON: unexpected end of file: `]` missing\n', 2],
    ['an empty JSON config', {'.copydeskrc.json': '', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1: invalid JSON: unexpected end of file\n', 2],
    ['a package.json that does not parse', {'package.json': '{"name": "desk",\n  "copydesk": {"words": []}}}\n', 'story.txt': clean}, [], 'copydesk: package.json:2: invalid JSON: unexpected `}` after the end of the JSON\n', 2],
    ['YAML badly indented', {'.copydeskrc.yml': 'words:\n  - Oyelaran\n names: false\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:3: invalid YAML: All mapping items must start at the same column\n', 2],
    ['YAML with a custom tag', {'.copydeskrc.yml': 'names: false\nwords: !!js/function "return 1"\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:2: invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function\n', 2],
    ['YAML with a local tag', {'.copydeskrc.yml': 'words: !names [Oyelaran]\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:1: invalid YAML: Unresolved tag: !names\n', 2],
    ['YAML with a key twice', {'.copydeskrc.yml': 'names: false\nnames: true\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:2: invalid YAML: Map keys must be unique\n', 2],
    ['a YAML alias bomb', {'.copydeskrc.yml': aliasBomb.join('\n') + '\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml: invalid YAML: Excessive alias count indicates a resource exhaustion attack\n', 2],
    ['YAML with a second document', {'.copydeskrc.yml': 'words: [Oyelaran]\n---\nnames: false\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:2: invalid YAML: a second document (after `---`): a config file is one document\n', 2],
    ['YAML nested a hundred deep', {'.copydeskrc.yml': 'words:\n' + '  - '.repeat(100) + 'Oyelaran\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:2:255: nested more than 64 levels deep\n', 2],
    ['a JSON config nested 5,000 deep', {'.copydeskrc.json': '{"words": ' + '['.repeat(5000) + ']'.repeat(5000) + '}\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:74: nested more than 64 levels deep\n', 2],
    ['a JSON key given twice', {'.copydeskrc.json': '{\n  "names": false,\n  "names": true\n}\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:3:3: key `names` given twice\n', 2],
    ['a JSON key given twice, spelt once with an escape', {'.copydeskrc.json': '{"rules": {"spelling": "off", "spe\\u006cling": "error"}}\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:31: key `spelling` given twice\n', 2],
    ['the copydesk field of package.json given twice', {'package.json': '{"name": "desk",\n  "copydesk": {"names": false},\n  "copydesk": {"words": []}}\n', 'story.txt': clean}, [], 'copydesk: package.json:3:3: key `copydesk` given twice\n', 2],
    ['a package.json whose own fields, not copydesk\'s, repeat a key and nest deep', {'package.json': '{"name": "desk", "name": "desk", "x": ' + '['.repeat(500) + ']'.repeat(500) + ',\n  "copydesk": {"names": false}}\n', 'story.txt': clean}, [], '', 0],
    ['a house-style file with a second document', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': '- prefer: Kyiv\n  avoid: [Kiev]\n---\n- prefer: Odesa\n  avoid: [Odessa]\n', 'story.txt': clean}, [], 'copydesk: style.yml:3: invalid YAML: a second document (after `---`): a config file is one document\n', 2],
    ['a config in JavaScript, never run', {'.copydeskrc.js': 'process.exit(9)\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.js: config in JavaScript is not read: write `.copydeskrc.json` or `.copydeskrc.yml`\n', 2],
    // Config that parses but is wrong.
    ['an unknown key', {'.copydeskrc.json': '{"wrods": []}', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:2: unknown key `wrods` (did you mean `words`?)\n', 2],
    ['an unknown rule id', {'.copydeskrc.json': '{"rules": {"house-styles": "off"}}', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:12: unknown rule `rules.house-styles` (did you mean `house-style`?)\n', 2],
    ['a list that is text', {'.copydeskrc.yml': 'words: Oyelaran\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.yml:1:8: `words`: expected a list\n', 2],
    ['a switch that is text', {'.copydeskrc.json': '{"names": "no"}', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:11: `names`: expected a boolean\n', 2],
    ['a config that is a list', {'.copydeskrc.json': '["words"]', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json:1:1: expected an object of settings\n', 2],
    // Files a config names.
    ['a missing word list', {'.copydeskrc.json': '{"wordsFile": "names.txt"}', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json: `wordsFile`: word list `names.txt` not found\n', 2],
    ['a missing house-style file', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json: `houseStyle`: house-style file `style.yml` not found\n', 2],
    ['a house-style file that does not parse', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': '- prefer: Kyiv\n  avoid: [Kiev\n', 'story.txt': clean}, [], 'copydesk: style.yml:3: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n', 2],
    ['a house-style entry of the wrong shape', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': '- prefer: Kyiv\n- prefer: Odesa\n  avoid: Odessa\n', 'story.txt': clean}, [], 'copydesk: style.yml:1: entry needs `prefer` and `avoid`, or `either`\n', 2],
    ['a house-style file with a custom tag', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': '- prefer: !kyiv Kyiv\n  avoid: [Kiev]\n', 'story.txt': clean}, [], 'copydesk: style.yml:1: invalid YAML: Unresolved tag: !kyiv\n', 2],
    ['a house-style alias bomb', {'.copydeskrc.json': '{"houseStyle": "style.yml"}', 'style.yml': aliasBomb.slice(0, -1).join('\n') + '\n', 'story.txt': clean}, [], 'copydesk: style.yml: invalid YAML: Excessive alias count indicates a resource exhaustion attack\n', 2],
    ['a word list that is a folder', {'.copydeskrc.json': '{"wordsFile": "names"}', 'names/a.txt': 'x\n', 'story.txt': clean}, [], 'copydesk: .copydeskrc.json: `wordsFile`: word list `names` is a folder, not a file\n', 2]
  ])('%s', async (_name, files, args, stderr, code) => {
    const cwd = await makeTree(files)
    const run = await runCli(args, {cwd})
    expect(run.stderr).toBe(stderr)
    expect(run.code).toBe(code)
  })
})

describe('flags given twice', () => {
  test('the last --format counts, as for every flag that takes one value', async () => {
    const cwd = await makeTree({'story.txt': 'The mayor opened teh bridge.\n'})
    const run = await runCli(['--format', 'json', '--format', 'pretty', 'story.txt'], {cwd})
    expect(run.stdout).toMatch(/^story\.txt\n1:18-1:21 error/)
    expect(run.code).toBe(1)
  })
})

describe('symbolic links', () => {
  /**
   * Make a tree with a link back up it (`desk/a/loop -> ..`) and a linked story.
   *
   * @returns Its folder.
   */
  async function loopTree(): Promise<string> {
    const cwd = await makeTree({'desk/a/one.txt': 'The mayor opened teh bridge.\n', 'desk/two.md': clean})
    await fs.symlink('..', path.join(cwd, 'desk', 'a', 'loop'))
    await fs.symlink('one.txt', path.join(cwd, 'desk', 'a', 'link.txt'))
    return cwd
  }

  test.each([
    ['a folder with a link loop', ['desk']],
    ['a glob through the loop', ['desk/**/*.txt', 'desk/**/*.md']],
    ['the same story by two names', ['desk/a/one.txt', './desk/a/one.txt', 'desk/a/link.txt']]
  ])('%s: no hang, each story once, under its own name', async (_name, args) => {
    const cwd = await loopTree()
    const run = await runCli([...args, '--format', 'json'], {cwd})
    const paths = (JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)
    expect(run.stderr).toBe('')
    expect(paths.filter((file) => file.endsWith('.txt'))).toEqual(['desk/a/one.txt'])
    expect(run.code).toBe(1)
  })
})

describe.skipIf(process.getuid?.() === 0)('permissions (not as root, who can read anything)', () => {
  test('an unreadable story is named, and the others are still linted', async () => {
    const cwd = await makeTree({'locked.txt': clean, 'open.txt': clean})
    await fs.chmod(path.join(cwd, 'locked.txt'), 0o000)
    const run = await runCli(['locked.txt', 'open.txt', '--format', 'json'], {cwd})
    expect(run.stderr).toBe('copydesk: locked.txt: cannot be read: permission denied\n')
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['open.txt'])
    expect(run.code).toBe(2)
  })

  test('an unreadable config is named', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}', 'story.txt': clean})
    await fs.chmod(path.join(cwd, '.copydeskrc.json'), 0o000)
    const run = await runCli(['story.txt'], {cwd})
    expect(run.stderr).toBe('copydesk: .copydeskrc.json: cannot be read: permission denied\n')
    expect(run.code).toBe(2)
  })
})

describe('patterns from config are matched without runaway backtracking', () => {
  // Each would take hours with backtracking that grows exponentially; the bound is the test's own timeout.
  test('an ignore pattern of `**` fifty deep, against a path a hundred folders deep', {timeout: 20_000}, async () => {
    const deep = Array.from({length: 100}, () => 'a').join('/')
    const cwd = await makeTree({
      '.copydeskrc.json': JSON.stringify({ignore: [Array.from({length: 50}, () => '**').join('/') + '/x.md']}),
      [deep + '/story.txt']: 'The mayor opened teh bridge.\n'
    })
    const run = await runCli(['--format', 'json'], {cwd})
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual([deep + '/story.txt'])
  })

  test('a house-style form of three hundred words, against a line of twenty thousand of them', {timeout: 20_000}, async () => {
    const cwd = await makeTree({
      '.copydeskrc.json': '{"houseStyle": "style.yml"}',
      'style.yml': `- prefer: Kyiv\n  avoid: [${Array.from({length: 300}, () => 'Kiev').join(' ')}]\n`,
      'story.txt': Array.from({length: 20_000}, () => 'Kiev').join(' ') + '.\n'
    })
    const run = await runCli(['--format', 'json', 'story.txt'], {cwd})
    expect(run.stderr).toBe('')
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    expect(file?.messages.length).toBeGreaterThan(0)
    expect(file?.messages.every((message) => message.ruleId === 'house-style')).toBe(true)
  })
})

describe('markup nested deeper than copydesk reads', () => {
  /** Two more stories, so that `--jobs 2` lints in worker threads as well as the main one. */
  const others = {'a.md': 'The vote was close.\n', 'b.txt': 'The teh cat.\n'}

  /**
   * Lint stories as JSON on one thread and on two: the runs must be the same.
   *
   * @param cwd The folder.
   * @param files The stories.
   * @returns The run (either: they are equal).
   */
  async function onOneAndTwoThreads(cwd: string, files: readonly string[]): Promise<CliRun> {
    const runs = await Promise.all(['1', '2'].map((jobs) => runCli(['--format', 'json', '--jobs', jobs, ...files], {cwd})))
    expect(runs[1]).toEqual(runs[0])
    return runs[0]!
  }

  test.each([
    ['HTML nested 1,800 deep', 'deep.html', '<div>'.repeat(1800) + 'The teh cat.' + '</div>'.repeat(1800) + '\n', 1],
    ['HTML nested 1,800 deep on its third line', 'deep.html', '<p>Vote.</p>\n<p>Count.</p>\n' + '<span>'.repeat(1800) + 'teh\n', 3],
    ['Markdown block quotes 3,000 deep', 'deep.md', 'Intro.\n\n' + '> '.repeat(3000) + 'The teh cat.\n', 3],
    ['an HTML block in Markdown nested 1,800 deep', 'deep.md', '# Vote\n\nCount.\n\n' + '<div>'.repeat(1800) + 'teh' + '</div>'.repeat(1800) + '\n', 5],
    ['an HTML block in a block quote nested 1,800 deep on its second line', 'deep.md', '# Vote\n\n> <div>\n> ' + '<span>'.repeat(1800) + 'teh\n> </div>\n', 4]
  ])('%s is one line naming the file, the same with and without worker threads', {timeout: 30_000}, async (_name, name, contents, line) => {
    const cwd = await makeTree({[name]: contents, ...others})
    const run = await onOneAndTwoThreads(cwd, [name, 'a.md', 'b.txt'])
    expect(run.stderr).toBe(`copydesk: ${name}:${line}: nested more than 1,024 levels deep: not linted\n`)
    expect(run.code).toBe(2)
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['a.md', 'b.txt'])
  })

  test('Markdown emphasis 3,000 deep is read with its marks as characters (too many to parse as emphasis): its slip is found, the same with and without worker threads', {timeout: 30_000}, async () => {
    const cwd = await makeTree({'deep.md': '*'.repeat(3000) + 'teh' + '*'.repeat(3000) + '\n', ...others})
    const run = await onOneAndTwoThreads(cwd, ['deep.md', 'a.md', 'b.txt'])
    expect(run.stderr).toBe('')
    const [deep] = JSON.parse(run.stdout) as JsonFile[]
    expect(deep?.messages.map((message) => `${message.line}:${message.column} ${message.actual}`)).toEqual(['1:3001 teh'])
  })

  test('front matter nested 1,200 deep is read as broken front matter, in the main thread as in a worker', {timeout: 30_000}, async () => {
    const nested = Array.from({length: 1200}, (_, depth) => ' '.repeat(depth + 1) + `k${depth}:\n`).join('') + ' '.repeat(1201) + 'v\n'
    const story = '---\ntitle: The teh headline\nextra:\n' + nested + '---\n\nThe vote was close.\n'
    const cwd = await makeTree({'deep.md': story, 'copy.md': story, ...others})
    const run = await onOneAndTwoThreads(cwd, ['deep.md', 'copy.md', 'a.md', 'b.txt'])
    expect(run.stderr).toBe('')
    const report = JSON.parse(run.stdout) as JsonFile[]
    expect(report.map((file) => [file.path, file.messages.map((message) => message.actual)])).toEqual([
      ['deep.md', []],
      ['copy.md', []],
      ['a.md', []],
      ['b.txt', ['teh']]
    ])
  })

  test('HTML nested 1,000 deep is linted, in the main thread as in a worker', {timeout: 30_000}, async () => {
    const deep = '<div>'.repeat(1000) + 'The teh cat.' + '</div>'.repeat(1000) + '\n'
    const cwd = await makeTree({'deep.html': deep, 'copy.html': deep, ...others})
    const run = await onOneAndTwoThreads(cwd, ['deep.html', 'copy.html', 'a.md', 'b.txt'])
    expect(run.stderr).toBe('')
    const report = JSON.parse(run.stdout) as JsonFile[]
    expect(report.map((file) => [file.path, file.messages.map((message) => message.actual)])).toEqual([
      ['deep.html', ['teh']],
      ['copy.html', ['teh']],
      ['a.md', []],
      ['b.txt', ['teh']]
    ])
  })
})
