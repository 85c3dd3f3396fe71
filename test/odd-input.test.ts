import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {decodeInput, decodeWindows1252} from '../src/files/decode.js'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, runCli, utf32} from './helpers.js'

/**
 * Lint one file through the CLI and list its findings as
 * `line:column-endLine:endColumn severity ruleId actual`.
 *
 * @param name File name (its extension picks the format).
 * @param contents Its bytes.
 * @returns Exit code and findings.
 */
async function lintBytes(name: string, contents: string | Buffer): Promise<{code: number; found: string[]}> {
  const cwd = await makeTree({[name]: contents})
  const run = await runCli(['--no-config', '--format', 'json', name], {cwd})
  expect(run.stderr).toBe('')
  return {code: run.code, found: listFindings(JSON.parse(run.stdout) as JsonFile[])}
}

/**
 * Findings of a JSON report, one line each.
 *
 * @param report JSON report.
 * @returns `path line:column-endLine:endColumn severity ruleId actual` per finding; no place is `-`.
 */
function listFindings(report: JsonFile[]): string[] {
  return report.flatMap((file) =>
    file.messages.map((message) => {
      const place = message.line === null ? '-' : `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`
      return `${place} ${message.severity} ${message.ruleId} ${message.actual ?? ''}`.trimEnd()
    })
  )
}

const slip = '1:5-1:8 error spelling teh'

/** Bytes of a string in Windows-1252 (every character below U+0100 here). */
const latin = (text: string): Buffer => Buffer.from(text, 'latin1')

/** The first bytes of common binary files, with a little of what follows. */
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)])
const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946000101', 'hex'), Buffer.alloc(64)])
const docx = Buffer.concat([Buffer.from('504b0304140006000800', 'hex'), Buffer.from('[Content_Types].xml'), Buffer.alloc(32)])
// A PDF can open with plain object text for kilobytes: only its signature tells.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nThe teh cat.\n')

describe('odd text files', () => {
  test.each([
    ['an empty .txt', 'story.txt', '', []],
    ['an empty .md', 'story.md', '', []],
    ['an empty .html', 'story.html', '', []],
    ['a blank .html', 'story.html', '  \n\t\n', []],
    ['a .md of only whitespace', 'story.md', '   \n\t\n\n', []],
    ['a .txt of only whitespace', 'story.txt', ' \r\n\t \n', []],
    ['a .md of only front matter', 'story.md', '---\ntitle: Vote count\n---\n', []],
    ['front matter, then the story', 'story.md', '---\ntitle: Vote count\n---\n\nThe teh cat.\n', ['5:5-5:8 error spelling teh']],
    ['blank lines, then the story', 'story.html', '\n\n   \n<p>The teh cat.</p>\n', ['4:8-4:11 error spelling teh']],
    ['a byte order mark', 'story.txt', '\uFEFFThe teh cat.\n', [slip]],
    ['a byte order mark in Markdown', 'story.md', '\uFEFF# The teh cat\n', ['1:7-1:10 error spelling teh']],
    ['CRLF line endings', 'story.txt', 'Line one.\r\nThe teh cat.\r\n', ['2:5-2:8 error spelling teh']],
    ['lone CR line endings', 'story.md', 'Line one.\r\rThe teh cat.\r', ['3:5-3:8 error spelling teh']],
    ['mixed line endings', 'story.txt', 'One.\rTwo.\r\nThree.\nThe teh cat.\n', ['4:5-4:8 error spelling teh']],
    ['a NUL byte in text', 'story.txt', 'The\0vote was close.\nThe teh cat.\n', ['2:5-2:8 error spelling teh']],
    ['NUL bytes in Markdown', 'story.md', 'Vote\0\0count.\n\nThe teh cat.\n', ['3:5-3:8 error spelling teh']],
    ['a NUL byte in HTML', 'story.html', '<p>Vote\0count.</p><p>The teh cat.</p>', ['1:26-1:29 error spelling teh']],
    [
      'malformed HTML: unclosed tags and a stray end tag',
      'story.html',
      '<div><p>Council <b>vote\n</div></div></span><p>The teh cat.\n<p><i>Open',
      ['2:27-2:30 error spelling teh']
    ],
    [
      'Markdown with an unclosed code fence: what follows is code',
      'story.md',
      'The teh cat.\n\n```js\nconst teh = 1\n\nMore teh text.\n',
      [slip]
    ],
    ['500 levels of block quotes', 'story.md', '> '.repeat(500) + 'The teh cat.\n', ['1:1005-1:1008 error spelling teh']],
    ['500 levels of lists on one line', 'story.md', '- '.repeat(500) + 'The teh cat.\n', ['1:1005-1:1008 error spelling teh']],
    [
      '500 levels of indented lists',
      'story.md',
      Array.from({length: 500}, (_, depth) => ' '.repeat(depth * 2) + '- Item\n').join('') + '\nThe teh cat.\n',
      ['502:5-502:8 error spelling teh']
    ],
    [
      'a 1 MB line',
      'story.txt',
      'The vote was close. '.repeat(52_429) + 'The teh end.\n',
      ['1:1048585-1:1048588 error spelling teh']
    ]
  ] as const)('lints %s without a crash, at the right place', async (_, name, contents, expected) => {
    const {code, found} = await lintBytes(name, contents)
    expect(found).toEqual(expected)
    expect(code).toBe(expected.length > 0 ? 1 : 0)
  })
})

