import fs from 'node:fs'
import path from 'node:path'
import {Command, CommanderError, Option} from 'commander'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {writeFailure} from '../files/atomic-write.js'
import {applyBaseline, readBaseline, writeBaseline} from '../settle/baseline.js'
import {changedFiles} from '../files/changed-files.js'
import {isInside} from '../files/repository-root.js'
import type {Shard} from '../files/shard.js'
import {type Dialect, dialects} from '../words/dictionary.js'
import {parseCount, parseDialect, parseJobs, parseShardFlag, usageLine} from './flags.js'
import {type CliIo, exitCode} from './io.js'
import {lintWithProgress} from './lint-with-progress.js'
import {CopydeskError} from '../errors.js'
import {type FileFix, fixDiff, fixFile, isFixable, readAgainToFix, writeFix} from '../settle/fix.js'
import {addRepoCommands} from './repo-commands.js'
import {addNamesCommand} from './names-command.js'
import type {StoryNames} from '../across/names-index.js'
import {readNamesFile, writeNamesFile} from '../across/names-file.js'
import {packageInfo} from '../package-info.js'
import {appendGithubSummary, githubReport} from '../report/github.js'
import {jsonReport} from '../report/json.js'
import {prettyReport} from '../report/pretty.js'
import {printable} from '../report/printable.js'
import {sarifReport} from '../report/sarif.js'
import {countSeverities, severityOf} from '../severity.js'

export {exitCode, type CliIo} from './io.js'

/** Parsed command-line options. */
interface CliOptions {
  stdinFilename?: string
  format: 'pretty' | 'json' | 'github' | 'sarif'
  quiet?: boolean
  maxWarnings?: number
  config?: string | false
  dialect?: Dialect
  baseline?: string
  writeBaseline?: string
  changed?: string | true
  fix?: boolean
  fixDryRun?: boolean
  jobs?: number
  namesIn?: string[]
  namesOut?: string
  shard?: Shard
}

/**
 * Run copydesk with command-line arguments.
 *
 * @param argv Arguments after the program name.
 * @param io Working directory, environment and streams.
 * @returns The exit code.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io)
  try {
    await program.parseAsync([...argv], {from: 'user'})
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCode.clean : exitCode.problem
    }
    io.stderr.write('copydesk: ' + printable(oneLine(error)) + '\n')
    if (io.env.COPYDESK_DEBUG && error instanceof Error) io.stderr.write(String(error.stack) + '\n')
    return exitCode.problem
  }
  return (program.getOptionValue('exitCode') as number | undefined) ?? exitCode.clean
}

/**
 * Describe the command line.
 *
 * @param io Process around the CLI.
 * @returns The commander program.
 */
function createProgram(io: CliIo): Command {
  const program = new Command('copydesk')
  program
    .description('Check news copy for misspelt words and names, with exact line and column.')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .argument('[paths...]', 'files, folders or globs (default: the current folder)')
    .option('--stdin-filename <name>', 'read standard input, named NAME for its format and the report')
    .addOption(
      new Option('--format <format>', 'output format').choices(['pretty', 'json', 'github', 'sarif']).default('pretty')
    )
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount)
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--dialect <dialect>', `spell in this dialect: ${dialects.join(', ')} (overrides config)`, parseDialect)
    .option('--no-config', 'ignore config files and use the defaults')
    .option('--fix', 'apply the safe fixes (one certain `expected`) to the files, then report what is left')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff instead of writing them')
    .option('--changed [ref]', 'lint only the text files changed since the merge base with REF (default: the default branch; staged files in a git hook)')
    .option('--baseline <file>', 'leave out the findings recorded in FILE (rule, file and text)')
    .option('--write-baseline <file>', 'record the current findings in FILE instead of reporting them')
    .option('--jobs <n>', 'lint on N threads, the main thread included; 1 = the main thread only (default: every core but one, for runs large enough)', parseJobs)
    .option('--names-in <files...>', 'check names across these names indexes too (from --names-out); without paths, lint nothing and check only them')
    .option('--names-out <file>', "write the run's names index to FILE, for --names-in")
    .option('--shard <k/n>', 'lint only part K of N of the files found, chosen by a hash of each path (one job of a CI matrix)', parseShardFlag)
    .showSuggestionAfterError(true)
    // Commander's own `help` command reads one level only (`help words`,
    // not `help words add`) and says nothing of a file named `help`: ours does both.
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(usageLine(text))
    })
    .action(async function (paths: string[], options: CliOptions) {
      program.setOptionValue('exitCode', await runLint(paths, options, io))
    })
  addRepoCommands(program, io)
  addNamesCommand(program, io)
  addHelpCommand(program, io)
  return program
}

