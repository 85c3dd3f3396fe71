import type {Sentence} from 'nlcst'
import type {Node} from 'unist'

/**
 * Call a function on every sentence of a tree, in document order.
 *
 * Like `eachNode(tree, 'SentenceNode', call)`, but it does not go into a
 * sentence's words, which nlcst never nests a sentence in: walking every
 * word and its text as well slowed every rule that looks at sentences on a
 * run of many stories (the CI case of `npm run bench` shows it).
 *
 * @param tree The tree.
 * @param call The function.
 */
export function eachSentence(tree: Node, call: (sentence: Sentence) => void): void {
  if (tree.type === 'SentenceNode') {
    call(tree as Sentence)
    return
  }
  const children = (tree as {children?: unknown}).children
  if (!Array.isArray(children)) return
  for (const child of children as Node[]) eachSentence(child, call)
}
