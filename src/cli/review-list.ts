import {replaceFile, writeFailure} from '../files/atomic-write.js'
import {CopydeskError} from '../errors.js'
import {compareWords} from '../config/repo-words.js'
import {markupCharacters} from './init-evidence.js'

/** A word left for a person to check, and why. */
export interface ReviewWord {
  /** The word as the stories write it. */
  word: string
  /** Where it was first found: `path:line:column`. */
  place: string
  /** Why `copydesk init` did not accept it. */
  reason: string
  /** Whether it is likely right all the same (jargon, a word of another language): listed as an entry, not commented out. */
  likelyRight?: boolean | undefined
}

/** What the review list's header names. */
export interface ReviewHeader {
  /** Day of the run, `YYYY-MM-DD`. */
  date: string
  /** The paths init was given, joined. */
  from: string
  /** The word list, as shown to the user. */
  wordsFile: string
  /** The review list itself, as shown to the user. */
  reviewFile: string
  /** The repository root, which a symlinked review list must lead inside (see `rootForFile`). */
  root: string
}

/**
 * Write the review list: the words `copydesk init` left out of the word
 * list, one per line with the reason and first place as a comment, in two
 * parts. Words likely right all the same (jargon used on purpose, words of
 * another language) are entries: a person deletes those that are wrong.
 * Words likely wrong (slips, variants of a commoner spelling, case variants,
 * words with markup) are commented out: a person takes the `# ` off those
 * that are right after all. Then `copydesk words add --from` accepts the
 * entries; fed as it is, the file never accepts a likely slip. The file is
 * written anew on each init, atomically.
 *
 * @param filePath Absolute path of the list.
 * @param words The words left out.
 * @param header What the header names.
 * @throws {CopydeskError} When it cannot be written.
 */
export async function writeReviewList(filePath: string, words: readonly ReviewWord[], header: ReviewHeader): Promise<void> {
  const sorted = [...words].sort((a, b) => compareWords(a.word, b.word))
  const line = ({word, place, reason}: ReviewWord, entry: boolean): string => {
    const comment = `# ${reason}; ${place}`.replace(/[\r\n]+/g, ' ')
    // "LLNL\_OpenSource", "C#": never an entry, only a note.
    const shown = markupCharacters(word).length > 0 ? JSON.stringify(word) : word
    return `${entry && shown === word ? '' : '# '}${shown}  ${comment}`
  }
  const lines = [
    `# Words \`copydesk init\` did not put in ${header.wordsFile}, for a person to check (${header.date}, from: ${header.from}).`,
    '# Each line: a word, then why it was left out and where it was first found. Keep the words that are',
    '# right, delete or comment out the rest (and fix those in the stories), then accept the words with:',
    `#   copydesk words add --from ${header.reviewFile}`,
    '',
    '# Likely right: used on purpose, or words of another language. Delete the lines of words that are wrong.',
    ...sorted.filter((word) => word.likelyRight).map((word) => line(word, true)),
    '',
    '# Likely wrong: slips, variants of a commoner spelling, markup. Take the `# ` off the words that are right.',
    ...sorted.filter((word) => !word.likelyRight).map((word) => line(word, false))
  ]
  try {
    await replaceFile(filePath, lines.map((text) => text + '\n').join(''), header.root)
  } catch (error) {
    throw new CopydeskError('cannot be written: ' + writeFailure(error), {file: header.reviewFile}, error)
  }
}
