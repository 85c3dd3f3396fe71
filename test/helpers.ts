import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import type {Root as NlcstRoot} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {StoryNames} from '../src/across/names-index.js'
import type {Story} from '../src/analyse/story.js'
import {eachSentence} from '../src/analyse/each-sentence.js'
import {createProcessor} from '../src/parse/processor.js'
import {main} from '../src/cli/cli.js'
import {type Config, resolveConfig} from '../src/config/config.js'
import {rulesRunFor, type RuleRun} from '../src/config/rule-setup.js'
import {gatherOutcomes, type Gathered, lintStories, Pipeline, type StoriesOptions} from '../src/pipeline.js'
import {lintText} from '../src/lint.js'
import {toInputFile} from '../src/files/read-input.js'
import type {Settled} from '../src/settle/settle.js'
import {severityOf} from '../src/severity.js'

/** Folder of the fixture stories. */
export const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

/** The repository root. */
export const root = fileURLToPath(new URL('../', import.meta.url))

/**
 * Lint one document in memory, with the default config.
 *
 * @param doc The story.
 * @param filePath Name that decides its format.
 * @returns The linted file.
 */
export async function lintDoc(doc: string, filePath = 'story.txt'): Promise<VFile> {
  const file = await lintText(doc, {path: filePath, cwd: os.tmpdir(), config: false})
  const [problem] = file.data.problems ?? []
  if (problem) throw problem
  return file
}

/**
 * Lint stories already in memory, as one thread of a run does, and gather
 * them as the run reports them.
 *
 * @param files The stories (see `toInputFile`).
 * @param options Where config comes from.
 * @returns The reported stories and the problems, each once.
 */
export async function lintInMemory(files: VFile[], options: StoriesOptions): Promise<Gathered> {
  return gatherOutcomes(files, await lintStories(files, options))
}

/**
 * Describe a file's messages the way the tests compare them:
 * `line:column-endLine:endColumn severity actual`.
 *
 * @param file Linted file.
 * @returns One line per message, in document order.
 */
export function findings(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.actual}`)
}

/**
 * Describe a file's messages with what each says to write instead:
 * `line:column-endLine:endColumn severity actual → expected` (suggestions
 * joined by `, `, nothing after the arrow when there are none).
 *
 * @param file A file with findings.
 * @returns One line per message, in document order.
 */
export function findingsWithFixes(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.actual} → ${(message.expected ?? []).join(', ')}`)
}

/**
 * The words each finding claims from later rules (see `settleFindings`),
 * read from the file's text at each offset in `claims`; a claim outside
 * the finding's place is given as `outside word`, as a finding should only
 * claim words it covers.
 *
 * @param file A rule's findings file, unsettled.
 * @returns Per message, in order, the claimed words.
 */
export function claimedWords(file: VFile): string[][] {
  const text = String(file.value)
  return file.messages.map(function (message) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    return (message.claims ?? []).map(function (offset) {
      const word = /^[\p{L}\p{N}]+/u.exec(text.slice(offset))?.[0] ?? ''
      const inside = place && offset >= (place.start.offset ?? Infinity) && offset < (place.end.offset ?? -Infinity)
      return inside ? word : 'outside ' + word
    })
  })
}

/**
 * The rules whose findings on a file cover an offset of its text: what a
 * reader sees reported on one word.
 *
 * @param file A file with findings.
 * @param offset An offset in its text.
 * @returns The rule ids, one per finding, in the order of the messages.
 */
export function rulesCovering(file: VFile, offset: number): string[] {
  return file.messages.flatMap(function (message) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    return start !== undefined && end !== undefined && start <= offset && offset < end ? [message.ruleId ?? '?'] : []
  })
}

/**
 * Where a message is, as `line:column-endLine:endColumn`.
 *
 * @param message Message.
 * @returns Its range, or `?` without one.
 */
export function rangeOf(message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : '?'
}

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Run the CLI in-process.
 *
 * @param args Arguments.
 * @param options Working directory, standard input and environment.
 * @returns Exit code and output.
 */
export async function runCli(
  args: string[],
  options: {cwd?: string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv} = {}
): Promise<CliRun> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: string[] = []
  const err: string[] = []
  stdout.on('data', (chunk: Buffer) => out.push(String(chunk)))
  stderr.on('data', (chunk: Buffer) => err.push(String(chunk)))
  const code = await main(args, {
    cwd: options.cwd ?? fixtures,
    env: options.env ?? {},
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr
  })
  return {code, stdout: out.join(''), stderr: err.join('')}
}

/**
 * Make a temporary folder with the given files.
 *
 * @param files Relative paths and contents.
 * @returns The folder's path.
 */
export async function makeTree(files: Record<string, string | Buffer>): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-test-'))
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(folder, name)
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.writeFile(target, contents)
  }
  return folder
}

