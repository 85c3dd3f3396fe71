import fs from 'node:fs'
import path from 'node:path'
import {ConfigFinder} from './config-files.js'
import {replaceFile, writeFailure, WriteRefusal, writeTarget} from '../files/atomic-write.js'
import {decodeInput, type Encoding} from '../files/decode.js'
import {decodeForRewrite, encodeText, unencodableCharacter} from '../files/encode.js'
import {FileRefused, maxTextBytes, readRegularFile} from '../files/regular-file.js'
import {relativeInside, rootForFile, trustedFolder} from '../files/repository-root.js'
import {CopydeskError} from '../errors.js'
import {withoutAccents} from '../words/accents.js'
import {acceptedWords, parseWordList, wordListText} from './word-list.js'

/** Where a repository keeps its own word list, relative to the folder of its config. */
export const repoWordsPath = path.join('.copydesk', 'words.txt')

/** Where `copydesk init` writes the words it left out, for a person to check (see `writeReviewList`). */
export const reviewWordsPath = path.join('.copydesk', 'review-words.txt')

/**
 * Read the repository word list (`.copydesk/words.txt`) next to a config,
 * in any encoding copydesk reads stories in.
 * The list is optional: a missing one gives no words.
 *
 * @param root Folder of the config file that applies, or the working directory without one.
 * @param cwd Working directory, for naming the file in errors.
 * @param within Folder it must lead inside, links resolved (see `trustedFolder`); `undefined` for anywhere.
 * @returns The words in it.
 * @throws {CopydeskError} Naming the file when it exists but cannot be read, is not a regular file, or leads outside `within`.
 */
export function readRepoWords(root: string, cwd: string, within?: string): string[] {
  const filePath = path.join(root, repoWordsPath)
  let bytes: Buffer
  try {
    bytes = readRegularFile(filePath, shownPath(filePath, cwd), {within, maxBytes: maxTextBytes})
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error
    if (error.kind === 'missing') return []
    throw error
  }
  try {
    return acceptedWords(parseWordList(wordListText(bytes)))
  } catch (error) {
    throw new CopydeskError(notText, {file: shownPath(filePath, cwd)}, error)
  }
}

/** Why a word list that is not text is refused. */
const notText = 'is not a word list: not text in UTF-8, UTF-16, UTF-32 or Windows-1252'

/**
 * Find the folder whose word list applies to files in a folder: that of the
 * nearest config file, found as the linter finds it, or the folder itself
 * when there is none.
 *
 * @param folder Absolute path of the folder (the working directory for `words add`).
 * @returns The folder that holds (or will hold) `.copydesk/words.txt`.
 * @throws {CopydeskError} When a config file on the way cannot be parsed.
 */
export async function findWordsRoot(folder: string): Promise<string> {
  // Found as a story in `folder` would find it; any name in `folder` will do.
  const found = new ConfigFinder(folder).find(path.join(folder, 'story.txt'))
  return found.filePath ? path.dirname(found.filePath) : folder
}

/** What adding words to a list did. */
export interface AddResult {
  /** Words that were not in the list, in sorted order. */
  added: string[]
  /** Words that the list already had. */
  present: string[]
}

/**
 * Add words to a word list file, creating it (and its folder) when absent.
 * The words below the header comments are sorted with `compareWords` and
 * de-duplicated; comments inside the list travel with the word below them.
 * The list is changed as `editList` changes it: every other line, the
 * encoding, byte order mark, line endings, permissions, owner and links
 * are kept, and two runs at once both get their words in.
 *
 * @param filePath Absolute path of the list.
 * @param words Words to add, one entry each (an entry with spaces is a phrase).
 * @param header Comment lines (without `#`) for a new file.
 * @param cwd Working directory, for naming the file in errors.
 * @returns What was added and what was there already.
 * @throws {CopydeskError} When the file cannot be read or written, or cannot hold a word in its encoding.
 */
export async function addWords(
  filePath: string,
  words: readonly string[],
  header: readonly string[],
  cwd: string
): Promise<AddResult> {
  const shown = shownPath(filePath, cwd)
  return editList(filePath, cwd, newList(header), function (list, encoding) {
    const added: string[] = []
    const present: string[] = []
    for (const word of new Set(words.map((entry) => entry.normalize('NFC')))) {
      if (list.entries.some((entry) => entry.word === word)) {
        present.push(word)
        continue
      }
      const character = unencodableCharacter(word, encoding)
      if (character !== undefined) {
        // "Łódź" in a Windows-1252 list: the list would need another encoding, which is the desk's choice.
        throw new CopydeskError(`\`${word}\` cannot be written in ${encoding}, the list's encoding (no \`${character}\`): nothing added`, {file: shown})
      }
      list.entries.push({word, lines: [word]})
      added.push(word)
    }
    added.sort(compareWords)
    return {changed: added.length > 0, result: {added, present}}
  })
}

