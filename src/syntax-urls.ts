import type {Sentence, SentenceContent} from 'nlcst'
import retextSyntaxUrls from 'retext-syntax-urls'
import type {Processor} from 'unified'

/** The marks retext-syntax-urls joins a link at: `example.com`, `localhost:8080`. */
const joiners = new Set(['.', ':'])

/**
 * retext-syntax-urls, on the sentences that can hold a link.
 *
 * It calls its check on every child of every sentence (0.5 s of a 1M-word
 * run, more than the rest of the parse after tokenizing), and the check
 * changes nothing unless a `.` or `:` stands between two tokens with no
 * space on either side. A sentence without one is passed over.
 *
 * @this {Processor} Processor.
 */
export default function syntaxUrls(this: Processor): undefined {
  retextSyntaxUrls.call(this)
  const extensions = this.data('nlcstSentenceExtensions') ?? []
  const mergeLinks = extensions.pop()
  if (!mergeLinks) return
  extensions.push(function (sentence: Sentence) {
    if (mayHoldLink(sentence.children)) mergeLinks(sentence)
  })
}

/**
 * Whether retext-syntax-urls could join anything in a sentence: it acts
 * only on a `.` or `:` with a word or mark right before and right after it.
 *
 * @param children Content of a sentence.
 * @returns Whether to run it.
 */
function mayHoldLink(children: readonly SentenceContent[]): boolean {
  for (let index = 1; index < children.length - 1; index++) {
    const child = children[index]
    if (child && isMark(child) && joiners.has(child.value) && isToken(children[index - 1]) && isToken(children[index + 1])) {
      return true
    }
  }
  return false
}

/**
 * Whether a node is punctuation or a symbol.
 *
 * @param node Sentence content.
 * @returns Whether it is.
 */
function isMark(node: SentenceContent): node is Extract<SentenceContent, {type: 'PunctuationNode' | 'SymbolNode'}> {
  return node.type === 'PunctuationNode' || node.type === 'SymbolNode'
}

/**
 * Whether a node is one retext-syntax-urls takes into a link: a word or a mark.
 *
 * @param node Sentence content, if any.
 * @returns Whether it is.
 */
function isToken(node: SentenceContent | undefined): boolean {
  return node !== undefined && (node.type === 'WordNode' || isMark(node))
}
