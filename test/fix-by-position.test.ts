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

  test('Markdown front matter: a headline field is read decoded and placed as written', async () => {
    const doc = '---\ntitle: "Talks in Ki&#101;v &amp; Chicken Kiev"\n---\n\nBody &mdash; Kiev.\n'
    const file = await lintStory(doc, 'story.md')
    expect(file.messages.map((message) => `${placeOf(message)} ${message.actual}`)).toEqual(['2:18-2:27 Ki&#101;v', '5:14-5:18 Kiev'])
    expect(fixFile(file)?.after).toBe('---\ntitle: "Talks in Kyiv &amp; Chicken Kiev"\n---\n\nBody &mdash; Kyiv.\n')
  })

  test('Markdown: block HTML in a quote and in a list item is placed line by line, past the `> ` and the indentation', async () => {
    const doc = '> <div>\n> Talks in Ki&#101;v and Chicken Kiev.\n>  Kiev again.\n> </div>\n\n- <div>\n  Kiev &amp; Ki&#101;v.\n  </div>\n'
    const file = await lintStory(doc, 'story.md')
    expect(file.messages.map((message) => `${placeOf(message)} ${message.actual}`)).toEqual([
      '2:12-2:21 Ki&#101;v',
      '3:4-3:8 Kiev',
      '7:3-7:7 Kiev',
      '7:14-7:23 Ki&#101;v'
    ])
    expect(fixFile(file)?.after).toBe('> <div>\n> Talks in Kyiv and Chicken Kiev.\n>  Kyiv again.\n> </div>\n\n- <div>\n  Kyiv &amp; Kyiv.\n  </div>\n')
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

/**
 * Generated stories: the property behind the cases above. Each story has
 * words to fix (house-style `Kiev` and `Peking`, a name's slip `Jiangshu`),
 * each written plainly or with references for some of its letters, and
 * other copies of the same words that must stay as they are: an exception
 * (`Chicken Kiev`, `Peking duck`), the right spelling, a word written
 * across markup, code, a link's address, a comment. Around them, words and
 * what each format decodes: references (named, numeric, legacy), escapes,
 * CRLF, inline markup, a quote's `> `. The fix must change the story at the
 * words to fix and nowhere else, and every finding must be on its word as
 * written.
 */
describe('fixing generated stories by position', () => {
  const seed = Number(process.env.COPYDESK_FC_SEED ?? 18_2026)
  const scale = Number(process.env.COPYDESK_FC_RUNS ?? 1)

  type StoryFormat = 'markdown' | 'html' | 'text'

  /** A piece of a story: its source; for a word to fix, where the word is inside it and what the fix writes. */
  interface Part {
    source: string
    fix?: {from: number; to: number; value: string}
  }

  /**
   * A word with some of its letters written as numeric references (`Ki&#101;v`, `K&#X69;ev`).
   *
   * @param word The word.
   * @returns Its spellings.
   */
  const spelt = (word: string): fc.Arbitrary<string> =>
    fc
      .array(fc.constantFrom('plain', 'plain', 'plain', 'decimal', 'hex', 'HEX'), {minLength: word.length, maxLength: word.length})
      .map((kinds) =>
        [...word]
          .map((letter, index) => {
            const code = letter.codePointAt(0) ?? 0
            const kind = kinds[index]
            return kind === 'decimal' ? `&#${code};` : kind === 'hex' ? `&#x${code.toString(16)};` : kind === 'HEX' ? `&#X${code.toString(16).toUpperCase()};` : letter
          })
          .join('')
      )

  /** Words that no rule fixes. */
  const fillers = ['the', 'council', 'said', 'on', 'that', 'officials', 'met', 'in', 'city', 'hall', 'and', 'talks', 'opened', 'a', 'new', 'office', 'late']

  /**
   * What each format reads as something else than it is written, none of it
   * fixable. No accented words: a story with several reads as partly in
   * another language, where a name's slip is not judged.
   */
  const noise: Record<StoryFormat, readonly string[]> = {
    text: ['&amp;', '&mdash;', 'mayor&#8217;s', 'a&nbsp;b', '&bogus;', 'AT&T', '&quot;hall&quot;'],
    markdown: ['&amp;', '&mdash;', 'mayor&#8217;s', '&nbsp;', '\\*', '\\_', '\\&', 'AT&T', '**council**', '_said_', '&amp;amp;', '~~hall~~'],
    html: ['&amp;', '&mdash;', 'mayor&#8217;s', '&nbsp;', '&copy 2026', '&amp', 'AT&T', '</h1>', '<i>council</i>', '<br>', '&notit;', '<span>hall</span>']
  }

  /**
   * Copies of the words to fix that must stay as they are (besides
   * exceptions and right spellings). A Markdown comment never opens a line,
   * where it would open a block of HTML whose bare text is not read.
   */
  const untouchable: Record<StoryFormat, readonly string[]> = {
    text: ['https://example.com/Kiev', 'Kyiv', 'Beijing'],
    markdown: ['**Ki**ev', 'Pe_king_', '`Kiev`', '[council](https://example.com/Kiev)', 'hall <!-- Kiev -->', 'Kyiv', 'Beijing'],
    html: ['<b>Ki</b>ev', 'Pe<i>king</i>', '<code>Kiev</code>', '<a href="https://example.com/Kiev">council</a>', '<!-- Peking -->', 'Kyiv', 'Beijing']
  }

  /** Markup a whole word to fix may stand in: `**Kiev**` is fixed inside its markup. */
  const wrappers: Record<StoryFormat, ReadonlyArray<readonly [string, string]>> = {
    text: [['', '']],
    markdown: [['', ''], ['', ''], ['**', '**'], ['_', '_'], ['[', '](https://example.com/x)']],
    html: [['', ''], ['', ''], ['<b>', '</b>'], ['<a href="https://example.com/x">', '</a>'], ['<em>', '</em>']]
  }

  /**
   * A word to fix, spelt some way, in some markup.
   *
   * @param format The story's format.
   * @param word The word as the rules read it.
   * @param expected What the fix writes.
   * @returns Parts.
   */
  const target = (format: StoryFormat, word: string, expected: string): fc.Arbitrary<Part> =>
    fc.tuple(spelt(word), fc.constantFrom(...wrappers[format])).map(([written, [open, close]]) => ({
      source: open + written + close,
      fix: {from: open.length, to: open.length + written.length, value: writtenAs(expected, format)}
    }))

  /**
   * A copy that must stay: an exception or right spelling, spelt some way, or one of the format's untouchable copies.
   *
   * @param format The story's format.
   * @returns Parts.
   */
  const keep = (format: StoryFormat): fc.Arbitrary<Part> =>
    fc.oneof(
      spelt('Kiev').map((written) => ({source: 'Chicken ' + written})),
      spelt('Kiev').map((written) => ({source: 'formerly ' + written})),
      spelt('Peking').map((written) => ({source: written + ' duck'})),
      spelt('Jiangsu').map((written) => ({source: written})),
      fc.constantFrom(...untouchable[format]).map((source) => ({source}))
    )

  /**
   * A run of words and noise: never empty, so no two words of interest touch.
   *
   * @param format The story's format.
   * @returns Parts.
   */
  const filler = (format: StoryFormat): fc.Arbitrary<Part> =>
    fc
      .array(fc.oneof({weight: 3, arbitrary: fc.constantFrom(...fillers)}, {weight: 2, arbitrary: fc.constantFrom(...noise[format])}), {minLength: 1, maxLength: 4})
      .map((words) => ({source: fillers[words.length % fillers.length] + ' ' + words.join(' ')}))

  /**
   * What goes between two parts: a space or punctuation, or a line break (CRLF too), inside a quote after its `> `.
   *
   * @param format The story's format.
   * @param quoted Whether the story is a Markdown quote.
   * @returns Separators.
   */
  const separator = (format: StoryFormat, quoted: boolean): fc.Arbitrary<string> => {
    const lineBreaks = quoted ? ['\n> ', '\r\n>  ', '\n>'] : format === 'markdown' ? ['\n', '\r\n', '\n   '] : ['\n', '\r\n']
    return fc.constantFrom(' ', ' ', ' ', ', ', '. ', '; ', ...lineBreaks)
  }

  /**
   * A story: the parts of interest (at least one word to fix; at most one
   * slip of a name, which a second use would make a spelling on purpose),
   * with words between them.
   *
   * @param format The story's format.
   * @returns The story's parts, and separators to join them.
   */
  const story = (format: StoryFormat): fc.Arbitrary<{parts: Part[]; quoted: boolean}> =>
    fc
      .record({
        quoted: format === 'markdown' ? fc.boolean() : fc.constant(false),
        kiev: fc.array(target(format, 'Kiev', 'Kyiv'), {maxLength: 2}),
        peking: fc.array(target(format, 'Peking', 'Beijing'), {maxLength: 2}),
        slip: fc.option(target(format, 'Jiangshu', 'Jiangsu'), {nil: undefined}),
        kept: fc.array(keep(format), {minLength: 1, maxLength: 5}),
        order: fc.array(fc.nat(), {maxLength: 12})
      })
      .filter(({kiev, peking, slip}) => kiev.length + peking.length + (slip ? 1 : 0) > 0)
      .chain(({quoted, kiev, peking, slip, kept, order}) => {
        // The slip's right spelling is in the story: the evidence that makes its fix certain.
        const interesting = [...kiev, ...peking, ...(slip ? [slip, {source: 'Jiangsu'}] : []), ...kept]
        // A fixed shuffle from the generated numbers, so that shrinking keeps the order.
        for (let index = interesting.length - 1; index > 0; index--) {
          const other = (order[index % Math.max(order.length, 1)] ?? 0) % (index + 1)
          ;[interesting[index], interesting[other]] = [interesting[other]!, interesting[index]!]
        }
        return fc.tuple(fc.array(filler(format), {minLength: interesting.length + 1, maxLength: interesting.length + 1}), fc.constant(interesting)).map(
          ([between, parts]) => ({quoted, parts: between.flatMap((run, index) => (parts[index] ? [run, parts[index]] : [run]))})
        )
      })

  /**
   * Join a story's parts, and note where each word to fix stands and what the fixed story is.
   *
   * @param format The story's format.
   * @param parts The parts.
   * @param separators One separator for each seam.
   * @param quoted Whether the story is a Markdown quote.
   * @returns The source, the fixed source it must become, and the offsets of the words to fix.
   */
  const assemble = (format: StoryFormat, parts: Part[], separators: string[], quoted: boolean): {source: string; fixed: string; places: number[]} => {
    const open = format === 'html' ? '<p>' : quoted ? '> ' : ''
    const close = format === 'html' ? '</p>\n' : '\n'
    let source = open
    let fixed = open
    const places: number[] = []
    parts.forEach((part, index) => {
      if (index > 0) {
        const between = separators[index - 1] ?? ' '
        source += between
        fixed += between
      }
      if (part.fix) {
        places.push(source.length + part.fix.from)
        fixed += part.source.slice(0, part.fix.from) + part.fix.value + part.source.slice(part.fix.to)
      } else {
        fixed += part.source
      }
      source += part.source
    })
    return {source: source + close, fixed: fixed + close, places}
  }

  const fileName: Record<StoryFormat, string> = {text: 'story.txt', markdown: 'story.md', html: 'story.html'}

  test.each(['markdown', 'html', 'text'] as const)('%s: the fix changes the words to fix and nothing else, and every finding spells its word', async (format) => {
    const stories = story(format).chain(({parts, quoted}) =>
      fc.array(separator(format, quoted), {minLength: parts.length, maxLength: parts.length}).map((separators) => assemble(format, parts, separators, quoted))
    )
    await fc.assert(
      fc.asyncProperty(stories, async ({source, fixed, places}) => {
        const file = await lintStory(source, fileName[format])
        const where = location(source)
        // Every finding: its line and column are its offset's, and its range holds its `actual`.
        for (const message of file.messages) {
          const place = message.place && 'start' in message.place ? message.place : undefined
          const start = place?.start.offset ?? -1
          const end = place?.end.offset ?? -1
          expect(source.slice(start, end), `${message.ruleId} ${message.reason}`).toBe(message.actual)
          expect(where.toPoint(start)).toEqual(place?.start)
          expect(where.toPoint(end)).toEqual(place?.end)
        }
        // Each word to fix is found where it is written.
        const fixablePlaces = file.messages.filter(isFixable).map((message) => (message.place && 'start' in message.place ? message.place.start.offset : -1))
        expect(fixablePlaces.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(places)
        const fix = fixFile(file)
        expect(fix?.refused).toEqual([])
        expect(fix?.after).toBe(fixed)
      }),
      {seed, numRuns: 60 * scale}
    )
  })
})
