import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {main} from '../src/cli/cli.js'
import {gatherOutcomes, type Gathered, lintStories, type StoriesOptions} from '../src/pipeline.js'
import {lintText} from '../src/lint.js'
import {toInputFile} from '../src/files/read-input.js'
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
