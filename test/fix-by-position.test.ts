import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, test} from 'vitest'
import {toInputFile} from '../src/files/read-input.js'
import {fixFile, isFixable, writtenAs} from '../src/settle/fix.js'
import {lintInMemory, makeTree, runCli} from './helpers.js'

/**
 * `--fix` rewrites a finding at its place, and its place is where the
 * parsers read the word: through character references, escapes, entities,
 * CRLF and markup, never by looking for the same text further on. Each case
 * has a copy of the word that must stay as it is (`Chicken Kiev`, the
 * house style's own exception) after the one to fix.
 */

/** The line of standard error `--fix` prints for a fix. */
function fixedLine(name: string, place: string, actual: string, expected: string, rule = 'house-style'): string {
  return `copydesk: fixed ${name}:${place} \`${actual}\` → \`${expected}\` (${rule})\n`
}

/**
 * Where a finding is, as `line:column-line:column`.
 *
 * @param message The finding.
 * @returns Its place.
 */
function placeOf(message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return `${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column}`
}

/**
 * Lint one story in memory with the bundled config.
 *
 * @param text The story.
 * @param filePath Name that picks its format.
 * @returns The linted file.
 */
async function lintStory(text: string, filePath: string): Promise<VFile> {
  const file = toInputFile(filePath, text, os.tmpdir())
  await lintInMemory([file], {cwd: os.tmpdir(), noConfig: true})
  return file
}