/** The story a rule is checked on alone, and how it is set up. */
export interface AloneOptions {
  /** Name that decides the story's format; `story.txt` when not given. */
  path?: string | undefined
  /** Config settings as a `.copydeskrc.json` holds them (`{dialect: 'en-GB'}`); `{}` when not given. */
  config?: Config | undefined
  /** Folder the config's file names (`houseStyle`, `wordsFile`) are relative to; the system's temporary folder when not given. */
  cwd?: string | undefined
}

/** A story analysed as the pipeline analyses it, with the rules its config switches on set up. */
export interface AnalysedStory {
  /** The Story every rule reads. */
  story: Story
  /** The rules, set up with their options exactly as the pipeline sets them up. */
  run: RuleRun
}

/**
 * Analyse a few lines of text into the Story the rules read, and set up
 * the rules of a config.
 *
 * @param text The story.
 * @param options Its path, config and folder.
 * @returns The Story and the rules set up.
 */
export async function analyseAlone(text: string, options: AloneOptions = {}): Promise<AnalysedStory> {
  const cwd = options.cwd ?? os.tmpdir()
  const config = resolveConfig(options.config ?? {}, undefined, cwd)
  const story = await new Pipeline().analyse(toInputFile(options.path ?? 'story.txt', text, cwd), config)
  return {story, run: rulesRunFor(config)}
}

/**
 * Run one rule alone on a Story built from a few lines: no other rule
 * runs, and nothing is settled, so the findings are exactly what the rule
 * said (with `claims`, `once` and `data.spokenFor` as it set them).
 *
 * @param ruleId The rule, one of those run on each story (not `names-across-files`: see `noteNamesAlone`).
 * @param text The story.
 * @param options Its path, config and folder.
 * @returns The rule's findings file.
 * @throws {Error} When the config switches the rule off, or it is a rule across stories.
 */
export async function checkAlone(ruleId: string, text: string, options: AloneOptions = {}): Promise<VFile> {
  const {story, run} = await analyseAlone(text, options)
  const rule = run.checks.find((check) => check.ruleId === ruleId)
  if (!rule) throw new Error(`rule \`${ruleId}\` does not check stories under this config`)
  // As the pipeline makes it: a file of the rule's own, with the story's path and text.
  const findings = new VFile({path: story.file.path, cwd: story.file.cwd, value: story.file.value})
  await rule.check(story, findings)
  return findings
}

/**
 * Run the per-story step of `names-across-files` alone on a Story built
 * from a few lines, as if the other rules had settled what is given.
 *
 * @param text The story.
 * @param options Its path, config and folder, and the story's settled findings (none when not given).
 * @returns The story's names as the step noted them (`file.data.copydeskNames`), and the story's file.
 * @throws {Error} When the config switches the rule off.
 */
export async function noteNamesAlone(
  text: string,
  options: AloneOptions & {settled?: Settled | undefined} = {}
): Promise<{names: StoryNames | undefined; file: VFile}> {
  const {story, run} = await analyseAlone(text, options)
  const rule = run.notes.find((note) => note.ruleId === 'names-across-files')
  if (!rule) throw new Error('rule `names-across-files` is off under this config')
  const settled = options.settled ?? {messages: [], owned: new Set<number>()}
  // As the pipeline leaves it: the story's file holds its settled findings when the step runs.
  story.file.messages = settled.messages
  rule.note(story, settled, story.file)
  return {names: story.file.data.copydeskNames, file: story.file}
}

/**
 * The words of a story as the pipeline parses it, each with the source
 * text its place covers: `working @ w**orking`, `and @ a\u200Bnd`.
 *
 * @param doc The story.
 * @param filePath Name that picks the format.
 * @returns One line per word, in order.
 */
export function wordsOf(doc: string, filePath: string): string[] {
  const tree = createProcessor().parse(new VFile({path: filePath, value: doc})) as NlcstRoot
  const words: string[] = []
  eachSentence(tree, function (sentence) {
    for (const node of sentence.children) {
      if (node.type !== 'WordNode') continue
      const {start, end} = node.position ?? {}
      words.push(`${nlcstToString(node)} @ ${doc.slice(start?.offset ?? 0, end?.offset ?? 0)}`)
    }
  })
  return words
}

/**
 * Text as UTF-32 saves it, four bytes a code point: written here rather than
 * by copydesk's own encoder, which the tests check.
 *
 * @param text The text, a byte order mark included if it has one.
 * @param order Little or big endian.
 * @returns The bytes.
 */
export function utf32(text: string, order: 'LE' | 'BE'): Buffer {
  const points = Array.from(text, (character) => character.codePointAt(0) ?? 0)
  const bytes = Buffer.alloc(points.length * 4)
  for (const [index, point] of points.entries()) {
    if (order === 'LE') bytes.writeUInt32LE(point, index * 4)
    else bytes.writeUInt32BE(point, index * 4)
  }
  return bytes
}
