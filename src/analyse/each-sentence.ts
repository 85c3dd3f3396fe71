import type {Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
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

/**
 * The position of the next child of a sentence that is not white space:
 * the word or punctuation beside another.
 *
 * @param children A sentence's children.
 * @param from Where to start (not itself looked at).
 * @param step -1 to go back, 1 to go on.
 * @returns Its position; out of range when there is none.
 */
export function nextNonSpace(children: readonly SentenceContent[], from: number, step: -1 | 1): number {
  let at = from + step
  while (children[at]?.type === 'WhiteSpaceNode') at += step
  return at
}

/**
 * The text of the word next to a word in its sentence, across white space
 * only.
 *
 * @param word The word.
 * @param sentence Its sentence.
 * @param step -1 for the word before, 1 for the word after.
 * @returns Its text, or `''` when punctuation or the sentence's edge comes first.
 */
export function neighbourWord(word: Word, sentence: Sentence, step: -1 | 1): string {
  const node = sentence.children[nextNonSpace(sentence.children, sentence.children.indexOf(word), step)]
  return node?.type === 'WordNode' ? toString(node) : ''
}
