import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/**
 * Mark a message as provisional: a stand-in a rule adds to a story only to
 * learn whether the story's comment markers turn it off, for findings it
 * can only make once the whole run is linted (`names-across-files`). It is
 * taken off the story once the markers are applied (see
 * `settleProvisional`), and told if it was kept.
 *
 * @param message A message the rule added to the story.
 * @param kept Called if no comment marker turns it off.
 */
export function markProvisional(message: VFileMessage, kept: () => void): void {
  message.provisional = kept
}

/**
 * Take the provisional messages off a story whose markers are applied,
 * telling each one that is still there that it was kept.
 *
 * @param file The story.
 */
export function settleProvisional(file: VFile): void {
  file.messages = file.messages.filter(function (message) {
    message.provisional?.()
    return message.provisional === undefined
  })
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Set on a stand-in (see `markProvisional`): called if the comment markers keep it. */
    provisional?: (() => void) | undefined
  }
}
