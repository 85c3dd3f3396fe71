import os from 'node:os'
import fc from 'fast-check'
import {location} from 'vfile-location'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, test} from 'vitest'
import {fixFile, isFixable} from '../src/settle/fix.js'
import {toInputFile} from '../src/files/read-input.js'
import {lintInMemory} from './helpers.js'

/**
 * Properties that must hold for any story, checked on generated text:
 * linting never throws, every finding points at text that is there, and
 * `--fix` touches nothing but what it fixes.
 *
 * The seed is fixed so that a run of `npm test` is the same every time;
 * fast-check prints the seed and the shrunk counterexample of a failure.
 * To explore further: `COPYDESK_FC_SEED=123 COPYDESK_FC_RUNS=2000 npx vitest run test/properties.test.ts`.
 */
const seed = Number(process.env.COPYDESK_FC_SEED ?? 8_2026)
const scale = Number(process.env.COPYDESK_FC_RUNS ?? 1)

/** The formats copydesk reads, by the name that picks them. */
const formats = ['story.txt', 'story.md', 'story.html'] as const

/**
 * Pieces of news copy that exercise the rules: ordinary words, slips,
 * names spelled two ways (`name-consistency`, fixable), house-style
 * spellings (`house-style`, fixable), British and American forms,
 * hyphenation variants, repeated words and suppressing comments.
 */
const words = [
  'the', 'The', 'council', 'said', 'on', 'Tuesday', 'budget', 'budgett', 'rose', 'teh', 'theh',
  'Jiangsu', 'Jiangshu', 'Oyelaran', 'Oyelaren', 'Dvoracek', 'Dvoracik', 'Kiev', 'Kyiv', 'Gaddafi', 'Qaddafi',
  'colour', 'color', 'organise', 'organize', 'e-mail', 'email', 'co-operate', 'cooperate',
  'per cent', 'percent', 'Mr', 'Ms.', "O'Neill", 'McDonald', 'anti-Lukashenko', 'New York', 'U.S.', '1,200', '£3m',
  'São', 'Paulo', 'Zürich', 'Düsseldorf', 'naïve', 'café', 'Ελλάδα', 'Москва', '北京', 'שלום', 'مرحبا',
  'https://example.com/story', 'editor@example.com', '@newsdesk', '#budget', 'it’s', 'don’t'
]

/** Punctuation and spacing, line endings of every kind included. */
const separators = [
  ' ', ' ', ' ', ', ', '. ', '; ', ': ', '! ', '? ', ' — ', ' – ', '-', '…', '"', '“', '”', '‘', '’', "'", '(', ')',
  '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t', '\u00a0', '\u200b', '\u00ad', '\uFEFF', '\0'
]

/** Markdown markup, front matter and comment markers among it. */
const markdown = [
  '# ', '## ', '*', '**', '_', '`', '```\n', '```js\n', '~~~\n', '> ', '- ', '1. ', '[', '](https://example.com)',
  '![alt](x.png)', '---\n', '---\ntitle: Budget\n---\n', '| a | b |\n| - | - |\n', '<!-- copydesk-disable -->',
  '<!-- copydesk-enable -->', '<!-- copydesk-disable-next-line spelling -->', '\\', '    ', '[^1]', '[^1]: note\n'
]

/** HTML tags, entities and comments, well formed or not. */
const html = [
  '<p>', '</p>', '<b>', '</b>', '<i>', '<a href="https://example.com">', '</a>', '<br>', '<script>', '</script>',
  '<style>', '</style>', '<code>', '</code>', '<pre>', '</pre>', '&amp;', '&nbsp;', '&#8217;', '&bogus;', '<!--',
  '-->', '<!DOCTYPE html>', '<div class="x"', '>', '<', '<!-- copydesk-disable-line -->', '<h1>', '</h1>'
]

/** One piece: mostly words and separators, some markup, some arbitrary characters. */
const piece = fc.oneof(
  {weight: 8, arbitrary: fc.constantFrom(...words)},
  {weight: 6, arbitrary: fc.constantFrom(...separators)},
  {weight: 2, arbitrary: fc.constantFrom(...markdown)},
  {weight: 2, arbitrary: fc.constantFrom(...html)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 4})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 3})}
)

/** Text that looks like a news story, pulled apart and put back together at random. */
const newsText = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))

/** Any text: every code point, and printable graphemes. */
const anyText = fc.oneof(fc.string({unit: 'binary', maxLength: 80}), fc.string({unit: 'grapheme', maxLength: 40}))

/**
 * Lint one story in memory with the default config.
 *
 * @param text The story, as read (a BOM is taken off, as when read from disk).
 * @param filePath Name that picks the format.
 * @returns The linted file, and the problems that stopped it.
 */
async function lintText(text: string, filePath: string): Promise<{file: VFile; problems: string[]}> {
  const file = toInputFile(filePath, text, os.tmpdir())
  const result = await lintInMemory([file], {cwd: os.tmpdir(), noConfig: true})
  return {file, problems: result.problems.map((problem) => problem.toLine())}
}

/**
 * Where a message is, as offsets.
 *
 * @param message A finding.
 * @returns Start and end offsets, when it has both.
 */
