import type {Root as MdastRoot} from 'mdast'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {useLinearBreaks} from '../src/parse/break-sentences.js'
import {plainParagraphs} from '../src/parse/markdown-blocks.js'
import {markdownCuts, parseMarkdownInPieces} from '../src/parse/markdown-pieces.js'
import {markdownParserFor} from '../src/parse/markdown-parser.js'
import {findings, lintDoc, makeTree, runCli} from './helpers.js'

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/** Parse Markdown whole. */
function parseWhole(doc: string): MdastRoot {
  return markdown.parse(doc)
}

/** The tree as data, without shared objects, to compare with `toEqual`. */
function plain(tree: unknown): unknown {
  return JSON.parse(JSON.stringify(tree))
}

/** Markdown where a careless cut at a blank line would change the tree. */
const tricky: Array<[string, string]> = [
  ['fenced code with blank lines', 'Intro line.\n\n```\ncode\n\nInside the fence\n```\n\nAfter the fence.\n'],
  ['a long tilde fence closed by a longer one', 'Intro.\n\n~~~~ text\n\nStill code\n~~~\n\nStill code too\n~~~~~\n\nOut.\n'],
  ['a fence in a list item', '- item\n\n  ```\n  code\n\n  Inside\n  ```\n\nOutside the list.\n'],
  ['an HTML comment across blank lines', 'Top.\n\n<!--\n\nHidden words here\n\n-->\n\nShown again.\n'],
  ['a pre block across blank lines', 'Top.\n\n<pre>\n\nPreformatted text\n\n</pre>\n\nBelow.\n'],
  ['front matter with blank lines', '---\ntitle: Harbour\n\nauthor: Desk\n---\n\nBody text.\n\nMore body.\n'],
  ['a loose list and quote', '- one\n\n- two\n\n> quoted\n\nplain\n\n1. first\n\n2. second\n\nEnd.\n'],
  ['a reference defined after use', 'See [the port][p].\n\nMiddle text.\n\n[p]: https://example.com\n\nEnd.\n'],
  ['CRLF line endings', 'One.\r\n\r\nTwo words.\r\n\r\n```\r\n\r\nCode\r\n```\r\n\r\nThree.\r\n'],
  ['a table and a heading', 'a | b\n- | -\nc | d\n\nText below.\n\n# Heading\n\nLast.\n']
]

/** Markdown with plain paragraphs next to blocks a stand-in for them must end the same way. */
const plainNeighbours: Array<[string, string]> = [
  ['a loose list before', '- one\n\n- two\n\nThe port reopened.\n\n  Indented after.\n'],
  ['a quote before', '> Quoted words\n\nThe port reopened.\nIt rained.\n\n> More\n'],
  ['a footnote definition', 'Text[^1].\n\n[^1]: A note\n\nThe port reopened.\n\n    more note\n'],
  ['a reference defined after', 'See [the port][p].\n\nThe port reopened.\n\n[p]: https://example.com\n'],
  ['front matter and a heading', '---\ntitle: Port\n---\n\n# Port\n\nThe port reopened, said Ms Ardent!\n\n## After\n'],
  ['an HTML block', '<div>\n\nThe port reopened.\n\n</div>\n'],
  ['a table after', 'Intro.\n\nThe port reopened.\n\na | b\n- | -\nc | d\n'],
  ['several lines and no final line break', 'Intro.\n\nThe port reopened\non Tuesday (2026).\n\nLast words here'],
  ['fenced code after', 'Intro.\n\nThe port reopened.\n\n```\ncode\n\nThe fence\n```\n\nAfter.\n']
]

