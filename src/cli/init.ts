import fs from 'node:fs'
import path from 'node:path'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {replaceFile, writeFailure} from '../files/atomic-write.js'
import {FileRefused, maxTextBytes, readRegularText} from '../files/regular-file.js'
import {rootForFile, trustedFolder} from '../files/repository-root.js'
import {dictionaryLookup} from '../words/dictionary.js'
import {isCaseOnlyVariant} from '../words/letter-case.js'
import {CopydeskError} from '../errors.js'
import {lintFiles} from '../lint.js'
import {areVariants, groupVariants, type NameUse} from '../words/name-variants.js'
import {addWords, readRepoWords, repoWordsPath, reviewWordsPath, shownPath} from '../config/repo-words.js'
import {ArchiveEvidence, markupCharacters, undoMarkdownEscapes} from './init-evidence.js'
import {writeReviewList} from './review-list.js'
import {defaultVocabularies} from '../words/vocabularies.js'
import type {VFileMessage} from 'vfile-message'
import {severityOf} from '../severity.js'

/** What `copydesk init` is asked to do. */
export interface InitOptions {
  /** Paths, globs or folders to take names from; empty means the working directory. */
  inputs: readonly string[]
  /** Working directory: the config and word list are written here. */
  cwd: string
  /** Replace an existing `.copydeskrc.json`. */
  force?: boolean | undefined
  /** When the list is made, for its header. */
  now?: Date | undefined
}

/** A word init did not put in the word list, and why. */
export interface LeftOutWord {
  /** The word as written. */
  word: string
  /** Where it was first found: `path:line:column`. */
  place: string
  /** Why it is left for a person to check. */
  reason: string
  /** Whether it is likely right all the same (jargon, a word of another language), not likely a slip or variant. */
  likelyRight?: boolean | undefined
}

/** What `copydesk init` did. */
export interface InitResult {
  /** Problems that stopped it (nothing is written when there are any). */
  problems: CopydeskError[]
  /** Notes from finding the files, for standard error. */
  notices: string[]
  /** The config file written, as shown to the user; `undefined` when none was. */
  configWritten: string | undefined
  /** The word list, as shown to the user. */
  wordsFile: string
  /** Names added to the word list. */
  added: string[]
  /** Words left out, for a person to check: the review list. */
  leftOut: LeftOutWord[]
  /** The review list, as shown to the user; `undefined` when none was written. */
  reviewFile: string | undefined
  /** Errors in the stories before init, and once its names are accepted (linted again to check). */
  errors: {before: number; after: number}
}

/**
 * The config `init` writes: the keys a newsroom fills in first, empty, and
 * the trade vocabularies as the defaults have them, so that the desk sees
 * the setting it may change.
 */
const starterConfig = {rules: {}, distinct: [], ignore: [], vocabularies: defaultVocabularies}

/** Config files that mean a folder is set up already: copydesk's own, and the JavaScript ones it refuses to run (see `ConfigFinder`). */
const configNames = ['.copydeskrc', '.copydeskrc.json', '.copydeskrc.cjs', '.copydeskrc.mjs', '.copydeskrc.js', '.copydeskrc.yaml', '.copydeskrc.yml']

/**
 * Set a repository up for copydesk without a wall of notes: write a starter
 * `.copydeskrc.json` and a `.copydesk/words.txt` with the names that the
 * stories use and the dictionary lacks.
 *
 * A name goes in the list only when `spelling` reports it at `info` or
 * `warning` and nothing suggests it is a slip: words reported at `error`,
 * spellings `name-consistency` reports, capitalised warnings that are a
 * variant of a suggestion (`Berlni` for `Berlin`), British words with a
 * capital (`Councillor`), spellings that are a
 * variant of a name used in more stories or already listed, and lowercase
 * words are left out, for a person to check. Accepting a variant would make
 * both spellings known and hide the inconsistency for good.
 *
 * The stories are linted as they will be once init is done: with the
 * defaults and the word list already in the working directory.
 *
 * @param options What to lint and where to write.
 * @returns What was written and what was left out.
 * @throws {CopydeskError} When a config is already there and may not be replaced.
 */
