import fs from 'node:fs'
import path from 'node:path'
import {createTwoFilesPatch} from 'diff'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {replaceFile, writeFailure} from '../files/atomic-write.js'
import {rootForFile} from '../files/repository-root.js'
import {decodeInput} from '../files/decode.js'
import {decodeForRewrite, encodeText, type RoundTripText, unencodableCharacter} from '../files/encode.js'
import {type Format, formatOf} from '../files/formats.js'
import {CopydeskError} from '../errors.js'
import {isCaseOnlyVariant, isMixedCase} from '../words/letter-case.js'
import {isPlural, isTransliteration} from '../words/name-variants.js'

/**
 * Mark a finding as safe to fix: it has exactly one `expected`, and the rule
 * knows it is the right one (a name's slip with its spelling settled: see
 * `isCertainNameFix`; a house-style `prefer`). A rule
 * marks it, never the CLI; a guess among several suggestions is never
 * marked. The mark is a field of the finding, so it travels with it
 * (between threads too).
 *
 * @param message The finding.
 */
export function markFixable(message: VFileMessage): void {
  if (message.expected?.length === 1) message.fixable = true
}

/** What a finding on a name knows about whether its fix is certain. */
export interface NameFixEvidence {
  /** The spelling found. */
  variant: string
  /** The spelling to write. */
  expected: string
  /** Whether evidence chose `expected`: a word list, the run, the names lists or dictionary, a clear majority; not a tie. */
  decided: boolean
  /** Whether the dictionary or a word list knows the variant. */
  variantKnown: boolean
  /** Uses of the variant: in the story, or in the whole run once it is known. */
  variantUses: number
  /** Whether the two spellings are written next to different names (`Mattt Thompson`, `Matt Smith`): two people. */
  otherCompany?: boolean | undefined
}

/**
 * Whether `--fix` may rewrite a name: the answer is certain and the
 * variant is a slip of it. A slip is made once: a spelling used twice or
 * more (in the story or the run) is written on purpose, a conference
 * (`Wikimania`), a person (`Mattt`), a tool (`Docco`), and is never
 * rewritten into a known word, unless it is the same name in another
 * transliteration (`Jiangshu` for `Jiangsu`), which a writer repeats. Nor is a known word, an acronym or
 * mixed-case term (`PaaS`), a spelling that differs only in case, a
 * plural (`Yorkers` for `Yorker`), or one that differs only in its last
 * letter (`Latine` for `Latinx`: endings make other words as often as
 * slips), and never a name written beside another name than the spelling
 * to use is (two people).
 *
 * @param evidence What the finding knows.
 * @returns Whether the fix is certain.
 */
export function isCertainNameFix(evidence: NameFixEvidence): boolean {
  const {variant, expected} = evidence
  return (
    evidence.decided &&
    !evidence.variantKnown &&
    // "Jiangshu" three times for "Jiangsu" is still one slip, of transliteration, made each time.
    (evidence.variantUses === 1 || isTransliteration(variant, expected)) &&
    evidence.otherCompany !== true &&
    !isMixedCase(variant) &&
    !isMixedCase(expected) &&
    !isCaseOnlyVariant(variant, expected) &&
    !isPlural(variant, expected) &&
    !differsOnlyAtEnd(variant.toLowerCase(), expected.toLowerCase())
  )
}

/**
 * Whether two words differ only in their last letter: changed, added or
 * dropped (`Latine`, `Latinx`; `Nevad`, `Nevada`).
 *
 * @param a Lowercase word.
 * @param b Lowercase word.
 * @returns Whether all but the end is shared.
 */
function differsOnlyAtEnd(a: string, b: string): boolean {
  let prefix = 0
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++
  return Math.abs(a.length - b.length) <= 1 && prefix >= Math.max(a.length, b.length) - 1
}

/**
 * Take the mark off a finding whose place turned out to hold more than the
 * word (markup inside it), which replacing would destroy.
 *
 * @param message The finding.
 */
export function unmarkFixable(message: VFileMessage): void {
  message.fixable = false
}

/**
 * Whether `--fix` may apply a finding.
 *
 * @param message The finding.
 * @returns Whether it is marked and still has one `expected`.
 */
export function isFixable(message: VFileMessage): boolean {
  return message.fixable === true && message.expected?.length === 1
}

/** A fix `--fix` would not apply, and why. */
export interface RefusedFix {
  message: VFileMessage
  /** Why, as a clause: `the file has \`Kiev\` there, not \`Ki&#101;v\``. */
  reason: string
}

/** What fixing one file gave. */
export interface FileFix {
  file: VFile
  /** The text as read, BOM included. */
  before: string
  /** The text with the fixes applied. */
  after: string
  /** The findings fixed. */
  fixed: VFileMessage[]
  /** The fixable findings not fixed: still reported, each with why. */
  refused: RefusedFix[]
}

/**
 * Apply a file's safe fixes to its text, each at its finding's place, from
 * the end backwards so that earlier offsets stay right. A fix is applied
 * only where the text at the finding's offsets is exactly its `actual` as
 * written (`Ki&#101;v`): a place that holds anything else is refused,
 * never looked for elsewhere, and so is a fix overlapping one already
 * made. Line endings, BOM and every byte outside the fixed ranges are kept.
 *
 * @param file Linted file.
 * @param source The file's text as read again for the fix, without its BOM; its text as linted by default.
 * @returns The fix, or `undefined` when nothing in it is fixable.
 */