/**
 * Add `copydesk help [command...]`: print the help of copydesk or of one of
 * its commands (`copydesk help words add`). Like `init`, `words` and
 * `names`, a story named `help` is linted with `copydesk ./help`; when the
 * working folder has one, a note says so.
 *
 * @param program The copydesk program, its other commands added.
 * @param io Process around the CLI.
 */
function addHelpCommand(program: Command, io: CliIo): void {
  program
    .command('help')
    .description('print this help, or the help of a command')
    .argument('[command...]', 'a command, such as init or words add')
    .action(function (names: string[]) {
      let command = program
      for (const name of names) {
        const found = command.commands.find((sub) => sub.name() === name || sub.aliases().includes(name))
        if (!found) throw new CopydeskError(`no such command: \`${names.join(' ')}\` (see \`copydesk help\`)`)
        command = found
      }
      if (names.length === 0 && fs.existsSync(path.join(io.cwd, 'help'))) {
        io.stderr.write('copydesk: to lint the file named help, write ./help\n')
      }
      command.outputHelp()
    })
}

/**
 * Lint, report and decide the exit code.
 *
 * @param paths Paths, globs or folders.
 * @param options Parsed options.
 * @param io Process around the CLI.
 * @returns The exit code.
 */
async function runLint(paths: string[], options: CliOptions, io: CliIo): Promise<number> {
  if (options.stdinFilename !== undefined && paths.length > 0) {
    throw new CopydeskError('give either paths or --stdin-filename, not both')
  }
  if (options.fix && options.stdinFilename !== undefined) {
    throw new CopydeskError('--fix writes files: use --fix-dry-run with --stdin-filename')
  }
  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new CopydeskError('give either --baseline or --write-baseline, not both')
  }
  // Read before linting: a missing baseline is a usage problem, found at once.
  const baseline =
    options.baseline === undefined ? undefined : readBaseline(path.resolve(io.cwd, options.baseline), options.baseline)
  const namesIn = options.namesIn?.flatMap((file) => readNamesFile(path.resolve(io.cwd, file), file, io.cwd))

  let inputs = paths
  if (options.changed !== undefined) {
    if (options.stdinFilename !== undefined) throw new CopydeskError('give either --changed or --stdin-filename, not both')
    inputs = await changedInputs(paths, options.changed === true ? undefined : options.changed, io)
    if (inputs.length === 0) {
      io.stderr.write('copydesk: no changed text, Markdown or HTML files to lint\n')
      return exitCode.clean
    }
  }

  const result = await lintWithProgress(
    {
      inputs,
      stdin: options.stdinFilename === undefined ? undefined : {stream: io.stdin, filePath: options.stdinFilename},
      namesIn,
      // "copydesk --names-in shard-*.json": the merging job of a split archive, which lints nothing itself.
      // A job given `--shard` lints its part of the current folder: it has files to split.
      namesOnly:
        namesIn !== undefined &&
        inputs.length === 0 &&
        options.changed === undefined &&
        options.stdinFilename === undefined &&
        options.shard === undefined,
      shard: options.shard
    },
    options,
    io
  )
  if (options.namesOut !== undefined) await writeNamesOut(result.stories, options.namesOut, io, result.problems)

  if (options.writeBaseline !== undefined) {
    const incomplete = result.problems.length > 0
    const recorded = await writeBaseline(result.files, path.resolve(io.cwd, options.writeBaseline), {
      shown: options.writeBaseline,
      cwd: io.cwd,
      incomplete
    })
    io.stderr.write(`copydesk: ${recorded} findings recorded in ${options.writeBaseline}\n`)
    return incomplete ? exitCode.problem : exitCode.clean
  }
  if (baseline && options.baseline !== undefined) {
    const dropped = applyBaseline(result.files, baseline, path.dirname(path.resolve(io.cwd, options.baseline)))
    if (dropped > 0) io.stderr.write(`copydesk: ${dropped} findings left out, recorded in ${options.baseline}\n`)
  }

  if (options.fix || options.fixDryRun) {
    const fixedCount = await applyFixes(result.files, options.fixDryRun === true, options.stdinFilename !== undefined, io, result.problems)
    if (options.fixDryRun) return exitFor(result.files, result.problems.length > 0, options, io)
    if (fixedCount > 0) io.stderr.write(`copydesk: fixed ${fixedCount} findings\n`)
  }

  const shown = options.quiet ? result.files.map(onlyErrors) : result.files
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(jsonReport(shown), undefined, 2) + '\n')
  } else if (options.format === 'sarif') {
    io.stdout.write(JSON.stringify(sarifReport(shown, {cwd: io.cwd}), undefined, 2) + '\n')
  } else if (options.format === 'github') {
    const report = githubReport(shown, io.cwd)
    if (report) io.stdout.write(report + '\n')
    // After the annotations, so that they are printed even if the summary cannot be written.
    const summaryPath = io.env.GITHUB_STEP_SUMMARY
    if (summaryPath) await appendGithubSummary(shown, io.cwd, summaryPath)
  } else {
    const report = prettyReport(shown, {color: useColor(io), width: terminalWidth(io)})
    if (report) io.stdout.write(report + '\n')
  }

  return exitFor(result.files, result.problems.length > 0, options, io)
}

