import type {Root as MdastRoot} from 'mdast'
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {eachSentence} from '../src/analyse/each-sentence.js'
import {lintText} from '../src/lint.js'
import {linePoints} from '../src/parse/line-points.js'
import {markdownToNlcst} from '../src/parse/markdown-to-nlcst.js'
import {createProcessor} from '../src/parse/processor.js'
import {isFixable} from '../src/settle/fix.js'
import {findings, wordsOf} from './helpers.js'

/**
 * The sentences of a story, each as its text.
 *
 * @param doc The story.
 * @param filePath Name that picks the format.
 * @returns The text of each sentence, in order.
 */
function sentencesOf(doc: string, filePath: string): string[] {
  const tree = createProcessor().parse(new VFile({path: filePath, value: doc})) as Root
  const sentences: string[] = []
  eachSentence(tree, (sentence) => sentences.push(toString(sentence)))
  return sentences
}

describe('a word written across inline markup', () => {
  test.each([
    ['strong text', 'The **w**orking group met.', 'working @ w**orking'],
    ['emphasis', 'The *w*orking group met.', 'working @ w*orking'],
    ['emphasis inside a word', 'The A*B*C rule held.', 'ABC @ A*B*C'],
    ['a link whose text starts inside the word', 'We held u[ser tests](https://news.example/t) today.', 'user @ u[ser'],
    ['a reference link', 'A[rtificial minds][6] rose.\n\n[6]: https://news.example/ai', 'Artificial @ A[rtificial'],
    ['a word run on after a reference link', 'Good [jour][11]nalism lasts.\n\n[11]: https://news.example/j', 'journalism @ jour][11]nalism'],
    ['strike-through', 'The ~~re~~written copy.', 'rewritten @ re~~written'],
    ['inline HTML that styles text', 'The <b>w</b>orking group met.', 'working @ w</b>orking']
  ])('is one word in Markdown, placed from its first letter to its last (%s)', (_name, doc, word) => {
    expect(wordsOf(doc, 'story.md')).toContain(word)
  })

  test('keeps the other words of a link whose text starts inside a word', () => {
    expect(wordsOf('We held u[ser interviews](https://news.example/u) today.', 'story.md')).toEqual([
      'We @ We',
      'held @ held',
      'user @ u[ser',
      'interviews @ interviews',
      'today @ today'
    ])
  })

  test.each([
    ['inline code, which is not prose', 'Run `co`de now.', ['Run @ Run', 'de @ de', 'now @ now']],
    ['an image', 'The ferry![](f.png)boat left.', ['The @ The', 'ferry @ ferry', 'boat @ boat', 'left @ left']],
    ['a line-breaking tag', 'The ferry<br>boat left.', ['The @ The', 'ferry @ ferry', 'boat @ boat', 'left @ left']],
    ['a superscript mark', 'The ferry<sup>1</sup> left.', ['The @ The', 'ferry @ ferry', '1 @ 1', 'left @ left']],
    ['a comment', 'The ferry<!-- a note -->boat left.', ['The @ The', 'ferry @ ferry', 'boat @ boat', 'left @ left']],
    ['a footnote reference', 'The ferry[^1]boat left.\n\n[^1]: A note.', ['The @ The', 'ferry @ ferry', 'boat @ boat', 'left @ left', 'A @ A', 'note @ note']],
    ['two table cells on one line', '| Port | Sailings |\n| --- | --- |\n| Skelmore | four |\n', ['Port @ Port', 'Sailings @ Sailings', 'Skelmore @ Skelmore', 'four @ four']]
  ])('is not made across %s', (_name, doc, words) => {
    expect(wordsOf(doc, 'story.md')).toEqual(words)
  })

  test('keeps sentences and paragraphs as they were', () => {
    const doc = 'We held u[ser interviews](https://news.example/u). The **w**orking group met.\n\nA new *para*graph.\n'
    expect(sentencesOf(doc, 'story.md')).toEqual(['We held user interviews.', 'The working group met.', 'A new paragraph.'])
    const tree = createProcessor().parse(new VFile({path: 'story.md', value: doc})) as Root
    expect(tree.children.filter((node) => node.type === 'ParagraphNode')).toHaveLength(2)
  })

  test.each([
    ['bold text', '<p>The <b>w</b>orking group met.</p>', 'working @ w</b>orking'],
    ['a link and a span', '<p>We held <a href="/u">u</a>ser <span class="x">tes</span>ts.</p>', 'user @ u</a>ser'],
    ['a span', '<p>We held <span class="x">tes</span>ts.</p>', 'tests @ tes</span>ts'],
    ['character references after the markup', '<p>Two <i>ca</i>f&eacute;s.</p>', 'cafés @ ca</i>f&eacute;s']
  ])('is one word in HTML (%s)', (_name, doc, word) => {
    expect(wordsOf(doc, 'story.html')).toContain(word)
  })

  test.each([
    ['a superscript mark', '<p>The ferry<sup>1</sup> left.</p>', ['The @ The', 'ferry @ ferry', '1 @ 1', 'left @ left']],
    ['a line break', '<p>The ferry<br>boat left.</p>', ['The @ The', 'ferry @ ferry', 'boat @ boat', 'left @ left']],
    ['code', '<p>Run <code>co</code>de now.</p>', ['Run @ Run', 'de @ de', 'now @ now']],
    ['two paragraphs', '<div><p>ferry</p><p>boat</p></div>', ['ferry @ ferry', 'boat @ boat']],
    ['two table cells', '<table><tr><td>ferry</td><td>boat</td></tr></table>', ['ferry @ ferry', 'boat @ boat']]
  ])('is not made in HTML across %s', (_name, doc, words) => {
    expect(wordsOf(doc, 'story.html')).toEqual(words)
  })
})

