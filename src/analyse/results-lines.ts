import type {Paragraph, Root, Sentence} from 'nlcst'
import type {Node} from 'unist'
import {wordText} from './word-text.js'

/**
 * What makes a paragraph a results line: at least this many words, at most
 * this share of them lowercase, and at least this many marks of a list or a
 * score (`,` `;` `:` `(` `)` and figures) per word.
 */
const resultsLine = {words: 5, lowercase: 0.25, marks: 0.4}

/** Punctuation that parts the entries of a line-up or a score line. */
const listMarks = new Set([',', ';', ':', '(', ')'])

/** Results lines found per story: asked once per unknown short word. */
const sentencesByTree = new WeakMap<Root, ReadonlySet<Sentence>>()

/**
 * The sentences of a story's results lines: the line-ups and score lines of
 * a sports report, a paragraph made of names, figures, commas and brackets
 * with few lowercase words (`Rovers 2 (Dunne 12, Walsh og 40) Athletic 1
 * (Byrne 77). Att: 4,512. Ref: J Murphy.`, `Athletic: Byrne; Keane, Lyons
 * (capt), Walsh.`). Their short words are the trade's shorthand (`og` own
 * goal, `Att` attendance, `capt`), not slips of ordinary words. Prose has
 * lowercase words, and a headline in title case has few commas and figures.
 *
 * @param tree The story.
 * @returns Its sentences in results lines.
 */
export function resultsLineSentences(tree: Root): ReadonlySet<Sentence> {
  let found = sentencesByTree.get(tree)
  if (!found) {
    const sentences = new Set<Sentence>()
    eachParagraph(tree, function (paragraph) {
      const own = paragraph.children.filter((child): child is Sentence => child.type === 'SentenceNode')
      if (isResultsLine(own)) for (const sentence of own) sentences.add(sentence)
    })
    found = sentences
    sentencesByTree.set(tree, found)
  }
  return found
}

/**
 * Whether the sentences of one paragraph make a results line.
 *
 * @param sentences The paragraph's sentences.
 * @returns Whether they do.
 */
function isResultsLine(sentences: readonly Sentence[]): boolean {
  let words = 0
  let lowercase = 0
  let marks = 0
  for (const sentence of sentences) {
    for (const child of sentence.children) {
      if (child.type === 'WordNode') {
        const text = wordText(child)
        words++
        if (/\d/.test(text)) marks++
        else if (/^\p{Ll}/u.test(text)) lowercase++
      } else if (child.type === 'PunctuationNode' && listMarks.has(child.value)) {
        marks++
      }
    }
  }
  return words >= resultsLine.words && lowercase <= words * resultsLine.lowercase && marks >= words * resultsLine.marks
}

/**
 * Call a function on every paragraph of a tree, without going into its sentences.
 *
 * @param tree The tree.
 * @param call The function.
 */
function eachParagraph(tree: Node, call: (paragraph: Paragraph) => void): void {
  if (tree.type === 'ParagraphNode') {
    call(tree as Paragraph)
    return
  }
  const children = (tree as {children?: unknown}).children
  if (!Array.isArray(children)) return
  for (const child of children as Node[]) eachParagraph(child, call)
}
