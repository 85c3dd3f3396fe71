/**
 * Turn a Markdown tree (mdast) into a natural-language tree (nlcst).
 *
 * A port of `toNlcst` from mdast-util-to-nlcst 7.0.1
 * (<https://github.com/syntax-tree/mdast-util-to-nlcst>, MIT licence,
 * © Titus Wormer), which in turn ports `splitNode` and two expressions from
 * parse-latin (MIT, © Titus Wormer; now in english-root.ts). It builds the same tree, node for node
 * and position for position, for the options copydesk uses, with less work:
 *
 * - text is tokenized and positioned in one step (`tokenizeAt`);
 * - points come from a line index of the file made once (`linePoints`),
 *   not from a new `vfile-location` index for every call;
 * - content is added to one list as the tree is walked, not returned in a
 *   new array by every node and spread into its parent's;
 * - a node's length is summed from its parts, not joined into a string;
 * - neighbouring nodes share the point between them (parse-latin's own
 *   plugins share points between nodes too; nothing changes one in place).
 *
 * One deliberate difference: a word written across inline markup
 * (`**w**orking`, `u[ser interviews](…)`, `[jour][11]nalism`,
 * `<b>w</b>orking`) is one word here, as a reader sees it, where
 * mdast-util-to-nlcst makes two (see words-across-markup.ts). A document
 * without such a word gets the same tree.
 */
import type {Nodes as MdastNodes} from 'mdast'
import type {Root, RootContent, SentenceContent, Word} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'
import {sentenceContentToRoot, validPoint} from './english-root.js'
import type {PointAt} from './line-points.js'
import {alignDecoded, placeDecoded} from './source-offsets.js'
import {tokenizeAt} from './tokenize-at.js'
import {isWordJoiningTag, joinWord} from './words-across-markup.js'

/** How copydesk converts: mdast types whose source is kept whole as a `SourceNode`. */
export interface MarkdownToNlcstOptions {
  /** Types marked as source besides `inlineCode` (copydesk: `urlLiteral`). */
  readonly source?: readonly string[] | undefined
}

/** mdast node as the converter reads it: copydesk adds types of its own (`tablePart`, `urlLiteral`). */
interface MarkdownNode {
  type: string
  children?: MarkdownNode[]
  value?: string
  alt?: string | null
  position?: {start: Point; end: Point} | undefined
}

/** Types whose content is left out: tables, which copydesk renames to `tablePart` to keep. */
const ignoredTypes: ReadonlySet<string> = new Set(['table', 'tableRow', 'tableCell'])

/**
 * Inline types that style or link a run of text without showing anything
 * of their own: a word runs on across their edges (`**w**orking`). Not
 * `inlineCode` (code is not prose), images, footnote references or breaks,
 * and no block: two table cells on one line are two words.
 */
const wordJoiningTypes: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Turn a Markdown tree into a natural-language tree positioned in its file.
 *
 * The text of the tree is tokenized node by node, joined into one sentence,
 * and split into sentences, paragraphs and a root by the parser's plugins,
 * as mdast-util-to-nlcst does.
 *
 * @param tree Markdown tree, positioned in `doc`.
 * @param doc The whole file.
 * @param pointAt Points of `doc` (see `linePoints`).
 * @param english English parser.
 * @param options Types to mark as source.
 * @returns The natural-language tree.
 */
export function markdownToNlcst(
  tree: MdastNodes,
  doc: string,
  pointAt: PointAt,
  english: ParseEnglish,
  options?: MarkdownToNlcstOptions
): Root {
  if (!validPoint(tree.position?.start)) throw new Error('mdast-util-to-nlcst expected position on nodes')
  const converter = new Converter(doc, pointAt, english, new Set(['inlineCode', ...(options?.source ?? [])]))
  converter.one(tree as unknown as MarkdownNode)
  return sentenceContentToRoot(english, converter.content)
}

/**
 * Walks a Markdown tree and collects the sentence content of its text, each
 * piece positioned in the file.
 */
class Converter {
  /** Sentence content of the tree so far, in order. */
  readonly content: SentenceContent[] = []
  /** The point where the last `place` ended. */
  private endPoint: Point | undefined
  /**
   * The word the next text runs on from: the last content added, when it is
   * a word and only the edges of word-joining markup came after it.
   */
  private wordBefore: Word | undefined

  /**
   * Start a walk over one tree, with what every node's content is placed by.
   *
   * @param doc The whole file.
   * @param pointAt Points of `doc`.
   * @param english English parser, for `tokenize`.
   * @param sourceTypes Types whose source is kept whole.
   */
  constructor(
    private readonly doc: string,
    private readonly pointAt: PointAt,
    private readonly english: ParseEnglish,
    private readonly sourceTypes: ReadonlySet<string>
  ) {}

