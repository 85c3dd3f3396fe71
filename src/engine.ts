import path from 'node:path'
import {Writable} from 'node:stream'
import {engine, type Preset} from 'unified-engine'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {resolveConfig} from './config/config.js'
import {ConfigFinder} from './config/config-files.js'
import type {Dialect} from './words/dictionary.js'
import {problemFromEngineFailure, problemFromRuleFailure} from './engine-failure.js'
import {CopydeskError} from './errors.js'
import copydeskLint, {restoreErrors} from './lint-plugin.js'
import {createProcessor} from './parse/processor.js'
import {pushAll} from './push-all.js'

/** How to find configuration. */
export interface EngineOptions {
  /** Working directory: paths are relative to it. */
  cwd: string
  /** Use this config file for every file instead of searching. */
  configPath?: string | undefined
  /** Use the defaults, ignoring config files. */
  noConfig?: boolean | undefined
  /** Spell in this dialect, whatever config says (`--dialect`). */
  dialect?: Dialect | undefined
  /** Called once for each file the pipeline has finished with, for a progress line. */
  onFileDone?: (() => void) | undefined
}

/** What linting a set of files gave. */
export interface EngineResult {
  /** The files, in input order, with their messages (files excluded by config `ignore` are left out). */
  files: VFile[]
  /** Problems that stopped a file from being linted: broken config, unreadable word list. */
  problems: CopydeskError[]
}

/** What linting gave for one file, before problems are merged across files. */
export interface FileOutcome {
  /** Whether the file is reported (false when it failed or config `ignore` excludes it). */
  reported: boolean
  /** Problems that stopped this file from being linted. */
  problems: CopydeskError[]
}

/**
 * Lint files that are already read, through unified-engine: it finds the
 * nearest `.copydeskrc.json`, `.copydeskrc.yml`/`.yaml` or `package.json`
 * `copydesk` field for each file, builds the pipeline that config asks for,
 * and runs it.
 *
 * @param files Files with their values set.
 * @param options Where to find configuration.
 * @returns The linted files and the problems found on the way.
 */
export async function lintFiles(files: VFile[], options: EngineOptions): Promise<EngineResult> {
  return gatherOutcomes(files, await lintEach(files, options))
}

/**
 * Lint files through unified-engine and say for each whether it is reported
 * and what stopped it; `lintFiles` without merging, so that a worker's
 * outcomes can be merged with the others' in input order.
 *
 * @param files Files with their values set; their messages are added, their paths set back to the path given.
 * @param options Where to find configuration.
 * @returns One outcome per file, in the order of `files`.
 */
export async function lintEach(files: VFile[], options: EngineOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = []
  const presets: Presets = new Map()
  const finder = new ConfigFinder(options.cwd)
  for (const batch of memoryBatches(files)) pushAll(outcomes, await lintBatch(batch, options, presets, finder))
  return outcomes
}

/**
 * Presets made so far in one `lintEach`, by config file and contents
 * (`undefined`: the defaults). Each engine run of a batch finds the same
 * configs again; made afresh, each would set every rule up again (25 times
 * in a run of 1,000 stories), and the rules' per-config data with it.
 */
type Presets = Map<string, Preset>

/**
 * Characters of text one engine run takes at most (about eight stories):
 * unified-engine starts every file it is given at once, so every story's
 * tree would be alive together, and a run of 1,000 stories took 3 GB. But
 * each engine run also looks for config files afresh, one awaited file
 * read after another up to the root, which leaves the thread idle. On the
 * CI bench files (one thread, 2 cores, the CLI's heap cap), looking for
 * configs: 32,000 characters took 6.4 to 6.9 s, 64,000 took 5.9 to 6.0 s
 * and 96,000 took 5.8 to 6.1 s; with `--no-config`, 5.1 to 5.3 s and 260
 * to 275 MB for 64,000, and up to 345 MB for 96,000.
 */
const batchCharacters = 64_000

/**
 * Cut files, in order, into runs of at most `batchCharacters` (a larger
 * file goes alone).
 *
 * @param files Files with their values.
 * @returns Batches.
 */
function memoryBatches(files: readonly VFile[]): VFile[][] {
  const batches: VFile[][] = []
  let size = Number.POSITIVE_INFINITY
  for (const file of files) {
    const length = String(file.value ?? '').length
    if (size + length > batchCharacters) {
      batches.push([])
      size = 0
    }
    batches.at(-1)?.push(file)
    size += length
  }
  return batches
}

/**
 * Lint one batch of files with unified-engine.
 *
 * @param files Files with their values set.
 * @param options Where to find configuration.
 * @param presets Presets made by earlier batches, reused and added to.
 * @param finder Finds and reads the config of each file (see `ConfigFinder`).
 * @returns One outcome per file, in order.
 */
