/**
 * Build a natural-language root from sentence content, as parse-latin's
 * `tokenizeRoot` does after `tokenize`: one sentence, split into sentences
 * at terminal marks and into paragraphs at line endings, each step followed
 * by the parser's plugins for it. Shared by the converters that tokenize and
 * place text in one step (`tokenizeAt`): Markdown, and plain text.
 *
 * Ported from mdast-util-to-nlcst 7.0.1 and parse-latin 7.0.0
 * (MIT licence, © Titus Wormer): `splitNode` and its two expressions.
 */
import type {Paragraph, Parents, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'

/** White space that ends a paragraph of the root: a line ending, with spaces or tabs (from parse-latin). */
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/

/** Punctuation that ends a sentence (from parse-latin). */
const terminalMarker = /^([!.?\u2026\u203D]+)$/

/**
 * Whether a point has a line and column, as `unist-util-position` requires.
 *
 * @param point Point.
 * @returns Whether it does.
 */
export function validPoint(point: Point | undefined): point is Point {
  return point !== undefined && typeof point.line === 'number' && point.line > 0 && typeof point.column === 'number' && point.column > 0
}

/**
 * A copy of a point, as `unist-util-position` makes one: an offset that is
 * not a natural number is left out.
 *
 * @param point Valid point.
 * @returns The copy.
 */
function copyPoint(point: Point): Point {
  const offset = point.offset
  return {line: point.line, column: point.column, offset: typeof offset === 'number' && offset > -1 ? offset : undefined}
}

/**
 * Turn sentence content into a root: one sentence, split into sentences at
 * terminal marks and into paragraphs at line endings, each step followed by
 * the parser's plugins for it.
 *
 * @param english English parser.
 * @param nodes Sentence content.
 * @returns The root.
 */
export function sentenceContentToRoot(english: ParseEnglish, nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const firstStart = nodes[0]?.position?.start
  const lastEnd = nodes.at(-1)?.position?.end
  const start = validPoint(firstStart) ? copyPoint(firstStart) : undefined
  const end = validPoint(lastEnd) ? copyPoint(lastEnd) : undefined
  const positioned = start !== undefined && end !== undefined

  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (positioned) sentence.position = {start, end}
  for (const plugin of english.tokenizeSentencePlugins) plugin(sentence)

  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker)}
  if (positioned) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of english.tokenizeParagraphPlugins) plugin(paragraph)

  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine)}
  if (positioned) root.position = {start: {...start}, end: {...end}}
  for (const plugin of english.tokenizeRootPlugins) plugin(root)
  return root
}

/**
 * Split a parent into parents of its type after each child of a type whose
 * text matches an expression, and after its last child (parse-latin's
 * `splitNode`).
 *
 * @param node Parent.
 * @param childType Type of the children to split after.
 * @param expression What their text must match.
 * @returns The parts.
 */
function splitNode<Node extends Parents>(node: Node, childType: RootContent['type'], expression: RegExp): Node[] {
  const result: Node[] = []
  const children = node.children as RootContent[]
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const token = children[index]!
    if (index === children.length - 1 || (token.type === childType && 'value' in token && expression.test(token.value))) {
      const part = {type: node.type, children: children.slice(start, index + 1)} as Node
      const first = children[start]!
      if (first.position && token.position) part.position = {start: first.position.start, end: token.position.end}
      result.push(part)
      start = index + 1
    }
  }
  return result
}
