import {spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {location} from 'vfile-location'
import type {Severity} from '../src/severity.js'
import type {Finding} from './measure.js'

/**
 * Run copydesk on a repository as its users would, through the command
 * line (`node bin/copydesk.js --format json …`), whatever build the path
 * points at; and read and copy repositories.
 */

/** What one run of the command printed. */
export interface CommandRun {
  stdout: string
  stderr: string
  code: number
  seconds: number
}

/** The message of copydesk's JSON output, as far as the benchmark reads it. */
interface JsonMessage {
  ruleId: string | null
  severity: Severity
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  actual: string | null
  expected: string[] | null
}

/** Files whose names copydesk reads as stories and the benchmark puts slips into. */
export const storyPattern = /\.(?:md|markdown|mdx)$/i

/**
 * Run copydesk, taking exit codes 0 (clean) and 1 (findings) as success.
 *
 * @param bin Path to `bin/copydesk.js`.
 * @param args Arguments.
 * @param cwd Working directory.
 * @returns What it printed.
 * @throws {Error} On any other exit code, with copydesk's standard error.
 */
export async function runCopydesk(bin: string, args: readonly string[], cwd: string): Promise<CommandRun> {
  const started = performance.now()
  const child = spawn(process.execPath, [bin, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status, signal) => resolve(status ?? (signal ? 128 : 1)))
  })
  const run = {
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    code,
    seconds: (performance.now() - started) / 1000
  }
  if (code !== 0 && code !== 1) {
    throw new Error(`copydesk ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${run.stderr.trim()}`)
  }
  return run
}

/**
 * Read copydesk's JSON output into findings with offsets, worked out from
 * the line and column (UTF-16, as the README says) in the text linted.
 *
 * @param json The output of `--format json`.
 * @param texts Text of each file by its path as copydesk reports it.
 * @returns Findings in file and document order.
 * @throws {Error} When a finding is in a file the benchmark did not read, or has no place.
 */
export function jsonFindings(json: string, texts: ReadonlyMap<string, string>): Finding[] {
  const files = JSON.parse(json) as Array<{path: string; messages: JsonMessage[]}>
  const findings: Finding[] = []
  for (const file of files) {
    if (file.messages.length === 0) continue
    const text = texts.get(file.path)
    if (text === undefined) throw new Error(`copydesk reported on ${file.path}, which the benchmark did not read`)
    const place = location(text)
    for (const message of file.messages) {
      const {line, column, endLine, endColumn} = message
      if (line === null || column === null || endLine === null || endColumn === null) {
        throw new Error(`${file.path}: finding without a place: ${message.ruleId ?? ''}`)
      }
      findings.push({
        file: file.path,
        start: place.toOffset({line, column}) ?? -1,
        end: place.toOffset({line: endLine, column: endColumn}) ?? text.length,
        line,
        column,
        ruleId: message.ruleId ?? '',
        actual: message.actual ?? '',
        expected: message.expected ?? [],
        severity: message.severity
      })
    }
  }
  return findings
}

/**
 * Read every file of a repository.
 *
 * @param folder Repository folder.
 * @returns Text by path relative to the folder (with `/`), sorted by path.
 */
export async function readRepository(folder: string): Promise<Map<string, string>> {
  const paths: string[] = []
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(folder, relative), {withFileTypes: true})) {
      const child = relative === '' ? entry.name : relative + '/' + entry.name
      if (entry.isDirectory()) await walk(child)
      else if (entry.isFile()) paths.push(child)
    }
  }
  await walk('')
  paths.sort()
  const texts = await Promise.all(paths.map((file) => fs.readFile(path.join(folder, file), 'utf8')))
  return new Map(paths.map((file, index) => [file, texts[index] ?? '']))
}

/**
 * Write a repository's files to a fresh temporary folder (writable, whatever
 * the modes of the files read in place), use it, and remove it whatever happens.
 *
 * @param texts Text by relative path.
 * @param use What to do with the folder.
 * @returns What `use` gave.
 */
export async function withRepositoryCopy<T>(texts: ReadonlyMap<string, string>, use: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-repo-'))
  try {
    for (const [file, text] of texts) {
      const target = path.join(folder, ...file.split('/'))
      await fs.mkdir(path.dirname(target), {recursive: true})
      await fs.writeFile(target, text)
    }
    return await use(folder)
  } finally {
    await fs.rm(folder, {recursive: true, force: true})
  }
}

/**
 * Whether a repository has a copydesk config of its own at its root, which
 * a user's plain run would read.
 *
 * @param texts The repository's files.
 * @returns The config's path, or `undefined`.
 */
export function ownConfig(texts: ReadonlyMap<string, string>): string | undefined {
  for (const name of ['.copydeskrc', '.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml']) {
    if (texts.has(name)) return name
  }
  const manifest = texts.get('package.json')
  if (manifest !== undefined && /"copydesk"\s*:/.test(manifest)) return 'package.json'
  return undefined
}