async function lintBatch(files: VFile[], options: EngineOptions, presets: Presets, finder: ConfigFinder): Promise<FileOutcome[]> {
  const {cwd, onFileDone} = options
  const toPreset = (raw: unknown, filePath: string | undefined): Preset => {
    const key = JSON.stringify(filePath ?? null) + rawKey(raw)
    const made = presets.get(key)
    if (made) return made
    const preset = makePreset(raw, filePath)
    presets.set(key, preset)
    return preset
  }
  const makePreset = (raw: unknown, filePath: string | undefined): Preset => {
    const config = resolveConfig(raw, filePath, cwd)
    // The command line wins over config.
    if (options.dialect) config.dialect = options.dialect
    const plugins: Preset['plugins'] = [[copydeskLint as Plugin<unknown[]>, config]]
    // Last in the pipeline, so that it runs once the rules are done with a file.
    if (onFileDone) plugins.push([countDone as Plugin<unknown[]>, onFileDone])
    return {plugins}
  }

  // copydesk finds and reads config files itself (see `ConfigFinder`); the
  // engine runs the files of each config with that config's preset.
  const outcomes = new Map<VFile, FileOutcome>()
  const groups = new Map<Preset, VFile[]>()
  const configPath = options.configPath && path.resolve(cwd, options.configPath)
  for (const file of files) {
    let preset: Preset
    try {
      const found = options.noConfig
        ? {filePath: undefined, raw: {}}
        : configPath
          ? finder.load(configPath)
          : finder.find(path.resolve(cwd, file.path))
      preset = toPreset(found.raw, found.filePath)
    } catch (error) {
      if (!(error instanceof CopydeskError)) throw error
      if (file.data.givenPath !== undefined) file.path = file.data.givenPath
      outcomes.set(file, {reported: false, problems: [error]})
      continue
    }
    const group = groups.get(preset)
    if (group) group.push(file)
    else groups.set(preset, [file])
  }
  for (const [preset, group] of groups) {
    for (const [index, outcome] of (await runEngine(group, preset, cwd)).entries()) {
      const file = group[index]
      if (file) outcomes.set(file, outcome)
    }
  }
  return files.map((file) => outcomes.get(file) ?? {reported: false, problems: []})
}

/**
 * Run files through unified-engine with one preset, config files not looked for.
 *
 * @param files Files with their values set.
 * @param preset The preset of their config.
 * @param cwd Working directory.
 * @returns One outcome per file, in order.
 */
function runEngine(files: VFile[], preset: Preset, cwd: string): Promise<FileOutcome[]> {
  // With no files unified-engine would read standard input instead.
  if (files.length === 0) return Promise.resolve([])

  return new Promise(function (resolve, reject) {
    engine(
      {
        processor: createProcessor,
        files,
        cwd,
        extensions: [],
        detectConfig: false,
        defaultConfig: preset,
        // Reporting is ours (pretty and JSON); the engine only lints.
        out: false,
        output: false,
        quiet: true,
        streamError: new Writable({write: (_chunk, _encoding, next) => next()}),
        reporter: () => ''
      },
      function (error) {
        if (error) {
          reject(error)
          return
        }
        resolve(files.map(outcomeOf))
      }
    )
  })
}

/** Settings as text, per parsed config: `ConfigFinder` gives the same object for every story under a config. */
const rawKeys = new WeakMap<object, string>()

/**
 * A config's settings as text, to tell presets apart by contents.
 *
 * @param raw Parsed settings.
 * @returns Their JSON.
 */
function rawKey(raw: unknown): string {
  if (raw === null || typeof raw !== 'object') return JSON.stringify(raw) ?? ''
  let key = rawKeys.get(raw)
  if (key === undefined) {
    key = JSON.stringify(raw)
    rawKeys.set(raw, key)
  }
  return key
}

/**
 * unified plugin that calls back once per file it sees, for progress.
 *
 * @param onFileDone Callback.
 * @returns Transformer.
 */
function countDone(onFileDone: () => void): () => undefined {
  return function () {
    onFileDone()
  }
}

/**
 * Separate what the rules found on a file from what kept it from being
 * linted, and give it back the path the user gave.
 *
 * unified-engine records a pipeline failure as a fatal message
 * without a rule id on each file it hits; each becomes a problem, and so
 * does each rule that threw on the file.
 *
 * @param file Linted file.
 * @returns Whether it is reported, and its problems.
 */
function outcomeOf(file: VFile): FileOutcome {
  if (file.data.givenPath !== undefined) file.path = file.data.givenPath
  restoreErrors(file)
  const failures = file.messages.filter((message) => message.fatal && !message.ruleId)
  const problems = failures.map((failure) => problemFromEngineFailure(failure.cause ?? failure, file.path))
  // A rule that threw cost only its own findings: the file is still reported.
  for (const {ruleId, error} of file.data.copydeskRuleFailures ?? []) problems.push(problemFromRuleFailure(ruleId, error, file.path))
  return {reported: failures.length === 0 && !file.data.copydeskIgnored, problems}
}

/**
 * Merge the outcomes of files: the reported files in input order, and each
 * problem once however many files share the broken config.
 *
 * @param files Linted files.
 * @param outcomes Their outcomes, in the same order.
 * @returns Reportable files and problems.
 */
export function gatherOutcomes(files: readonly VFile[], outcomes: readonly FileOutcome[]): EngineResult {
  const problems = new Map<string, CopydeskError>()
  const reported: VFile[] = []
  for (const [index, file] of files.entries()) {
    const outcome = outcomes[index]
    if (!outcome) continue
    for (const problem of outcome.problems) problems.set(problem.toLine(), problem)
    if (outcome.reported) reported.push(file)
  }
  return {files: reported, problems: [...problems.values()]}
}
