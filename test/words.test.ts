import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {compareWords} from '../src/config/repo-words.js'
import {makeTree, runCli} from './helpers.js'

const story = 'Mayor Wierzbiki met Krnovice officials and teh press.\n'

/**
 * Read a file of a test tree.
 *
 * @param cwd The tree.
 * @param name Relative path.
 * @returns Its contents.
 */
function read(cwd: string, name: string): Promise<string> {
  return fs.readFile(path.join(cwd, name), 'utf8')
}

/**
 * Lint a tree with the CLI and give each finding as `path severity actual`.
 *
 * @param cwd The tree.
 * @param args Arguments.
 * @returns Exit code, findings and standard error.
 */
async function lintTree(cwd: string, args: string[] = []): Promise<{code: number; found: string[]; stderr: string}> {
  const run = await runCli([...args, '--format', 'json'], {cwd})
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonFile[]) : []
  const found = report.flatMap((file) => file.messages.map((message) => `${file.path} ${message.severity} ${message.actual}`))
  return {code: run.code, found, stderr: run.stderr}
}

describe('copydesk words add', () => {
  test('creates .copydesk/words.txt with a header, and says what it added', async () => {
    const cwd = await makeTree({'story.txt': story})
    const run = await runCli(['words', 'add', 'Wierzbiki', 'Krnovice'], {cwd})
    expect(run).toEqual({code: 0, stdout: 'added to .copydesk/words.txt: Krnovice, Wierzbiki\n', stderr: ''})
    expect(await read(cwd, '.copydesk/words.txt')).toBe(
      '# Names copydesk accepts in this repository, one per line (`#` starts a comment).\n' +
        '# Add more with `copydesk words add NAME...`; the list is kept sorted.\n' +
        '\n' +
        'Krnovice\nWierzbiki\n'
    )
  })

  test('keeps the list sorted and de-duplicated, and says what was already there', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': '# Desk list\n\nZelenko\nAdeyemi\nZelenko\n'})
    const run = await runCli(['words', 'add', 'Mbeki', 'Adeyemi', 'Mbeki', 'adeyemi'], {cwd})
    expect(run.stdout).toBe('added to .copydesk/words.txt: adeyemi, Mbeki\nalready in .copydesk/words.txt: Adeyemi\n')
    expect(await read(cwd, '.copydesk/words.txt')).toBe('# Desk list\n\nAdeyemi\nadeyemi\nMbeki\nZelenko\n')
  })

  test('changes nothing when every word is there', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Mbeki\r\n'})
    const before = await fs.stat(path.join(cwd, '.copydesk/words.txt'))
    const run = await runCli(['words', 'add', 'Mbeki'], {cwd})
    expect(run.stdout).toBe('already in .copydesk/words.txt: Mbeki\n')
    expect((await fs.stat(path.join(cwd, '.copydesk/words.txt'))).ino).toBe(before.ino)
  })

  test('keeps CRLF line endings, the byte order mark, header comments and comments on words', async () => {
    const cwd = await makeTree({
      '.copydesk/words.txt': '\uFEFF# Desk list\r\n# Names only\r\n\r\nZuma\r\n# Kenyan runner\r\nKipchoge  # two Os\r\n\r\nBaraka\r\n'
    })
    await runCli(['words', 'add', 'Mwangi'], {cwd})
    expect(await read(cwd, '.copydesk/words.txt')).toBe(
      '\uFEFF# Desk list\r\n# Names only\r\n\r\nBaraka\r\n# Kenyan runner\r\nKipchoge  # two Os\r\nMwangi\r\nZuma\r\n'
    )
  })

  test('keeps the file permissions and leaves no temporary file', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Zuma\n'})
    await fs.chmod(path.join(cwd, '.copydesk/words.txt'), 0o640)
    await runCli(['words', 'add', 'Baraka'], {cwd})
    expect((await fs.stat(path.join(cwd, '.copydesk/words.txt'))).mode & 0o777).toBe(0o640)
    expect(await fs.readdir(path.join(cwd, '.copydesk'))).toEqual(['words.txt'])
  })

  test('updates a symlinked list where it lives', async () => {
    const cwd = await makeTree({'shared/names.txt': 'Zuma\n'})
    await fs.mkdir(path.join(cwd, '.copydesk'))
    await fs.symlink(path.join(cwd, 'shared/names.txt'), path.join(cwd, '.copydesk/words.txt'))
    await runCli(['words', 'add', 'Baraka'], {cwd})
    expect((await fs.lstat(path.join(cwd, '.copydesk/words.txt'))).isSymbolicLink()).toBe(true)
    expect(await read(cwd, 'shared/names.txt')).toBe('Baraka\nZuma\n')
  })

  test('writes next to the config that applies to the working directory', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}\n', 'news/story.txt': story})
    const run = await runCli(['words', 'add', 'Krnovice'], {cwd: path.join(cwd, 'news')})
    expect(run.stdout).toBe(`added to ${path.join(cwd, '.copydesk/words.txt')}: Krnovice\n`)
    expect(await read(cwd, '.copydesk/words.txt')).toContain('\nKrnovice\n')
  })

  test.each([
    ['a word with `#`', ['Smith #2'], 'copydesk: words add: `Smith #2` cannot be in a word list: `#` starts a comment and each word takes one line\n'],
    ['an empty word', ['  '], 'copydesk: words add: expected a word, not an empty argument\n'],
    // Words are optional since `--from` gives them too: the message names both.
    ['no word', [], 'copydesk: words add: expected words, or a word list with `--from`\n'],
    ['a missing --from list', ['--from', 'review.txt'], 'copydesk: review.txt: words add --from: word list not found\n']
  ])('refuses %s with exit code 2', async (_name, words, stderr) => {
    const cwd = await makeTree({})
    const run = await runCli(['words', 'add', ...words], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr})
  })

  test('a list that is a folder is one line naming it, with exit code 2', async () => {
    const cwd = await makeTree({'.copydesk/words.txt/x': ''})
    const run = await runCli(['words', 'add', 'Zuma'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk: .copydesk/words.txt: is a folder, not a file\n'})
  })

  test('a story named words is linted with ./words', async () => {
    const cwd = await makeTree({words: story})
    expect((await lintTree(cwd, ['./words'])).found).toEqual(['./words info Wierzbiki', './words info Krnovice', './words error teh'])
  })
})

