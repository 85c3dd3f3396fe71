import type {Root, Sentence} from 'nlcst'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {markFixable} from '../src/settle/fix.js'
import type {EitherEntry, HouseStyleEntry, PreferEntry} from '../src/config/house-style.js'
import {setSeverity} from '../src/severity.js'
import {wordParts} from '../src/analyse/word-parts.js'
import {eachNode} from '../src/analyse/each-node.js'
import {upperFirst} from '../src/words/letter-case.js'

/** Options of the `house-style` rule. */
export interface HouseStyleOptions {
  /** The resolved house style (config `houseStyle` over the bundled list). */
  houseStyle?: readonly HouseStyleEntry[] | undefined
}

/** How a word part attaches to the one before it. */
type Join = 'space' | 'hyphen' | 'none'

/** A word part in a sentence: the unit entries are matched against. */
interface Token {
  text: string
  start: Point
  end: Point
  /** `space` between whole words, `hyphen` inside a compound, `none` after punctuation or at a sentence start. */
  join: Join
}

/** The story's tokens: per sentence, and where each folded word starts, to find forms without scanning. */
interface Tokens {
  runs: readonly Token[][]
  /** Sentence and index of every token a form starts with, by its folded text. */
  byText: ReadonlyMap<string, ReadonlyArray<{run: readonly Token[]; index: number}>>
}

/** One word of a form, with how it attaches to the word before it. */
interface FormWord {
  text: string
  join: Join
}

/** Where a form was found: tokens in a row of one sentence. */
interface Match {
  run: readonly Token[]
  index: number
  tokens: readonly Token[]
  /** The form it matched, as the entry writes it. */
  form: string
}

/** A finding, ready to report. */
interface Finding {
  match: Match
  expected: string
  /** What follows "expected `X`" in the reason, before "(house style)". */
  why: string
  entry: HouseStyleEntry
  cause?: Match | undefined
}

/**
 * "Kyiv, formerly Kiev", "Mumbai (formerly known as Bombay)": naming the old
 * form as the old form is what style books ask for, not a slip.
 */
const formerly = /(?:^| )(?:formerly|previously|(?:formerly|previously|once|then) (?:known as|called))$/

/**
 * Flag spellings the house style settles: an avoided form (`Kiev` for
 * `Kyiv`) wherever it stands outside its exceptions, and for `either`
 * entries every spelling but the one the story uses most (ties: the first).
 * Its findings take their words from every other rule (see `precedence`).
 */
export default defineRule<HouseStyleOptions>(
  {id: 'house-style', description: 'Spellings the house style settles (Kyiv, not Kiev)'},
  function (options) {
    const entries = options?.houseStyle ?? []
    return function ({tree, spelling: check}, file) {
      if (entries.length === 0) return
      const starts = formStarts(entries)
      // Most stories use no form the house style flags (exceptions only
      // take findings away): then no tokens are needed, whose building showed
      // in profiles of the ci case of `npm run bench`.
      // Asked of each distinct text the story uses (its `storyWords`), not
      // of each of its parts: half as many folds and lookups.
      if (!usesAny(check.storyWords, starts.flagged)) return
      const runs = storyTokens(tree, starts.all)
      const findings = entries.flatMap((entry) =>
        entry.kind === 'prefer' ? preferFindings(entry, runs) : eitherFindings(entry, runs)
      )
      findings.sort((a, b) => offsetOf(a.match.tokens[0]) - offsetOf(b.match.tokens[0]))
      // Entries that overlap: the first finding on a word keeps it.
      const taken = new Set<number>()
      for (const finding of findings) {
        const offsets = finding.match.tokens.map(offsetOf)
        if (offsets.some((offset) => taken.has(offset))) continue
        const message = report(file, finding)
        if (message) message.claims = offsets
        for (const offset of offsets) taken.add(offset)
      }
    }
  }
)

/**
 * Find the avoided forms of a `prefer` entry.
 *
 * @param entry The entry.
 * @param runs The story's tokens.
 * @returns Findings.
 */
