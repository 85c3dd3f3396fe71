import type {Root as MdastRoot} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {fastBlocks} from '../src/parse/markdown-blocks.js'
import {parseInline} from '../src/parse/markdown-inline.js'
import {markdownParserFor} from '../src/parse/markdown-parser.js'
import {parseMarkdownInPieces} from '../src/parse/markdown-pieces.js'
import {linePoints} from '../src/parse/line-points.js'

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/** The tree micromark builds from the whole document, as text: key order and all. */
function whole(doc: string): string {
  return JSON.stringify(markdown.parse(doc) as MdastRoot)
}

/** The tree built with fast blocks, as text. */
function fast(doc: string): string {
  return JSON.stringify(parseMarkdownInPieces(doc, (source) => markdownParserFor(source).parse(source)))
}

/** The types of the blocks built without micromark. */
function fastTypes(doc: string): string[] {
  return fastBlocks(doc).map((block) => block.node.type)
}

describe('building Markdown blocks without micromark', () => {
  test.each([
    ['emphasis and strong', 'The *harbour* reopened on **Tuesday**, said _Ms Ardent_ and __the mayor__.\n', ['paragraph']],
    ['a link with a title', 'Read [the council minutes](https://example.com/minutes "Minutes") today.\n', ['paragraph']],
    ['a link with emphasis and code', 'See [*the* `ferry` timetable](https://example.com/ferry).\n', ['paragraph']],
    ['code spans', 'Run `copydesk --fix` or `` a`b `` and ` padded `.\n', ['paragraph']],
    ['escapes', 'A \\*starred\\* word and a \\[bracket\\] and a \\q.\n', ['paragraph']],
    ['a hard break and stripped spaces', 'The quay  \nclosed at noon \n   and reopened.   \n', ['paragraph']],
    ['text in brackets that is no link', 'The mayor [sic] spoke; [see the site]({{ "/" | url }}) later.\n', ['paragraph']],
    ['intraword underscores and a lone star', 'The snake_case_name and 2 * 3 stay text.\n', ['paragraph']],
    ['an ATX heading and the paragraph under it', '## Ferry *returns*\nThe ferry came back.\n', ['heading', 'paragraph']],
    ['a tight list', '- Harbour\n- Quay with [a link](https://example.com)\n- **Ferry**\n', ['list']],
    ['an ordered list with wrapped items', '3.  First point runs\n    on to a second line\n4.  Second point\n', ['list']],
    ['an HTML block', '<div class="note">\nA note for the desk.\n</div>\n', ['html']],
    ['front matter', '---\ntitle: Harbour\n\nauthor: Desk\n---\n\nThe port.\n', ['yaml', 'paragraph']],
    ['TOML front matter', '+++\ntitle = "Harbour"\n+++\n\nThe port.\n', ['toml', 'paragraph']]
  ])('builds %s as micromark does', (_name, doc, types) => {
    expect(fastTypes(doc)).toEqual(types)
    expect(fast(doc)).toBe(whole(doc))
  })

  test.each([
    ['a reference in a document with definitions', 'See [the port][p].\n\n[p]: https://example.com\n'],
    ['brackets in a document with definitions', 'The mayor [sic] spoke.\n\n[sic]: https://example.com\n'],
    ['a run of three stars', 'The ***port*** reopened.\n'],
    ['a star that can open and close', 'The port*s*reopened.\n'],
    ['crossed emphasis', 'The *port **reopened* today**.\n'],
    ['an unclosed code span', 'The `port reopened.\n'],
    ['an image', 'The ![port](port.png) reopened.\n'],
    ['inline HTML', 'The <b>port</b> reopened.\n'],
    ['a character reference', 'Smith &amp; Sons.\n'],
    ['an address', 'Write to desk@example.com today.\n'],
    ['a bare URL', 'See www.example.com today.\n'],
    ['strikethrough', 'The ~~port~~ reopened.\n'],
    ['a link destination with parentheses', 'See [it](https://example.com/a_(b)) now.\n'],
    ['a list item that looks like a thematic break', '*  **\n'],
    ['a list that a list after a blank line joins', '- one\n- two\n\n- three\n'],
    ['a nested list', '- one\n  - two\n'],
    ['a task list', '- [ ] one\n- [x] two\n'],
    ['a heading with a closing sequence', '# Port #\n'],
    ['an HTML block that runs across blank lines', '<!--\nPort\n\n<div>\n-->\n'],
    ['a line that underlines a heading', 'The port\n===\n'],
    ['a table', 'a | b\n- | -\nc | d\n']
  ])('leaves %s to micromark, and the tree is the same', (_name, doc) => {
    expect(fastBlocks(doc).some((block) => block.start.offset === 0)).toBe(false)
    expect(fast(doc)).toBe(whole(doc))
  })

  test('gives up on inline Markdown it cannot be certain of', () => {
    const cases = ['a ***b***', 'a *b **c* d**', 'a `b', 'a <b>', 'a ![b](c)', 'a &amp; b', 'a ~b~', 'a [b][c]', 'a [^1]', 'a b@c.d']
    for (const text of cases) {
      const points = linePoints(text)
      expect(parseInline(text, 0, text.length, (offset) => points(offset)!, {references: false})).toBeUndefined()
    }
  })
})

