import type {Root, SentenceContent, Source} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {eachSentence} from '../analyse/each-sentence.js'
import {pushAll} from '../push-all.js'

/** Square brackets, which quotations use to mark an editor's insertion. */
const brackets = new Set(['[', ']'])

/**
 * Keep words changed by an editor's bracketed insertion whole, and out of
 * the spelling check.
 *
 * Quotations are adjusted with brackets: `"sow[ing] chaos"`, `"[T]he
 * strains"`. The parser splits these into fragments (`sow`, `ing`; `T`,
 * `he`), and fragments are not words: `ing` would be reported as a slip.
 * Each such run becomes one source node, which no rule checks.
 *
 * @returns Transform.
 */
export default function joinBracketed(): (tree: Root) => undefined {
  return function (tree) {
    // Sentences only, not their words: eachNode into every word showed in profiles of the ci case.
    eachSentence(tree, function (sentence) {
      // Rebuild only sentences with a bracket: copying every sentence's
      // children showed in profiles of the ci case.
      if (sentence.children.some(isBracket)) sentence.children = joinRuns(sentence.children)
    })
  }
}

/**
 * Join each run of adjacent words and brackets that holds two or more words.
 *
 * @param children Content of a sentence.
 * @returns The content with such runs replaced by source nodes.
 */
function joinRuns(children: SentenceContent[]): SentenceContent[] {
  const result: SentenceContent[] = []
  let run: SentenceContent[] = []

  const flush = (): void => {
    const words = run.filter((node) => node.type === 'WordNode').length
    const hasBracket = run.some(isBracket)
    if (words > 1 && hasBracket) result.push(toSource(run))
    else pushAll(result, run)
    run = []
  }

  for (const child of children) {
    if (child.type === 'WordNode' || isBracket(child)) {
      run.push(child)
    } else {
      flush()
      result.push(child)
    }
  }
  flush()
  return result
}

/**
 * Whether a node is a square bracket.
 *
 * @param node Sentence content.
 * @returns Whether it is.
 */
function isBracket(node: SentenceContent): boolean {
  return node.type === 'PunctuationNode' && brackets.has(node.value)
}

/**
 * Make one source node spanning some nodes.
 *
 * @param nodes Adjacent nodes.
 * @returns Source node with their text.
 */
function toSource(nodes: SentenceContent[]): Source {
  const start = nodes[0]?.position?.start
  const end = nodes.at(-1)?.position?.end
  const value = toString(nodes)
  return start && end ? {type: 'SourceNode', value, position: {start, end}} : {type: 'SourceNode', value}
}