describe('parsing Markdown a run of blocks at a time', () => {
  test.each(tricky)('gives the whole-document tree with %s', (_name, doc) => {
    expect(plain(parseMarkdownInPieces(doc, parseWhole, 0))).toEqual(plain(parseWhole(doc)))
  })

  test.each([
    ['fenced code', tricky[0]![1], ['After']],
    ['a fence in a list item', tricky[2]![1], ['Outside']],
    ['an HTML comment', tricky[3]![1], ['Shown']],
    ['front matter', tricky[5]![1], ['Body', 'More']],
    ['a reference definition', tricky[7]![1], []]
  ])('cuts only where a block starts at the top level, with %s', (_name, doc, starts) => {
    const cuts = markdownCuts(doc, 0)
    expect(cuts.map((point) => doc.slice(point.offset, doc.indexOf(' ', point.offset)).split(/[ .\n]/)[0])).toEqual(starts)
    for (const cut of cuts) {
      expect(doc.split('\n').slice(0, cut.line - 1).join('\n').length + 1).toBe(cut.offset)
    }
  })

  test.each(plainNeighbours)('gives the whole-document tree around plain paragraphs, with %s', (_name, doc) => {
    expect(plainParagraphs(doc)).not.toEqual([])
    expect(plain(parseMarkdownInPieces(doc, parseWhole))).toEqual(plain(parseWhole(doc)))
    expect(plain(parseMarkdownInPieces(doc, parseWhole, 0))).toEqual(plain(parseWhole(doc)))
  })

  test.each([
    ['a link', 'Intro.\n\nSee [the port](https://example.com) today.\n'],
    ['emphasis', 'Intro.\n\nThe *port* reopened.\n'],
    ['an underscore', 'Intro.\n\nThe port_reopened.\n'],
    ['inline code', 'Intro.\n\nRun `copydesk` now.\n'],
    ['a character reference', 'Intro.\n\nMayor&#39;s office.\n'],
    ['an escape', 'Intro.\n\nA \\* star.\n'],
    ['an address', 'Intro.\n\nWrite to desk@example.com today.\n'],
    ['a bare URL', 'Intro.\n\nSee www.example.com today.\n'],
    ['an indented line', 'Intro.\n\nThe port\n  reopened.\n'],
    ['a hard break', 'Intro.\n\nThe port  \nreopened.\n'],
    ['a setext underline', 'Intro.\n\nThe port\n===\n'],
    ['a list that interrupts', 'Intro.\n\nThe port\n- reopened\n'],
    ['a pipe', 'Intro.\n\nThe port | reopened\n'],
    ['a tab', 'Intro.\n\nThe port\treopened.\n'],
    ['CRLF line endings', 'Intro.\r\n\r\nThe port reopened.\r\n']
  ])('takes no paragraph with %s for plain text', (_name, doc) => {
    expect(plainParagraphs(doc)).toEqual([])
    expect(plain(parseMarkdownInPieces(doc, parseWhole))).toEqual(plain(parseWhole(doc)))
  })

  test('builds the tree the full parser builds, without the GFM constructs a source cannot hold', () => {
    const gfm = [
      'Write to desk@example.com or see www.example.com and http://example.com today.\n',
      'Write to desk&#64;example.com or www&#46;example.com, said Smith &amp; Sons.\n',
      'Port\n:-\n\nHarbour\n-:\n\nQuay\n---\n',
      'a | b\n- | -\nc | d\n\nNo table, no address.\n'
    ]
    for (const doc of gfm) expect(plain(markdownParserFor(doc).parse(doc))).toEqual(plain(parseWhole(doc)))
    for (const [, doc] of [...tricky, ...plainNeighbours]) {
      expect(plain(parseMarkdownInPieces(doc, (source) => markdownParserFor(source).parse(source)))).toEqual(plain(parseWhole(doc)))
    }
  })

  test('cuts a long document into pieces no longer than asked', () => {
    const doc = 'Harbour news.\n\n'.repeat(1000)
    const cuts = markdownCuts(doc, 1500)
    expect(cuts).toHaveLength(Math.ceil(doc.length / 1500) - 1)
    expect(plain(parseMarkdownInPieces(doc, parseWhole, 1500))).toEqual(plain(parseWhole(doc)))
  })
})