function preferFindings(entry: PreferEntry, runs: Tokens): Finding[] {
  const excepted = exceptedTokens(entry, runs)
  return entry.avoid.flatMap((form) =>
    findForm(form, runs, sameWord)
      .filter((match) => !isExcepted(match, excepted) && !formerly.test(wordsBefore(match)))
      .map((match) => ({match, expected: keepCase(actualText(match), form, entry.prefer), why: '', entry}))
  )
}

/**
 * Find the spellings of an `either` entry other than the story's choice.
 *
 * @param entry The entry.
 * @param runs The story's tokens.
 * @returns Findings.
 */
function eitherFindings(entry: EitherEntry, runs: Tokens): Finding[] {
  const excepted = exceptedTokens(entry, runs)
  const uses = entry.either.map((form) => findForm(form, runs, sameWord).filter((match) => !isExcepted(match, excepted)))
  const used = uses.filter((matches) => matches.length > 0)
  if (used.length < 2) return []
  // Most uses wins; on a tie, the spelling used first.
  const chosen = used.reduce((best, matches) =>
    matches.length > best.length || (matches.length === best.length && firstOffset(matches) < firstOffset(best))
      ? matches
      : best
  )
  const first = chosen[0]
  if (!first) return []
  const majority = used.every((matches) => matches === chosen || matches.length < chosen.length)
  const why = majority
    ? ` as spelled ${chosen.length} times in this story`
    : ` as first spelled on line ${first.tokens[0]?.start.line ?? '?'}`
  return used
    .filter((matches) => matches !== chosen)
    .flat()
    .map((match) => ({match, expected: keepCase(actualText(match), match.form, first.form), why, entry, cause: first}))
}

/**
 * Report one finding.
 *
 * @param file The document.
 * @param finding The finding.
 * @returns The message, if the match has words.
 */
function report(file: VFile, finding: Finding): VFileMessage | undefined {
  const {match, expected, why, entry, cause} = finding
  const actual = actualText(match, file)
  const first = match.tokens[0]
  const last = match.tokens.at(-1)
  if (!first || !last) return undefined
  const note = entry.note?.replace(/\.$/, '')
  const message = file.message(
    `Unexpected \`${actual}\`, expected \`${expected}\`${why} (house style)` + (note ? ': ' + note : ''),
    {
      place: {start: first.start, end: last.end},
      cause: cause
        ? new VFileMessage(`\`${actualText(cause, file)}\` first used here`, {
            place: {start: cause.tokens[0]?.start ?? first.start, end: cause.tokens.at(-1)?.end ?? last.end},
            ruleId: 'house-style',
            source: 'copydesk'
          })
        : undefined
    }
  )
  message.actual = actual
  message.expected = [expected]
  const details = [entry.note, entry.source ? 'Source: ' + entry.source : undefined].filter(Boolean)
  if (details.length > 0) message.note = details.join('\n')
  // A `prefer` entry says what to write; an `either` only that the story should pick one.
  if (entry.kind === 'prefer') markFixable(message)
  setSeverity(message, 'warning')
  return message
}

/** The folded first words of forms: the only tokens `findForm` starts from. */
interface FormStarts {
  /** Of the forms that can be reported (avoided and either forms). */
  flagged: ReadonlySet<string>
  /** Of those and the exceptions. */
  all: ReadonlySet<string>
}

/**
 * Whether a story uses a word that folds to one of some folded words.
 *
 * @param storyWords The texts the story uses.
 * @param folded Folded words.
 * @returns Whether one of the texts folds to one of them.
 */
function usesAny(storyWords: ReadonlySet<string>, folded: ReadonlySet<string>): boolean {
  for (const text of storyWords) if (folded.has(fold(text))) return true
  return false
}

/** The first words of every entry's forms, per entry list (the config's, made once in a run). */
const startsOfEntries = new WeakMap<readonly HouseStyleEntry[], FormStarts>()

/**
 * The first word, folded, of every form the entries look for.
 *
 * @param entries The house style.
 * @returns The words.
 */
function formStarts(entries: readonly HouseStyleEntry[]): FormStarts {
  let starts = startsOfEntries.get(entries)
  if (!starts) {
    const start = (form: string): string => fold(formWords(form)[0]?.text ?? '')
    const flagged = entries.flatMap((entry) => (entry.kind === 'prefer' ? entry.avoid : entry.either)).map(start)
    const excepted = entries.flatMap((entry) => entry.except).map(start)
    starts = {flagged: new Set(flagged), all: new Set([...flagged, ...excepted])}
    startsOfEntries.set(entries, starts)
  }
  return starts
}