export function fixFile(file: VFile, source: string = String(file.value)): FileFix | undefined {
  const fixable = file.messages.filter(isFixable)
  if (fixable.length === 0) return undefined
  const format = formatOf(file.path)
  const refused: RefusedFix[] = []
  const fixes: Array<{message: VFileMessage; start: number; end: number; value: string}> = []
  for (const message of fixable) {
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
    if (start === undefined || end === undefined) {
      refused.push({message, reason: 'it has no place in the file'})
      continue
    }
    const there = source.slice(start, end)
    if (there !== message.actual) {
      refused.push({message, reason: `the file has \`${there}\` there, not \`${message.actual ?? ''}\``})
      continue
    }
    fixes.push({message, start, end, value: writtenAs(message.expected?.[0] ?? '', format)})
  }
  fixes.sort((a, b) => b.start - a.start)
  let after = source
  let limit = Number.POSITIVE_INFINITY
  const fixed: VFileMessage[] = []
  for (const fix of fixes) {
    if (fix.end > limit) {
      refused.push({message: fix.message, reason: 'it overlaps another fix'})
      continue
    }
    after = after.slice(0, fix.start) + fix.value + after.slice(fix.end)
    limit = fix.start
    fixed.push(fix.message)
  }
  const bom = file.data.bom ? '\uFEFF' : ''
  return {file, before: bom + source, after: bom + after, fixed, refused}
}

/**
 * How a fix writes a word in a story of a format: the word itself
 * (`Ki&#101;v` becomes `Kyiv`), with only what the format would read as
 * markup written so that it reads as the word: in HTML `&` and `<` as
 * references, in Markdown the characters of inline markup, and an `&` that
 * would start a reference, escaped. A word a newsroom prefers rarely has
 * any of them (`AT&T`).
 *
 * @param word The word to write.
 * @param format The story's format.
 * @returns Its source.
 */
export function writtenAs(word: string, format: Format): string {
  if (format === 'html') return word.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
  if (format === 'markdown') return word.replaceAll(/[\\`*_[\]<~]|&(?=#|[A-Za-z\d]+;)/g, '\\$&')
  return word
}

/**
 * Read a file again before fixing it, in its own encoding: the fixes are
 * checked against the file as it is now, not as it was linted.
 *
 * @param file The linted file.
 * @returns Its text without the BOM, the same as when it was linted.
 * @throws {CopydeskError} Naming the file when it cannot be read, or changed since it was read.
 */
export function readAgainToFix(file: VFile): string {
  const current = readForRewrite(file)
  const bom = file.data.bom ? '\uFEFF' : ''
  if (current.value !== bom + String(file.value)) throw new CopydeskError('changed since it was read: not fixed', {file: file.path})
  return current.value.slice(bom.length)
}

/**
 * Read a file's bytes and decode them as they will be written back.
 *
 * @param file The file.
 * @returns Its text (BOM included) and encoding.
 * @throws {CopydeskError} Naming the file when it cannot be read, or not be written back byte for byte.
 */
function readForRewrite(file: VFile): RoundTripText {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(path.resolve(file.cwd, file.path))
  } catch (error) {
    throw new CopydeskError('cannot be read again to fix it', {file: file.path}, error)
  }
  const current = decodeForRewrite(bytes)
  if (!current) throw new CopydeskError('changed since it was read: not fixed', {file: file.path})
  return current
}

/**
 * Write a fixed file unless it changed on disk since it was read, keeping
 * what it is: its encoding (UTF-8, UTF-16, Windows-1252, as it was read), a symlink stays a link (and the file inside the repository it
 * leads to is fixed), and its owner, permissions and hard links stay; a
 * file the user cannot or should not write is refused (see `replaceFile`).
 *
 * @param fix The fix.
 * @returns Nothing.
 * @throws {CopydeskError} Naming the file when it changed or cannot be written; the original is untouched.
 */
export async function writeFix(fix: FileFix): Promise<void> {
  const filePath = path.resolve(fix.file.cwd, fix.file.path)
  const shown = fix.file.path
  // Read as it was linted, in its own encoding, and written back in it: a
  // Windows-1252 or UTF-16 story stays one, and only the fixed words' bytes change.
  const current = readForRewrite(fix.file)
  if (current.value !== fix.before) throw new CopydeskError('changed since it was read: not fixed', {file: shown})
  const after = encodeText(fix.after, current.encoding)
  const again = after && decodeInput(after)
  if (!after || again?.kind !== 'text' || again.value !== fix.after) {
    const character = unencodableCharacter(fix.after, current.encoding)
    const missing = character === undefined ? '' : ` (no \`${character}\`)`
    throw new CopydeskError(`cannot be written in ${current.encoding}, its encoding${missing}: not fixed`, {file: shown})
  }
  try {
    await replaceFile(filePath, after, rootForFile(filePath, fix.file.cwd))
  } catch (error) {
    throw new CopydeskError('cannot be written: ' + writeFailure(error) + '; the file is unchanged', {file: shown}, error)
  }
}

/**
 * A fix as a unified diff, for `--fix-dry-run`.
 *
 * @param fix The fix.
 * @returns The diff.
 */
export function fixDiff(fix: FileFix): string {
  const name = fix.file.path
  return createTwoFilesPatch('a/' + name, 'b/' + name, fix.before, fix.after, undefined, undefined, {context: 3})
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Whether `--fix` may apply the one `expected` (see `markFixable`). */
    fixable?: boolean | undefined
  }
}