describe('copydesk words remove', () => {
  test('removes words with the comments above them, keeping CRLF, the byte order mark and the header', async () => {
    const cwd = await makeTree({
      '.copydesk/words.txt': '\uFEFF# Desk list\r\n\r\nBaraka\r\n# Kenyan runner\r\nKipchoge  # two Os\r\nZuma\r\n'
    })
    const run = await runCli(['words', 'remove', 'Kipchoge', 'Zuma'], {cwd})
    expect(run).toEqual({code: 0, stdout: 'removed from .copydesk/words.txt: Kipchoge, Zuma\n', stderr: ''})
    expect(await read(cwd, '.copydesk/words.txt')).toBe('\uFEFF# Desk list\r\n\r\nBaraka\r\n')
  })

  test('says which words were not in the list, matching case exactly, and leaves the file alone', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Zuma\n'})
    const before = await fs.stat(path.join(cwd, '.copydesk/words.txt'))
    const run = await runCli(['words', 'remove', 'zuma', 'Mbeki'], {cwd})
    expect(run).toEqual({code: 0, stdout: 'not in .copydesk/words.txt: zuma, Mbeki\n', stderr: ''})
    expect((await fs.stat(path.join(cwd, '.copydesk/words.txt'))).ino).toBe(before.ino)
  })

  test('keeps the permissions, leaves no temporary file, and the word is reported again', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Krnovice\nWierzbiki\n', 'story.txt': story})
    await fs.chmod(path.join(cwd, '.copydesk/words.txt'), 0o640)
    await runCli(['words', 'remove', 'Krnovice'], {cwd})
    expect((await fs.stat(path.join(cwd, '.copydesk/words.txt'))).mode & 0o777).toBe(0o640)
    expect(await fs.readdir(path.join(cwd, '.copydesk'))).toEqual(['words.txt'])
    expect((await lintTree(cwd, ['story.txt'])).found).toEqual(['story.txt info Krnovice', 'story.txt error teh'])
  })

  test.each([
    ['no list', {}, ['Zuma'], 'copydesk: .copydesk/words.txt: no word list here yet: add words with `copydesk words add`\n'],
    ['a list that is a folder', {'.copydesk/words.txt/x': ''}, ['Zuma'], 'copydesk: .copydesk/words.txt: is a folder, not a file\n'],
    ['an empty word', {'.copydesk/words.txt': 'Zuma\n'}, [' '], 'copydesk: words remove: expected a word, not an empty argument\n']
  ])('refuses %s with one line and exit code 2', async (_name, files: Record<string, string>, words, stderr) => {
    const cwd = await makeTree(files)
    expect(await runCli(['words', 'remove', ...words], {cwd})).toEqual({code: 2, stdout: '', stderr})
  })
})