describe('fixing by position', () => {
  test.each([
    ['story.md', 'Officials in Ki&#101;v met the Chicken Kiev makers.\n'],
    ['story.html', 'Officials in Ki&#101;v met the Chicken Kiev makers.\n'],
    ['story.txt', 'Officials in Ki&#101;v met the Chicken Kiev makers.\n']
  ])('%s: `Ki&#101;v` is the finding and the fix, and Chicken Kiev stays', async (name, doc) => {
    const cwd = await makeTree({[name]: doc})
    const report = await runCli(['--no-config', name], {cwd})
    expect(report.stdout).toContain('1:14-1:23')
    expect(report.stdout).not.toContain('1:40')
    const run = await runCli(['--no-config', '--fix', name], {cwd})
    expect(run.stderr).toBe(fixedLine(name, '1:14', 'Ki&#101;v', 'Kyiv') + 'copydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, name), 'utf8')).toBe('Officials in Kyiv met the Chicken Kiev makers.\n')
  })

  test('--fix-dry-run shows the same fix at the same place, from a file or standard input', async () => {
    const doc = 'Officials in Ki&#101;v met the Chicken Kiev makers.\n'
    const cwd = await makeTree({'story.md': doc})
    const diff = '-Officials in Ki&#101;v met the Chicken Kiev makers.\n+Officials in Kyiv met the Chicken Kiev makers.\n'
    expect((await runCli(['--no-config', '--fix-dry-run', 'story.md'], {cwd})).stdout).toContain(diff)
    expect((await runCli(['--no-config', '--fix-dry-run', '--stdin-filename', 'story.md'], {cwd, stdin: doc})).stdout).toContain(diff)
    expect(await fs.readFile(path.join(cwd, 'story.md'), 'utf8')).toBe(doc)
  })

  test('HTML: `&amp;` at the end of a line, then a tag, moves nothing after it', async () => {
    const doc = '<p>The mayor &amp;\n<b>x</b> said Kiev is calm. Kiev.</p>\n'
    const cwd = await makeTree({'story.html': doc})
    const run = await runCli(['--no-config', '--fix', 'story.html'], {cwd})
    expect(run.stderr).toBe(fixedLine('story.html', '2:15', 'Kiev', 'Kyiv') + fixedLine('story.html', '2:29', 'Kiev', 'Kyiv') + 'copydesk: fixed 2 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.html'), 'utf8')).toBe('<p>The mayor &amp;\n<b>x</b> said Kyiv is calm. Kyiv.</p>\n')
  })

  test('HTML: `&amp;` at the end of a line before a reference inside the word', async () => {
    const doc = '<p>The mayor &amp;\n<b>x</b> said Ki&#x65;v met Chicken Kiev makers.</p>\n'
    const file = await lintStory(doc, 'story.html')
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.actual}`)).toEqual(['2:15 Ki&#x65;v'])
    expect(fixFile(file)?.after).toBe('<p>The mayor &amp;\n<b>x</b> said Kyiv met Chicken Kiev makers.</p>\n')
  })

  test('HTML with CRLF line endings: each line ending is one line, and the fix keeps them', async () => {
    const doc = '<p>Talks went on\r\nall day &amp; night\r\nin Ki&#101;v, not over Chicken Kiev.</p>\r\n'
    const cwd = await makeTree({'story.html': doc})
    const run = await runCli(['--no-config', '--fix', 'story.html'], {cwd})
    expect(run.stderr).toBe(fixedLine('story.html', '3:4', 'Ki&#101;v', 'Kyiv') + 'copydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.html'), 'utf8')).toBe(doc.replace('Ki&#101;v', 'Kyiv'))
  })

  test('HTML: a legacy reference without its `;` (`&copy`) before the word', async () => {
    const doc = '<p>&copy 2026 Ki&#101;v desk &amp Chicken Kiev.</p>\n'
    const file = await lintStory(doc, 'story.html')
    expect(file.messages.filter(isFixable).map((message) => `${message.line}:${message.column} ${message.actual}`)).toEqual(['1:15 Ki&#101;v'])
    expect(fixFile(file)?.after).toBe('<p>&copy 2026 Kyiv desk &amp Chicken Kiev.</p>\n')
  })

  test('Markdown: backslash escapes before and inside the line are not counted as text', async () => {
    const doc = 'The \\*new\\* Ki&#101;v office, not \\_Chicken Kiev\\_.\n'
    const cwd = await makeTree({'story.md': doc})
    const run = await runCli(['--no-config', '--fix', 'story.md'], {cwd})
    expect(run.stderr).toBe(fixedLine('story.md', '1:13', 'Ki&#101;v', 'Kyiv') + 'copydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.md'), 'utf8')).toBe('The \\*new\\* Kyiv office, not \\_Chicken Kiev\\_.\n')
  })

  test('Markdown: a quote\'s second line is placed past its `> `', async () => {
    const doc = '> Talks &amp; more talks\n>  in Ki&#101;v, by Chicken Kiev makers.\n'
    const file = await lintStory(doc, 'story.md')
    expect(file.messages.map((message) => `${placeOf(message)} ${message.actual}`)).toEqual(['2:7-2:16 Ki&#101;v'])
    expect(fixFile(file)?.after).toBe('> Talks &amp; more talks\n>  in Kyiv, by Chicken Kiev makers.\n')
  })

  test('HTML: `the</h1>the` is one word written across a stray tag, never rewritten, and the copy after it is its own', async () => {
    const doc = '<p>Talks in Ki</h1>ev and Kiev.</p>\n'
    const file = await lintStory(doc, 'story.html')
    expect(file.messages.map((message) => [`${message.line}:${message.column}`, message.actual, isFixable(message)])).toEqual([
      ['1:13', 'Ki</h1>ev', false],
      ['1:27', 'Kiev', true]
    ])
    expect(fixFile(file)?.after).toBe('<p>Talks in Ki</h1>ev and Kyiv.</p>\n')
  })

  test('a name\'s slip written with a reference is fixed where it is written', async () => {
    const doc = 'Talks in Jiangsu opened.\nThe Jiang&#115;hu team left Jiangsu.\n'
    const file = await lintStory(doc, 'story.md')
    expect(file.messages.filter(isFixable).map((message) => `${message.line}:${message.column} ${message.actual}`)).toEqual(['2:5 Jiang&#115;hu'])
    expect(fixFile(file)?.after).toBe('Talks in Jiangsu opened.\nThe Jiangsu team left Jiangsu.\n')
  })
})

describe('a fix whose place does not hold its word', () => {
  test('is refused, never looked for elsewhere, and the finding stays', async () => {
    const doc = 'Officials in Ki&#101;v met the Chicken Kiev makers.\n'
    const file = await lintStory(doc, 'story.md')
    const [message] = file.messages
    expect(message?.actual).toBe('Ki&#101;v')
    // As the old search did: the place of the later copy, the word as written at the first.
    const later = doc.lastIndexOf('Kiev')
    const where = location(doc)
    message!.place = {start: where.toPoint(later)!, end: where.toPoint(later + 4)!}
    const fix = fixFile(file)
    expect(fix?.fixed).toEqual([])
    expect(fix?.after).toBe(doc)
    expect(fix?.refused.map(({message, reason}) => [message.actual, reason])).toEqual([['Ki&#101;v', 'the file has `Kiev` there, not `Ki&#101;v`']])
  })

  test('is refused when the file read again differs at its place', async () => {
    const doc = 'Officials in Kiev met the council.\n'
    const file = await lintStory(doc, 'story.txt')
    const fix = fixFile(file, 'Officials in Kyiv met the council.\n')
    expect(fix?.fixed).toEqual([])
    expect(fix?.refused.map(({reason}) => reason)).toEqual(['the file has `Kyiv` there, not `Kiev`'])
  })
})

describe('what a fix writes', () => {
  test.each([
    ['Kyiv', 'html', 'Kyiv'],
    ['AT&T', 'html', 'AT&amp;T'],
    ['a<b', 'html', 'a&lt;b'],
    ['Kyiv', 'markdown', 'Kyiv'],
    ['AT&T', 'markdown', 'AT&T'],
    ['R&amp;D', 'markdown', 'R\\&amp;D'],
    ['snake_case', 'markdown', 'snake\\_case'],
    ['AT&T', 'text', 'AT&T']
  ] as const)('%s in %s is written %s', (word, format, written) => {
    expect(writtenAs(word, format)).toBe(written)
  })
})
