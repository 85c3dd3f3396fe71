import type {Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextRepeatedWords from 'retext-repeated-words'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {asciiLowercase} from '../src/ascii.js'
import {defineRule} from '../src/define-rule.js'
import {setSeverity} from '../src/severity.js'
import {wordParts} from '../src/analyse/word-parts.js'
import {eachSentence} from '../src/analyse/each-sentence.js'
import {wordText} from '../src/analyse/word-text.js'

/** Options of the `repeated-words` rule. */
export interface RepeatedWordsOptions {
  /** Words that are right written twice in a row (`dictionaries/repeated-words.txt`). */
  allowed?: readonly string[] | undefined
}

type RepeatTransform = (tree: Root, file: VFile) => void

/** retext-repeated-words keeps no state between documents: one transform serves the run. */
const findRepeats = retextRepeatedWords() as unknown as RepeatTransform

/**
 * Flag a word written twice in a row (`the the`), through retext-repeated-words:
 * within a sentence, separated only by white space, compared without case.
 * The finding covers both words, as retext-repeated-words places it, and
 * offers the first word alone as the fix (`The the` → `The`).
 */
export default defineRule<RepeatedWordsOptions>(
  {
    id: 'repeated-words',
    description: 'A word written twice in a row',
    data: {allowed: 'repeated-words.txt'}
  },
  function (options) {
    const allowed = new Set((options?.allowed ?? []).map((word) => word.toLowerCase()))
    return function ({tree}, file) {
      const scratch = new VFile({path: file.path})
      const suspects = sentencesWithRepeats(tree)
      if (suspects.length > 0) findRepeats({type: 'RootNode', children: suspects}, scratch)

      const indexes = new ChildIndexes()
      const speech = speechFinder(String(file.value), tree)
      // "help help help": the second pair shares a word with the first, which keeps it.
      const taken = new Set<number>()
      for (const found of scratch.messages) {
        const repeat = repeatOf(found, indexes)
        if (!repeat || allowed.has(toString(repeat.second).toLowerCase())) continue
        const offsets = [repeat.first, repeat.second].flatMap(partOffsets)
        if (offsets.some((offset) => taken.has(offset))) continue
        const message = report(file, repeat, speech)
        // A word another rule reported keeps that one finding (see `settleFindings`).
        if (message) message.claims = offsets
        for (const offset of offsets) taken.add(offset)
      }
    }
  }
)

/**
 * The sentences in which retext-repeated-words can find a repeat: those
 * with two words, white space between, that are the same in lowercase,
 * paired the way it pairs them. It then runs on those alone, as one
 * sentence has nothing to do with another: it walked and read every word
 * of every story, nearly none of which has a repeat.
 *
 * @param tree The document's tree.
 * @returns Sentences, in document order.
 */
function sentencesWithRepeats(tree: Root): Sentence[] {
  const suspects: Sentence[] = []
  eachSentence(tree, function (sentence) {
    // As retext-repeated-words does: a word is compared with the word before the last white space.
    let previous: string | undefined
    let current: string | undefined
    for (const child of sentence.children) {
      if (child.type === 'WordNode') {
        const text = wordText(child)
        if (previous !== undefined && sameInLowercase(previous, text)) {
          suspects.push(sentence)
          return
        }
        current = text
      } else if (child.type === 'WhiteSpaceNode') {
        previous = current
        current = undefined
      } else {
        previous = undefined
        current = undefined
      }
    }
  })
  return suspects
}

/**
 * Whether two words are the same in lowercase. Two words that start with
 * different ASCII letters are not, and nearly every pair is such a pair:
 * they are settled without lowercasing either.
 *
 * @param a Word.
 * @param b Word.
 * @returns Whether `a.toLowerCase() === b.toLowerCase()`.
 */
function sameInLowercase(a: string, b: string): boolean {
  const first = a.charCodeAt(0)
  const second = b.charCodeAt(0)
  if (first < 0x80 && second < 0x80 && asciiLowercase(first) !== asciiLowercase(second)) return false
  return a.toLowerCase() === b.toLowerCase()
}

/** A word written twice: the two word nodes, in order. */
interface Repeat {
  first: Word
  second: Word
}

/**
 * Where each child of a sentence stands in it, built once per sentence:
 * `children.indexOf` per finding scanned the whole sentence each time,
 * which made a long sentence full of repeats (`word word word …` with no
 * full stop) cost the square of its length.
 */
class ChildIndexes {
  private sentence: Sentence | undefined
  private indexes = new Map<Sentence['children'][number], number>()

  /**
   * @param sentence A sentence.
   * @param child One of its children.
   * @returns The child's index in the sentence, or -1.
   */
  indexOf(sentence: Sentence, child: Sentence['children'][number]): number {
    // Findings come sentence by sentence: one map, rebuilt when the sentence changes.
    if (sentence !== this.sentence) {
      this.sentence = sentence
      this.indexes = new Map(sentence.children.map((node, index) => [node, index]))
    }
    return this.indexes.get(child) ?? -1
  }
}

/**
 * Find the two words of a retext-repeated-words finding: it gives the
 * sentence and the second word as ancestors, and only reports words with
 * nothing but white space between them.
 *
 * @param message The plugin's finding.
 * @param indexes Where the children of each sentence stand.
 * @returns The words, or nothing when the finding does not have them.
 */
function repeatOf(message: VFileMessage, indexes: ChildIndexes): Repeat | undefined {
  const [sentence, second] = (message.ancestors ?? []) as [Sentence | undefined, Word | undefined]
  if (!sentence || !second) return undefined
  const index = indexes.indexOf(sentence, second)
  const first = index < 2 ? undefined : sentence.children[index - 2]
  return first?.type === 'WordNode' ? {first, second} : undefined
}

/**
 * Report one repeat, from the start of the first word to the end of the
 * second, with the first word alone as the fix. When markup stands between
 * the words (`**the** the` in Markdown), replacing both would break it: the
 * finding is then on the second word alone, without a fix.
 *
 * @param file The document.
 * @param repeat The two words.
 * @param speech Whether a place in the document is speech.
 * @returns The message, if the words have places.
 */
function report(file: VFile, repeat: Repeat, speech: (offset: number) => boolean): VFileMessage | undefined {
  const start = repeat.first.position?.start
  const end = repeat.second.position?.end
  const secondStart = repeat.second.position?.start
  if (start?.offset === undefined || end?.offset === undefined || !secondStart) return undefined
  const first = toString(repeat.first)
  const second = toString(repeat.second)
  // The text as the source has it (a line break, `&nbsp;`), so that `actual` is what the place covers.
  const actual = String(file.value).slice(start.offset, end.offset)
  const gap = actual.slice(first.length, actual.length - second.length)
  let message: VFileMessage
  if (actual.startsWith(first) && actual.endsWith(second) && /^(?:\s|&nbsp;|&#160;|&#xa0;)+$/i.test(gap)) {
    message = file.message(`Unexpected repeated word \`${first + ' ' + second}\`, expected \`${first}\``, {
      place: {start, end},
      source: 'retext-repeated-words'
    })
    message.actual = actual
    message.expected = [first]
  } else {
    message = file.message(`Unexpected repeated word \`${second}\` after \`${first}\`, expected the word once`, {
      place: {start: secondStart, end},
      source: 'retext-repeated-words'
    })
    message.actual = second
    message.expected = []
  }
  // "we we" in a quotation or a transcript may be what the speaker said: worth a look, not an error.
  if (speech(start.offset)) {
    message.reason = message.message = message.reason + ', unless the speaker said it twice'
    setSeverity(message, 'warning')
  } else {
    setSeverity(message, 'error')
  }
  return message
}

/**
 * A speaker's label at the start of a transcript paragraph: `Q:`, `SMITH:`,
 * `Jane Smith:`, or a name in double brackets, `((Jane Smith))`.
 */
const speakerLabel = /^\s*(?:\(\([^()\n]{1,60}\)\)|[\p{Lu}][\p{L}.'’ -]{0,40}:)\s/u

/**
 * The speaker's label, matched where a paragraph starts (sticky, so the
 * search neither runs ahead nor copies the paragraph). Its match is
 * unique (the white space, the name and the colon leave no choice), so
 * it is in the text before a place exactly when it ends by that place.
 */
const speakerLabelAt = new RegExp(speakerLabel.source.slice(1), 'uy')

const quote = 0x22 // "
const openingQuote = 0x201c // “
const closingQuote = 0x201d // ”
const openingSingleQuote = 0x2018 // ‘
const closingSingleQuote = 0x2019 // ’, an apostrophe too
const ampersand = 0x26 // &
const lineFeed = 0x0a
const carriageReturn = 0x0d

/**
 * A quotation mark written as a character reference in HTML (`&ldquo;`,
 * `&#8221;`, `&quot;`), at the `&` (sticky): which mark it stands for.
 */
const quoteReference = /&(?:(quot|#34|#x22)|(ldquo|#8220|#x201c)|(rdquo|#8221|#x201d));/iy

/**
 * Where the paragraphs of the story's tree start, with where the one before
 * ended: each `<p>` of HTML, each line of plain text, each block of
 * Markdown.
 *
 * @param tree The story's tree.
 * @returns `[start, end of the paragraph before]` offsets, in order.
 */
function paragraphStarts(tree: Root): Array<readonly [number, number]> {
  const starts: Array<readonly [number, number]> = []
  let previousEnd = 0
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'ParagraphNode') {
      const {start, end} = node.position ?? {}
      if (start?.offset !== undefined && end?.offset !== undefined) {
        starts.push([start.offset, previousEnd])
        previousEnd = end.offset
      }
    } else if ('children' in node && node.type !== 'SentenceNode') {
      for (const child of node.children) visit(child)
    }
  }
  visit(tree)
  return starts
}

/**
 * Make a test of whether a place is in quoted speech: inside quotation
 * marks in its paragraph (`"`, `“ ”`, British `‘ ’`; a `’` with a letter
 * after it is an apostrophe), or in a transcript paragraph that starts with a
 * speaker's label.
 *
 * A paragraph ends at a blank line, or where the tree's next paragraph
 * starts after markup (`</p><p>`): then no quotation carries on into the
 * next. A quotation of several paragraphs reopens its mark at the start of
 * each (`“We will rebuild.` / `“It will take a year,” she said.`): a
 * paragraph of the tree (a `<p>`, a line of plain text) that starts with a
 * quotation mark starts that quotation afresh, not a second one inside
 * the first, which would leave the narrative after it inside quotation marks.
 *
 * Places are asked in document order: the test keeps its count of the
 * paragraph's quotation marks up to the last place and reads on from
 * there. Reading the paragraph from its start for every finding cost the
 * square of its length on a long paragraph full of repeats.
 *
 * @param text The document.
 * @param tree The story's tree.
 * @returns The test: whether the place at an offset is speech.
 */
function speechFinder(text: string, tree: Root): (offset: number) => boolean {
  // A paragraph starts where its `\n\n` or `\r\n\r\n` does (as the last one found by `lastIndexOf` from the place).
  let paragraphStart = 0
  let read = 0
  let straight = 0
  let opened = 0
  let singleOpened = 0
  // Where the paragraph's speaker label ends: unknown until asked, -1 for none.
  let labelEnd: number | undefined
  // Found when the first place is asked: most stories have no repeat at all.
  let starts: Array<readonly [number, number]> | undefined
  let nextStart = 0

  const startParagraph = (at: number): void => {
    paragraphStart = at
    straight = 0
    opened = 0
    singleOpened = 0
    labelEnd = undefined
  }

  return function (offset) {
    starts ??= paragraphStarts(tree)
    // An earlier place than the last (not expected): read again from the start.
    if (offset < read) {
      startParagraph(0)
      read = 0
      nextStart = 0
    }
    const paragraphAt = (at: number): void => {
      let paragraph = starts?.[nextStart]
      while (paragraph && paragraph[0] < at) paragraph = starts?.[++nextStart]
      if (paragraph?.[0] === at && startsAnew(text, at, paragraph[1])) startParagraph(at)
    }
    for (; read < offset; read++) {
      paragraphAt(read)
      const code = text.charCodeAt(read)
      if (code === quote) straight++
      else if (code === openingQuote) opened++
      else if (code === closingQuote) opened--
      else if (code === openingSingleQuote) singleOpened++
      // "‘We will go,’ she said": a closing mark; the apostrophe of "don’t" has a letter after it.
      else if (code === closingSingleQuote && singleOpened > 0 && !letterAt(text, read + 1)) singleOpened--
      else if (code === ampersand) {
        quoteReference.lastIndex = read
        const reference = quoteReference.exec(text)
        if (reference?.[1]) straight++
        else if (reference?.[2]) opened++
        else if (reference?.[3]) opened--
      } else if (
        (code === lineFeed && text.charCodeAt(read + 1) === lineFeed) ||
        (code === carriageReturn && text.startsWith('\r\n\r\n', read))
      ) {
        startParagraph(read)
      }
    }
    // "<p>The the": a place may start a paragraph (starting it again later changes nothing).
    paragraphAt(offset)
    if (labelEnd === undefined) {
      speakerLabelAt.lastIndex = paragraphStart
      labelEnd = speakerLabelAt.test(text) ? speakerLabelAt.lastIndex : -1
    }
    if (labelEnd >= 0 && labelEnd <= offset) return true
    return straight % 2 === 1 || opened > 0 || singleOpened > 0
  }
}

/**
 * Whether the character at an offset is a letter.
 *
 * @param text The document.
 * @param at The offset.
 * @returns Whether it is.
 */
function letterAt(text: string, at: number): boolean {
  return /\p{L}/u.test(text.charAt(at))
}

/**
 * Whether a paragraph of the tree starts a new count of quotation marks:
 * when it opens with one (a quotation reopened for its next paragraph), or
 * when markup stands between it and the paragraph before (`</p><p>`, a
 * Markdown block). A line of plain text or Markdown after a single line
 * break may be a wrapped line of the same paragraph, inside the same quotation.
 *
 * @param text The document.
 * @param start Where the paragraph starts.
 * @param previousEnd Where the paragraph before it ended.
 * @returns Whether it does.
 */
function startsAnew(text: string, start: number, previousEnd: number): boolean {
  const code = text.charCodeAt(start)
  if (code === quote || code === openingQuote || code === openingSingleQuote) return true
  if (code === ampersand) {
    quoteReference.lastIndex = start
    const reference = quoteReference.exec(text)
    if (reference?.[1] || reference?.[2]) return true
  }
  return /\S/.test(text.slice(previousEnd, start))
}

/**
 * Where each part of a word starts: the offsets the shared spell check
 * identifies words by.
 *
 * @param word A word.
 * @returns Start offsets of its parts.
 */
function partOffsets(word: Word): number[] {
  return wordParts(word).flatMap((part) => part.word.position?.start.offset ?? [])
}
