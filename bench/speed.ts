/**
 * Whole-process speed of copydesk next to its peers, for issues 6 and 15.
 *
 * Four cases, each run by its commands several times, alternating:
 *
 * - hook: `../shared/samples/belarus-railways.txt`, one story in a cold
 *   process, as a pre-commit hook runs it;
 * - ci: 1,000 files of about 1,000 words, 1M words in all, made of whole
 *   Wikinews articles in varying order, as a CI check over an archive;
 * - big: one file of 5 MiB made of articles one after another;
 * - archive: the Markdown stories of two real site repos
 *   (`../shared/repos`: 18f-blog and digitalgov-news), as a CI check over
 *   a Markdown archive, next to cspell only.
 *
 * The commands: copydesk (`bin/copydesk.js --no-config -q --format json`),
 * plain retext-spell with dictionary-en at its defaults
 * (`bench/peers/retext-spell.ts`) and cspell 9 (`cspell lint`, which makes
 * no suggestions by default), each case running those `caseTools` names.
 * Each run is a fresh process; the report gives
 * the median (and fastest and slowest) wall time, the ratio of copydesk to
 * each peer, the peak RSS, how many files each report names, and the goals
 * of issues 6 and 15 as pass or fail.
 *
 * Run with `npm run bench` (`-- --runs N`, `--only hook,ci,big,archive`,
 * `--files N` for a smaller ci case, `--timeout S`, `--json`). It is a
 * benchmark, not a test: CI does not run it, and it skips when `../shared`
 * is absent (and the archive case when `../shared/repos` is). The corpora are read in place; the inputs built from them live
 * in a temporary folder that is removed at the end.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {readArticles, withTemporaryCopies, wordCount} from './articles.js'
import {mulberry32} from './inject.js'
import {printResult, startBenchmark} from './output.js'
import {
  type CaseName,
  caseNames,
  type CaseSummaries,
  caseTools,
  checkGoals,
  formatRss,
  formatSeconds,
  type ToolId
} from './speed-goals.js'
import {buildBigFile, buildManyFiles, fileNames} from './speed-inputs.js'
import {type CaseResult, renderSpeedReport, type SpeedResult, type ToolResult} from './speed-report.js'
import {canReadRss, type RunFiles, runOnce, stopRunning} from './speed-run.js'
import {type RunOutcome, summarize} from './speed-stats.js'
import {sanityOf, type ToolPaths, toolCommand} from './speed-tools.js'

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Shared reference material, beside the project. */
const sharedFolder = path.resolve(projectRoot, '../shared')

/** The hook case's story. */
const samplePath = path.join(sharedFolder, 'samples/belarus-railways.txt')

/** The Wikinews articles. */
const articlesFolder = path.join(sharedFolder, 'corpora/news-wikinews-2019-2020/articles')

/** The site repos of the archive case, each a folder of Markdown stories. */
const reposFolder = path.join(sharedFolder, 'repos')

/** The repos the archive case reads, in `reposFolder`. */
const archiveRepos = ['18f-blog', 'digitalgov-news']

/** Seed of the article order: fixed, so that every run measures the same files. */
const seed = 20_200_601

/** Words per file of the ci case. */
const wordsPerFile = 1000

/** Size of the big file: 5 MiB. */
const bigFileBytes = 5 * 1024 * 1024

/** Runs of each command per case unless `--runs` says otherwise: the hook case is short and noisy. */
const defaultRuns: Record<CaseName, number> = {hook: 5, ci: 3, big: 3, archive: 3}

/** How to call the benchmark. */
const usage =
  'usage: npm run bench -- [--runs N] [--only hook|ci|big|archive[,...]] [--files N] [--timeout SECONDS] [--json]'

/** Options from the command line. */
interface SpeedOptions {
  /** Runs per command; `undefined`: each case's default. */
  runs: number | undefined
  cases: CaseName[]
  /** Files of the ci case. */
  files: number
  /** Seconds after which a run is stopped. */
  timeout: number
  json: boolean
}