  /**
   * Add the content of one node: source, the text of its children, alt text,
   * a line break or text; nothing for other nodes (code, HTML, definitions).
   *
   * @param node Markdown node.
   */
  one(node: MarkdownNode): void {
    const type = node.type
    if (ignoredTypes.has(type)) {
      this.wordBefore = undefined
      return
    }
    const position = node.position
    let start = position?.start.offset
    if (type === 'text' && !this.sourceTypes.has(type)) {
      this.addText(node.value, start, position?.end.offset)
      return
    }
    if (wordJoiningTypes.has(type) && !this.sourceTypes.has(type)) {
      if (node.children) this.all(node.children)
      return
    }
    // "<b>w</b>orking": a tag that only styles text is an edge the word runs on across.
    if (type === 'html' && node.value !== undefined && isWordJoiningTag(node.value)) return
    this.wordBefore = undefined
    if (this.sourceTypes.has(type)) {
      const end = position?.end.offset
      if (start !== undefined && end !== undefined) {
        this.add([{type: 'SourceNode', value: this.doc.slice(start, end)}], start)
      }
    } else if (node.children) {
      this.all(node.children)
    } else if (type === 'image' || type === 'imageReference') {
      if (node.alt) {
        // The alt text starts after `![`; it ends before the `]`, inside the image.
        if (typeof start === 'number') start += 2
        this.addText(node.alt, start, position?.end.offset)
      }
    } else if (type === 'break') {
      this.add([{type: 'WhiteSpaceNode', value: '\n'}], start)
    }
    // Nothing after a block, an image or a break runs on from the words before it.
    this.wordBefore = undefined
  }

  /**
   * Tokenize text and add its tokens, each placed where its characters
   * stand in the file. A first word that runs on from the word before it,
   * across markup, is joined to that word (`ser` to `u` in `u[ser interviews](…)`).
   *
   * Text the parser decoded (`Ki&#101;v`, `\*`, the `> ` of a quote's
   * second line left out) is placed through the source range of its node
   * (see source-offsets.ts): every token at its own characters, never
   * shifted onto other text.
   *
   * @param value Text.
   * @param offset Where its node starts in the file.
   * @param end Where its node ends in the file.
   */
  private addText(value: string | undefined, offset: number | undefined, end: number | undefined): void {
    if (!value) return
    let tokens = offset === undefined ? undefined : tokenizeAt(this.english, value, offset, this.pointAt)
    if (!tokens) {
      tokens = this.english.tokenize(value)
      this.place(tokens, offset, this.pointAt(offset))
    }
    // A text as long as its source is its source (or one character for one: a NUL read as U+FFFD),
    // and its offsets are those of the file: the common case. A parser never decodes text longer.
    if (offset !== undefined && end !== undefined && end - offset !== value.length) {
      placeDecoded(tokens, alignDecoded(value, this.doc, offset, end, 'markdown'), this.pointAt)
    }
    const first = tokens[0]
    const wordBefore = this.wordBefore
    let from = 0
    if (wordBefore && first?.type === 'WordNode') {
      joinWord(wordBefore, first)
      from = 1
    }
    for (let index = from; index < tokens.length; index++) this.content.push(tokens[index]!)
    const last = this.content.at(-1)
    this.wordBefore = last?.type === 'WordNode' ? last : undefined
  }

  /**
   * Add the content of a parent's children, with a line ending between two
   * children on different lines, which is made a blank line (`\n\n`) so that
   * the two are seen as separate paragraphs.
   *
   * @param children The children.
   */
  private all(children: readonly MarkdownNode[]): void {
    let end: Point | undefined
    for (const child of children) {
      const start = child.position?.start
      if (end && validPoint(start) && start.line !== end.line) {
        const lineEnding: SentenceContent = {type: 'WhiteSpaceNode', value: '\n'.repeat(start.line - end.line)}
        // As `unist-util-position` reads it: an offset that is not a natural number is unknown.
        const offset = typeof end.offset === 'number' && end.offset > -1 ? end.offset : undefined
        this.place([lineEnding], offset, this.pointAt(offset))
        if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
        this.content.push(lineEnding)
        this.wordBefore = undefined
      }
      this.one(child)
      const childEnd = child.position?.end
      end = validPoint(childEnd) ? childEnd : undefined
    }
  }

  /**
   * Position nodes one after another from an offset, and add them.
   *
   * @param nodes Sentence content.
   * @param offset Where the first starts in the file.
   */
  private add(nodes: SentenceContent[], offset: number | undefined): void {
    this.place(nodes, offset, this.pointAt(offset))
    for (const node of nodes) this.content.push(node)
  }

  /**
   * Position nodes and their descendants one after another from an offset,
   * each as long as its text.
   *
   * @param nodes Nodes.
   * @param offset Where the first starts in the file, if known.
   * @param startPoint The point of `offset`.
   * @returns Where the last ends (its point left in `endPoint`).
   */
  private place(nodes: readonly RootContent[], offset: number | undefined, startPoint: Point | undefined): number | undefined {
    let start = offset
    let startAt = startPoint
    for (const node of nodes) {
      let end: number | undefined
      let endAt: Point | undefined
      if ('children' in node) {
        end = this.place(node.children, start, startAt)
        endAt = this.endPoint
      } else {
        end = start === undefined ? undefined : start + node.value.length
        endAt = this.pointAt(end)
      }
      node.position = startAt && endAt ? {start: startAt, end: endAt} : undefined
      start = end
      startAt = endAt
    }
    this.endPoint = startAt
    return start
  }
}
