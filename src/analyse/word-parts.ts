import type {Word} from 'nlcst'
import type {Point} from 'unist'
import {wordText} from './word-text.js'

/** Hyphen-minus, hyphen and non-breaking hyphen: the marks that join compounds. */
const hyphens = new Set(['-', '\u2010', '\u2011'])

/** Straight and curly apostrophes, as in `Putin's` and `Putin’s`. */
const apostrophes = new Set(["'", '\u2019'])

type WordChild = Word['children'][number]

/** One checkable part of a word, with what stands around it inside the word. */
export interface WordPart {
  /** The part, as a word node positioned in the document. */
  word: Word
  /** Its text (`toString(word)`), made once for the rules that all read it. */
  text: string
  /** Whether a hyphen comes right before it (`Lukasgenko` in `anti-Lukasgenko`). */
  afterHyphen: boolean
  /** Whether a hyphen comes right after it (`pre` in `pre-election`). */
  beforeHyphen: boolean
}

/**
 * Split a word into the parts a finding should cover: the pieces between
 * hyphens, without a possessive `'s` and without a full stop the parser
 * attached to a plain word (`soon.` before a closing bracket).
 *
 * `anti-Lukasgenko` → `anti`, `Lukasgenko`; `Putin’s` → `Putin`;
 * `U.S.-led` → `U.S.`, `led`; `don't` stays whole.
 *
 * The parts of a word are made once: the spell check, `house-style`,
 * `hyphenation-consistency` and `repeated-words` each ask for every word.
 *
 * @param word Word from the English parser.
 * @returns Its parts, in order (shared: not to be changed).
 */
export function wordParts(word: Word): readonly WordPart[] {
  const node = word as WordWithParts
  let parts = node[partsKey]
  if (!parts) {
    parts = splitWord(word)
    // Non-enumerable: invisible to JSON, spreads and deep equality.
    Object.defineProperty(node, partsKey, {value: parts})
  }
  return parts
}

/**
 * Where a word keeps its parts once asked: the word nodes of a story do not
 * change once its rules run. A property of the node, not a WeakMap: a
 * million words went through a WeakMap (a set and four gets each), whose
 * ephemeron table costs far more than a property in lookups and garbage
 * collection (as a microbenchmark of that pattern showed).
 */
const partsKey = Symbol('copydesk word parts')

/** A word node that may carry its parts. */
type WordWithParts = Word & {[partsKey]?: readonly WordPart[]}

/**
 * Split a word into parts (see `wordParts`).
 *
 * @param word Word.
 * @returns Its parts.
 */
function splitWord(word: Word): WordPart[] {
  const children = word.children
  const [only] = children
  // Most words are one piece of text ("minister"): one part, without the
  // segment arrays, closure and trimming below (wordParts runs under the
  // spell check on every word: the CI case of `npm run bench` shows it).
  if (children.length === 1 && only?.type === 'TextNode') {
    // The word is its own part when it spans exactly its text, as the
    // parser places it: not a copy of it (a node, a children array and a
    // position for each of the million words of the CI run).
    const part = spansExactly(word, only) ? word : toWord([only])
    return [{word: part, text: only.value, afterHyphen: false, beforeHyphen: false}]
  }
  const segments: WordChild[][] = [[]]
  for (const child of children) {
    if (child.type === 'PunctuationNode' && hyphens.has(child.value)) segments.push([])
    else segments.at(-1)?.push(child)
  }
  const parts: WordPart[] = []
  segments.forEach(function (segment, index) {
    const children = trimSegment(segment)
    if (children.length === 0) return
    const part = toWord(children)
    parts.push({
      word: part,
      text: wordText(part),
      afterHyphen: index > 0,
      beforeHyphen: index < segments.length - 1
    })
  })
  return parts
}

/**
 * Whether a word has the place of its only child (both none, or the same
 * points), so that the word can stand for the part `toWord` would make.
 *
 * @param word A word of one text node.
 * @param only That text node.
 * @returns Whether their places are the same.
 */
function spansExactly(word: Word, only: WordChild): boolean {
  const outer = word.position
  const inner = only.position
  if (!outer || !inner) return !outer && !inner
  return samePoint(outer.start, inner.start) && samePoint(outer.end, inner.end)
}

/**
 * Whether two points are the same place.
 *
 * @param a Point.
 * @param b Point.
 * @returns Whether line, column and offset agree.
 */
function samePoint(a: Point, b: Point): boolean {
  return a === b || (a.line === b.line && a.column === b.column && a.offset === b.offset)
}

/**
 * Drop a possessive `'s` and a full stop stuck to a plain word.
 *
 * @param segment Children of a word between hyphens.
 * @returns The children that make the part.
 */
function trimSegment(segment: WordChild[]): WordChild[] {
  let children = segment
  const apostrophe = children.at(-2)
  const clitic = children.at(-1)
  if (
    children.length > 2 &&
    apostrophe?.type === 'PunctuationNode' &&
    apostrophes.has(apostrophe.value) &&
    clitic?.type === 'TextNode' &&
    /^s$/i.test(clitic.value)
  ) {
    children = children.slice(0, -2)
  }
  // "directory." and, written across markup, "**dir**ectory." (two text nodes).
  const stop = children.at(-1)
  if (
    children.length > 1 &&
    stop?.type === 'PunctuationNode' &&
    stop.value === '.' &&
    children.every((child, index) => index === children.length - 1 || child.type === 'TextNode')
  ) {
    children = children.slice(0, -1)
  }
  return children
}

/**
 * Wrap word children in a word node spanning them.
 *
 * @param children Text, punctuation and symbols of the word.
 * @returns A word node.
 */
function toWord(children: WordChild[]): Word {
  const start = children[0]?.position?.start
  const end = children.at(-1)?.position?.end
  return start && end ? {type: 'WordNode', children, position: {start, end}} : {type: 'WordNode', children}
}
