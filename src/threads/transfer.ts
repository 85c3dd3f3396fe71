import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {StoryOutcome} from '../pipeline.js'
import {CopydeskError, type ProblemPlace} from '../errors.js'
import type {StoryNames} from '../across/names-index.js'

/**
 * Files and findings as plain data, to cross between the main thread and a
 * lint worker: `postMessage` copies plain objects, but an `Error` subclass
 * such as `VFileMessage` arrives as a bare `Error` without its fields, and
 * the tree nodes in `ancestors` are large and not needed once a rule is done.
 */

/** A story to lint, as a worker gets it. */
export interface PlainInputFile {
  /** The path as given, relative to `cwd` or absolute (config is found from it). */
  path: string
  cwd: string
  value: string
  bom: boolean | undefined
  /** Set for a binary file: the worker only checks whether config ignores it. */
  binary: boolean | undefined
}

/** A finding as plain data: every own field of the message except `ancestors`. */
export interface PlainMessage {
  [field: string]: unknown
  reason: string
  /** Own `stack` (not enumerable on a message): vfile-reporter prints it before `message` when set. */
  stack: string | undefined
  /** What caused it, itself plain: a message (`first used here`) or an error. */
  cause: PlainMessage | PlainError | undefined
}

/** An error as plain data. */
export interface PlainError {
  error: true
  name: string
  message: string
  stack: string | undefined
}

/** A problem (`CopydeskError`) as plain data. */
export interface PlainProblem {
  reason: string
  place: ProblemPlace
  /** Stack of what caused it (a rule or step that threw), for `COPYDESK_DEBUG`. */
  causeStack?: string | undefined
}

/** What linting one file gave, as plain data. */
export interface PlainOutcome {
  reported: boolean
  problems: PlainProblem[]
  messages: PlainMessage[]
  /** The story's part of the names index (`names-across-files`), plain already. */
  names: StoryNames | undefined
}

/**
 * Turn a story into plain data for a worker.
 *
 * @param file A file made by `toInputFile`.
 * @returns Plain data.
 */
export function toPlainInput(file: VFile): PlainInputFile {
  return {path: file.path, cwd: file.cwd, value: String(file.value), bom: file.data.bom, binary: file.data.binary}
}

/**
 * Make the file back from plain data, as `toInputFile` makes it.
 *
 * @param plain Plain data.
 * @returns The file.
 */
export function fromPlainInput(plain: PlainInputFile): VFile {
  const file = new VFile({path: plain.path, cwd: plain.cwd, value: plain.value})
  if (plain.bom !== undefined) file.data.bom = plain.bom
  if (plain.binary !== undefined) file.data.binary = plain.binary
  return file
}

/**
 * Turn a file's outcome and messages into plain data.
 *
 * @param file Linted file.
 * @param outcome Its outcome.
 * @returns Plain data.
 */
export function toPlainOutcome(file: VFile, outcome: StoryOutcome): PlainOutcome {
  return {
    reported: outcome.reported,
    problems: outcome.problems.map(toPlainProblem),
    messages: file.messages.map(toPlainMessage),
    names: file.data.copydeskNames
  }
}

/**
 * Give a file in the main thread the messages a worker found on its copy,
 * and the part of the names index it noted.
 *
 * @param file The main thread's file.
 * @param plain What the worker found.
 * @returns The outcome.
 */
export function applyPlainOutcome(file: VFile, plain: PlainOutcome): StoryOutcome {
  file.messages = plain.messages.map(fromPlainMessage)
  if (plain.names) file.data.copydeskNames = plain.names
  return {reported: plain.reported, problems: plain.problems.map(fromPlainProblem)}
}

/**
 * Turn a problem into plain data.
 *
 * @param problem Problem.
 * @returns Plain data.
 */
export function toPlainProblem(problem: CopydeskError): PlainProblem {
  const causeStack = problem.cause instanceof Error ? problem.cause.stack : undefined
  return {reason: problem.message, place: {...problem.place}, causeStack}
}

/**
 * Make a problem back from plain data: its one line (`toLine`) is all that
 * is shown, and the stack of its cause with `COPYDESK_DEBUG`.
 *
 * @param plain Plain data.
 * @returns The problem.
 */
export function fromPlainProblem(plain: PlainProblem): CopydeskError {
  if (plain.causeStack === undefined) return new CopydeskError(plain.reason, plain.place)
  const cause = new Error(plain.reason)
  cause.stack = plain.causeStack
  return new CopydeskError(plain.reason, plain.place, cause)
}

/**
 * Turn a message into plain data, leaving out `ancestors` (tree nodes that
 * only a rule reads while it runs; reporters show them only when verbose,
 * which copydesk never is).
 *
 * @param message Message.
 * @returns Plain data.
 */
function toPlainMessage(message: VFileMessage): PlainMessage {
  const {ancestors: _ancestors, cause, ...fields} = message
  return {
    ...fields,
    reason: message.reason,
    stack: message.stack,
    cause: toPlainCause(cause)
  }
}

/**
 * Turn the cause of a message into plain data.
 *
 * @param cause A message, an error or anything else.
 * @returns Plain data, or `undefined` when there is none.
 */
function toPlainCause(cause: unknown): PlainMessage | PlainError | undefined {
  if (cause instanceof VFileMessage) return toPlainMessage(cause)
  if (cause instanceof Error) return {error: true, name: cause.name, message: cause.message, stack: cause.stack}
  if (cause === undefined || cause === null) return undefined
  return {error: true, name: 'Error', message: String(cause), stack: undefined}
}

/**
 * Make a message back from plain data (its own fields, `fixable` among them, as they were).
 *
 * @param plain Plain data.
 * @returns The message.
 */
function fromPlainMessage(plain: PlainMessage): VFileMessage {
  const {cause, stack, ...fields} = plain
  const message = new VFileMessage(plain.reason)
  Object.assign(message, fields)
  message.stack = stack ?? ''
  if (cause) message.cause = isPlainError(cause) ? fromPlainError(cause) : fromPlainMessage(cause)
  return message
}

/**
 * Whether a plain cause is an error rather than a message.
 *
 * @param cause Plain cause.
 * @returns Whether it is an error.
 */
function isPlainError(cause: PlainMessage | PlainError): cause is PlainError {
  return cause.error === true
}

/**
 * Make an error back from plain data.
 *
 * @param plain Plain data.
 * @returns The error.
 */
function fromPlainError(plain: PlainError): Error {
  const error = new Error(plain.message)
  error.name = plain.name
  error.stack = plain.stack
  return error
}