describe('a 5 MB story', () => {
  // Paragraphs of one line each, blank lines between, and a slip on the last line.
  const paragraph =
    'The harbour board met on Tuesday and approved the budget for the new ferry pier. ' +
    'Members said the work would start in spring, once the contracts were signed. ' +
    'Fishing crews asked for a place to moor while the old pier is closed.'
  const paragraphs = Math.ceil((5 * 1024 * 1024) / (paragraph.length + 2))
  const story = (paragraph + '\n\n').repeat(paragraphs) + 'Crews cheered teh decision.\n'

  test('lints without a crash, with the slip at its line and column', async () => {
    expect(story.length).toBeGreaterThan(5 * 1024 * 1024)
    const {code, found} = await lintBytes('story.txt', story)
    expect(found).toEqual([`${2 * paragraphs + 1}:15-${2 * paragraphs + 1}:18 error spelling teh`])
    expect(code).toBe(1)
  }, 60_000)
})

describe('binary files', () => {
  test.each([
    ['a PNG named on the command line', 'photo.png', png],
    ['a JPEG', 'photo.jpg', jpeg],
    ['a .docx', 'story.docx', docx],
    ['a PDF that opens with plain text', 'story.pdf', pdf],
    ['a .txt that is really a PNG', 'story.txt', png],
    ['UTF-16 without a byte order mark', 'story.txt', Buffer.from('The teh cat.\n', 'utf16le')]
  ])('skips %s with an info note, exit 0', async (_, name, contents) => {
    const cwd = await makeTree({[name]: contents})
    const run = await runCli(['--no-config', name], {cwd})
    expect(run).toEqual({
      code: 0,
      // The summary counts info too: vfile-reporter's printed none for a report of info alone.
      stdout: `${name}\n info Unexpected binary file, expected text: not linted binary-file copydesk\n\nℹ 1 info\n`,
      stderr: ''
    })
  })

  test('skips one found in a folder, reports it in input order, and lints the rest', async () => {
    const cwd = await makeTree({'news/a.txt': 'The teh cat.\n', 'news/b.txt': png, 'news/c.md': 'The vote was close.\n'})
    const run = await runCli(['--no-config', '--format', 'json', 'news'], {cwd})
    const report = JSON.parse(run.stdout) as JsonFile[]
    expect(report.map((file) => [file.path, listFindings([file])])).toEqual([
      [path.join('news', 'a.txt'), [slip]],
      [path.join('news', 'b.txt'), ['- info binary-file']],
      [path.join('news', 'c.md'), []]
    ])
    expect(report[1]?.messages[0]?.url).toBe('https://github.com/copydesk/copydesk#binary-files-and-encodings')
    expect(run.code).toBe(1)
  })

  test('shows the note in GitHub output, and --quiet leaves it out', async () => {
    const cwd = await makeTree({'photo.png': png})
    expect((await runCli(['--no-config', '--format', 'github', 'photo.png'], {cwd})).stdout).toBe(
      '::notice file=photo.png,title=binary-file::Unexpected binary file, expected text: not linted\n'
    )
    expect(await runCli(['--no-config', '--quiet', 'photo.png'], {cwd})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test.each([['the main thread', '1'], ['worker threads', '2']])(
    'leaves out one that config `ignore` excludes, as .copydeskignore does (%s)',
    async (_, jobs) => {
      const cwd = await makeTree({
        '.copydeskrc.json': JSON.stringify({ignore: ['photos/']}),
        'photos/a.png': png,
        'photos/b.txt': png,
        'news/c.png': png,
        'news/d.txt': 'The vote was close.\n'
      })
      const run = await runCli(['--format', 'json', '--jobs', jobs, 'photos/a.png', 'photos', 'news/c.png', 'news'], {cwd})
      const report = JSON.parse(run.stdout) as JsonFile[]
      expect(report.map((file) => [file.path, listFindings([file])])).toEqual([
        [path.join('news', 'c.png'), ['- info binary-file']],
        [path.join('news', 'd.txt'), []]
      ])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
  )

  test('skips binary standard input', async () => {
    const run = await runCli(['--no-config', '--format', 'json', '--stdin-filename', 'story.txt'], {stdin: png, cwd: await makeTree({})})
    expect(listFindings(JSON.parse(run.stdout) as JsonFile[])).toEqual(['- info binary-file'])
    expect(run.code).toBe(0)
  })
})

describe('encodings', () => {
  const warning = '- warning encoding'

  test.each([
    // "Café" in Latin-1: é is one byte, so the slip after it is at column 17 of the text, not 18 of UTF-8.
    ['Latin-1', latin('Café owner said teh cat.\n'), [warning, '1:17-1:20 error spelling teh']],
    ['Windows-1252 quotes and dashes', latin('\x93Yes\x94 \x96 the mayor\x92s teh.\n'), [warning, '1:21-1:24 error spelling teh']],
    ['Windows-1252 in HTML', latin('<p>Caf\xe9 owner.</p>\r\n<p>The teh cat.</p>'), [warning, '2:8-2:11 error spelling teh']],
    ['UTF-16LE with a byte order mark', Buffer.from('\uFEFFCafé owner.\nThe teh cat.\n', 'utf16le'), [warning, '2:5-2:8 error spelling teh']],
    [
      'UTF-16BE with a byte order mark',
      Buffer.from('\uFEFFCafé owner.\nThe teh cat.\n', 'utf16le').swap16(),
      [warning, '2:5-2:8 error spelling teh']
    ],
    // Read as UTF-16, these were words between NULs, and the slip was never seen.
    ['UTF-32LE with a byte order mark', utf32('\uFEFFCafé owner 🎉 said teh cat.\n', 'LE'), [warning, '1:20-1:23 error spelling teh']],
    ['UTF-32BE with a byte order mark', utf32('\uFEFFCafé owner.\nThe teh cat.\n', 'BE'), [warning, '2:5-2:8 error spelling teh']]
  ])('reads %s with a warning, places findings by character', async (_, contents, expected) => {
    const name = expected[1]?.startsWith('2:8') ? 'story.html' : 'story.txt'
    const {code, found} = await lintBytes(name, contents)
    expect(found).toEqual(expected)
    expect(code).toBe(1)
  })

  test('says which encoding in the warning, and the warning alone does not fail the run', async () => {
    const cwd = await makeTree({'story.txt': latin('Caf\xe9 owner.\n'), 'other.txt': Buffer.from('\uFEFFCaf\xe9.\n', 'utf16le')})
    const run = await runCli(['--no-config', '--format', 'json', 'story.txt', 'other.txt'], {cwd})
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.messages.map((message) => message.reason))).toEqual([
      ['Unexpected encoding `Windows-1252`, expected `UTF-8`: read as Windows-1252'],
      ['Unexpected encoding `UTF-16LE`, expected `UTF-8`: read as UTF-16LE']
    ])
    expect(run.code).toBe(0)
    expect((await runCli(['--no-config', '--max-warnings', '1', 'story.txt', 'other.txt'], {cwd})).code).toBe(1)
  })

  test.each([
    ['a byte Windows-1252 leaves undefined', latin('Vote count.\nCaf\xe9 \x81 owner.\n'), 'story.txt:2: cannot be read: not UTF-8 or Windows-1252 text (byte 0x81)'],
    ['a control character', latin('Vote count.\r\n\r\nCaf\xe9\x07.\n'), 'story.txt:3: cannot be read: not UTF-8 or Windows-1252 text (byte 0x07)'],
    ['half a surrogate pair in UTF-16', Buffer.from('\uFEFFVote.\n\uD800 x', 'utf16le'), 'story.txt:2: cannot be read: not UTF-16LE text (byte 0x00)'],
    ['an odd byte at the end of UTF-16', Buffer.concat([Buffer.from('\uFEFFVote.', 'utf16le'), Buffer.from([0x41])]), 'story.txt:1: cannot be read: not UTF-16LE text (byte 0x41)'],
    ['a code point past U+10FFFF in UTF-32', Buffer.concat([utf32('\uFEFFVote.\nCount ', 'LE'), Buffer.from([0, 0, 0x11, 0])]), 'story.txt:2: cannot be read: not UTF-32LE text (byte 0x00)'],
    ['a surrogate in UTF-32', Buffer.concat([utf32('\uFEFFVote.\r\n', 'BE'), Buffer.from([0, 0, 0xd8, 0])]), 'story.txt:2: cannot be read: not UTF-32BE text (byte 0x00)'],
    ['two bytes too many at the end of UTF-32', Buffer.concat([utf32('\uFEFFVote.', 'LE'), Buffer.from([0x41, 0])]), 'story.txt:1: cannot be read: not UTF-32LE text (byte 0x41)']
  ])('refuses a file with %s, naming the line, and lints the others', async (_, contents, problem) => {
    const cwd = await makeTree({'story.txt': contents, 'other.txt': 'The teh cat.\n'})
    const run = await runCli(['--no-config', 'story.txt', 'other.txt'], {cwd})
    expect(run.stderr).toBe('copydesk: ' + problem + '\n')
    expect(run.stdout).toContain('other.txt\n1:5-1:8 ')
    expect(run.stdout).not.toContain('story.txt')
    expect(run.code).toBe(2)
  })

  test('reads standard input the same way', async () => {
    const cwd = await makeTree({})
    const read = await runCli(['--no-config', '--format', 'json', '--stdin-filename', 'story.md'], {stdin: latin('Caf\xe9. The teh cat.\n'), cwd})
    expect(listFindings(JSON.parse(read.stdout) as JsonFile[])).toEqual([warning, '1:11-1:14 error spelling teh'])
    const refused = await runCli(['--no-config', '--stdin-filename', 'story.md'], {stdin: latin('Caf\xe9\x81.\n'), cwd})
    expect(refused).toEqual({code: 2, stdout: '', stderr: 'copydesk: story.md:1: cannot be read: not UTF-8 or Windows-1252 text (byte 0x81)\n'})
  })

  test('--fix writes a file read as Windows-1252 back in Windows-1252, changing only the fixed word', async () => {
    const bytes = latin('The caf\xe9 in Kiev reopened.\n')
    const cwd = await makeTree({'story.txt': bytes})
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.stderr).toBe('copydesk: fixed story.txt:1:13 `Kiev` → `Kyiv` (house-style)\ncopydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'))).toEqual(latin('The caf\xe9 in Kyiv reopened.\n'))
  })
})