export async function initRepository(options: InitOptions): Promise<InitResult> {
  const {cwd} = options
  const configPath = path.join(cwd, '.copydeskrc.json')
  const wordsPath = path.join(cwd, repoWordsPath)
  const existing = existingConfig(cwd)
  if (existing && !options.force) {
    throw new CopydeskError('a config is already here; run `copydesk init --force` to replace it', {file: shownPath(existing, cwd)})
  }
  if (existing && existing !== configPath) {
    // Two configs in one folder: only one would apply, and not visibly which.
    throw new CopydeskError('init writes only `.copydeskrc.json`: remove this config first', {file: shownPath(existing, cwd)})
  }

  const result = await lintFiles({inputs: options.inputs, cwd, noConfig: true})
  const outcome: InitResult = {
    problems: result.problems,
    notices: result.notices,
    configWritten: undefined,
    wordsFile: shownPath(wordsPath, cwd),
    added: [],
    leftOut: [],
    reviewFile: undefined,
    errors: {before: 0, after: 0}
  }
  if (result.problems.length > 0) return outcome

  const listed = readRepoWords(cwd, cwd)
  const {names, leftOut} = sortFindings(result.files)
  for (const variant of crossStoryVariants(names, listed)) {
    leftOut.set(variant.word, variant)
    names.delete(variant.word)
  }
  const evidence = new ArchiveEvidence(result.names, result.files)
  const places = consistentNames(names, leftOut, evidence)
  const accepted = new Set(places.keys())
  const errors = await checkAccepted(options.inputs, cwd, result.files, accepted, places, evidence, leftOut)

  const date = (options.now ?? new Date()).toISOString().slice(0, 10)
  const from = options.inputs.length > 0 ? options.inputs.join(', ') : '.'
  const header = [
    'Names copydesk accepts in this repository, one per line (`#` starts a comment).',
    `Generated by \`copydesk init\` on ${date} from the unknown names in: ${from}`,
    'Add more with `copydesk words add NAME...`; the list is kept sorted.'
  ]
  const {added} = await addWords(wordsPath, [...accepted], header, cwd)
  const reviewPath = path.join(cwd, reviewWordsPath)
  const review = [...leftOut.values()]
  await writeReviewList(reviewPath, review, {
    date,
    from,
    wordsFile: shownPath(wordsPath, cwd),
    reviewFile: shownPath(reviewPath, cwd),
    root: rootForFile(reviewPath, cwd)
  })
  try {
    await replaceFile(configPath, JSON.stringify(starterConfig, undefined, 2) + '\n', rootForFile(configPath, cwd))
  } catch (error) {
    throw new CopydeskError('cannot be written: ' + writeFailure(error), {file: shownPath(configPath, cwd)}, error)
  }
  return {
    ...outcome,
    configWritten: shownPath(configPath, cwd),
    added,
    leftOut: review,
    reviewFile: shownPath(reviewPath, cwd),
    errors
  }
}

/**
 * Keep the names the archive spells consistently (see `ArchiveEvidence`),
 * with Markdown escapes undone; the rest go to the words left out.
 *
 * @param names Candidate names, each with where it was first found.
 * @param leftOut Words left out, added to.
 * @param evidence What the run says about each spelling.
 * @returns The names to accept, each with where it was first found.
 */
function consistentNames(
  names: ReadonlyMap<string, {place: string}>,
  leftOut: Map<string, LeftOutWord>,
  evidence: ArchiveEvidence
): Map<string, string> {
  const accepted = new Map<string, string>()
  for (const [word, {place}] of names) {
    const plain = undoMarkdownEscapes(word)
    const markup = markupCharacters(plain)
    // "LLNL\_OpenSource": an identifier in source, not a word of the copy.
    const doubt =
      markup.length > 0
        ? {reason: `holds markup or code (${markup.map((mark) => '`' + mark + '`').join(' ')}), not a word`, likelyRight: false}
        : evidence.doubt(word)
    if (doubt) leftOut.set(word, {word, place, ...doubt})
    else accepted.set(plain, place)
  }
  return accepted
}

/** How many times linting names again may find a name that made an error, before init stops looking. */
const checkRounds = 4

/**
 * Lint the stories again as they will be linted once the names are
 * accepted, and leave out each name that made a wrong new error: one where
 * the name became the spelling to use against a spelling the archive uses
 * as often or more (`APIs` against a listed `APDs`), or where the listed
 * name itself is reported. A new error on a rarer variant of a listed name
 * (`Ezeakune` once against `Ezeakunne` twice) is a slip caught, kept as
 * long as the errors do not rise in all; else that name waits too, until
 * the slip is fixed. Whatever the evidence said, init never raises the
 * error count.
 *
 * @param inputs Paths init was given.
 * @param cwd Working directory.
 * @param before The stories as linted without the names.
 * @param accepted Names to accept; those that make errors are taken out.
 * @param names Where each name was first found.
 * @param evidence How often the archive uses each spelling.
 * @param leftOut Words left out, added to.
 * @returns Errors before init and after it.
 */