describe('copydesk words list', () => {
  test('prints the entries in file order, phrases whole, without comments or the byte order mark', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': '\uFEFF# Desk list\r\n\r\nHong Kong\r\nKipchoge  # two Os\r\nZuma\r\n'})
    expect(await runCli(['words', 'list'], {cwd})).toEqual({code: 0, stdout: 'Hong Kong\nKipchoge\nZuma\n', stderr: ''})
  })

  test('reads the list next to the config that applies', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}\n', '.copydesk/words.txt': 'Zuma\n', 'news/story.txt': story})
    expect((await runCli(['words', 'list'], {cwd: path.join(cwd, 'news')})).stdout).toBe('Zuma\n')
  })

  test('without a list is one line and exit code 2', async () => {
    const cwd = await makeTree({})
    expect(await runCli(['words', 'list'], {cwd})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: .copydesk/words.txt: no word list here yet: add words with `copydesk words add`\n'
    })
  })
})

describe('the word order', () => {
  test.each([
    ['letters before case', ['zeta', 'Alpha', 'beta'], ['Alpha', 'beta', 'zeta']],
    ['capitalised before lowercase', ['ali', 'Ali'], ['Ali', 'ali']],
    ['accents folded', ['Lwów', 'Łódź', 'Lagos', 'Ángel', 'Zurich'], ['Ángel', 'Lagos', 'Łódź', 'Lwów', 'Zurich']],
    ['phrases by their letters', ['dean', 'de Gaulle', 'Dakar'], ['Dakar', 'de Gaulle', 'dean']]
  ])('sorts %s', (_name, words, sorted) => {
    expect([...words].sort(compareWords)).toEqual(sorted)
  })
})

describe('the repository word list in linting', () => {
  test('is read next to the config that applies', async () => {
    const cwd = await makeTree({
      '.copydeskrc.json': '{}\n',
      '.copydesk/words.txt': 'Wierzbiki\nKrnovice\n',
      'news/story.txt': story
    })
    expect((await lintTree(path.join(cwd, 'news'))).found).toEqual(['story.txt error teh'])
  })

  test('is read from the working directory without a config, and adds to config words', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': '# names\nWierzbiki\n', 'story.txt': story})
    expect((await lintTree(cwd)).found).toEqual(['story.txt info Krnovice', 'story.txt error teh'])
    await fs.writeFile(path.join(cwd, '.copydeskrc.json'), '{"words": ["Krnovice"]}\n')
    expect((await lintTree(cwd)).found).toEqual(['story.txt error teh'])
  })

  test('of another folder does not apply under a nearer config', async () => {
    const cwd = await makeTree({
      '.copydesk/words.txt': 'Wierzbiki\nKrnovice\n',
      'desk/.copydeskrc.json': '{}\n',
      'desk/story.txt': story
    })
    expect((await lintTree(cwd)).found).toEqual(['desk/story.txt info Wierzbiki', 'desk/story.txt info Krnovice', 'desk/story.txt error teh'])
  })

  test('accepts each word of a phrase line', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Wierzbiki Krnovice\n', 'story.txt': story})
    expect((await lintTree(cwd)).found).toEqual(['story.txt error teh'])
  })

  test('accepts each word of a phrase line in a config wordsFile too', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{"wordsFile": "names.txt"}\n', 'names.txt': 'Wierzbiki Krnovice\n', 'story.txt': story})
    expect((await lintTree(cwd)).found).toEqual(['story.txt error teh'])
  })

  test('may be missing', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}\n', 'story.txt': story})
    expect((await lintTree(cwd)).code).toBe(1)
  })

  test('that cannot be read is one line naming it, with exit code 2', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}\n', '.copydesk/words.txt/x': '', 'story.txt': story})
    const run = await runCli(['story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: .copydesk/words.txt: is a folder, not a file\n')
  })
})
