import path from 'node:path'
import {type Command, Option} from 'commander'
import {parseDialect, parseJobs, parseShardFlag} from './flags.js'
import {type CliIo, exitCode} from './io.js'
import {lintWithProgress} from './lint-with-progress.js'
import {type Dialect, dialects} from '../words/dictionary.js'
import {readNamesFile} from '../across/names-file.js'
import type {Shard} from '../files/shard.js'
import {namesHtml} from '../report/names-html.js'
import {namesJson} from '../report/names-json.js'
import {namesPretty} from '../report/names-pretty.js'

/** Parsed options of `copydesk names`. */
interface NamesOptions {
  format: 'pretty' | 'json' | 'html'
  config?: string | false
  dialect?: Dialect
  jobs?: number
  namesIn?: string[]
  shard?: Shard
}

/**
 * Add `copydesk names [paths...]`: lint the paths as the main command does
 * and print the run's names index instead of the findings. A story named
 * `names` is still linted with `copydesk ./names`.
 *
 * @param program The copydesk program, configured (its output and exit settings are inherited).
 * @param io Process around the CLI.
 */
export function addNamesCommand(program: Command, io: CliIo): void {
  // The main command has `--format`, `--config` and `--jobs` too, and
  // commander lets a program take its own options after a subcommand's
  // name: `names --format html` would reach the main command, which has no
  // `html`. Positional options leave what follows `names` to `names`.
  program.enablePositionalOptions()
  program
    .command('names')
    .description('print the names the stories use: spellings, uses and files, variants first')
    .argument('[paths...]', 'files, folders or globs (default: the current folder)')
    .addOption(
      new Option('--format <format>', 'output format: json for tools, html for a browser')
        .choices(['pretty', 'json', 'html'])
        .default('pretty')
    )
    .option('-c, --config <path>', 'use this config file instead of searching for one')
    .option('--dialect <dialect>', `spell in this dialect: ${dialects.join(', ')} (overrides config)`, parseDialect)
    .option('--no-config', 'ignore config files and use the defaults')
    .option('--jobs <n>', 'lint on N threads, the main thread included', parseJobs)
    .option('--names-in <files...>', 'add the stories of these names indexes (from --names-out); without paths, only them')
    .option('--shard <k/n>', 'lint only part K of N of the files found, as the main command does', parseShardFlag)
    .action(async function (paths: string[], options: NamesOptions) {
      program.setOptionValue('exitCode', await runNames(paths, options, io))
    })
}

/**
 * Lint, then print the names index in the chosen format.
 *
 * @param paths Paths, globs or folders.
 * @param options Parsed options.
 * @param io Process around the CLI.
 * @returns The exit code: 0, or 2 when a file or config had a problem (the index of the rest is printed all the same).
 */
async function runNames(paths: string[], options: NamesOptions, io: CliIo): Promise<number> {
  const namesIn = options.namesIn?.flatMap((file) => readNamesFile(path.resolve(io.cwd, file), file, io.cwd))
  const result = await lintWithProgress(
    // As in the main command, `--shard` lints its part of the current folder even beside `--names-in`.
    {inputs: paths, namesIn, namesOnly: namesIn !== undefined && paths.length === 0 && options.shard === undefined, shard: options.shard},
    options,
    io
  )
  // A story whose config turns the rule off is linted without noting its names.
  // (A binary file is skipped, not linted: it has no names to note.)
  const unindexed = result.files.filter((file) => !file.data.copydeskNames && !file.data.binary).length
  if (unindexed > 0) {
    const files = unindexed === 1 ? '1 file is' : `${unindexed} files are`
    io.stderr.write(`copydesk: ${files} not in the names index: config turns \`names-across-files\` off there\n`)
  }

  const {names, stories} = result
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(namesJson(names, stories.length), undefined, 2) + '\n')
  } else if (options.format === 'html') {
    io.stdout.write(namesHtml(names, stories.length))
  } else {
    io.stdout.write(namesPretty(names, stories.length) + '\n')
  }
  return result.problems.length > 0 ? exitCode.problem : exitCode.clean
}
