import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {acrossFiles} from './across/across.js'
import {latestStories, type NameEntry, type StoryNames} from './across/names-index.js'
import type {Config} from './config/config.js'
import {isAcrossRule} from './define-rule.js'
import {CopydeskError, eachOnce} from './errors.js'
import {discoverFiles} from './files/discover.js'
import {type Shard, filesInShard} from './files/shard.js'
import {noteInput} from './files/input-notes.js'
import {readInputFile, readInputStream, toInputFile} from './files/read-input.js'
import {gatherOutcomes, threadState} from './pipeline.js'
import {lintSpread} from './threads/parallel.js'
import type {Dialect} from './words/dictionary.js'

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
  /** Use these settings for every file, as a config file in the working directory would hold them (`copydesk init` checks its names so). */
  inline?: Config | undefined
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
 * Lint stories: find them (leaving out those config `ignore` excludes,
 * before reading them), read them, lint each through the pipeline with the
 * config that applies to it (on worker threads when the run is large), then
 * run the rules across stories.
 *
 * @param options What to lint and how.
 * @returns Files with messages, problems and notices.
 */
export async function lintFiles(options: LintOptions): Promise<LintResult> {
  const {cwd} = options
  if (options.configPath && !fs.existsSync(path.resolve(cwd, options.configPath))) {
    throw new CopydeskError('config file not found', {file: options.configPath})
  }
  const configOptions = {cwd, configPath: options.configPath, noConfig: options.noConfig, inline: options.inline, dialect: options.dialect}
  // The main thread's configs and rules: found for the ignore check here, used again to lint.
  const state = threadState(configOptions)
  const {configs} = state
  const problems: CopydeskError[] = []
  const notices: string[] = []
  const files: VFile[] = []

  if (options.stdin) {
    files.push(await readInputStream(options.stdin.stream, options.stdin.filePath, cwd))
  } else if (!options.namesOnly) {
    const discovery = await discoverFiles(options.inputs.length > 0 ? options.inputs : ['.'], cwd)
    for (const problem of discovery.problems) problems.push(problem)
    for (const input of discovery.ignored) notices.push(`${input}: skipped, ignored by .gitignore or .copydeskignore`)
    for (const entry of discovery.skipped) notices.push(`${entry.path}: ${entry.reason}: not linted`)
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
        // Config first: a story its config's `ignore` leaves out is never read.
        if (configs.ignores(configs.forStory(filePath), filePath)) continue
        files.push(readInputFile(filePath, cwd))
      } catch (error) {
        if (!(error instanceof CopydeskError)) throw error
        problems.push(error)
      }
    }
  }

  const {onProgress} = options
  let done = 0
  onProgress?.(done, files.length)
  const outcomes = await lintSpread(
    files,
    {...configOptions, onFileDone: onProgress ? () => onProgress(++done, files.length) : undefined},
    // Standard input is one file: never worth a worker.
    {jobs: options.stdin ? 1 : options.jobs, importModule: options.importModule},
    state
  )
  const linted = gatherOutcomes(files, outcomes)
  for (const problem of linted.problems) problems.push(problem)
  const reported = linted.files
  const stories = latestStories([...(options.namesIn ?? []), ...reported.flatMap((file) => file.data.copydeskNames ?? [])])
  const {names, elsewhere} = acrossFiles(reported, stories, problems, rules.filter(isAcrossRule))
  // What reading found (a binary file, another encoding), on the reported files.
  for (const file of reported) noteInput(file)
  return {files: [...reported, ...elsewhere], problems: eachOnce(problems), notices, stories, names}
}

/** How to lint one text (`lintText`). */
export interface LintTextOptions {
  /** The story's path: its format (`.md`, `.html`, else plain text) and, unless `config` is given, where its config is found. */
  path?: string | undefined
  /** Working directory: a relative `path` or config path is relative to it (default: the process's). */
  cwd?: string | undefined
  /** The config: settings as a config file holds them, a config file's path, `false` for the defaults; unset, the config is found from `path`. */
  config?: Config | string | false | undefined
  /** Spell in this dialect, whatever config says. */
  dialect?: Dialect | undefined
}

/**
 * Lint one story given as text, as `lintFiles` lints a file with that
 * path: what an editor integration or another program calls for a
 * document. Nothing is shared with other calls, so two documents linted
 * at once in one process never see each other. The rules across stories
 * need a run of stories (`lintFiles`): here they only note the story's
 * names (`file.data.copydeskNames`).
 *
 * @param text The story.
 * @param options Its path and config.
 * @returns The story's file with its findings; problems (a rule that failed) on `file.data.problems`.
 * @throws {CopydeskError} When the config cannot be read or is invalid, or a stage before the rules fails.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<VFile> {
  const cwd = options.cwd ?? process.cwd()
  const filePath = options.path ?? 'story.txt'
  const file = toInputFile(filePath, text, cwd)
  const {configs, pipeline} = threadState({
    cwd,
    configPath: typeof options.config === 'string' ? options.config : undefined,
    noConfig: options.config === false,
    inline: typeof options.config === 'object' ? options.config : undefined,
    dialect: options.dialect
  })
  const outcome = await pipeline.lintStory(file, configs.forStory(filePath))
  const [failure] = outcome.problems
  if (!outcome.reported && failure) throw failure
  file.data.problems = outcome.problems
  return file
}

declare module 'vfile' {
  interface DataMap {
    /** Problems met while linting the story with `lintText` (a rule that failed): its other findings are there. */
    problems: CopydeskError[]
  }
}
