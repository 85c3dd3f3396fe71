import {causeChain, CopydeskError, findCopydeskError} from './errors.js'
import {StageFailure} from './stage.js'

/**
 * Turn a failure while linting a story into one clear problem: our own
 * errors as they are, a stage that threw as `story.md: parsing failed:
 * reason`, anything else as `story.md: linting failed: reason`.
 *
 * @param failure What was thrown.
 * @param storyPath The story being linted when it happened.
 * @returns The problem to report.
 */
export function problemFromFailure(failure: unknown, storyPath: string): CopydeskError {
  const ours = findCopydeskError(failure)
  if (ours) return ours
  const chain = causeChain(failure)
  const stage = chain.find((error): error is StageFailure => error instanceof StageFailure)
  if (stage) return problemFromStageFailure(stage.stage, stage.cause, storyPath)
  return problemFromStageFailure('linting', chain.at(-1) ?? failure, storyPath)
}

/**
 * Turn a stage of the run that threw into one clear problem naming the
 * stage, and the file when it was one file's: `story.md: parsing failed:
 * reason`, `names-across-files failed: reason`.
 *
 * @param stage The stage (`parsing`, `step \`mark-sic\``, `rule \`spelling\``).
 * @param error What it threw (kept as the cause, for `COPYDESK_DEBUG`).
 * @param storyPath The file it was working on, if any.
 * @returns The problem to report.
 */
export function problemFromStageFailure(stage: string, error: unknown, storyPath?: string): CopydeskError {
  const reason = firstLine(error instanceof Error ? error.message : String(error)) || (error instanceof Error ? error.name : 'no message')
  return new CopydeskError(stage + ' failed: ' + reason, {file: storyPath}, error)
}

/**
 * The first line of a message.
 *
 * @param message Possibly multi-line text.
 * @returns Its first line.
 */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim()
}