/** A small seeded random source, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('fast blocks against micromark on generated Markdown', () => {
  test('build the same tree, positions and all, for 3,000 generated documents', () => {
    const next = random(20_260_512)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
    const words = ['harbour', 'Quay', 'the', 'ferry', ' ', ' ', 'a b', 'snake_case', '2 * 3', 'é', '“', '😀', '.', ',', '!', '(', ')']
    const noise = ['*', '**', '_', '`', '[', ']', '](u)', '\\*', '\\[', '\\q', '<b>', '&amp;', '~', '@', '\t', '#', '|', ':']
    const breaks = [' \n', '  \n', '\n', '\n  ', '\n    ', '\n- ', '\n# ', '\n> ', '\n===', '\n```']
    const inline = (depth: number): string => {
      let text = ''
      const parts = 1 + Math.floor(next() * 4)
      for (let index = 0; index < parts; index++) {
        if (index > 0 && next() < 0.7) text += pick([' ', ', ', ' (', '. '])
        const roll = next()
        if (depth > 0 && roll < 0.12) text += `*${inline(depth - 1)}*`
        else if (depth > 0 && roll < 0.22) text += `**${inline(depth - 1)}**`
        else if (depth > 0 && roll < 0.28) text += `_${inline(depth - 1)}_`
        else if (depth === 2 && roll < 0.38) text += `[${inline(depth - 1)}]${pick(['(u)', '(https://example.com/a_b "t")', ' ', '({{ "/" | url }})', '(a b)'])}`
        else if (roll < 0.44) text += pick(['`code`', '` code `', '``a`b``'])
        else if (roll < 0.5) text += pick(breaks)
        else if (roll < 0.56) text += pick(noise)
        else text += pick(words)
      }
      return text
    }
    const starts = ['', '', '', '# ', '## ', '- ', '* ', '1. ', '2) ', '-   ', '> ', '<div>', '<p>', '<span>', '    ', '***', '[a]: /u\n']
    const ends = ['\n\n', '\n\n', '\n', ' \n\n', '']
    for (let index = 0; index < 3000; index++) {
      let doc = next() < 0.15 ? pick(['---\ntitle: a\n---\n', '---\n---\n\n', '+++\na = 1\n+++\n\n']) : ''
      const blocks = 1 + Math.floor(next() * 5)
      for (let block = 0; block < blocks; block++) doc += pick(starts) + inline(2) + pick(ends)
      expect(fast(doc), JSON.stringify(doc)).toBe(whole(doc))
    }
  })
})
