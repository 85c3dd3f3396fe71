import type {Root as MdastRoot} from 'mdast'
import {toNlcst} from 'mdast-util-to-nlcst'
import type {Root, RootContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {describe, expect, test} from 'vitest'
import {useLinearBreaks} from '../src/parse/break-sentences.js'
import {linePoints} from '../src/parse/line-points.js'
import {markdownToNlcst} from '../src/parse/markdown-to-nlcst.js'
import {createProcessor} from '../src/parse/processor.js'

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/** An English parser as the pipeline makes one: its extensions, and the one-pass sentence breaks. */
function englishParser(): ParseEnglish {
  const parser = new ParseEnglish()
  parser.tokenizeSentencePlugins.unshift(...(createProcessor().freeze().data('nlcstSentenceExtensions') ?? []))
  useLinearBreaks(parser)
  return parser
}

/** The tree as data, without shared objects, to compare with `toEqual`. */
function plain(tree: unknown): unknown {
  return JSON.parse(JSON.stringify(tree))
}

/**
 * Stories in Markdown, each with constructs the converter treats apart. None
 * has a word written across markup (`**w**orking`), which the port reads as
 * one word where mdast-util-to-nlcst makes two: see
 * test/words-across-markup.test.ts; nor text that micromark decodes (see
 * `decodedStories`), which the port places where it is written.
 */
const stories: Array<[string, string]> = [
  ['an empty story', ''],
  ['only white space', '\n\n  \n'],
  ['a headline and paragraphs', '# Ferry returns\n\nThe ferry sailed on Tuesday. Its captain, Ms. Ardent, was pleased.\n\nCrews cheered.\n'],
  ['emphasis and strong text across lines', 'The *harbour\nmaster* said **the wall\nwill hold**, and _then_ left.\n'],
  ['inline code', 'Run `ferry --times` to see sailings, said the `desk`.\n'],
  ['links and autolinks', 'See [the timetable](https://ferries.example/times) or <https://ferries.example>, or www.ferries.example today.\n'],
  ['an e-mail autolink', 'Write to desk@ferries.example or <mailto:desk@ferries.example>.\n'],
  ['images with and without alt text', 'Before ![The ferry at dawn](ferry.jpg) and ![](empty.png) after.\n\n![Harbour wall][wall]\n\n[wall]: wall.png\n'],
  ['hard line breaks', 'First line  \nsecond line\\\nthird line.\n'],
  ['lists, loose and tight', '- Skelmore\n- Ardent Bay\n\n1. first sailing\n\n2. last sailing\n\n   with a second paragraph\n'],
  ['fenced and indented code', 'Intro.\n\n```js\nconst ferry = 1\n```\n\n    indented code\n\nAfter the code.\n'],
  ['HTML blocks and inline HTML', '<div>\nA block of HTML.\n</div>\n\nText with <b>bold</b> words and <!-- a note -->.\n'],
  ['a table', '| Port | Sailings |\n| ---- | -------- |\n| Skelmore | 4 |\n\nBelow the table.\n'],
  ['front matter', '---\ntitle: Ferry returns\n---\n\nBody text here.\n'],
  ['footnotes', 'The wall held[^1].\n\n[^1]: Said the harbour master.\n'],
  ['headings and a thematic break', 'Setext heading\n==============\n\n***\n\n## Heading ##\nText right after.\n'],
  ['many blank lines between blocks', 'One.\n\n\n\n\nTwo.\n\n\n\nThree\n'],
  ['CRLF line endings', 'One line.\r\n\r\nTwo  \r\nlines.\r\n\r\n- a\r\n- b\r\n'],
  ['CR line endings', 'One line.\r\rTwo\rlines.\r'],
  ['a byte order mark', '\uFEFFThe ferry sailed.\n'],
  ['tabs and odd spacing', '\tIndented? No: code.\n\n  Two spaces in.\n\nEnd\twith tab.\n'],
  ['no final line break', 'Last words here'],
  ['task list items and strike-through', '- [x] Done ~~not~~ today\n- [ ] Open item\n'],
  ['emoji and astral characters', 'The 🚢 sailed 𝒻ast, said Zoë.\n']
]

/**
 * Stories whose text micromark decodes: a character reference, an escape, a
 * quote's second line without its `> `. mdast-util-to-nlcst places each
 * token by counting decoded characters from its text node's start, so
 * every word after such a spot is to the left of where it is written
 * (`Ardent` at `> A`); the port places each where its characters stand.
 * With each story, the words, marks and symbols and the source each covers.
 */
const decodedStories: Array<[string, string, Array<[string, string]>]> = [
  [
    'a block quote',
    '> "We owe the town an apology," said Mr.\n> Ardent.\n\nHe left.\n',
    [
      ['"', '"'], ['We', 'We'], ['owe', 'owe'], ['the', 'the'], ['town', 'town'], ['an', 'an'], ['apology', 'apology'], [',', ','], ['"', '"'],
      ['said', 'said'], ['Mr.', 'Mr.'], ['Ardent', 'Ardent'], ['.', '.'], ['He', 'He'], ['left', 'left'], ['.', '.']
    ]
  ],
  [
    'character references and escapes',
    'The mayor&#39;s \\*office\\* said caf&eacute; &amp; bar.\n',
    [
      ['The', 'The'], ["mayor's", 'mayor&#39;s'], ['*', '\\*'], ['office', 'office'], ['*', '\\*'], ['said', 'said'], ['café', 'caf&eacute;'],
      ['&', '&amp;'], ['bar', 'bar'], ['.', '.']
    ]
  ],
  [
    'a reference in a quote, on its second line',
    '> Talks opened\n>  in Ki&#101;v and Kiev.\n',
    [['Talks', 'Talks'], ['opened', 'opened'], ['in', 'in'], ['Kiev', 'Ki&#101;v'], ['and', 'and'], ['Kiev', 'Kiev'], ['.', '.']]
  ]
]

/**
 * A tree without its positions, to compare what it holds.
 *
 * @param tree A tree.
 * @returns The same data without `position` fields.
 */
function withoutPositions(tree: unknown): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)))
}