function offsetsOf(message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const start = place?.start.offset
  const end = place?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/**
 * What is wrong with where a file's findings point, if anything: each has
 * a range inside the text, whose line and column agree with its offset,
 * and whose text is its `actual`.
 *
 * @param file Linted file.
 * @returns One line per broken finding.
 */
function misplaced(file: VFile): string[] {
  const text = String(file.value)
  const where = location(text)
  const wrong: string[] = []
  for (const message of file.messages) {
    const name = `${message.ruleId ?? '?'} ${JSON.stringify(message.actual)}`
    const offsets = offsetsOf(message)
    const place = message.place && 'start' in message.place ? message.place : undefined
    if (!offsets || !place) {
      wrong.push(`${name}: no range`)
      continue
    }
    const {start, end} = offsets
    if (!(start >= 0 && start <= end && end <= text.length)) {
      wrong.push(`${name}: range ${start}-${end} outside a text of ${text.length}`)
      continue
    }
    const startPoint = where.toPoint(start)
    const endPoint = where.toPoint(end)
    if (startPoint?.line !== place.start.line || startPoint.column !== place.start.column) {
      wrong.push(`${name}: start ${place.start.line}:${place.start.column} is not offset ${start}`)
    }
    if (endPoint?.line !== place.end.line || endPoint.column !== place.end.column) {
      wrong.push(`${name}: end ${place.end.line}:${place.end.column} is not offset ${end}`)
    }
    if (message.actual !== undefined && text.slice(start, end) !== message.actual) {
      wrong.push(`${name}: range holds ${JSON.stringify(text.slice(start, end))}`)
    }
  }
  return wrong
}

/**
 * Check that linting a text in a format neither throws nor stops on a
 * problem, and that every finding is well placed.
 *
 * @param text The story.
 * @param filePath Name that picks the format.
 * @returns Nothing; fails the property otherwise.
 */
async function placesHold(text: string, filePath: string): Promise<void> {
  const {file, problems} = await lintText(text, filePath)
  expect(problems).toEqual([])
  expect(misplaced(file)).toEqual([])
}

/**
 * Check that applying the safe fixes changes only the fixed ranges, each
 * to its `expected`, and that linting the result again finds nothing
 * fixable.
 *
 * @param text The story.
 * @param filePath Name that picks the format.
 * @returns Nothing; fails the property otherwise.
 */
async function fixHolds(text: string, filePath: string): Promise<void> {
  const {file} = await lintText(text, filePath)
  const fix = fixFile(file)
  if (!fix) return
  const bom = file.data.bom ? '\uFEFF' : ''
  const before = String(file.value)
  expect(fix.before).toBe(bom + before)
  // Rebuilt here from the fixed findings alone: every other byte must be as it was.
  const ranges = fix.fixed
    .map((message) => ({...offsetsOf(message), actual: message.actual, value: message.expected?.[0]}))
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
  let expected = bom
  let position = 0
  for (const range of ranges) {
    expect(range.start).toBeGreaterThanOrEqual(position)
    expect(before.slice(range.start, range.end)).toBe(range.actual)
    expected += before.slice(position, range.start) + String(range.value)
    position = range.end ?? position
  }
  expected += before.slice(position)
  expect(fix.after).toBe(expected)

  const again = await lintText(fix.after, filePath)
  expect(again.problems).toEqual([])
  expect(again.file.messages.filter(isFixable).map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([])
}

describe('counterexamples the properties found', () => {
  test.each([
    ['', 'story.html', 'a page of nothing parses without a positioned root'],
    [' \n', 'story.html', 'nor does a page of whitespace'],
    ['don’tthe', 'story.txt', 'retext-spell reports the word with a straight apostrophe'],
    ['the\0the', 'story.html', 'the HTML parser drops a NUL'],
    ['<p>budg\0ett and more</p>', 'story.html', 'a NUL inside a word'],
    ['&amp;thethe', 'story.md', 'a character reference inside a word'],
    ['&amp;thethe', 'story.html', 'a character reference inside a word'],
    ['café&#8217;the', 'story.html', 'a reference for a character not in the source'],
    ['the</h1>the', 'story.html', 'the parser joins text across a stray end tag'],
    ['anti-Lukashenko![alt](x.png)', 'story.md', 'an image alt text joins the word before it'],
    ['anti-Lukashenko<!-- copydesk-disable -->co-operate', 'story.md', 'a comment inside a word']
  ])('%j as %s lints with every finding in place (%s)', async (text, filePath) => {
    await placesHold(text, filePath)
  })

  test.each([
    ['Talks in Ki&#101;v opened.', 'story.md', 'Ki&#101;v', true],
    ['<p>Talks in Ki&#101;v opened.</p>', 'story.html', 'Ki&#101;v', true],
    ['<p>Talks in Ki</h1>ev opened.</p>', 'story.html', 'Ki</h1>ev', false]
  ])('a finding on %j (%s) is on the word as written', async (text, filePath, actual, fixable) => {
    const {file} = await lintText(text, filePath)
    expect(file.messages.map((message) => [message.ruleId, message.actual, isFixable(message)])).toEqual([
      ['house-style', actual, fixable]
    ])
  })
})

describe('properties', () => {
  test.each(formats)('any Unicode text lints as %s without throwing, with every finding in place', async (filePath) => {
    await fc.assert(
      fc.asyncProperty(anyText, (text) => placesHold(text, filePath)),
      {seed, numRuns: 60 * scale}
    )
  })

  test.each(formats)('news-like text lints as %s without throwing, with every finding in place', async (filePath) => {
    await fc.assert(
      fc.asyncProperty(newsText, (text) => placesHold(text, filePath)),
      {seed, numRuns: 60 * scale}
    )
  })

  test.each(formats)('fixing %s changes only the fixed ranges and leaves nothing fixable', async (filePath) => {
    await fc.assert(
      fc.asyncProperty(newsText, (text) => fixHolds(text, filePath)),
      {seed, numRuns: 60 * scale}
    )
  })
})
