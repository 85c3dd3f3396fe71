import type {Punctuation, Root, Sentence, Word} from 'nlcst'
import {SKIP, visit} from 'unist-util-visit'

/** Hyphen-minus, hyphen and non-breaking hyphen: the marks that join compounds. */
const hyphens = new Set(['-', '\u2010', '\u2011'])

/** Straight and curly apostrophes, as in `Putin's` and `Putin’s`. */
const apostrophes = new Set(["'", '\u2019'])

type WordPart = Word['children'][number]

/**
 * Split compound words and possessives into the words they are made of, so
 * that each part is checked on its own and a finding covers only the wrong
 * part.
 *
 * `anti-Lukasgenko` becomes `anti`, `-`, `Lukasgenko`; `Putin’s` becomes
 * `Putin`, `’`, `s`. Contractions such as `don't` and `o'clock` stay whole.
 *
 * @returns Transform.
 */
export default function splitCompounds(): (tree: Root) => undefined {
  return function (tree) {
    visit(tree, 'WordNode', function (word, index, parent) {
      if (index === undefined || !parent) return
      const pieces = splitWord(word)
      if (pieces.length === 1) return
      ;(parent as Sentence).children.splice(index, 1, ...pieces)
      return [SKIP, index + pieces.length]
    })
  }
}

/**
 * Split one word at its hyphens and before a possessive `'s`.
 *
 * @param word Word from the English parser.
 * @returns The word itself, or its parts with the marks between them.
 */
function splitWord(word: Word): Array<Word | Punctuation> {
  const pieces: Array<Word | Punctuation> = []
  let parts: WordPart[] = []

  for (const child of word.children) {
    if (child.type === 'PunctuationNode' && hyphens.has(child.value) && parts.length > 0) {
      pieces.push(...splitPossessive(parts), child)
      parts = []
    } else {
      parts.push(child)
    }
  }

  if (parts.length > 0) pieces.push(...splitPossessive(parts))
  return pieces.length === 1 ? [word] : pieces
}

/**
 * Split `Putin's` into the name, the apostrophe and `s`.
 *
 * @param parts Children of one word (no hyphens among them).
 * @returns One word, or the stem, the apostrophe and `s`.
 */
function splitPossessive(parts: WordPart[]): Array<Word | Punctuation> {
  const apostrophe = parts.at(-2)
  const clitic = parts.at(-1)
  if (
    parts.length > 2 &&
    apostrophe?.type === 'PunctuationNode' &&
    apostrophes.has(apostrophe.value) &&
    clitic?.type === 'TextNode' &&
    (clitic.value === 's' || clitic.value === 'S')
  ) {
    return [toWord(parts.slice(0, -2)), apostrophe, toWord([clitic])]
  }
  return [toWord(parts)]
}

/**
 * Wrap word parts in a word node spanning them.
 *
 * @param parts Text, punctuation and symbols of the word.
 * @returns A word node.
 */
function toWord(parts: WordPart[]): Word {
  const start = parts[0]?.position?.start
  const end = parts.at(-1)?.position?.end
  return start && end
    ? {type: 'WordNode', children: parts, position: {start, end}}
    : {type: 'WordNode', children: parts}
}
