import type {Element, Root as HastRoot} from 'hast'
import {toNlcst} from 'hast-util-to-nlcst'
import type {Root} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {reanchorWords} from './reanchor.js'

/** Elements whose text is not prose: program code, styles, preformatted blocks. */
const notProse = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'template'])

const documentParser = unified().use(rehypeParse).freeze()
const fragmentParser = unified().use(rehypeParse, {fragment: true}).freeze()

/**
 * Parse an HTML page and keep the prose of its text content.
 *
 * Markup, attributes and comments never reach the spell checker; neither does
 * the text of `script`, `style`, `code` and `pre`.
 *
 * @param doc The HTML source.
 * @param english English parser.
 * @param options Whether `doc` is a fragment (HTML inside Markdown) rather than a page.
 * @returns Its natural-language tree, positioned in `doc`.
 */
export function parseHtml(doc: string, english: ParseEnglish, options: {fragment?: boolean} = {}): Root {
  const hast = (options.fragment ? fragmentParser : documentParser).parse(doc)
  skipNonProse(hast)
  const tree = toNlcst(hast, new VFile(doc), english)
  reanchorWords(tree, doc, location(doc))
  return tree
}

/**
 * Mark non-prose elements so that `hast-util-to-nlcst` leaves them out, and
 * the page title so that it checks it.
 *
 * @param tree HTML tree, changed in place.
 */
function skipNonProse(tree: HastRoot): void {
  visit(tree, 'element', function (node: Element) {
    if (notProse.has(node.tagName)) node.properties.dataNlcst = 'ignore'
    // hast-util-to-nlcst reads only body flow; the page title is a headline.
    if (node.tagName === 'title') node.tagName = 'h1'
  })
}
