import type {Html, Link, Nodes, Parents, Root as MdastRoot, Yaml} from 'mdast'
import type {Paragraph, Root, RootContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {headlineKeys, parseFrontMatterHeadlines} from './front-matter.js'
import {parseHtml} from './html.js'
import {addLinkNames, type LinkNames, MarkdownLinkNames} from './link-names.js'
import {markdownToNlcstInChunks} from './markdown-chunks.js'
import {markdownParserFor} from './markdown-parser.js'
import {parseMarkdownInPieces} from './markdown-pieces.js'
import {addMarkers, type CommentMarker, markersInHtmlSource} from './markers.js'
import {maxNestingDepth, NestedTooDeep} from './nesting-limit.js'
import {lineByLineOffsets, relocate} from './relocate.js'
import type {Span} from './template-code.js'
import {pushAll} from '../push-all.js'

/** mdast type given to link text that is the link's own address (`<https://…>`, bare `www.…`). */
const urlLiteral = 'urlLiteral'

/**
 * Parse Markdown and keep its prose: paragraphs, headings, lists, quotes, link
 * and image text, block HTML's text, and headline fields of YAML and TOML front matter.
 *
 * Code (fenced, indented, inline), URLs, link destinations, HTML comments and
 * tags are left out. Comment markers (`<!-- copydesk-disable -->`) are kept
 * on `file.data` for the lint step.
 *
 * @param doc The Markdown source (the file's, with site code blanked out).
 * @param file The file being parsed.
 * @param english English parser.
 * @param fields Front-matter fields that are headline copy, in lower case.
 * @param codeSpans Where given, the spans of code (fenced, indented, inline) are added to it.
 * @returns Its natural-language tree, positioned in `doc`.
 * @throws {NestedTooDeep} When its markup nests deeper than `maxNestingDepth`.
 */
export function parseMarkdown(
  doc: string,
  file: VFile,
  english: ParseEnglish,
  fields: ReadonlySet<string> = headlineKeys,
  codeSpans?: Span[]
): Root {
  const mdast = parseMarkdownInPieces(doc, (source) => markdownParserFor(source).parse(source))
  const place = location(doc)
  const extra: Paragraph[] = []
  const markers: CommentMarker[] = []
  const links = new MarkdownLinkNames(doc)

  eachMarkdownNode(mdast, function (node, parent) {
    // remark-frontmatter makes a `toml` node for `+++` front matter; mdast's types know only `yaml`.
    const type: string = node.type
    links.see(node)
    if ((type === 'yaml' || type === 'toml') && parent === mdast) {
      pushAll(extra, frontMatterProse(node as Yaml, doc, place, english, type === 'toml' ? 'toml' : 'yaml', fields))
    } else if (node.type === 'html') {
      pushAll(extra, htmlProse(node, doc, place, english, links.found))
      const {start, end} = node.position ?? {}
      if (start?.offset !== undefined && end?.offset !== undefined) {
        pushAll(markers, markersInHtmlSource(doc, start.offset, end.offset, place))
      }
    } else if (node.type === 'link') {
      markUrlLiteral(node)
    } else if ((node.type === 'code' || node.type === 'inlineCode') && codeSpans) {
      const {start, end} = node.position ?? {}
      if (start?.offset !== undefined && end?.offset !== undefined) codeSpans.push([start.offset, end.offset])
    } else if (node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell') {
      // The converter skips tables (as mdast-util-to-nlcst does), but results tables are full of names.
      ;(node as {type: string}).type = 'tablePart'
    }
  })

  addMarkers(file, markers)
  addLinkNames(file, links.names())

  // The converter reads the source from the file: give it the source as parsed.
  const parsed = doc === String(file.value) ? file : new VFile({path: file.path, value: doc})
  // Every word is placed at its characters in the source as it is made (see markdownToNlcst).
  const root = markdownToNlcstInChunks(mdast as MdastRoot, parsed, english, {source: [urlLiteral]})
  if (extra.length === 0) return root
  // Keep document order so that "first use" means what a reader sees first.
  const children: RootContent[] = [...root.children, ...extra]
  children.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))
  return {...root, children}
}

