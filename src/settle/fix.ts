import fs from 'node:fs'
import path from 'node:path'
import {createTwoFilesPatch} from 'diff'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {replaceFile, repositoryRoot, writeFailure} from '../files/atomic-write.js'
import {decodeInput} from '../files/decode.js'
import {decodeForRewrite, encodeText, unencodableCharacter} from '../files/encode.js'
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

/** What fixing one file gave. */
export interface FileFix {
  file: VFile
  /** The text as read, BOM included. */
  before: string
  /** The text with the fixes applied. */
  after: string
  /** The findings fixed. */
  fixed: VFileMessage[]
}

/**
 * Apply a file's safe fixes to its text, from the end backwards so that
 * earlier offsets stay right; overlapping fixes after the first are left.
 * Line endings, BOM and every byte outside the fixed ranges are kept.
 *
 * @param file Linted file.
 * @returns The fix, or `undefined` when nothing in it is fixable.
 */
export function fixFile(file: VFile): FileFix | undefined {
  const text = String(file.value)
  const fixes = file.messages
    .filter(isFixable)
    .flatMap((message) => {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
      // Only a finding whose place still covers exactly its `actual`: nothing else is touched.
      if (start === undefined || end === undefined || text.slice(start, end) !== message.actual) return []
      return [{message, start, end, value: message.expected?.[0] ?? ''}]
    })
    .sort((a, b) => b.start - a.start)
  if (fixes.length === 0) return undefined
  let after = text
  let limit = Number.POSITIVE_INFINITY
  const fixed: VFileMessage[] = []
  for (const fix of fixes) {
    if (fix.end > limit) continue
    after = after.slice(0, fix.start) + fix.value + after.slice(fix.end)
    limit = fix.start
    fixed.push(fix.message)
  }
  const bom = file.data.bom ? '\uFEFF' : ''
  return {file, before: bom + text, after: bom + after, fixed}
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
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(filePath)
  } catch (error) {
    throw new CopydeskError('cannot be read again to fix it', {file: shown}, error)
  }
  // Read as it was linted, in its own encoding, and written back in it: a
  // Windows-1252 or UTF-16 story stays one, and only the fixed words' bytes change.
  const current = decodeForRewrite(bytes)
  if (!current || current.value !== fix.before) throw new CopydeskError('changed since it was read: not fixed', {file: shown})
  const after = encodeText(fix.after, current.encoding)
  const again = after && decodeInput(after)
  if (!after || again?.kind !== 'text' || again.value !== fix.after) {
    const character = unencodableCharacter(fix.after, current.encoding)
    const missing = character === undefined ? '' : ` (no \`${character}\`)`
    throw new CopydeskError(`cannot be written in ${current.encoding}, its encoding${missing}: not fixed`, {file: shown})
  }
  try {
    await replaceFile(filePath, after, repositoryRoot(filePath, fix.file.cwd))
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