describe('breaking sentences at blank lines in one pass', () => {
  test.each([
    ...tricky,
    ['one-word paragraphs', 'harbour\n\nriver\n\nThe\n\ncity\n\n'],
    ['sentences across paragraphs', 'He said Mr.\n\nArdent spoke.\n\nand then left.\n\n2025 was\n\nhard. Yes\n\n\n\n\nno'],
    ['blank lines with spaces', 'One two\n \n  \nthree four\n\t\n\nfive'],
    ['line endings of every kind', 'One two\r\rthree\r\n\r\nfour five\n\r\nsix\r\nseven\r \n eight\n\rnine']
  ])('gives the tree parse-latin gives, for %s', (_name, doc) => {
    const english = new ParseEnglish()
    const original = plain(toNlcst(parseWhole(doc), new VFile(doc), english))
    const linear = new ParseEnglish()
    expect(useLinearBreaks(linear)).toBe(true)
    expect(plain(toNlcst(parseWhole(doc), new VFile(doc), linear))).toEqual(original)
    // And in plain text, where parse-latin splits paragraphs first.
    expect(plain(linear.parse(doc))).toEqual(plain(english.parse(doc)))
  })
})

describe('huge Markdown', () => {
  test('a story of 100,000 one-word paragraphs lints, with a slip at the end in its place', async () => {
    const words = ['harbour', 'Harbour', 'river', 'The', 'council', 'voted', 'Yesterday', 'bridge']
    const lines = Array.from({length: 100_000}, (_, index) => words[index % words.length]!)
    const doc = lines.join('\n\n') + '\n\nCrews cheered teh decision.\n'
    const file = await lintDoc(doc, 'story.md')
    expect(findings(file)).toEqual([`${2 * lines.length + 1}:15-${2 * lines.length + 1}:18 error teh`])
    // Speed is for benchmarks; the timeout only catches a run that would not
    // end, as it did not while sentence breaks were found in quadratic time.
  }, 120_000)
})

describe('Markdown crowded with emphasis marks', () => {
  const crowded = 'Port ' + 'a*'.repeat(3000) + ' crews cheered teh *decision*.\n\nThe *council* voted.\n'

  test('a piece with a block of more than 2,048 marks is parsed without emphasis, as characters, which moves no word', () => {
    const tree = markdownParserFor(crowded).parse(crowded)
    expect(JSON.stringify(tree)).not.toContain('"emphasis"')
    // A piece of ordinary emphasis is parsed as ever.
    const ordinary = 'The *council* voted.\n'
    expect(JSON.stringify(markdownParserFor(ordinary).parse(ordinary))).toContain('"emphasis"')
  })

  test('its slips are reported at their places', async () => {
    const file = await lintDoc(crowded, 'story.md')
    expect(findings(file).filter((finding) => finding.endsWith('teh'))).toEqual(['1:6021-1:6024 error teh'])
  })
})

describe('inputs that grow an array past what a spread call takes', () => {
  test('a word list of 200,000 words is accepted', async () => {
    // Made-up words, so that the story's one slip is the only finding.
    const list = Array.from({length: 200_000}, (_, index) => `zqx${index.toString(36)}`)
    const folder = await makeTree({
      '.copydeskrc.json': '{"wordsFile": "words.txt"}',
      'words.txt': list.join('\n') + '\n',
      'story.txt': `The zqx${(199_999).toString(36)} crews cheered teh decision.\n`
    })
    const {code, stdout, stderr} = await runCli(['--format', 'json', 'story.txt'], {cwd: folder})
    expect(stderr).toBe('')
    const messages = (JSON.parse(stdout) as Array<{messages: Array<{actual: string}>}>)[0]?.messages
    expect(messages?.map((message) => message.actual)).toEqual(['teh'])
    expect(code).toBe(1)
  }, 60_000)

  test('a story of 150,000 one-word paragraphs between HTML blocks in Markdown', async () => {
    const html = '<div>\n' + Array.from({length: 150_000}, () => '<p>Harbour</p>').join('\n') + '\n</div>'
    const file = await lintDoc(`Top line.\n\n${html}\n\nCrews cheered teh decision.\n`, 'story.md')
    expect(findings(file)).toEqual(['150006:15-150006:18 error teh'])
  }, 60_000)
})