/** The inputs of one case, ready on disk. */
interface CaseInputs {
  name: CaseName
  title: string
  source: string
  /** The folder the commands run in. */
  cwd: string
  /** File names relative to it. */
  names: string[]
  words: number
  bytes: number
}

/** Set by Ctrl-C: stop the run in progress, remove the inputs, exit. */
let interrupted = false

await main()

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  const options = startBenchmark(readOptions, usage, sharedFolder, '../shared')
  if (!options) return
  process.once('SIGINT', function () {
    interrupted = true
    stopRunning()
  })

  if (options.cases.includes('archive') && !archiveRepos.every((repo) => existsSync(path.join(reposFolder, repo)))) {
    progress('archive: skipped, ../shared/repos/' + archiveRepos.join(' and ../shared/repos/') + ' not found')
    options.cases = options.cases.filter((name) => name !== 'archive')
  }
  const articles = [...(await readArticles(articlesFolder)).values()]
  const texts = buildTexts(articles, options)
  const paths: ToolPaths = {root: projectRoot, retextSpell: fileURLToPath(new URL('peers/retext-spell.js', import.meta.url))}

  let result: SpeedResult
  try {
    result = await withTemporaryCopies(texts, async function (folder) {
      const outputs = path.join(folder, 'out')
      await fs.mkdir(outputs)
      const cases: CaseResult[] = []
      for (const name of options.cases) {
        const inputs = caseInputs(name, folder, texts, options)
        cases.push(await runCase(inputs, options.runs ?? defaultRuns[name], options.timeout, paths, outputs))
      }
      return {
        command: reproduceCommand(options),
        environment: environment(),
        timeout: options.timeout,
        rss: canReadRss(),
        cases
      }
    })
  } catch (error) {
    if (!interrupted) throw error
    process.stderr.write('bench: interrupted\n')
    process.exitCode = 130
    return
  }

  printResult(renderSpeedReport(result), result, options.json)
}

/**
 * Read the command-line options.
 *
 * @param args Arguments after the script name.
 * @returns Options.
 * @throws {Error} On an unknown option or a value out of range.
 */
function readOptions(args: string[]): SpeedOptions {
  const {values} = parseArgs({
    args,
    options: {
      runs: {type: 'string'},
      only: {type: 'string'},
      files: {type: 'string'},
      timeout: {type: 'string'},
      json: {type: 'boolean', default: false}
    }
  })
  const cases = values.only === undefined ? [...caseNames] : values.only.split(',').map((name) => name.trim())
  for (const name of cases) {
    if (!(caseNames as readonly string[]).includes(name)) {
      throw new Error(`--only: expected ${caseNames.join(', ')}, not \`${name}\``)
    }
  }
  return {
    runs: values.runs === undefined ? undefined : positive('--runs', values.runs),
    // In the order of caseNames, once each, whatever order they were given in.
    cases: caseNames.filter((name) => cases.includes(name)),
    files: values.files === undefined ? 1000 : positive('--files', values.files),
    timeout: values.timeout === undefined ? 600 : positive('--timeout', values.timeout),
    json: values.json ?? false
  }
}

/**
 * Read a positive whole number.
 *
 * @param flag The option, for the error.
 * @param value Its value.
 * @returns The number.
 * @throws {Error} When it is not a positive whole number.
 */
function positive(flag: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag}: expected a positive whole number, not \`${value}\``)
  return number
}

/**
 * Build the files of the ci and big cases, those asked for, from one seeded
 * generator each, so a case's files do not depend on which others run.
 *
 * @param articles Article texts.
 * @param options Options.
 * @returns Text by file name.
 */
