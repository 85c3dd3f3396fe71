import type {Root} from 'nlcst'
import retextSyntaxMentions from 'retext-syntax-mentions'
import retextSyntaxUrls from 'retext-syntax-urls'
import {unified, type Plugin, type Processor} from 'unified'
import type {Literal, Node, Parent} from 'unist'
import type {VFile} from 'vfile'
import joinBracketed from './join-bracketed.js'
import markSic from './mark-sic.js'
import parseProse from './parse-prose.js'
import restoreNonUrls from './restore-non-urls.js'
import {namedStep} from '../stage.js'

/**
 * Make the base pipeline every file goes through before the rules: parse the
 * prose of text, Markdown or HTML into one English tree, set URLs,
 * `@handles`, words marked `[sic]` and bracketed insertions (`sow[ing]`)
 * aside as source.
 *
 * @returns A fresh processor; the rules are added from config.
 */
export function createProcessor(): Processor<Root, Root, Root> {
  return unified()
    .use(parseProse)
    // Each step named, so that one that throws is reported as
    // `story.md: step \`mark-sic\` failed: …` (see `namedStep`).
    .use(namedStep('retext-syntax-urls', retextSyntaxUrls))
    .use(namedStep('restore-non-urls', restoreNonUrls))
    .use(namedStep('retext-syntax-mentions', mentionsWhereAtSigns))
    .use(namedStep('mark-sic', markSic))
    .use(namedStep('join-bracketed', joinBracketed)) as unknown as Processor<Root, Root, Root>
}

/**
 * retext-syntax-mentions, on the trees that can have a mention: it walks
 * every node of a story looking for an `@` symbol, naming a function for
 * each node as it goes, a twentieth of a run of many stories, and most
 * stories have none. A file without `@` or `&` (which could stand for one
 * in HTML or Markdown, `&#64;`) has no `@` in its tree; one with either
 * (an address in a link or in front matter, "Smith & Sons") is looked
 * through once, plainly, for an `@` symbol: without one, the plugin would
 * change nothing (it showed in profiles of the archive case of `npm run bench`).
 */
const mentionsWhereAtSigns: Plugin<[], Root> = function () {
  const transform = retextSyntaxMentions() as (tree: Root) => undefined
  return function (tree: Root, file: VFile) {
    if (/[@&]/.test(String(file.value)) && hasAtSymbol(tree)) transform(tree)
  }
}

/**
 * Whether a tree has a symbol node `@`, the only node retext-syntax-mentions
 * starts a mention at.
 *
 * @param tree The story's tree.
 * @returns Whether it has one.
 */
function hasAtSymbol(tree: Node): boolean {
  const stack: Node[] = [tree]
  let node: Node | undefined
  while ((node = stack.pop())) {
    if (node.type === 'SymbolNode' && (node as Literal).value === '@') return true
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) stack.push(child)
  }
  return false
}
