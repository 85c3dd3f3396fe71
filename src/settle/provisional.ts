import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/**
 * Provisional findings: stand-ins a rule adds to a story only to learn
 * whether the story's comment markers turn them off, for findings it can
 * only make once the whole run is linted (`names-across-files`). They are
 * taken off the story once the markers are applied, and each one the
 * markers left is told so.
 */
const provisional = new WeakMap<VFileMessage, () => void>()

/**
 * Mark a message as provisional.
 *
 * @param message A message the rule added to the story.
 * @param kept Called if no comment marker turns it off.
 */
export function markProvisional(message: VFileMessage, kept: () => void): void {
  provisional.set(message, kept)
}

/**
 * Take the provisional messages off a story whose markers are applied,
 * telling each one that is still there that it was kept.
 *
 * @param file The story.
 */
export function settleProvisional(file: VFile): void {
  file.messages = file.messages.filter(function (message) {
    const kept = provisional.get(message)
    kept?.()
    return kept === undefined
  })
}