function buildTexts(articles: readonly string[], options: SpeedOptions): Map<string, string> {
  const texts = new Map<string, string>()
  if (options.cases.includes('ci')) {
    const files = buildManyFiles(articles, {files: options.files, wordsPerFile}, mulberry32(seed))
    const names = fileNames('ci', files.length)
    for (const [index, text] of files.entries()) texts.set(names[index] as string, text)
  }
  if (options.cases.includes('big')) {
    texts.set('big.txt', buildBigFile(articles, bigFileBytes, mulberry32(seed + 1)))
  }
  return texts
}

/**
 * Say where the inputs of a case are and how much they hold.
 *
 * @param name The case.
 * @param folder The temporary folder with the built files.
 * @param texts The built files.
 * @param options Options.
 * @returns The inputs.
 */
function caseInputs(name: CaseName, folder: string, texts: ReadonlyMap<string, string>, options: SpeedOptions): CaseInputs {
  if (name === 'archive') return archiveInputs()
  if (name === 'hook') {
    const text = readFileSync(samplePath, 'utf8')
    return {
      name,
      title: 'one story, cold process (the pre-commit hook)',
      source: '`../shared/samples/belarus-railways.txt`',
      cwd: path.dirname(samplePath),
      names: [path.basename(samplePath)],
      words: wordCount(text),
      bytes: Buffer.byteLength(text)
    }
  }
  const names = [...texts.keys()].filter((fileName) => fileName.startsWith(name))
  const contents = names.map((fileName) => texts.get(fileName) ?? '')
  return {
    name,
    title: name === 'ci' ? 'many files (the CI check)' : 'one big file',
    source:
      name === 'ci'
        ? `Wikinews articles repeated into files of about ${wordsPerFile.toLocaleString('en-US')} words` +
          (options.files === 1000 ? '' : ' (scaled down with --files)')
        : 'Wikinews articles repeated into one file',
    cwd: folder,
    names,
    words: contents.reduce((sum, text) => sum + wordCount(text), 0),
    bytes: contents.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  }
}

/**
 * Say where the Markdown archive is and how much it holds: every `.md`
 * file of its repos, named from `reposFolder`.
 *
 * @returns The inputs.
 */
function archiveInputs(): CaseInputs {
  const names = archiveRepos
    .flatMap((repo) =>
      readdirSync(path.join(reposFolder, repo), {recursive: true, encoding: 'utf8'})
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.posix.join(repo, name.split(path.sep).join('/')))
    )
    .sort()
  const contents = names.map((name) => readFileSync(path.join(reposFolder, name), 'utf8'))
  return {
    name: 'archive',
    title: 'a Markdown archive (the CI check of a news site)',
    source: `\`../shared/repos\`: the Markdown stories of ${archiveRepos.join(' and ')}`,
    cwd: reposFolder,
    names,
    words: contents.reduce((sum, text) => sum + wordCount(text), 0),
    bytes: contents.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  }
}

/**
 * Run every command on a case, round after round, each round in another
 * order so that no command always goes first (or right after another). A
 * command that times out or fails is not run again in this case: its later
 * runs would only repeat that.
 *
 * @param inputs The case's inputs.
 * @param runs Runs per command.
 * @param timeout Seconds after which a run is stopped.
 * @param paths Where the tools are.
 * @param outputs Folder for the commands' output.
 * @returns The case's result.
 * @throws {Error} When interrupted.
 */
