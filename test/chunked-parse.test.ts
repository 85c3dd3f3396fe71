import {toNlcst} from 'mdast-util-to-nlcst'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {createProcessor} from '../src/parse/processor.js'
import {parseTextInChunks} from '../src/parse/chunks.js'
import {markdownToNlcstInChunks} from '../src/parse/markdown-chunks.js'
import {findings, lintDoc} from './helpers.js'

/** An English parser with the extensions the pipeline registers (URLs as source). */
function englishParser(): ParseEnglish {
  const parser = new ParseEnglish()
  parser.tokenizeSentencePlugins.unshift(...(createProcessor().freeze().data('nlcstSentenceExtensions') ?? []))
  return parser
}

/** The tree as data, without shared objects, to compare with `toEqual`. */
function plain(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree))
}

const story = [
  'Harbour ferry returns after storm',
  '',
  'Tuesday, March 3, 2026',
  '',
  'The morning ferry to Skelmore sailed again on Tuesday. Its captain, Ms. Ardent, said the crossing was rough.',
  '',
  'and the crew, she added, had worked through the night.',
  '',
  '2025 was the worst year for cancellations since records began.',
  '',
  '"We owe the town an apology," said Mr.',
  '',
  'Ardent, the harbour master, who would not give his first name.',
  '',
  'Timetables are at www.skelmore-ferries.example/times. Fares rise by 5 p.c.',
  '',
  '* * *',
  '',
  "(Reporting by the Skelmore desk.) Tickets: £4 for adults, £2 for children!",
  '',
  "Rock 'n' roll played on deck as the boat came in, ol' sailors said?",
  '',
  '   An indented paragraph, then trailing space.   ',
  '',
  'Last line without an end'
].join('\n')

describe('parsing plain text a piece at a time', () => {
  test.each([
    ['LF', story],
    ['CRLF', story.replaceAll('\n', '\r\n')],
    ['CR', story.replaceAll('\n', '\r')],
    ['a byte order mark', '\uFEFF' + story],
    ['blank lines holding spaces and tabs', story.replaceAll('\n\n', '\n \t\n  \n')],
    ['leading and trailing blank lines', '\n\n' + story + '\n\n\n'],
    ['accents, other scripts, symbols and emoji', story + '\n\nZoë met Ли Вэй at the café 🚢 — “fine” — at 5°C… ½ © 2026\n\nDone.']
  ])('gives the whole-document tree with %s', (_name, doc) => {
    const whole = englishParser().parse(doc)
    const chunked = parseTextInChunks(doc, englishParser(), 0)
    expect(plain(chunked)).toEqual(plain(whole))
  })

  test('cuts a long story into several pieces', () => {
    // One piece per paragraph would show as root children no deeper than the whole.
    const doc = Array.from({length: 40}, (_, index) => `Paragraph ${index + 1} of the report is here.`).join('\n\n')
    const chunked = parseTextInChunks(doc, englishParser(), 100)
    expect(plain(chunked)).toEqual(plain(englishParser().parse(doc)))
    expect(chunked.children.filter((node) => node.type === 'ParagraphNode')).toHaveLength(40)
  })
})

describe('converting Markdown a run of blocks at a time', () => {
  const markdown = [
    '# Harbour ferry returns after storm',
    '',
    'The morning ferry to *Skelmore* sailed again on Tuesday.',
    '',
    '```',
    'const sailings = 4',
    '```',
    '',
    '## Timetable',
    '',
    'Fares rise by 5 p.c. See <https://skelmore-ferries.example>.',
    '',
    '- first sailing at six',
    '- last at ten',
    '',
    '> "We owe the town an apology," said Mr.',
    '',
    'Ardent, the harbour master, spoke to the crowd.',
    '',
    '<div>A block of HTML.</div>',
    '',
    'and the crew had worked through the night.',
    '',
    'Heading without a stop',
    '***',
    'Last paragraph of the story.',
    ''
  ].join('\n')

  test.each([
    ['LF', markdown],
    ['CRLF', markdown.replaceAll('\n', '\r\n')],
    ['a byte order mark', '\uFEFF' + markdown]
  ])('gives the whole-document tree with %s', (_name, doc) => {
    const mdast = unified().use(remarkParse).parse(doc)
    const file = new VFile({value: doc})
    const whole = toNlcst(mdast, file, englishParser())
    const chunked = markdownToNlcstInChunks(mdast, file, englishParser(), undefined, 0)
    expect(plain(chunked)).toEqual(plain(whole))
  })
})

describe('findings in a long file', () => {
  const paragraph = 'The council met on Monday to discuss the harbour wall, and agreed to repair it.'
  // About 40 KB: several pieces at the default size.
  const paragraphs = Array.from({length: 500}, () => paragraph)
  paragraphs.push('The captian thanked the council.')

  test.each([
    ['story.txt', paragraphs.join('\n\n')],
    ['story.txt', paragraphs.join('\r\n\r\n')],
    ['story.md', paragraphs.join('\n\n')]
  ])('are placed in the file in %s', async (name, doc) => {
    const line = 500 * 2 + 1
    expect(findings(await lintDoc(doc, name))).toEqual([`${line}:5-${line}:12 error captian`])
  })
})
