import fs from 'node:fs'
import path from 'node:path'
import {ConfigFinder} from './config-files.js'
import {writeAtomically} from '../files/atomic-write.js'
import {FileRefused, maxTextBytes, readRegularText} from '../files/regular-file.js'
import {CopydeskError} from '../errors.js'
import {withoutAccents} from '../words/accents.js'
import {acceptedWords, parseWordList} from './word-list.js'

/** Where a repository keeps its own word list, relative to the folder of its config. */
export const repoWordsPath = path.join('.copydesk', 'words.txt')

/** Where `copydesk init` writes the words it left out, for a person to check (see `writeReviewList`). */
export const reviewWordsPath = path.join('.copydesk', 'review-words.txt')

/**
 * Read the repository word list (`.copydesk/words.txt`) next to a config.
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
  let text: string
  try {
    text = readRegularText(filePath, shownPath(filePath, cwd), {within, maxBytes: maxTextBytes})
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error
    if (error.kind === 'missing') return []
    throw error
  }
  return acceptedWords(parseWordList(text.replace(/^\uFEFF/, '')))
}

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
 * The file keeps its line endings, byte order mark and permissions, and is
 * replaced atomically, so a reader never sees half a list.
 *
 * @param filePath Absolute path of the list.
 * @param words Words to add, one entry each (an entry with spaces is a phrase).
 * @param header Comment lines (without `#`) for a new file.
 * @param cwd Working directory, for naming the file in errors.
 * @returns What was added and what was there already.
 * @throws {CopydeskError} When the file cannot be read or written.
 */
export async function addWords(
  filePath: string,
  words: readonly string[],
  header: readonly string[],
  cwd: string
): Promise<AddResult> {
  const shown = shownPath(filePath, cwd)
  let target = filePath
  let existing: string | undefined
  let mode: number | undefined
  try {
    // A symlinked list (shared between desks) is updated where it lives, and stays a link.
    target = await fs.promises.realpath(filePath)
    existing = await fs.promises.readFile(target, 'utf8')
    mode = (await fs.promises.stat(target)).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CopydeskError(fileFailure(error, 'read'), {file: shown}, error)
    }
  }

  const list = existing === undefined ? newList(header) : parseListFile(existing)
  const added: string[] = []
  const present: string[] = []
  for (const word of new Set(words.map((entry) => entry.normalize('NFC')))) {
    if (list.entries.some((entry) => entry.word === word)) {
      present.push(word)
    } else {
      list.entries.push({word, lines: [word]})
      added.push(word)
    }
  }
  added.sort(compareWords)
  if (added.length === 0 && existing !== undefined) return {added, present}

  try {
    await writeAtomically(target, formatListFile(list), mode)
  } catch (error) {
    throw new CopydeskError(fileFailure(error, 'written'), {file: shown}, error)
  }
  return {added, present}
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
 * lines just above it; the other lines, the line endings, byte order mark
 * and permissions stay as they are, and the file is replaced atomically.
 * The file is not written when none of the words is in it.
 *
 * @param filePath Absolute path of the list.
 * @param words Words to remove, each matched exactly (case kept).
 * @param cwd Working directory, for naming the file in errors.
 * @returns What was removed and what was not there.
 * @throws {CopydeskError} When the list is missing or cannot be read or written.
 */
export async function removeWords(filePath: string, words: readonly string[], cwd: string): Promise<RemoveResult> {
  const shown = shownPath(filePath, cwd)
  const {target, text, mode} = await readListFile(filePath, shown)
  const list = parseListFile(text)
  const removed: string[] = []
  const absent: string[] = []
  for (const word of new Set(words.map((entry) => entry.normalize('NFC')))) {
    const index = list.entries.findIndex((entry) => entry.word === word)
    if (index === -1) {
      absent.push(word)
    } else {
      list.entries.splice(index, 1)
      removed.push(word)
    }
  }
  removed.sort(compareWords)
  if (removed.length === 0) return {removed, absent}
  try {
    await writeAtomically(target, formatListFile(list), mode)
  } catch (error) {
    throw new CopydeskError(fileFailure(error, 'written'), {file: shown}, error)
  }
  return {removed, absent}
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
  const {text} = await readListFile(filePath, shownPath(filePath, cwd))
  return parseWordList(text.replace(/^\uFEFF/, ''))
}

/**
 * Read a word list file to change it: where it lives (through a symlink),
 * its text and its permissions.
 *
 * @param filePath Absolute path of the list.
 * @param shown The path as shown to the user.
 * @returns The file.
 * @throws {CopydeskError} When it is missing or cannot be read.
 */
async function readListFile(filePath: string, shown: string): Promise<{target: string; text: string; mode: number}> {
  try {
    const target = await fs.promises.realpath(filePath)
    const text = await fs.promises.readFile(target, 'utf8')
    return {target, text, mode: (await fs.promises.stat(target)).mode & 0o7777}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CopydeskError('no word list here yet: add words with `copydesk words add`', {file: shown}, error)
    }
    throw new CopydeskError(fileFailure(error, 'read'), {file: shown}, error)
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
  eol: string
  /** Comment and blank lines before the first word, kept on top as they are. */
  header: string[]
  /** The words, each with its line and the comment lines just above it. */
  entries: Array<{word: string; lines: string[]}>
  /** Comment lines after the last word. */
  footer: string[]
}

/**
 * Take a word list file apart.
 *
 * @param text Contents of the file.
 * @returns Its parts.
 */
function parseListFile(text: string): ListFile {
  const bom = text.startsWith('\uFEFF')
  const body = bom ? text.slice(1) : text
  const eol = /\r\n/.test(body) ? '\r\n' : /\r(?!\n)/.test(body) && !body.includes('\n') ? '\r' : '\n'
  const lines = body.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  const list: ListFile = {bom, eol, header: [], entries: [], footer: []}
  let pending: string[] = []
  for (const line of lines) {
    // The whole line is the entry: "Hong Kong" is one phrase, however it is read back.
    const word = line.replace(/#.*$/, '').trim()
    if (!word) {
      if (list.entries.length === 0) list.header.push(line)
      // Blank lines inside the sorted list would separate nothing once sorted.
      else if (line.trim()) pending.push(line)
      continue
    }
    if (!list.entries.some((entry) => entry.word === word)) list.entries.push({word, lines: [...pending, line]})
    pending = []
  }
  list.footer = pending
  return list
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
 * Put a word list file back together, its words sorted.
 *
 * @param list The list.
 * @returns Contents of the file.
 */
function formatListFile(list: ListFile): string {
  const entries = [...list.entries].sort((a, b) => compareWords(a.word, b.word))
  const lines = [...list.header, ...entries.flatMap((entry) => entry.lines), ...list.footer]
  return (list.bom ? '\uFEFF' : '') + lines.map((line) => line + list.eol).join('')
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
  const relative = path.relative(cwd, filePath)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath
}

/**
 * Say in words why a file could not be read or written.
 *
 * @param error Error from the file system.
 * @param verb `read` or `written`.
 * @returns The reason.
 */
function fileFailure(error: unknown, verb: 'read' | 'written'): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot be ${verb}: permission denied`
    case 'EISDIR':
      return 'is a folder, not a file'
    default:
      return `cannot be ${verb}: ` + (error instanceof Error ? error.message : String(error))
  }
}