/**
 * Call a function on every node of a Markdown tree with its parent, in
 * document order, the parent before its children (read after the call).
 *
 * `unist-util-visit` names a function for every node it enters, for stack
 * traces: 1% of a run over the Markdown repos of ../shared.
 *
 * It is the first walk of the tree by recursion, so it is where the depth
 * is checked (see `maxNestingDepth`): the converter to the English tree
 * walks it by recursion too.
 *
 * @param node The tree.
 * @param call The function.
 * @param parent The node's parent.
 * @param depth The node's depth (the root's is 0).
 * @throws {NestedTooDeep} When a node is deeper than `maxNestingDepth`.
 */
function eachMarkdownNode(node: Nodes, call: (node: Nodes, parent: Parents | undefined) => void, parent?: Parents, depth = 0): void {
  if (depth > maxNestingDepth) throw new NestedTooDeep(node.position?.start.offset ?? 0)
  call(node, parent)
  if (!('children' in node)) return
  for (const child of node.children) eachMarkdownNode(child, call, node, depth + 1)
}

/**
 * Parse the headline fields of a front-matter block.
 *
 * @param node The `yaml` or `toml` node.
 * @param doc The whole document.
 * @param place Location index of `doc`.
 * @param english English parser.
 * @param syntax Which of the two it is.
 * @param fields Front-matter fields that are headline copy, in lower case.
 * @returns Paragraphs of headline prose.
 */
function frontMatterProse(
  node: Yaml,
  doc: string,
  place: ReturnType<typeof location>,
  english: ParseEnglish,
  syntax: 'yaml' | 'toml',
  fields: ReadonlySet<string>
): Paragraph[] {
  const fenceStart = node.position?.start.offset
  if (fenceStart === undefined) return []
  // The value starts on the line after the opening `---`.
  const contentStart = doc.indexOf('\n', fenceStart) + 1
  if (contentStart === 0 || !doc.startsWith(node.value, contentStart)) return []
  return parseFrontMatterHeadlines(node.value, contentStart, place, english, syntax, fields)
}

/**
 * Parse the text inside raw HTML in Markdown (`<div>…</div>` blocks).
 *
 * @param node The `html` node.
 * @param doc The whole document.
 * @param place Location index of the whole document.
 * @param english English parser.
 * @param linkNames Where to note the words of its links' text that name their destinations, by offset in the document.
 * @returns Paragraphs of its text content.
 * @throws {NestedTooDeep} When its elements nest deeper than `maxNestingDepth`, at its place in the story.
 */
function htmlProse(node: Html, doc: string, place: ReturnType<typeof location>, english: ParseEnglish, linkNames: LinkNames): Paragraph[] {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || !/>[^<]*[^\s<]/.test(node.value)) return []
  const names: LinkNames = new Map()
  // In a quote or a list item, micromark gives the block's lines without the `> ` or the indentation before them.
  const offsetOf = end - start === node.value.length ? start : lineByLineOffsets(node.value, doc, start)
  let root: Root
  try {
    root = parseHtml(node.value, english, {fragment: true, linkNames: names})
  } catch (error) {
    // Named at its place in the story, not in the block.
    if (!(error instanceof NestedTooDeep)) throw error
    throw new NestedTooDeep(typeof offsetOf === 'number' ? offsetOf + error.offset : offsetOf(error.offset))
  }
  for (const [offset, word] of names) linkNames.set(typeof offsetOf === 'number' ? offsetOf + offset : offsetOf(offset), word)
  relocate(root, offsetOf, place)
  return root.children.filter((child): child is Paragraph => child.type === 'ParagraphNode')
}

/**
 * Hide link text that is the address itself, such as `<https://belta.by>` or
 * a bare `www.belta.by`, from the spell checker.
 *
 * @param link Link node, changed in place.
 */
function markUrlLiteral(link: Link): void {
  const [only] = link.children
  if (link.children.length !== 1 || only?.type !== 'text') return
  const text = only.value
  const url = link.url
  if (url === text || url === 'mailto:' + text || url === 'http://' + text || url === 'https://' + text) {
    ;(only as unknown as {type: string}).type = urlLiteral
  }
}
