import {execFile, execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {compareWords} from '../src/config/repo-words.js'
import {makeTree, root, runCli, utf32} from './helpers.js'

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

  test.each<[string, (cwd: string) => Promise<void>, string]>([
    ['a FIFO', async (cwd) => void execFileSync('mkfifo', [path.join(cwd, 'review.txt')]), 'word list is a FIFO (named pipe), not a file'],
    ['a link to /dev/zero', async (cwd) => fs.symlink('/dev/zero', path.join(cwd, 'review.txt')), 'word list is a device, not a file'],
    ['a folder', async (cwd) => fs.mkdir(path.join(cwd, 'review.txt')), 'word list is a folder, not a file'],
    ['over 16 MB', async (cwd) => fs.writeFile(path.join(cwd, 'review.txt'), Buffer.alloc(16 * 1024 * 1024 + 1, 'a')), 'word list is too large to read: over 16 MB (17 MB)']
  ])('a --from list that is %s is refused, never waited on or read whole', {timeout: 10_000}, async (_name, make, reason) => {
    const cwd = await makeTree({})
    await make(cwd)
    const run = await runCli(['words', 'add', '--from', 'review.txt'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: `copydesk: review.txt: words add --from: ${reason}\n`})
    await expect(fs.access(path.join(cwd, '.copydesk'))).rejects.toThrow()
  })

  test.each([['list'], ['add', 'Baraka'], ['remove', 'Zuma']])('words %s refuses a list that is a FIFO, never waiting on it', {timeout: 10_000}, async (...command) => {
    const cwd = await makeTree({'.copydesk/keep': ''})
    execFileSync('mkfifo', [path.join(cwd, '.copydesk/words.txt')])
    const run = await runCli(['words', ...command], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk: .copydesk/words.txt: is a FIFO (named pipe), not a file\n'})
  })

  test('words add refuses a list over 16 MB, as linting does, and leaves it whole', {timeout: 20_000}, async () => {
    const big = Buffer.alloc(16 * 1024 * 1024 + 5, 'Zuma\n')
    const cwd = await makeTree({'.copydesk/words.txt': big})
    const run = await runCli(['words', 'add', 'Baraka'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk: .copydesk/words.txt: is too large to read: over 16 MB (17 MB)\n'})
    expect((await fs.stat(path.join(cwd, '.copydesk/words.txt'))).size).toBe(big.length)
  })

  test('words list refuses a list that leads outside the repository', async () => {
    const outside = await makeTree({'names.txt': 'Zuma\n'})
    const cwd = await makeTree({'.git/HEAD': 'ref: refs/heads/main\n'})
    await fs.mkdir(path.join(cwd, '.copydesk'))
    await fs.symlink(path.join(outside, 'names.txt'), path.join(cwd, '.copydesk/words.txt'))
    const run = await runCli(['words', 'list'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: `copydesk: .copydesk/words.txt: leads outside the repository, to \`${await fs.realpath(path.join(outside, 'names.txt'))}\`\n`})
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

  test('that is not text is one line naming it, with exit code 2', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': Buffer.from([0x5a, 0x75, 0x6d, 0x61, 0x81, 0x0a]), 'story.txt': story})
    const run = await runCli(['story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: .copydesk/words.txt: is not a word list: not text in UTF-8, UTF-16, UTF-32 or Windows-1252\n')
  })

  test('that cannot be read is one line naming it, with exit code 2', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{}\n', '.copydesk/words.txt/x': '', 'story.txt': story})
    const run = await runCli(['story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: .copydesk/words.txt: is a folder, not a file\n')
  })
})

/**
 * Bytes of a word list in an encoding.
 *
 * @param text The list, a byte order mark included if it has one.
 * @param encoding How it is saved.
 * @returns The bytes.
 */
function saved(text: string, encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE' | 'Windows-1252'): Buffer {
  if (encoding === 'UTF-32LE' || encoding === 'UTF-32BE') return utf32(text, encoding === 'UTF-32LE' ? 'LE' : 'BE')
  if (encoding === 'UTF-16LE') return Buffer.from(text, 'utf16le')
  if (encoding === 'UTF-16BE') return Buffer.from(text, 'utf16le').swap16()
  // Latin-1 and Windows-1252 agree on the letters these tests use (é, ü, ø).
  if (encoding === 'Windows-1252') return Buffer.from(text, 'latin1')
  return Buffer.from(text, 'utf8')
}

describe('words add, words remove and init keep the list as they found it', () => {
  test.each([
    ['Windows-1252', '# Desk names\r\nBrøndby\r\nMüller\r\n', 'Windows-1252'],
    ['UTF-16 LE with its byte order mark', '\uFEFF# Desk names\r\nBrøndby\r\nMüller\r\n', 'UTF-16LE'],
    ['UTF-16 BE with its byte order mark', '\uFEFF# Desk names\nBrøndby\nMüller\n', 'UTF-16BE'],
    ['UTF-32 LE with its byte order mark', '\uFEFF# Desk names\r\nBrøndby\r\nMüller\r\n', 'UTF-32LE'],
    ['UTF-32 BE with its byte order mark', '\uFEFF# Desk names\nBrøndby\nMüller\n', 'UTF-32BE']
  ] as const)('words add keeps a %s list in its encoding, with its line endings', async (_, text, encoding) => {
    const cwd = await makeTree({'.copydesk/words.txt': saved(text, encoding)})
    const run = await runCli(['words', 'add', 'Lefèvre'], {cwd})
    expect(run).toEqual({code: 0, stdout: 'added to .copydesk/words.txt: Lefèvre\n', stderr: ''})
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    const expected = text.replace('Müller', 'Lefèvre' + eol + 'Müller')
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'))).toEqual(saved(expected, encoding))
    expect((await runCli(['words', 'list'], {cwd})).stdout).toBe('Brøndby\nLefèvre\nMüller\n')
  })

  test('words remove keeps a UTF-16 BE list in UTF-16 BE', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': saved('\uFEFFBrøndby\nLefèvre\nMüller\n', 'UTF-16BE')})
    expect((await runCli(['words', 'remove', 'Lefèvre'], {cwd})).code).toBe(0)
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'))).toEqual(saved('\uFEFFBrøndby\nMüller\n', 'UTF-16BE'))
  })

  test('a Windows-1252 list is read as Windows-1252 when linting', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': saved('Wierzbicki\r\nKrnovice\r\nMüller\r\n', 'Windows-1252'), 'story.txt': 'Mayor Wierzbicki met Müller in Krnovice.\n'})
    expect((await lintTree(cwd)).found).toEqual([])
  })

  test('keeps each line its own ending (a last line without one gets the commonest), and every word with a comment, repeated or not', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': '# names\r\nZuma\nBaraka\r\n# the runner\nZuma\nKipchoge'})
    await runCli(['words', 'add', 'Mwangi'], {cwd})
    expect(await read(cwd, '.copydesk/words.txt')).toBe('# names\r\nBaraka\r\nKipchoge\nMwangi\nZuma\n# the runner\nZuma\n')
    await runCli(['words', 'remove', 'Zuma'], {cwd})
    expect(await read(cwd, '.copydesk/words.txt')).toBe('# names\r\nBaraka\r\nKipchoge\nMwangi\n')
  })

  test('refuses a word the list\'s encoding cannot hold, and changes nothing', async () => {
    const bytes = saved('Brøndby\nMüller\n', 'Windows-1252')
    const cwd = await makeTree({'.copydesk/words.txt': bytes})
    const run = await runCli(['words', 'add', 'Zuma', 'Łódź'], {cwd})
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "copydesk: .copydesk/words.txt: `Łódź` cannot be written in Windows-1252, the list's encoding (no `Ł`): nothing added\n"
    })
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'))).toEqual(bytes)
  })

  test.each([
    ['with a byte no encoding copydesk reads has', Buffer.from([0x5a, 0x75, 0x6d, 0x61, 0x81, 0x0a])],
    ['in UTF-32 with a code point past U+10FFFF', Buffer.concat([saved('\uFEFFZuma\n', 'UTF-32LE'), Buffer.from([0, 0, 0x11, 0])])],
    ['that is binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])]
  ])('refuses a list it cannot write back byte for byte: one %s', async (_, bytes) => {
    const cwd = await makeTree({'.copydesk/words.txt': bytes})
    for (const command of [['add', 'Baraka'], ['remove', 'Zuma']]) {
      expect(await runCli(['words', ...command], {cwd})).toEqual({
        code: 2,
        stdout: '',
        stderr: 'copydesk: .copydesk/words.txt: cannot be changed without changing its other bytes: not UTF-8, UTF-16, UTF-32 or Windows-1252 text\n'
      })
    }
    expect(await fs.readFile(path.join(cwd, '.copydesk/words.txt'))).toEqual(bytes)
  })

  test('refuses a symlinked list that leads outside the repository', async () => {
    const outside = await makeTree({'names.txt': 'Zuma\n'})
    const cwd = await makeTree({'.git/HEAD': 'ref: refs/heads/main\n'})
    await fs.mkdir(path.join(cwd, '.copydesk'))
    await fs.symlink(path.join(outside, 'names.txt'), path.join(cwd, '.copydesk/words.txt'))
    expect(await runCli(['words', 'add', 'Baraka'], {cwd})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: .copydesk/words.txt: cannot be written: a symlink to a file outside the repository\n'
    })
    expect(await read(outside, 'names.txt')).toBe('Zuma\n')
  })

  test('takes over the lock a killed run left, once it is stale', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': 'Zuma\n'})
    const lockFolder = path.join(cwd, '.copydesk/words.txt.lock')
    await fs.mkdir(lockFolder)
    const aMinuteAgo = new Date(Date.now() - 60_000)
    await fs.utimes(lockFolder, aMinuteAgo, aMinuteAgo)
    expect((await runCli(['words', 'add', 'Baraka'], {cwd})).stdout).toBe('added to .copydesk/words.txt: Baraka\n')
    expect(await fs.readdir(path.join(cwd, '.copydesk'))).toEqual(['words.txt'])
  })

  test('12 runs of words add at once keep all 12 words', async () => {
    const cwd = await makeTree({'.copydesk/words.txt': '# Desk names\n'})
    const names = ['Abara', 'Bekele', 'Chebet', 'Dibaba', 'Eshete', 'Gebre', 'Haile', 'Jepkosgei', 'Kiprop', 'Lagat', 'Mutai', 'Ndereba']
    const bin = path.join(root, 'bin/copydesk.js')
    const runs = await Promise.all(
      names.map((name) => promisify(execFile)(process.execPath, [bin, 'words', 'add', name], {cwd, env: {...process.env, COPYDESK_CACHE_DIR: path.join(cwd, '.cache')}}))
    )
    expect(runs.map((run) => run.stdout)).toEqual(names.map((name) => `added to .copydesk/words.txt: ${name}\n`))
    expect(await read(cwd, '.copydesk/words.txt')).toBe('# Desk names\n' + names.map((name) => name + '\n').join(''))
    expect(await fs.readdir(path.join(cwd, '.copydesk'))).toEqual(['words.txt'])
  }, 60_000)
})
