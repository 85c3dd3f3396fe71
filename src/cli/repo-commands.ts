import path from 'node:path'
import type {Command} from 'commander'
import {type CliIo, exitCode} from './io.js'
import {initRepository} from './init.js'
import {addWords, checkNewWord, findWordsRoot, repoWordsPath, shownPath} from '../config/repo-words.js'
import {maxOf} from '../push-all.js'

/**
 * Add the commands that set a repository up: `copydesk init [paths...]` and
 * `copydesk words add WORD...`. A story named `init` or `words` is still
 * linted with `copydesk ./init`.
 *
 * @param program The copydesk program, configured (its output and exit settings are inherited).
 * @param io Process around the CLI.
 */
export function addRepoCommands(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write .copydeskrc.json and a .copydesk/words.txt of the names the stories use')
    .argument('[paths...]', 'files, folders or globs to take names from (default: the current folder)')
    .option('--force', 'replace an existing .copydeskrc.json')
    .action(async function (paths: string[], options: {force?: boolean}) {
      program.setOptionValue('exitCode', await runInit(paths, options.force === true, io))
    })

  program
    .command('words')
    .description('edit the repository word list, .copydesk/words.txt')
    .command('add')
    .description('add words or names to .copydesk/words.txt, keeping it sorted')
    .argument('<words...>', 'words or names to accept, case kept')
    .action(async function (words: string[]) {
      program.setOptionValue('exitCode', await runWordsAdd(words, io))
    })
}

/**
 * Run `copydesk init` and say what it did.
 *
 * @param paths Paths to take names from.
 * @param force Whether to replace an existing `.copydeskrc.json`.
 * @param io Process around the CLI.
 * @returns The exit code.
 */
async function runInit(paths: string[], force: boolean, io: CliIo): Promise<number> {
  const result = await initRepository({inputs: paths, cwd: io.cwd, force})
  for (const notice of result.notices) io.stderr.write('copydesk: ' + notice + '\n')
  for (const problem of result.problems) io.stderr.write('copydesk: ' + problem.toLine() + '\n')
  if (result.problems.length > 0) return exitCode.problem

  if (result.leftOut.length > 0) {
    io.stderr.write('copydesk: left out, check these:\n')
    const wordWidth = maxOf(result.leftOut.map((item) => item.word.length))
    const placeWidth = maxOf(result.leftOut.map((item) => item.place.length))
    for (const {word, place, reason} of result.leftOut) {
      io.stderr.write(`  ${word.padEnd(wordWidth)}  ${place.padEnd(placeWidth)}  ${reason}\n`)
    }
  }
  if (result.configWritten) io.stdout.write(`wrote ${result.configWritten}\n`)
  const count = result.added.length
  io.stdout.write(`${count} ${count === 1 ? 'name' : 'names'} written to ${result.wordsFile}\n`)
  return exitCode.clean
}

/**
 * Run `copydesk words add` and say what was added and what was there.
 *
 * @param words Words as given.
 * @param io Process around the CLI.
 * @returns The exit code.
 */
async function runWordsAdd(words: string[], io: CliIo): Promise<number> {
  const checked = words.map(checkNewWord)
  const root = await findWordsRoot(path.resolve(io.cwd))
  const filePath = path.join(root, repoWordsPath)
  const header = [
    'Names copydesk accepts in this repository, one per line (`#` starts a comment).',
    'Add more with `copydesk words add NAME...`; the list is kept sorted.'
  ]
  const {added, present} = await addWords(filePath, checked, header, io.cwd)
  const shown = shownPath(filePath, io.cwd)
  if (added.length > 0) io.stdout.write(`added to ${shown}: ${added.join(', ')}\n`)
  if (present.length > 0) io.stdout.write(`already in ${shown}: ${present.join(', ')}\n`)
  return exitCode.clean
}
