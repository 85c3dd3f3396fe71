import {Writable} from 'node:stream'
import {engine, type Preset} from 'unified-engine'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {resolveConfig} from './config.js'
import type {Dialect} from './dictionary.js'
import {problemFromEngineFailure} from './engine-failure.js'
import type {CopydeskError} from './errors.js'
import copydeskLint, {restoreErrors} from './lint-plugin.js'
import {createProcessor} from './processor.js'

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
}

/** What linting a set of files gave. */
export interface EngineResult {
  /** The files, in input order, with their messages (files excluded by config `ignore` are left out). */
  files: VFile[]
  /** Problems that stopped a file from being linted: broken config, unreadable word list. */
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
export function lintFiles(files: VFile[], options: EngineOptions): Promise<EngineResult> {
  const {cwd} = options
  const toPreset = (raw: unknown, filePath: string | undefined): Preset => {
    const config = resolveConfig(raw, filePath, cwd)
    // The command line wins over config.
    if (options.dialect) config.dialect = options.dialect
    return {plugins: [[copydeskLint as Plugin<unknown[]>, config]]}
  }

  // With no files unified-engine would read standard input instead.
  if (files.length === 0) return Promise.resolve({files: [], problems: []})

  return new Promise(function (resolve, reject) {
    let defaults: Preset
    try {
      defaults = toPreset({}, undefined)
    } catch (error) {
      reject(error)
      return
    }
    engine(
      {
        processor: createProcessor,
        files,
        cwd,
        extensions: [],
        rcName: '.copydeskrc',
        packageField: 'copydesk',
        rcPath: options.configPath,
        detectConfig: !options.noConfig,
        configTransform: (raw: unknown, filePath: string) => toPreset(raw, filePath),
        defaultConfig: defaults,
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
        resolve(collect(files, cwd))
      }
    )
  })
}

/**
 * Separate what the rules found from what kept files from being linted.
 *
 * unified-engine records a config or pipeline failure as a fatal message
 * without a rule id on each file it hits; those become one problem each,
 * shown once however many files share the broken config.
 *
 * @param files Linted files.
 * @param cwd Working directory.
 * @returns Reportable files and problems.
 */
function collect(files: VFile[], cwd: string): EngineResult {
  const problems = new Map<string, CopydeskError>()
  const reported: VFile[] = []
  for (const file of files) {
    if (file.data.givenPath !== undefined) file.path = file.data.givenPath
    restoreErrors(file)
    const failures = file.messages.filter((message) => message.fatal && !message.ruleId)
    for (const failure of failures) {
      const problem = problemFromEngineFailure(failure.cause ?? failure, file.path, cwd)
      problems.set(problem.toLine(), problem)
    }
    if (failures.length === 0 && !file.data.copydeskIgnored) reported.push(file)
  }
  return {files: reported, problems: [...problems.values()]}
}