/** The comment lines a new `.copydesk/words.txt` starts with. */
const repoWordsHeader = [
  'Names copydesk accepts in this repository, one per line (`#` starts a comment).',
  'Add more with `copydesk words add NAME...`; the list is kept sorted.'
]

/** What `addRepoWords` did, and to which list. */
export interface RepoAddResult extends AddResult {
  /** Absolute path of the list written. */
  filePath: string
}

/**
 * Add words to the repository word list that applies to a folder (see
 * `findWordsRoot`): what `copydesk words add` does, and the editor's "Add
 * to the word list" quick fix, so both write the same list the same way.
 *
 * @param words Words as given, each checked with `checkNewWord`.
 * @param folder Absolute path of the folder (the working directory, or the story's folder).
 * @param cwd Working directory, for naming the file in errors.
 * @returns What was added and what was there, and the list's path.
 * @throws {CopydeskError} When a word cannot be in a list, a config on the way cannot be parsed, or the list cannot be read or written.
 */
export async function addRepoWords(words: readonly string[], folder: string, cwd: string): Promise<RepoAddResult> {
  const checked = words.map(checkNewWord)
  const filePath = path.join(await findWordsRoot(folder), repoWordsPath)
  return {...(await addWords(filePath, checked, repoWordsHeader, cwd)), filePath}
}

/** What removing words from a list did. */
export interface RemoveResult {
  /** Words that were in the list and are gone, in sorted order. */
  removed: string[]
  /** Words the list did not have. */
  absent: string[]
}

/**
 * Remove words from a word list file. Each word goes with the comment
 * lines just above it; the list is changed as `editList` changes it, and
 * is not written when none of the words is in it.
 *
 * @param filePath Absolute path of the list.
 * @param words Words to remove, each matched exactly (case kept).
 * @param cwd Working directory, for naming the file in errors.
 * @returns What was removed and what was not there.
 * @throws {CopydeskError} When the list is missing or cannot be read or written.
 */
export async function removeWords(filePath: string, words: readonly string[], cwd: string): Promise<RemoveResult> {
  return editList(filePath, cwd, undefined, function (list) {
    const removed: string[] = []
    const absent: string[] = []
    for (const word of new Set(words.map((entry) => entry.normalize('NFC')))) {
      const kept = list.entries.filter((entry) => entry.word !== word)
      if (kept.length === list.entries.length) {
        absent.push(word)
      } else {
        list.entries = kept
        removed.push(word)
      }
    }
    removed.sort(compareWords)
    return {changed: removed.length > 0, result: {removed, absent}}
  })
}

/**
 * The entries of a word list file, in file order (a phrase is one entry).
 *
 * @param filePath Absolute path of the list.
 * @param cwd Working directory, for naming the file in errors.
 * @returns The entries.
 * @throws {CopydeskError} When the list is missing or cannot be read.
 */
export async function listWords(filePath: string, cwd: string): Promise<string[]> {
  const shown = shownPath(filePath, cwd)
  // Read as linting reads it: a link out of the repository, a FIFO or a device is refused, never waited on.
  const bytes = readListBytes(filePath, shown, trustedFolder(filePath, cwd))
  if (bytes === undefined) throw new CopydeskError(noListYet, {file: shown})
  try {
    return parseWordList(wordListText(bytes))
  } catch (error) {
    throw new CopydeskError(notText, {file: shown}, error)
  }
}

/** Why `words remove` and `words list` stop where there is no list. */
const noListYet = 'no word list here yet: add words with `copydesk words add`'

/**
 * How long a run waits for another to finish changing a list: a change
 * takes milliseconds, so a dozen runs at once (a script adding names one
 * by one in parallel) are served in well under these ten seconds or so.
 */
const lockRetries = {retries: 60, factor: 1.2, minTimeout: 5, maxTimeout: 250, randomize: true}

/**
 * Change a word list file, keeping everything about it but the change:
 *
 * - one run at a time: a lock file (`words.txt.lock`, a folder, which
 *   `proper-lockfile` makes and takes as a lock atomically, also on network
 *   file systems) is held while the list is read, changed and written, so
 *   that two runs at once cannot both read the old list and the second
 *   write away the first one's words;
 * - the encoding (UTF-8, UTF-16 or UTF-32 with its byte order mark, Windows-1252), the
 *   byte order mark and each line's ending: a list that would not read back
 *   as the same bytes is refused, never written (see `decodeForRewrite`);
 * - a symlink, owner, permissions and hard links, as `replaceFile` keeps them.
 *
 * @param filePath Absolute path of the list.
 * @param cwd Working directory, for naming the file in errors.
 * @param fresh The list to start from when there is none; `undefined` when a missing list is an error.
 * @param edit Changes the list; says whether it changed, and what to return.
 * @returns What `edit` returned.
 * @throws {CopydeskError} Naming the file when it cannot be read, changed or written.
 */
