import path from 'node:path'
import type {Command} from 'commander'
import {type CliIo, exitCode} from './io.js'
import {initRepository} from './init.js'
import {addRepoWords, findWordsRoot, listWords, removeWords, repoWordsPath, shownPath} from '../config/repo-words.js'
import {parseWordList, wordListText} from '../config/word-list.js'
import {CopydeskError} from '../errors.js'
import {FileRefused, maxTextBytes, readRegularFile} from '../files/regular-file.js'

/**
 * Add the commands that set a repository up: `copydesk init [paths...]` and
 * `copydesk words add|remove|list`. A story named `init` or `words` is still
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

  const words = program.command('words').description('edit the repository word list, .copydesk/words.txt')
  words
    .command('add')
    .description('add words or names to .copydesk/words.txt, keeping it sorted')
    .argument('[words...]', 'words or names to accept, case kept')
    .option('--from <file>', 'add the words of a word list, such as the review list `copydesk init` writes')
    .action(async function (given: string[], options: {from?: string}) {
      program.setOptionValue('exitCode', await runWordsAdd(given, options.from, io))
    })
  words
    .command('remove')
    .description('remove words or names from .copydesk/words.txt')
    .argument('<words...>', 'words or names to remove, exactly as listed')
    .action(async function (given: string[]) {
      program.setOptionValue('exitCode', await runWordsRemove(given, io))
    })
  words
    .command('list')
    .description('print the words of .copydesk/words.txt, one per line')
    .action(async function () {
      program.setOptionValue('exitCode', await runWordsList(io))
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

  if (result.configWritten) io.stdout.write(`wrote ${result.configWritten}\n`)
  const count = result.added.length
  io.stdout.write(`${count} ${count === 1 ? 'name' : 'names'} written to ${result.wordsFile}\n`)
  const left = result.leftOut.length
  if (result.reviewFile) io.stdout.write(`${left} ${left === 1 ? 'word' : 'words'} to review written to ${result.reviewFile}\n`)
  io.stdout.write(`errors: ${result.errors.before} before init, ${result.errors.after} after\n`)
  return exitCode.clean
}

/**
 * Run `copydesk words add` and say what was added and what was there.
 *
 * @param words Words as given.
 * @param from A word list to add the words of (`--from`).
 * @param io Process around the CLI.
 * @returns The exit code.
 */
async function runWordsAdd(words: string[], from: string | undefined, io: CliIo): Promise<number> {
  const given = [...words, ...(from === undefined ? [] : readGivenList(from, io.cwd))]
  if (given.length === 0) throw new CopydeskError('words add: expected words, or a word list with `--from`')
  const {added, present, filePath} = await addRepoWords(given, path.resolve(io.cwd), io.cwd)
  const shown = shownPath(filePath, io.cwd)
  if (added.length > 0) io.stdout.write(`added to ${shown}: ${added.join(', ')}\n`)
  if (present.length > 0) io.stdout.write(`already in ${shown}: ${present.join(', ')}\n`)
  return exitCode.clean
}

/**
 * Read the word list given to `words add --from`: one word per line, `#` comments.
 *
 * @param from The list's path, as given.
 * @param cwd Working directory.
 * @returns Its words.
 * @throws {CopydeskError} Naming the file when it cannot be read.
 */
function readGivenList(from: string, cwd: string): string[] {
  let bytes: Buffer
  try {
    // A regular file of at most 16 MB, as every file copydesk reads: `--from /dev/zero` or a FIFO is refused, not read forever.
    bytes = readRegularFile(path.resolve(cwd, from), from, {maxBytes: maxTextBytes})
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error
    const reason = error.message === 'no such file or folder' ? 'not found' : error.message
    throw new CopydeskError(`words add --from: word list ${reason}`, {file: from}, error)
  }
  try {
    return parseWordList(wordListText(bytes))
  } catch (error) {
    throw new CopydeskError('words add --from: word list cannot be read', {file: from}, error)
  }
}

/**
 * Run `copydesk words remove` and say what was removed and what was not there.
 *
 * @param words Words as given.
 * @param io Process around the CLI.
 * @returns The exit code: 0 when every word was removed or absent.
 */
async function runWordsRemove(words: string[], io: CliIo): Promise<number> {
  const checked = words.map((word) => word.trim()).filter(Boolean)
  if (checked.length === 0) throw new CopydeskError('words remove: expected a word, not an empty argument')
  const filePath = path.join(await findWordsRoot(path.resolve(io.cwd)), repoWordsPath)
  const {removed, absent} = await removeWords(filePath, checked, io.cwd)
  const shown = shownPath(filePath, io.cwd)
  if (removed.length > 0) io.stdout.write(`removed from ${shown}: ${removed.join(', ')}\n`)
  if (absent.length > 0) io.stdout.write(`not in ${shown}: ${absent.join(', ')}\n`)
  return exitCode.clean
}

/**
 * Run `copydesk words list`: the list's words, one per line, in file order.
 *
 * @param io Process around the CLI.
 * @returns The exit code.
 */
async function runWordsList(io: CliIo): Promise<number> {
  const filePath = path.join(await findWordsRoot(path.resolve(io.cwd)), repoWordsPath)
  for (const word of await listWords(filePath, io.cwd)) io.stdout.write(word + '\n')
  return exitCode.clean
}
