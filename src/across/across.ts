import type {VFile} from 'vfile'
import type {AcrossRule} from '../define-rule.js'
import type {CopydeskError} from '../errors.js'
import {problemFromStageFailure} from '../failures.js'
import {settleAcrossFindings} from '../settle/settle.js'
import {buildNamesIndex, type NameEntry, type StoryNames} from './names-index.js'
import {settleNamesByRun} from './settle-names.js'

/** What the step across stories gave. */
export interface AcrossResult {
  /** The run's names (`buildNamesIndex` of the stories). */
  names: NameEntry[]
  /** Stories of a names index the run did not lint (`--names-in`), with the findings on them. */
  elsewhere: VFile[]
}

/**
 * The step of the run across stories, once every story is linted: index
 * the run's names (each story's part, noted by `names-across-files` as it
 * was linted), and let each rule across stories report (`reportRun`), its
 * findings settled against what the stories' own rules reported. When it throws,
 * the run reports `names-across-files failed: reason` (exit 2) and every
 * finding of the stories themselves, with none of this step's half done.
 *
 * @param files The linted stories; the step adds its findings to them.
 * @param stories The stories' parts of the names index: the run's, and those of `--names-in`.
 * @param problems Where a failure is recorded.
 * @param acrossRules The rules across stories, each of which reports on the whole run.
 * @returns The run's names and the stories it did not lint.
 */
export function acrossFiles(
  files: readonly VFile[],
  stories: readonly StoryNames[],
  problems: CopydeskError[],
  acrossRules: ReadonlyArray<AcrossRule<unknown>>
): AcrossResult {
  // Kept as they were, to put back should the step fail half done.
  const before = files.map((file) => [...file.messages])
  try {
    const names = buildNamesIndex(stories)
    settleNamesByRun(files, names)
    const elsewhere: VFile[] = []
    for (const rule of acrossRules) {
      const found = rule.reportRun(files, names)
      for (const [file, messages] of found.found) settleAcrossFindings(file, messages)
      for (const file of found.elsewhere) elsewhere.push(file)
    }
    return {names, elsewhere}
  } catch (error) {
    for (const [index, file] of files.entries()) file.messages = before[index] ?? file.messages
    problems.push(problemFromStageFailure('names-across-files', error))
    return {names: [], elsewhere: []}
  }
}
