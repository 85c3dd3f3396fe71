import type {MessagePort} from 'node:worker_threads'
import {lintStories, type StoriesOptions} from '../pipeline.js'
import {CopydeskError} from '../errors.js'
import {fromPlainInput, type PlainInputFile, type PlainOutcome, type PlainProblem, toPlainOutcome, toPlainProblem} from './transfer.js'

/** A batch of stories for one worker task. */
export interface LintTask {
  files: PlainInputFile[]
  options: Omit<StoriesOptions, 'onFileDone'>
  /** Where to say that a file is done (`1`) and that the batch is over (`'end'`), for the progress line. */
  progress?: MessagePort | undefined
}

/** What a task gives back: an outcome per file, or the problem that stopped the whole batch. */
export type LintTaskResult = {outcomes: PlainOutcome[]} | {thrown: PlainProblem}

/**
 * Lint a batch of stories in a worker thread, with the same `lintStories` the
 * main thread uses, and give back plain data.
 *
 * @param task Files, options and the progress port.
 * @returns Outcomes in the order of the files, or the problem that stopped the batch.
 */
export default async function lintTask(task: LintTask): Promise<LintTaskResult> {
  const files = task.files.map(fromPlainInput)
  const {progress} = task
  try {
    const outcomes = await lintStories(files, {
      ...task.options,
      onFileDone: progress ? () => progress.postMessage(1) : undefined
    })
    return {outcomes: files.map((file, index) => toPlainOutcome(file, outcomes[index] ?? {reported: false, problems: []}))}
  } catch (error) {
    // A broken default config stops every batch alike: the main thread throws it as the one-thread run would.
    if (error instanceof CopydeskError) return {thrown: toPlainProblem(error)}
    throw error
  } finally {
    // Tell the main thread the counts are over, then let go of the port.
    progress?.postMessage('end')
    progress?.close()
  }
}