async function checkAccepted(
  inputs: readonly string[],
  cwd: string,
  before: readonly VFile[],
  accepted: Set<string>,
  names: ReadonlyMap<string, string>,
  evidence: ArchiveEvidence,
  leftOut: Map<string, LeftOutWord>
): Promise<{before: number; after: number}> {
  const known = errorKeys(before)
  const linesOf = acceptedLines(before, accepted)
  for (let round = 1; accepted.size > 0; round++) {
    const check = await lintFiles({inputs, cwd, inline: {words: [...accepted]}})
    const wrong = new Map<string, LeftOutWord>()
    const caught = new Map<string, LeftOutWord>()
    for (const file of check.files) {
      for (const message of file.messages) {
        if (severityOf(message) !== 'error' || known.has(errorKey(file, message))) continue
        const place = `${file.path}:${message.line ?? 1}:${message.column ?? 1}`
        const actual = message.actual ?? ''
        const [expected = ''] = message.expected ?? []
        if (accepted.has(actual)) {
          if (!wrong.has(actual)) wrong.set(actual, {word: actual, place, reason: `listed, it is reported itself here (${message.ruleId ?? 'a rule'})`})
        } else if (accepted.has(expected) && evidence.uses(actual) >= evidence.uses(expected)) {
          const reason = `listed, it would make \`${actual}\` (${evidence.uses(actual)} uses) an error as a variant of it (${message.ruleId ?? 'a rule'})`
          if (!wrong.has(expected)) wrong.set(expected, {word: expected, place: names.get(expected) ?? place, reason})
        } else if (accepted.has(expected)) {
          const reason = `listed, it would make its rarer variant \`${actual}\` an error here: fix that, then accept this`
          if (!caught.has(expected)) caught.set(expected, {word: expected, place, reason, likelyRight: true})
        } else {
          // "img" beside listed names: with them known, the words around no
          // longer read as a passage of another language. Blamed on the
          // listed names of its line, else of its story.
          const nearby = linesOf.get(`${file.path}:${message.line ?? 0}`) ?? linesOf.get(file.path) ?? []
          for (const word of nearby) {
            const reason = `listed, \`${actual}\` near it becomes an error (${message.ruleId ?? 'a rule'}): check that first`
            if (accepted.has(word) && !caught.has(word)) caught.set(word, {word, place, reason, likelyRight: true})
          }
        }
      }
    }
    const after = errorKeys(check.files).size
    // A wrong error always costs its name; a slip caught or an error nearby only when the errors rise.
    const blamed = wrong.size > 0 ? wrong : after > known.size ? caught : new Map<string, LeftOutWord>()
    if (check.problems.length === 0 && blamed.size === 0 && after <= known.size) return {before: known.size, after}
    if (blamed.size === 0 || round === checkRounds) {
      // New errors that no accepted name explains, or still new ones after the last round: accept none.
      for (const word of accepted) {
        leftOut.set(word, {word, place: names.get(word) ?? '', reason: 'not accepted: listing the names made new errors'})
      }
      accepted.clear()
      break
    }
    for (const [word, left] of blamed) {
      accepted.delete(word)
      leftOut.set(word, left)
    }
  }
  return {before: known.size, after: known.size}
}

/**
 * Where the stories use the names to accept, as the first lint found them:
 * by `path:line`, and by path.
 *
 * @param files The stories as linted without the names.
 * @param accepted The names.
 * @returns The names found on each line and in each story.
 */
function acceptedLines(files: readonly VFile[], accepted: ReadonlySet<string>): Map<string, string[]> {
  const lines = new Map<string, string[]>()
  const add = (key: string, word: string): void => {
    const words = lines.get(key)
    if (!words) lines.set(key, [word])
    else if (!words.includes(word)) words.push(word)
  }
  for (const file of files) {
    for (const message of file.messages) {
      const word = undoMarkdownEscapes(message.actual ?? '')
      if (!accepted.has(word)) continue
      add(`${file.path}:${message.line ?? 0}`, word)
      add(file.path, word)
    }
  }
  return lines
}

/**
 * The errors of a run, each as a key: where, which rule, what text.
 *
 * @param files Linted files.
 * @returns The keys.
 */
function errorKeys(files: readonly VFile[]): Set<string> {
  const keys = new Set<string>()
  for (const file of files) for (const message of file.messages) if (severityOf(message) === 'error') keys.add(errorKey(file, message))
  return keys
}

/**
 * An error's key (see `errorKeys`).
 *
 * @param file Its file.
 * @param message The finding.
 * @returns The key.
 */
function errorKey(file: VFile, message: VFileMessage): string {
  return `${file.path}:${message.line ?? 0}:${message.column ?? 0} ${message.ruleId ?? ''} ${message.actual ?? ''}`
}

/**
 * Sort what the stories gave into names for the list and words to leave out.
 *
 * @param files Linted files.
 * @returns Names with the places and number of stories they were found in, and words left out.
 */
