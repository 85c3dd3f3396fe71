import type {Paragraph, ParagraphContent, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'

/** A paragraph plugin of parse-latin. */
type ParagraphPlugin = (node: Paragraph) => void

/**
 * Split the sentences of a paragraph at inner white space that holds a blank
 * line, as parse-latin's `breakImplicitSentences` does, in one pass.
 *
 * parse-latin's plugin splits one break at a time, copying the rest of the
 * sentence and splicing it into the paragraph each time: time and memory
 * grow with the square of the breaks in one paragraph. Plain text keeps that
 * small (the parser cuts paragraphs at blank lines first), but
 * the Markdown converter (`markdownToNlcst`) hands the plugins a whole document as one
 * paragraph, so a story of very many short paragraphs ran out of time and
 * memory (test/huge-input.test.ts has such a story).
 *
 * The result is the same tree: white space that opens or closes a sentence is
 * left alone, and each split-off sentence runs from the word after the break
 * to where the break before it (or the sentence) ended.
 *
 * @param paragraph Paragraph, changed in place.
 */
export function breakImplicitSentences(paragraph: Paragraph): void {
  const children: ParagraphContent[] = []
  let changed = false
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode' || child.children.length < 3) {
      children.push(child)
      continue
    }
    const tokens = child.children
    const end = child.position?.end
    // Positions are set only while the sentence and both neighbours of every
    // break so far have them, as in parse-latin.
    let positioned = child.position !== undefined
    let sentence: Sentence = child
    let from = 0
    // A break is never the first or last token of what is left of the sentence.
    for (let at = 1; at < tokens.length - 1; at++) {
      const token = tokens[at]
      if (token?.type !== 'WhiteSpaceNode' || !isBlank(token)) continue
      const tail = tokens[at - 1]
      const head = tokens[at + 1]
      sentence.children = tokens.slice(from, at)
      const next: Sentence = {type: 'SentenceNode', children: []}
      if (positioned && sentence.position && tail?.position && head?.position && end) {
        sentence.position.end = tail.position.end
        next.position = {start: head.position.start, end}
      } else {
        positioned = false
      }
      children.push(sentence, token)
      sentence = next
      from = at + 1
      // The token after a break opens the new sentence and cannot be one.
      at++
      changed = true
    }
    if (from > 0) sentence.children = tokens.slice(from)
    children.push(sentence)
  }
  if (changed) paragraph.children = children
}

/**
 * Whether white space spans a blank line (three lines or more): it holds two
 * line endings, `\r\n` counting as one.
 *
 * Counted, not split into lines: a Markdown story is one sentence to the
 * plugins at first, and every space in it is asked about.
 *
 * @param node White space.
 * @returns Whether it does.
 */
function isBlank(node: SentenceContent): boolean {
  const text = 'value' in node ? node.value : toString(node)
  let lineEndings = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== 10 && code !== 13) continue
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++
    if (++lineEndings === 2) return true
  }
  return false
}

/**
 * parse-latin's own `breakImplicitSentences` (not exported): the one paragraph
 * plugin that splits a sentence at a blank line.
 */
const quadratic = findQuadratic()

/**
 * Give a parser the one-pass `breakImplicitSentences` in place of parse-latin's.
 *
 * @param parser English parser, changed in place.
 * @returns Whether parse-latin's plugin was found and replaced.
 */
export function useLinearBreaks(parser: ParseEnglish): boolean {
  const plugins = parser.tokenizeParagraphPlugins as ParagraphPlugin[]
  const index = quadratic ? plugins.indexOf(quadratic) : -1
  if (index === -1) return false
  plugins[index] = breakImplicitSentences
  return true
}

/**
 * Find parse-latin's `breakImplicitSentences` among its paragraph plugins by
 * what it does: the only one that splits a sentence at a blank line.
 *
 * @returns The plugin, or `undefined` when no plugin does that.
 */
function findQuadratic(): ParagraphPlugin | undefined {
  const plugins = ParseEnglish.prototype.tokenizeParagraphPlugins as ParagraphPlugin[]
  return plugins.find(function (plugin) {
    const probe: Paragraph = {
      type: 'ParagraphNode',
      children: [
        {
          type: 'SentenceNode',
          children: [
            {type: 'WordNode', children: [{type: 'TextNode', value: 'a'}]},
            {type: 'WhiteSpaceNode', value: '\n\n'},
            {type: 'WordNode', children: [{type: 'TextNode', value: 'b'}]}
          ]
        }
      ]
    }
    try {
      plugin(probe)
    } catch {
      return false
    }
    return probe.children.length === 3 && probe.children[1]?.type === 'WhiteSpaceNode'
  })
}