/**
 * The tokens of every sentence: the parts of each word (`pro-Kiev` gives
 * `pro` and `Kiev`, `Kiev's` gives `Kiev`), with how each attaches to the
 * one before, so that a phrase matches across a space or a line break but
 * not across punctuation.
 *
 * @param tree The document's tree.
 * @param starts The folded words forms start with: the only ones indexed.
 * @returns One list of tokens per sentence, and an index of where each of those words stands.
 */
function storyTokens(tree: Root, starts: ReadonlySet<string>): Tokens {
  const runs: Token[][] = []
  eachNode<Sentence>(tree, 'SentenceNode', function (sentence) {
    const tokens: Token[] = []
    let join: Join = 'none'
    let wordEndsClean = false
    for (const child of sentence.children) {
      if (child.type === 'WordNode') {
        const parts = wordParts(child)
        parts.forEach(function (part, index) {
          const position = part.word.position
          if (!position) return
          const partJoin: Join = index === 0 ? join : part.afterHyphen ? 'hyphen' : 'none'
          tokens.push({text: part.text, start: position.start, end: position.end, join: partJoin})
        })
        // "Kiev's mayor": a phrase does not run on past a possessive.
        wordEndsClean = parts.at(-1)?.word.position?.end.offset === child.position?.end.offset
        join = 'none'
      } else {
        join = child.type === 'WhiteSpaceNode' && wordEndsClean ? 'space' : 'none'
        wordEndsClean = false
      }
    }
    runs.push(tokens)
  })
  const byText = new Map<string, Array<{run: readonly Token[]; index: number}>>()
  for (const run of runs) {
    run.forEach(function (token, index) {
      const key = fold(token.text)
      // Indexing every word of a story made an entry per token for the
      // handful of words some form starts with.
      if (!starts.has(key)) return
      let places = byText.get(key)
      if (!places) byText.set(key, (places = []))
      places.push({run, index})
    })
  }
  return {runs, byText}
}

/**
 * Split a form into words: `Peking duck` → `Peking`, `duck` (space);
 * `al-Qaida` → `al`, `Qaida` (hyphen).
 *
 * @param form Form as written in the house-style file.
 * @returns Its words.
 */
function formWords(form: string): FormWord[] {
  const words: FormWord[] = []
  for (const spaced of form.split(' ')) {
    spaced.split('-').forEach(function (text, index) {
      if (text) words.push({text, join: index > 0 ? 'hyphen' : 'space'})
    })
  }
  return words
}

/**
 * Find a form in the story.
 *
 * A token can only match a word of the form that folds to the same text,
 * so only the places where the form's first word stands are tried.
 *
 * @param form Form.
 * @param runs The story's tokens.
 * @param same How to compare a token with a word of the form (never looser than folding).
 * @returns Its matches in document order.
 */
function findForm(form: string, runs: Tokens, same: (actual: string, wanted: string) => boolean): Match[] {
  const words = formWords(form)
  const matches: Match[] = []
  for (const {run, index} of runs.byText.get(fold(words[0]?.text ?? '')) ?? []) {
    const found = words.every(function (word, offset) {
      const token = run[index + offset]
      return token !== undefined && (offset === 0 || token.join === word.join) && same(token.text, word.text)
    })
    if (found) matches.push({run, index, tokens: run.slice(index, index + words.length), form})
  }
  return matches
}

/**
 * Tokens inside an entry's exceptions (`Peking duck`), found without regard
 * to case ("chicken kiev" on a menu is still the dish).
 *
 * @param entry The entry.
 * @param runs The story's tokens.
 * @returns The tokens.
 */
function exceptedTokens(entry: HouseStyleEntry, runs: Tokens): Set<Token> {
  const tokens = new Set<Token>()
  for (const exception of entry.except) {
    for (const match of findForm(exception, runs, (actual, wanted) => fold(actual) === fold(wanted))) {
      for (const token of match.tokens) tokens.add(token)
    }
  }
  return tokens
}