/**
 * Each word, mark and symbol of a tree, with the source its place covers.
 *
 * @param tree The tree.
 * @param doc Its source.
 * @returns Pairs of the node's text and the source.
 */
function placedTokens(tree: Root, doc: string): Array<[string, string]> {
  const tokens: Array<[string, string]> = []
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'WordNode' || node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      tokens.push([toString(node), doc.slice(node.position?.start.offset, node.position?.end.offset)])
    } else if ('children' in node) {
      for (const child of node.children) walk(child)
    }
  }
  walk(tree)
  return tokens
}

describe('converting Markdown to nlcst', () => {
  test.each(decodedStories)('gives the tree mdast-util-to-nlcst gives, each word where it is written, for %s', (_name, doc, placed) => {
    const mdast = markdown.parse(doc) as MdastRoot
    const original = toNlcst(mdast, new VFile(doc), englishParser())
    const ported = markdownToNlcst(mdast, doc, linePoints(doc), englishParser())
    expect(withoutPositions(ported)).toEqual(withoutPositions(original))
    expect(placedTokens(ported, doc)).toEqual(placed)
  })

  test.each(stories)('gives the tree mdast-util-to-nlcst gives, for %s', (_name, doc) => {
    const mdast = markdown.parse(doc) as MdastRoot
    const file = new VFile(doc)
    const original = plain(toNlcst(mdast, file, englishParser()))
    expect(plain(markdownToNlcst(mdast, doc, linePoints(doc), englishParser()))).toEqual(original)
  })

  test.each(stories)('gives the tree mdast-util-to-nlcst gives with types marked as source, for %s', (_name, doc) => {
    const mdast = markdown.parse(doc) as MdastRoot
    const options = {source: ['link', 'emphasis']}
    const original = plain(toNlcst(mdast, new VFile(doc), englishParser(), options))
    expect(plain(markdownToNlcst(mdast, doc, linePoints(doc), englishParser(), options))).toEqual(original)
  })

  test('gives the tree mdast-util-to-nlcst gives for nodes without positions', () => {
    const doc = 'The ferry sailed.\n\nCrews cheered.\n'
    const mdast = markdown.parse(doc) as MdastRoot
    delete mdast.children[1]?.position
    const original = plain(toNlcst(mdast, new VFile(doc), englishParser()))
    expect(plain(markdownToNlcst(mdast, doc, linePoints(doc), englishParser()))).toEqual(original)
  })

  test('refuses a tree without a position, as mdast-util-to-nlcst does', () => {
    expect(() => markdownToNlcst({type: 'root', children: []}, '', linePoints(''), englishParser())).toThrow(/expected position/)
  })

  test('marks inline code as source, keeping its backticks', () => {
    const doc = 'Run `ferry` now.\n'
    const tree = markdownToNlcst(markdown.parse(doc) as MdastRoot, doc, linePoints(doc), englishParser())
    const sentence = tree.children[0]?.type === 'ParagraphNode' ? tree.children[0].children[0] : undefined
    const source = sentence?.type === 'SentenceNode' ? sentence.children.find((node) => node.type === 'SourceNode') : undefined
    expect(source).toEqual({
      type: 'SourceNode',
      value: '`ferry`',
      position: {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 12, offset: 11}}
    })
  })
})

describe('points of offsets', () => {
  const docs = ['', 'one line', 'a\nb\r\nc\rd\n', '\n\n\r\r\n\r\n', 'ends with CR\r', 'CR LF at end\r\n']
  test.each(docs)('are those vfile-location gives, in any order, for %j', (doc) => {
    const reference = location(doc)
    const pointAt = linePoints(doc)
    const offsets = Array.from({length: doc.length + 3}, (_, index) => index - 1)
    for (const offset of [...offsets, ...offsets.reverse(), 0.5, Number.NaN, undefined]) {
      expect(pointAt(offset)).toEqual(reference.toPoint(offset))
    }
  })
})
