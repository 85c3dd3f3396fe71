import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {reportAcrossFiles} from '../rules/names-across-files.js'
import {discoverFiles} from './files/discover.js'
import {type Shard, filesInShard} from './files/shard.js'
import {problemFromStageFailure} from './engine-failure.js'
import type {Dialect} from './words/dictionary.js'
import {CopydeskError} from './errors.js'
import {noteInput} from './files/input-notes.js'
import {type NameEntry, type StoryNames, buildNamesIndex, latestStories} from './across/names-index.js'
import {lintSpread} from './threads/parallel.js'
import {readInputFile, readInputStream} from './files/read-input.js'
import {pushAll} from './push-all.js'

/** What to lint and how. */
export interface LintOptions {
  /** Paths, globs or folders; empty means the working directory. */
  inputs: readonly string[]
  /** Working directory. */
  cwd: string
  /** Lint standard input instead, under this name. */
  stdin?: {stream: NodeJS.ReadableStream; filePath: string} | undefined
  /** Use this config file for every file. */
  configPath?: string | undefined
  /** Ignore config files. */
  noConfig?: boolean | undefined
  /** Spell in this dialect, whatever config says. */
  dialect?: Dialect | undefined
  /** Threads to lint on: `1` for the main thread only; unset decides from the run's size and the cores. */
  jobs?: number | undefined
  /** Told how many files are done out of how many, from `0` when linting starts. */
  onProgress?: ((done: number, total: number) => void) | undefined
  /** Load an ES module the way the host program can (see `CliIo.importModule`). */
  importModule?: ((specifier: string) => Promise<unknown>) | undefined
  /** Names indexes of other runs (`--names-in`): their stories count as part of this run for `names-across-files`. */
  namesIn?: readonly StoryNames[] | undefined
  /** Lint no files, only check the stories of `namesIn` against each other. */
  namesOnly?: boolean | undefined
  /** Lint only the found files of this part (`--shard`); standard input is linted whatever it is. */
  shard?: Shard | undefined
}

/** What a lint run gave. */
export interface LintResult {
  /** Linted files with their messages, in input order. */
  files: VFile[]
  /** Problems that stop the run from being clean whatever was found: exit code 2. */
  problems: CopydeskError[]
  /** Notes for standard error: inputs that matched nothing, named files that are ignored. */
  notices: string[]
  /** The stories' parts of the names index: this run's, after those of `namesIn` that it did not lint again. */
  stories: StoryNames[]
  /** The run's names (`buildNamesIndex` of `stories`). */
  names: NameEntry[]
}

/**
 * Lint stories: find them, read them, and run them through the pipeline
 * with the config that applies to each.
 *
 * @param options What to lint and how.
 * @returns Files with messages, problems and notices.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const {cwd} = options
  if (options.configPath && !fs.existsSync(path.resolve(cwd, options.configPath))) {
    throw new CopydeskError('config file not found', {file: options.configPath})
  }

  const problems: CopydeskError[] = []
  const notices: string[] = []
  const files: VFile[] = []

  if (options.stdin) {
    files.push(await readInputStream(options.stdin.stream, options.stdin.filePath, cwd))
  } else if (!options.namesOnly) {
    const discovery = await discoverFiles(options.inputs.length > 0 ? options.inputs : ['.'], cwd)
    pushAll(problems, discovery.problems)
    for (const input of discovery.ignored) notices.push(`${input}: skipped, ignored by .gitignore or .copydeskignore`)
    // "copydesk stories/*.md" that matches nothing is a mistake worth failing on, but a
    // hook whose staged files are all ignored, or a bare run in an empty folder, is not.
    if (discovery.files.length === 0 && discovery.unmatched.length > 0 && options.inputs.length > 0) {
      // One line says it all: no note per input besides.
      problems.push(new CopydeskError('nothing to lint: no file matches ' + discovery.unmatched.map((input) => '`' + input + '`').join(', ')))
    } else {
      for (const input of discovery.unmatched) notices.push(`${input}: no text, Markdown or HTML files match`)
    }
    // After the check above: a shard that gets none of the files found is not an input that matched nothing.
    for (const filePath of filesInShard(discovery.files, options.shard, cwd)) {
      try {
        files.push(readInputFile(filePath, cwd))
      } catch (error) {
        if (!(error instanceof CopydeskError)) throw error
        problems.push(error)
      }
    }
  }

  // Binary files go through the pipeline too, for config to find them (its
  // `ignore` leaves them out); they have no text to parse, and are only
  // reported with a note (see `noteInput`).
  const {onProgress} = options
  let done = 0
  onProgress?.(done, files.length)
  const result = await lintSpread(
    files,
    {
      cwd,
      configPath: options.configPath && path.resolve(cwd, options.configPath),
      noConfig: options.noConfig,
      dialect: options.dialect,
      onFileDone: onProgress ? () => onProgress(++done, files.length) : undefined
    },
    // Standard input is one file: never worth a worker.
    {jobs: options.stdin ? 1 : options.jobs, importModule: options.importModule}
  )
  const stories = latestStories([...(options.namesIn ?? []), ...result.files.flatMap((file) => file.data.copydeskNames ?? [])])
  const {names, indexed} = acrossFiles(result.files, stories, problems)
  // The files the run linted and reported, in input order: config `ignore` leaves some out.
  for (const file of result.files) noteInput(file)
  return {
    files: [...result.files, ...indexed.values()],
    problems: [...problems, ...result.problems],
    notices,
    stories,
    names
  }
}

/**
 * The run-level step of `names-across-files`: index the run's names and
 * report the names spelled differently in other stories. When it throws,
 * the run reports `names-across-files failed: reason` (exit 2) and every
 * finding of the files themselves, with none of this step's half done.
 *
 * @param files The linted files; the step adds its findings to them.
 * @param stories The stories' parts of the names index.
 * @param problems Where a failure is recorded.
 * @returns The run's names, and the stories of an index this run did not lint, with their findings.
 */
function acrossFiles(
  files: readonly VFile[],
  stories: readonly StoryNames[],
  problems: CopydeskError[]
): {names: NameEntry[]; indexed: Map<StoryNames, VFile>} {
  // The step replaces findings of `spelling` as well as adding its own: kept as they were, to put back.
  const before = files.map((file) => [...file.messages])
  try {
    const names = buildNamesIndex(stories)
    // Stories of an index that this run did not lint come last, with their findings from the index.
    return {names, indexed: reportAcrossFiles(files, names)}
  } catch (error) {
    for (const [index, file] of files.entries()) file.messages = before[index] ?? file.messages
    problems.push(problemFromStageFailure('names-across-files', error))
    return {names: [], indexed: new Map()}
  }
}