/**
 * Whether a match lies inside an exception.
 *
 * @param match Match.
 * @param excepted Tokens inside exceptions.
 * @returns Whether to leave it.
 */
function isExcepted(match: Match, excepted: ReadonlySet<Token>): boolean {
  return match.tokens.every((token) => excepted.has(token))
}

/**
 * Whether a word in the story is a word of a form. The case must be the
 * form's, except that a first capital (a sentence start, a title-case
 * headline) and all capitals (`KIEV`) match too; so a capitalised form does
 * not match a lowercase word ("madras" the cloth is not `Madras` the city).
 *
 * @param actual Word in the story.
 * @param wanted Word of the form.
 * @returns Whether they match.
 */
function sameWord(actual: string, wanted: string): boolean {
  const text = straightApostrophes(actual)
  const form = straightApostrophes(wanted)
  if (text === form || text === upperFirst(form)) return true
  return text.length > 1 && text === form.toUpperCase() && text !== text.toLowerCase()
}

/**
 * Write the replacement in the case of the text it replaces: `KIEV` →
 * `KYIV`; a word the story capitalises where the form has it lowercase gets
 * a capital in the replacement too, word by word when both have as many
 * words (`Town Council` → `City Council`), else on the first; otherwise the
 * replacement is written as the house style writes it.
 *
 * @param actual The text found.
 * @param form The form it matched.
 * @param replacement The form to write.
 * @returns The replacement, case kept.
 */
function keepCase(actual: string, form: string, replacement: string): string {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase()
  }
  const actualWords = actual.split(/\s+/)
  const formParts = form.split(' ')
  const replacementWords = replacement.split(' ')
  const raised = (index: number): boolean =>
    /^\p{Lu}/u.test(actualWords[index] ?? '') && !/^\p{Lu}/u.test(formParts[index] ?? '')
  if (actualWords.length === replacementWords.length) {
    return replacementWords.map((word, index) => (raised(index) ? upperFirst(word) : word)).join(' ')
  }
  return raised(0) ? upperFirst(replacement) : replacement
}

/**
 * The text a match covers: the words with what stands between them.
 *
 * @param match Match.
 * @param file The document, to copy a phrase with its own spacing (a line break stays a line break).
 * @returns The text.
 */
function actualText(match: Match, file?: VFile): string {
  const first = match.tokens[0]
  const last = match.tokens.at(-1)
  if (match.tokens.length === 1 || !file || !first || !last) return match.tokens.map((token) => token.text).join(' ')
  const value = String(file.value)
  const text = value.slice(first.start.offset ?? 0, last.end.offset ?? 0)
  return text || match.tokens.map((token) => token.text).join(' ')
}

/**
 * Up to three words right before a match, in the same run of spaced words.
 *
 * @param match Match.
 * @returns The words, lowercase, space-separated.
 */
function wordsBefore(match: Match): string {
  const words: string[] = []
  let index = match.index
  while (words.length < 3 && index > 0 && match.run[index]?.join === 'space') {
    index--
    words.unshift(fold(match.run[index]?.text ?? ''))
  }
  return words.join(' ')
}

/**
 * Offset of a token in the document.
 *
 * @param token Token.
 * @returns Its start offset (`-1` without one).
 */
function offsetOf(token: Token | undefined): number {
  return token?.start.offset ?? -1
}

/**
 * Offset of the first of some matches.
 *
 * @param matches Matches in document order.
 * @returns Its start offset.
 */
function firstOffset(matches: readonly Match[]): number {
  return offsetOf(matches[0]?.tokens[0])
}

/**
 * Lowercase with straight apostrophes, to compare without case.
 *
 * @param text Text.
 * @returns Folded text.
 */
function fold(text: string): string {
  return straightApostrophes(text).toLowerCase()
}

/**
 * Write curly apostrophes straight (`N’Djamena`).
 *
 * @param text Text.
 * @returns Text with `'`.
 */
function straightApostrophes(text: string): string {
  // Most words have no apostrophe: no regex, no new string.
  if (!text.includes('\u2019')) return text
  return text.replace(/\u2019/g, "'")
}