describe('a finding on a word written across inline markup', () => {
  test.each([
    ['story.md', 'The **w**orkng group met.\n', '1:7-1:15 error w**orkng'],
    ['story.md', 'We held u[sre interviews](https://news.example/u).\n', '1:9-1:14 error u[sre'],
    ['story.md', 'Good [jour][11]nalsm lasts.\n\n[11]: https://news.example/j\n', '1:7-1:21 error jour][11]nalsm'],
    ['story.html', '<p>The <b>w</b>orkng group met.</p>\n', '1:11-1:21 error w</b>orkng']
  ])('covers the whole word as written (%s: %j)', async (filePath, doc, finding) => {
    const file = await lintText(doc, {path: filePath, config: false})
    expect(findings(file)).toEqual([finding])
  })

  test('leaves out a full stop the parser attached to it, as to any plain word', async () => {
    const doc = '1. The command stands for **M**a**k**e **dir**ectory.\n2. `cd` moves you there.\n'
    expect(findings(await lintText(doc, {path: 'story.md', config: false}))).toEqual([])
  })

  test.each([
    ['story.md', 'Talks in **Ki**ev opened.\n', 'Ki**ev'],
    ['story.md', 'Talks in ~~Ki~~ev opened.\n', 'Ki~~ev'],
    ['story.md', 'Talks in [Ki](https://news.example/k)ev opened.\n', 'Ki](https://news.example/k)ev'],
    ['story.html', '<p>Talks in <b>Ki</b>ev opened.</p>\n', 'Ki</b>ev']
  ])('is not fixable, since a fix cannot rewrite across markup (%s: %j)', async (filePath, doc, actual) => {
    const file = await lintText(doc, {path: filePath, config: false})
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected, isFixable(message)])).toEqual([
      ['house-style', actual, ['Kyiv'], false]
    ])
  })

  test('is a variant of a name spelled across markup, and the fix of that variant is left', async () => {
    const doc = 'Talks in Jiangsu opened. The **Jiang**shu team left.\n'
    const file = await lintText(doc, {path: 'story.md', config: false})
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected, isFixable(message)])).toEqual([
      ['name-consistency', 'Jiang**shu', ['Jiangsu'], false]
    ])
  })
})

describe('the Markdown converter against mdast-util-to-nlcst', () => {
  test('differs only by joining the pieces of a word written across markup', async () => {
    const {toNlcst} = await import('mdast-util-to-nlcst')
    const doc = 'The **w**orking group held u[ser interviews](https://news.example/u).\n'
    const mdast = unified().use(remarkParse).use(remarkGfm).parse(doc) as MdastRoot
    const reference = toNlcst(mdast, new VFile(doc), new ParseEnglish())
    const ported = markdownToNlcst(mdast, doc, linePoints(doc), new ParseEnglish())
    const texts = (tree: Root): string[] => {
      const words: string[] = []
      eachSentence(tree, (sentence) => {
        for (const node of sentence.children) if (node.type === 'WordNode') words.push(toString(node))
      })
      return words
    }
    expect(texts(reference)).toEqual(['The', 'w', 'orking', 'group', 'held', 'u', 'ser', 'interviews'])
    expect(texts(ported)).toEqual(['The', 'working', 'group', 'held', 'user', 'interviews'])
    expect(toString(ported)).toBe(toString(reference))
  })
})
