import type {VFile} from 'vfile'
import {readmeUrl} from '../rule-url.js'

/**
 * Where the README explains binary files and encodings: these notes come
 * from reading a file, not from a rule, so they have no rule section.
 */
const notesUrl = readmeUrl.replace(/#.*$/, '') + '#binary-files-and-encodings'

/**
 * Put what reading a story found on it, as findings on the file (without a
 * place: they are about the whole file), so that every output format shows
 * them, `--quiet` hides them, and the exit code counts them as it counts
 * any finding: a binary file skipped is `info`, a story read as another
 * encoding than UTF-8 a `warning`.
 *
 * Added after linting, in the main thread: a worker never sees them, and
 * a file that config `ignore` leaves out is not reported at all.
 *
 * @param file A story as `readInputFile` or `readInputStream` made it, linted or (binary) not.
 */
export function noteInput(file: VFile): void {
  if (file.data.binary) {
    const message = file.info('Unexpected binary file, expected text: not linted', {
      ruleId: 'binary-file',
      source: 'copydesk'
    })
    message.url = notesUrl
    message.expected = []
  }
  const {encoding} = file.data
  if (encoding) {
    const message = file.message(
      `Unexpected encoding \`${encoding}\`, expected \`UTF-8\`: read as ${encoding}`,
      {ruleId: 'encoding', source: 'copydesk'}
    )
    message.url = notesUrl
    message.expected = []
  }
}