/**
 * Write the run's names index for `--names-out`; a file that cannot be
 * written is a problem of the run (exit 2), not a crash.
 *
 * @param stories The run's parts of the index.
 * @param shown The path as given.
 * @param io Process around the CLI.
 * @param problems Where to record a failure.
 */
async function writeNamesOut(stories: readonly StoryNames[], shown: string, io: CliIo, problems: CopydeskError[]): Promise<void> {
  try {
    await writeNamesFile(stories, path.resolve(io.cwd, shown), io.cwd)
  } catch (error) {
    const problem = new CopydeskError('names index cannot be written: ' + writeFailure(error), {file: shown}, error)
    io.stderr.write('copydesk: ' + problem.toLine() + '\n')
    problems.push(problem)
  }
}

/**
 * Decide the exit code from what is left to report.
 *
 * @param files Linted files.
 * @param problems Whether there were problems (exit 2).
 * @param options Parsed options.
 * @param io Process around the CLI.
 * @returns The exit code.
 */
function exitFor(files: readonly VFile[], problems: boolean, options: CliOptions, io: CliIo): number {
  if (problems) return exitCode.problem
  const counts = countSeverities(files)
  if (counts.error > 0) return exitCode.findings
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    io.stderr.write(
      `copydesk: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings} allows\n`
    )
    return exitCode.findings
  }
  return exitCode.clean
}

/**
 * Apply (or, for a dry run, print as a diff) the safe fixes of every file,
 * and take the fixed findings off the files. Each file is read again first,
 * and a fix is made only where the file still holds its finding's `actual`
 * at the finding's place; a refused fix is listed on standard error and
 * its finding stays in the report.
 *
 * @param files Linted files.
 * @param dryRun Print a unified diff instead of writing.
 * @param fromStdin Whether the file was read from standard input (nothing to read again).
 * @param io Process around the CLI.
 * @param problems Where a file that cannot be read again or written is recorded.
 * @returns How many findings were fixed.
 */