function sortFindings(files: readonly VFile[]): {
  names: Map<string, {place: string; stories: number}>
  leftOut: Map<string, LeftOutWord>
} {
  const names = new Map<string, {place: string; stories: number}>()
  const leftOut = new Map<string, LeftOutWord>()
  const leave = (word: string, place: string, reason: string, likelyRight = false): void => {
    if (!leftOut.has(word)) leftOut.set(word, {word, place, reason, likelyRight})
  }

  for (const file of files) {
    const inThisStory = new Set<string>()
    // Rules report in turn; a person reads a story top to bottom.
    const inOrder = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of inOrder) {
      const word = message.actual
      if (!word) continue
      const place = `${file.path}:${message.line ?? 1}:${message.column ?? 1}`
      const severity = severityOf(message)
      const first = message.expected?.[0]
      if (message.ruleId === 'name-consistency' || message.ruleId === 'names-across-files') {
        const kind = first && isCaseOnlyVariant(word, first) ? 'a case variant' : 'a variant'
        leave(word, place, `${kind} of \`${first ?? '?'}\` (${message.ruleId})`)
      } else if (message.ruleId !== 'spelling') {
        continue
      } else if (severity === 'error') {
        leave(word, place, 'a likely slip (error)' + (first ? `: \`${first}\`?` : ''))
      } else if (!/^\p{Lu}/u.test(word) || !/\p{Ll}/u.test(word)) {
        // Lowercase words at `info` are runs of another language, not worth a line, or the name of what a
        // link points to (`[pylint](http://www.pylint.org/)`), reported as an unknown name.
        if (severity === 'warning') leave(word, place, 'not a name (warning): accept it if it is right', true)
        else if (message.reason.startsWith('Unexpected unknown name')) leave(word, place, 'the name of what its link points to (info): accept it if it is right', true)
      } else {
        const close = severity === 'warning' ? message.expected?.find((suggestion) => areVariants(word, suggestion)) : undefined
        // "Councillor Adeyemi": a British word with a capital, not a name to accept everywhere.
        if (dictionaryLookup('en-GB').correct(word.toLowerCase())) leave(word, place, 'a British spelling, not a name')
        else if (close) leave(word, place, `close to \`${close}\` (warning)`)
        else if (!inThisStory.has(word)) {
          inThisStory.add(word)
          const known = names.get(word)
          names.set(word, {place: known?.place ?? place, stories: (known?.stories ?? 0) + 1})
        }
      }
    }
  }
  for (const word of leftOut.keys()) names.delete(word)
  return {names, leftOut}
}

/**
 * Find names that are variants of a name used in more stories, or of a name
 * already in the word list: `Oyelarn` in one story and `Oyelaran` in three.
 * Each story alone has one spelling, so `name-consistency` cannot see it.
 *
 * @param names Candidate names with the number of stories using each.
 * @param listed Words already in the list.
 * @returns The variants to leave out.
 */
function crossStoryVariants(names: ReadonlyMap<string, {place: string; stories: number}>, listed: readonly string[]): LeftOutWord[] {
  const uses: NameUse[] = []
  let offset = 0
  const use = (text: string, known: boolean): void => {
    const point = {line: 1, column: 1, offset: offset++}
    uses.push({text, known, position: {start: point, end: point} satisfies Position})
  }
  for (const word of listed) if (/^\p{Lu}/u.test(word)) use(word, true)
  for (const [word, {stories}] of names) for (let index = 0; index < stories; index++) use(word, false)

  const variants: LeftOutWord[] = []
  for (const group of groupVariants(uses, {listed: new Set(listed), distinct: []})) {
    for (const variant of group.variants) {
      const found = names.get(variant.text)
      if (!found) continue
      const where = group.canonical.listed ? 'in the word list' : 'in more stories'
      variants.push({word: variant.text, place: found.place, reason: `a variant of \`${group.canonical.text}\`, ${where}`})
    }
  }
  return variants
}

/**
 * The config file that applies in a folder, if there is one there.
 *
 * @param folder The folder.
 * @returns Its absolute path.
 * @throws {FileRefused} When its `package.json` is there but is not a regular file inside the repository of at most 16 MB.
 */
function existingConfig(folder: string): string | undefined {
  for (const name of configNames) {
    const candidate = path.join(folder, name)
    if (fs.existsSync(candidate)) return candidate
  }
  const packagePath = path.join(folder, 'package.json')
  let text: string
  try {
    // As linting reads it: `package.json -> /dev/zero` or a FIFO is refused, not read forever.
    text = readRegularText(packagePath, shownPath(packagePath, folder), {within: trustedFolder(packagePath, folder), maxBytes: maxTextBytes})
  } catch (error) {
    if (error instanceof FileRefused && error.kind === 'missing') return undefined
    throw error
  }
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
    if (data && typeof data === 'object' && 'copydesk' in data) return packagePath
  } catch {
    // A package.json that does not parse: not a copydesk config either way.
  }
  return undefined
}