async function runCase(
  inputs: CaseInputs,
  runs: number,
  timeout: number,
  paths: ToolPaths,
  outputs: string
): Promise<CaseResult> {
  const tools = caseTools[inputs.name]
  const outcomes = new Map<ToolId, RunOutcome[]>(tools.map((tool) => [tool, []]))
  const results = new Map<ToolId, Omit<ToolResult, 'summary'>>(tools.map((tool) => [tool, {sanity: null, stderr: null}]))
  for (let round = 0; round < runs; round++) {
    const order = [...tools.slice(round % tools.length), ...tools.slice(0, round % tools.length)]
    for (const tool of order) {
      const done = outcomes.get(tool) ?? []
      if (done.some((outcome) => outcome.kind !== 'done')) continue
      const files = runFiles(outputs, inputs.name, tool)
      const outcome = await runOnce(toolCommand(tool, paths, inputs.names, inputs.cwd), files, timeout)
      if (interrupted) throw new Error('interrupted')
      done.push(outcome)
      progress(`${inputs.name} ${tool} run ${round + 1}/${runs}: ${describe(outcome)}`)
      const result = results.get(tool)
      if (!result) continue
      if (outcome.kind === 'done' && !result.sanity) {
        result.sanity = sanityOf(tool, await fs.readFile(files.stdout, 'utf8'), inputs.names)
      }
      if (outcome.kind === 'failed') result.stderr = outcome.stderr
    }
  }
  const byTool = Object.fromEntries(
    tools.map((tool) => [tool, {summary: summarize(outcomes.get(tool) ?? []), sanity: null, stderr: null, ...results.get(tool)}])
  ) as CaseResult['tools']
  const summaries = Object.fromEntries(tools.map((tool) => [tool, byTool[tool]?.summary])) as CaseSummaries
  return {
    name: inputs.name,
    title: inputs.title,
    source: inputs.source,
    inputs: {files: inputs.names.length, words: inputs.words, bytes: inputs.bytes},
    runs,
    tools: byTool,
    goals: checkGoals(inputs.name, summaries, timeout)
  }
}

/**
 * Name the files one run writes; each run of a command overwrites the last.
 *
 * @param outputs Output folder.
 * @param name The case.
 * @param tool The command.
 * @returns Paths.
 */
function runFiles(outputs: string, name: CaseName, tool: ToolId): RunFiles {
  const base = path.join(outputs, `${name}-${tool}`)
  return {stdout: `${base}.out`, stderr: `${base}.err`, rss: `${base}.rss`}
}

/**
 * Say how a run ended, for the progress line.
 *
 * @param outcome How it ended.
 * @returns E.g. `1.84 s, 182 MB`.
 */
function describe(outcome: RunOutcome): string {
  if (outcome.kind === 'done') return `${formatSeconds(outcome.seconds)}, ${formatRss(outcome.rssKb)}`
  if (outcome.kind === 'timeout') return `timed out after ${outcome.seconds} s`
  return `failed: ${outcome.why}`
}

/**
 * Name the machine and the versions measured.
 *
 * @returns E.g. `Node v20.20.2, 2 cores; cspell 9.8.0, …`.
 */
function environment(): string {
  const version = (name: string): string => {
    const manifest = path.join(projectRoot, 'node_modules', name, 'package.json')
    return (JSON.parse(readFileSync(manifest, 'utf8')) as {version: string}).version
  }
  const packages = ['retext-spell', 'dictionary-en', 'cspell'].map((name) => `${name} ${version(name)}`)
  return `Node ${process.version}, ${os.availableParallelism()} cores; ${packages.join(', ')}`
}

/**
 * Spell out the command that reproduces a run.
 *
 * @param options Options of the run.
 * @returns Command line.
 */
function reproduceCommand(options: SpeedOptions): string {
  const args = [
    ...(options.runs === undefined ? [] : ['--runs', String(options.runs)]),
    ...(options.cases.length === caseNames.length ? [] : ['--only', options.cases.join(',')]),
    ...(options.files === 1000 ? [] : ['--files', String(options.files)]),
    ...(options.timeout === 600 ? [] : ['--timeout', String(options.timeout)]),
    ...(options.json ? ['--json'] : [])
  ]
  // `-s` keeps npm's banner off standard output, so that with --json it holds only the JSON.
  const script = options.json ? 'npm run -s bench' : 'npm run bench'
  return '`' + script + (args.length > 0 ? ' -- ' + args.join(' ') : '') + '`'
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