async function applyFixes(files: readonly VFile[], dryRun: boolean, fromStdin: boolean, io: CliIo, problems: CopydeskError[]): Promise<number> {
  let count = 0
  for (const file of files) {
    if (!file.messages.some(isFixable)) continue
    const name = printable(file.path)
    let fix: FileFix | undefined
    try {
      fix = fixFile(file, fromStdin ? undefined : readAgainToFix(file))
      if (!fix) continue
      for (const {message, reason} of fix.refused) {
        io.stderr.write(`copydesk: not fixed ${name}:${fixLine(message)}: ${printable(reason)}\n`)
      }
      if (fix.fixed.length === 0) continue
      if (dryRun) io.stdout.write(fixDiff(fix))
      else await writeFix(fix)
    } catch (error) {
      if (!(error instanceof CopydeskError)) throw error
      io.stderr.write('copydesk: ' + error.toLine() + '\n')
      problems.push(error)
      continue
    }
    const fixed = new Set(fix.fixed)
    file.messages = file.messages.filter((message) => !fixed.has(message))
    count += fix.fixed.length
    if (!dryRun) {
      // In document order: the fixes were applied from the end.
      for (const message of [...fix.fixed].reverse()) io.stderr.write(`copydesk: fixed ${name}:${fixLine(message)}\n`)
    }
  }
  return count
}

/**
 * A fix as `--fix` lists it: place, the word as written, the word to
 * write, and the rule (`2:5 \`Jiangshu\` → \`Jiangsu\` (name-consistency)`).
 *
 * @param message The finding.
 * @returns The line's text after the file name.
 */
function fixLine(message: VFileMessage): string {
  return printable(`${message.line}:${message.column} \`${message.actual}\` → \`${message.expected?.[0]}\` (${message.ruleId})`)
}

/**
 * The changed files to lint for `--changed`: inside the paths given, if any.
 *
 * @param paths Paths the user named.
 * @param ref Branch or commit to compare with.
 * @param io Process around the CLI.
 * @returns Paths relative to the working directory.
 */
async function changedInputs(paths: readonly string[], ref: string | undefined, io: CliIo): Promise<string[]> {
  const within = paths.map((input) => path.resolve(io.cwd, input))
  const inside = (file: string): boolean => within.length === 0 || within.some((folder) => isInside(folder, file))
  const changed = await changedFiles(io.cwd, ref, io.env)
  for (const entry of changed.skipped) {
    if (inside(entry.path)) io.stderr.write(`copydesk: ${printable(path.relative(io.cwd, entry.path))}: ${entry.reason}: not linted\n`)
  }
  return changed.files.filter(inside).map((file) => path.relative(io.cwd, file))
}

/**
 * A copy of a file that keeps only its errors, for `--quiet`.
 *
 * @param file Linted file.
 * @returns File with only error messages.
 */
function onlyErrors(file: VFile): VFile {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(file) as object) as VFile, file)
  copy.messages = file.messages.filter((message) => severityOf(message) === 'error')
  return copy
}

/**
 * Whether to colour the pretty report: on a terminal, unless `NO_COLOR` is
 * set; always when `FORCE_COLOR` is set to something other than `0`.
 *
 * @param io Process around the CLI.
 * @returns Whether to use colour.
 */
function useColor(io: CliIo): boolean {
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0'
  return io.stdout.isTTY === true && io.env.NO_COLOR === undefined
}

/**
 * The width of the terminal the report goes to, for the pretty report to
 * wrap its reasons in; none when standard output is a file or a pipe, whose
 * lines are never wrapped.
 *
 * @param io Process around the CLI.
 * @returns Columns, if standard output is a terminal that says.
 */
function terminalWidth(io: CliIo): number | undefined {
  const columns = io.stdout.columns
  return io.stdout.isTTY === true && typeof columns === 'number' && columns > 0 ? columns : undefined
}

/**
 * The message of an error as one line, never a stack trace.
 *
 * @param error Anything thrown.
 * @returns One line.
 */
function oneLine(error: unknown): string {
  if (error instanceof CopydeskError) return error.toLine()
  const message = error instanceof Error ? error.message : String(error)
  return 'internal error: ' + (message.split('\n')[0] ?? message)
}