async function editList<Result>(
  filePath: string,
  cwd: string,
  fresh: ListFile | undefined,
  edit: (list: ListFile, encoding: Encoding) => {changed: boolean; result: Result}
): Promise<Result> {
  const shown = shownPath(filePath, cwd)
  const root = rootForFile(filePath, cwd)
  let target: string
  try {
    target = await writeTarget(filePath, root)
    // The lock lives beside the list: its folder must be there first.
    if (fresh) await fs.promises.mkdir(path.dirname(target), {recursive: true})
  } catch (error) {
    throw new CopydeskError(fileFailure(error, 'written'), {file: shown}, error)
  }
  let compromised: Error | undefined
  let release: () => Promise<void>
  try {
    // Loaded here, not with the linter: only the word list commands take a lock,
    // and the library sets up its exit handlers as it loads.
    const {lock} = await import('proper-lockfile')
    release = await lock(target, {
      realpath: false,
      retries: lockRetries,
      onCompromised(error) {
        compromised = error
      }
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOCKED') throw new CopydeskError('is being changed by another copydesk run: try again', {file: shown}, error)
    if (code === 'ENOENT' && !fresh) throw new CopydeskError(noListYet, {file: shown}, error)
    throw new CopydeskError(fileFailure(error, 'written'), {file: shown}, error)
  }
  try {
    const bytes = readListBytes(target, shown)
    if (bytes === undefined && !fresh) throw new CopydeskError(noListYet, {file: shown})
    const read = bytes === undefined ? {value: '', encoding: 'UTF-8' as const} : decodeForRewrite(bytes)
    if (!read) {
      throw new CopydeskError('cannot be changed without changing its other bytes: not UTF-8, UTF-16, UTF-32 or Windows-1252 text', {file: shown})
    }
    const list = bytes === undefined && fresh ? fresh : parseListFile(read.value)
    const {changed, result} = edit(list, read.encoding)
    if (!changed && bytes !== undefined) return result
    const text = formatListFile(list)
    const encoded = encodeText(text, read.encoding)
    const again = encoded && decodeInput(encoded)
    // Written only if it reads back as the very text: never a list that copydesk itself would misread.
    if (!encoded || again?.kind !== 'text' || again.value !== text) {
      throw new CopydeskError(`cannot be written back in ${read.encoding} as it would read: not changed`, {file: shown})
    }
    if (compromised) throw new CopydeskError('lost its lock to another copydesk run: not changed, try again', {file: shown}, compromised)
    try {
      await replaceFile(target, encoded, root)
    } catch (error) {
      throw new CopydeskError(fileFailure(error, 'written'), {file: shown}, error)
    }
    return result
  } finally {
    await release().catch(() => undefined)
  }
}

/**
 * Read a word list file's bytes, as linting reads it: a regular file of at
 * most 16 MB (`writeTarget` has checked where it leads), so that `words add`
 * never rewrites a list that linting then refuses as too large.
 *
 * @param filePath The file.
 * @param shown The path as shown to the user.
 * @param within Folder it must lead inside, links resolved, when that is not checked already.
 * @returns Its bytes, or `undefined` when it does not exist.
 * @throws {CopydeskError} When it cannot be read.
 */
function readListBytes(filePath: string, shown: string, within?: string): Buffer | undefined {
  try {
    return readRegularFile(filePath, shown, {within, maxBytes: maxTextBytes})
  } catch (error) {
    if (error instanceof FileRefused && error.message === 'no such file or folder') return undefined
    throw error
  }
}

/**
 * Check a word given to `words add`: it must fit on one line of the list.
 *
 * @param word The word as given.
 * @returns The word, trimmed.
 * @throws {CopydeskError} When it is empty or would not read back as itself.
 */
export function checkNewWord(word: string): string {
  const trimmed = word.trim()
  if (!trimmed) throw new CopydeskError('words add: expected a word, not an empty argument')
  // "Smith #2" would be read back as "Smith": `#` starts a comment.
  if (/[#\r\n]/.test(trimmed)) {
    throw new CopydeskError(`words add: \`${trimmed.replace(/[\r\n]+/g, ' ')}\` cannot be in a word list: \`#\` starts a comment and each word takes one line`)
  }
  return trimmed
}

/**
 * The order of a word list: by letters first, ignoring case and accents
 * (`Łódź` next to `Lodz`, `de Gaulle` among the Ds), then lowercase after
 * capitalised (`Ali`, `ali`), then by code point. Code points, not a
 * locale's collation, so every machine sorts a list the same way.
 *
 * @param a A word.
 * @param b Another word.
 * @returns Negative when `a` comes first.
 */
export function compareWords(a: string, b: string): number {
  const folded = (word: string): string => withoutAccents(word).replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase()
  return byCodePoint(folded(a), folded(b)) || byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b)
}

/** A word list file taken apart for editing. */
interface ListFile {
  bom: boolean
  /** The line ending most lines have: that of a new line, or of a last line that had none. */
  eol: string
  /** Comment and blank lines before the first word, kept on top as they are. */
  header: string[]
  /** The words, each with its lines (the comment lines just above it, then its own), their endings kept. */
  entries: Array<{word: string; lines: string[]}>
  /** Comment lines after the last word. */
  footer: string[]
}

/**
 * Take a word list file apart. Each line keeps its own ending, so a list
 * with mixed line endings is written back with them.
 *
 * @param text Contents of the file.
 * @returns Its parts.
 */
function parseListFile(text: string): ListFile {
  const bom = text.startsWith('\uFEFF')
  const body = bom ? text.slice(1) : text
  const lines = body.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? []
  const list: ListFile = {bom, eol: commonestEnding(lines), header: [], entries: [], footer: []}
  const seen = new Set<string>()
  let pending: string[] = []
  for (const line of lines) {
    const content = line.replace(/[\r\n]+$/, '')
    // The whole line is the entry: "Hong Kong" is one phrase, however it is read back.
    const word = content.replace(/#.*$/, '').trim()
    if (!word) {
      if (list.entries.length === 0) list.header.push(line)
      // Blank lines inside the sorted list would separate nothing once sorted.
      else if (content.trim()) pending.push(line)
      continue
    }
    // A bare second copy of a word says nothing the first does not; one with a comment keeps it.
    if (!seen.has(word) || pending.length > 0 || content.trim() !== word) list.entries.push({word, lines: [...pending, line]})
    seen.add(word)
    pending = []
  }
  list.footer = pending
  return list
}

/**
 * The line ending most lines of a list have (the first met among equals);
 * a line feed for a list with none.
 *
 * @param lines The lines, with their endings.
 * @returns The ending.
 */
function commonestEnding(lines: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const ending = /\r\n$|\r$|\n$/.exec(line)?.[0]
    if (ending) counts.set(ending, (counts.get(ending) ?? 0) + 1)
  }
  let commonest = '\n'
  let most = 0
  for (const [ending, count] of counts) {
    if (count > most) [commonest, most] = [ending, count]
  }
  return commonest
}

/**
 * A new word list with a header.
 *
 * @param header Comment lines, without `#`.
 * @returns The list.
 */
function newList(header: readonly string[]): ListFile {
  return {bom: false, eol: '\n', header: [...header.map((line) => '# ' + line), ''], entries: [], footer: []}
}

/**
 * Put a word list file back together, its words sorted; a line without an
 * ending (the last of the file, or a new one) gets the list's usual one.
 *
 * @param list The list.
 * @returns Contents of the file.
 */
function formatListFile(list: ListFile): string {
  const entries = [...list.entries].sort((a, b) => compareWords(a.word, b.word))
  const lines = [...list.header, ...entries.flatMap((entry) => entry.lines), ...list.footer]
  return (list.bom ? '\uFEFF' : '') + lines.map((line) => (/[\r\n]$/.test(line) ? line : line + list.eol)).join('')
}

/**
 * Compare two strings by UTF-16 code units.
 *
 * @param a A string.
 * @param b Another string.
 * @returns Negative, zero or positive.
 */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A path as the user would type it: relative to the working directory when inside it.
 *
 * @param filePath Absolute path.
 * @param cwd Working directory.
 * @returns The path to show.
 */
export function shownPath(filePath: string, cwd: string): string {
  return relativeInside(cwd, filePath) || filePath
}

/**
 * Say in words why a file could not be read or written.
 *
 * @param error Error from the file system.
 * @param verb `read` or `written`.
 * @returns The reason.
 */
function fileFailure(error: unknown, verb: 'read' | 'written'): string {
  if (error instanceof WriteRefusal) return `cannot be ${verb}: ${error.message}`
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot be ${verb}: permission denied`
    case 'EISDIR':
      return 'is a folder, not a file'
    default:
      return `cannot be ${verb}: ` + writeFailure(error)
  }
}
