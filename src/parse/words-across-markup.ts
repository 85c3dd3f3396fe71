/**
 * One word written across inline markup: `**w**orking`, `u[ser interviews](…)`,
 * `[jour][11]nalism`, `<b>w</b>orking`. A reader sees one word, styled or
 * linked in part; the converters see two pieces of text and would make two
 * words of them, each a "slip" (`orking`, `nalism`). The Markdown and HTML
 * converters join such pieces into one word with this module: the word's
 * text nodes keep their own places, so the word spans the source from its
 * first letter to its last, markup between included.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'

/**
 * HTML elements that only style or link a run of text, so that a word
 * split by one is one word on the page. Left out: elements that show
 * something of their own (`q` adds quotation marks, `sup` and `sub` stand
 * for footnote marks and units: `Footnote<sup>1</sup>` is not one word),
 * break the line (`br`), hold code (`code`, `kbd`: never prose), or whose
 * text hast-util-to-nlcst leaves out (`del`).
 */
const wordJoiningTags: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'time',
  'u'
])

/** One start or end tag, with its name; attributes without `<` or `>` in them. */
const singleTag = /^<\/?([a-z][a-z\d]*)(?:\s[^<>]*)?>$/i

/**
 * Whether an element splits a word written across it (see `wordJoiningTags`).
 *
 * @param tagName Lowercase element name.
 * @returns Whether a word runs on across it.
 */
export function joinsWordsAcross(tagName: string): boolean {
  return wordJoiningTags.has(tagName)
}

/**
 * Whether raw HTML in Markdown is one start or end tag of an element that a
 * word runs on across (`<b>`, `</span>`, `<a href="/x">`).
 *
 * @param html The raw HTML of an inline `html` node.
 * @returns Whether it is.
 */
export function isWordJoiningTag(html: string): boolean {
  const name = singleTag.exec(html)?.[1]
  return name !== undefined && wordJoiningTags.has(name.toLowerCase())
}

/**
 * Add the rest of a word, written after markup, to the word before it: the
 * word takes the pieces of text of `rest` and ends where `rest` ends.
 *
 * @param word The word so far, changed in place.
 * @param rest The word's continuation after the markup (not kept).
 */
export function joinWord(word: Word, rest: Word): void {
  for (const child of rest.children) word.children.push(child)
  const start = word.position?.start
  const end = rest.position?.end
  word.position = start && end ? {start, end} : undefined
}

/**
 * Make a sentence plugin that joins a word, the nodes right after it that
 * `isJoiner` takes (one or more) and the word right after them into one
 * word, again as long as the pattern goes on (`a\u200Bn\u200Bd`,
 * `f*ck*ng`). The joiners are kept in the word's text, or left out.
 *
 * @param isJoiner Whether a node joins the words on either side of it.
 * @param keepJoiners Whether the joined word keeps the joiners (a `$` does, an invisible character does not).
 * @returns The plugin; it changes the sentence in place.
 */
export function joinWordsAcross(
  isJoiner: (node: SentenceContent | undefined) => boolean,
  keepJoiners: boolean
): (sentence: Sentence) => undefined {
  return function (sentence) {
    const children = sentence.children
    let joined: SentenceContent[] | undefined
    let index = 0
    while (index < children.length) {
      const child = children[index]!
      let end = index + 1
      while (child.type === 'WordNode') {
        let next = end
        while (isJoiner(children[next])) next++
        const after = children[next]
        if (next === end || after?.type !== 'WordNode') break
        // Copy the children only once a sentence has a word to join.
        joined ??= children.slice(0, index)
        if (keepJoiners) for (const joiner of children.slice(end, next)) child.children.push(joiner as Word['children'][number])
        joinWord(child, after)
        end = next + 1
      }
      if (joined) joined.push(child)
      index = end
    }
    if (joined) sentence.children = joined
  }
}

/**
 * A sentence plugin for a converter that tokenizes each piece of text
 * apart (hast-util-to-nlcst): join a word to the word right before it when
 * it starts where a piece of text runs on from the text before it across
 * word-joining markup.
 *
 * @param continuations Offsets where such pieces of text start.
 * @returns The plugin; it changes the sentence in place.
 */
export function joinWordsAt(continuations: ReadonlySet<number>): (sentence: Sentence) => undefined {
  return function (sentence) {
    const children = sentence.children
    let joined: SentenceContent[] | undefined
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      const before = joined ? joined.at(-1) : children[index - 1]
      const start = child.position?.start.offset
      if (child.type === 'WordNode' && before?.type === 'WordNode' && start !== undefined && continuations.has(start)) {
        // Copy the children only once a sentence has a word to join.
        joined ??= children.slice(0, index)
        joinWord(before, child)
      } else if (joined) {
        joined.push(child)
      }
    }
    if (joined) sentence.children = joined
  }
}