describe('UTF-32 stories', () => {
  test.each(['LE', 'BE'] as const)('--fix writes a UTF-32%s story back in UTF-32, changing only the fixed word', async (order) => {
    const cwd = await makeTree({'story.txt': utf32('\uFEFFThe café 🎉 in Kiev reopened.\r\n', order)})
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.stderr).toBe('copydesk: fixed story.txt:1:16 `Kiev` → `Kyiv` (house-style)\ncopydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'))).toEqual(utf32('\uFEFFThe café 🎉 in Kyiv reopened.\r\n', order))
  })
})

describe('decodeInput', () => {
  test('decodes the Windows-1252 bytes that Latin-1 leaves to control characters', () => {
    const high = Buffer.from([0x80, 0x82, 0x85, 0x8a, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f])
    expect(decodeWindows1252(high)).toBe('€‚…ŠŒ‘’“”–—™Ÿ')
    expect(decodeWindows1252(Buffer.from([0x41, 0xa0, 0xe9, 0xff]))).toBe('A\u00A0éÿ')
  })

  test.each([
    ['UTF-8 with its byte order mark kept', Buffer.from('\uFEFFVote.'), {kind: 'text', value: '\uFEFFVote.', encoding: 'UTF-8'}],
    ['UTF-8 with a NUL', Buffer.from('Vote\0count.'), {kind: 'text', value: 'Vote\0count.', encoding: 'UTF-8'}],
    ['a NUL among bytes that are not UTF-8', latin('Caf\xe9\0 owner.'), {kind: 'binary'}],
    ['a run of control characters', Buffer.from('\0\x01\x02\x03 vote'), {kind: 'binary'}],
    ['Windows-1252 without NUL', latin('Caf\xe9'), {kind: 'text', value: 'Café', encoding: 'Windows-1252'}]
  ])('reads %s', (_, bytes, expected) => {
    expect(decodeInput(bytes)).toEqual(expected)
  })

  test('does not take a UTF-8 character cut at 8 KB for binary', () => {
    // A NUL early on; the 8 KB sample ends inside a three-byte character ("–").
    const text = Buffer.from('Vote\0 ' + 'a'.repeat(8185) + '–count.')
    expect(decodeInput(text)).toMatchObject({kind: 'text', encoding: 'UTF-8'})
  })
})
