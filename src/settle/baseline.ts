import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {replaceFile, writeFailure} from '../files/atomic-write.js'
import {rootForFile} from '../files/repository-root.js'
import {CopydeskError} from '../errors.js'
import {readJsonFile} from '../files/json-file.js'
import {portablePath} from '../portable-path.js'

/**
 * A baseline: the findings a repository already had when it adopted
 * copydesk, so that a check fails only on new ones. Findings are matched by
 * rule, file and text, never by line, so that an edit above a finding does
 * not bring it back; `count` says how many uses of that text in that file
 * are recorded.
 */
const baselineSchema = z.strictObject({
  version: z.literal(1),
  findings: z.array(
    z.strictObject({
      rule: z.string(),
      file: z.string(),
      text: z.string(),
      count: z.number().int().positive()
    })
  )
})

/** A baseline as read from its file. */
export type Baseline = z.infer<typeof baselineSchema>

/**
 * Read a baseline file.
 *
 * @param filePath Path of the file.
 * @param shown The path as the user gave it, for messages.
 * @returns The baseline.
 * @throws {CopydeskError} When the file is missing, does not parse or has the wrong shape.
 */
export function readBaseline(filePath: string, shown: string): Baseline {
  const data = readJsonFile(filePath, shown, 'baseline')
  const parsed = baselineSchema.safeParse(data)
  if (!parsed.success) {
    throw new CopydeskError('not a copydesk baseline (write one with `--write-baseline`)', {file: shown})
  }
  return parsed.data
}

/**
 * Drop the findings a baseline records from linted files.
 *
 * @param files Linted files; their messages are filtered in place.
 * @param baseline The baseline.
 * @param folder Folder of the baseline file: its paths are relative to it.
 * @returns How many findings were dropped.
 */
export function applyBaseline(files: readonly VFile[], baseline: Baseline, folder: string): number {
  const left = new Map<string, number>()
  for (const {rule, file, text, count} of baseline.findings) {
    const key = findingKey(rule, file, text)
    left.set(key, (left.get(key) ?? 0) + count)
  }
  let dropped = 0
  for (const file of files) {
    const where = baselinePath(file, folder)
    file.messages = file.messages.filter(function (message) {
      const key = findingKey(message.ruleId ?? '', where, message.actual ?? '')
      const remaining = left.get(key) ?? 0
      if (remaining === 0) return true
      left.set(key, remaining - 1)
      dropped++
      return false
    })
  }
  return dropped
}

/**
 * Record the findings of linted files as a baseline, replacing the file:
 * findings that have gone from a linted file are dropped from it. A run
 * with problems did not lint every story it was given (one could not be
 * read or decoded, a config failed): the old entries of a story it did not
 * lint and that is still there are kept, or they would come back as new
 * findings once the story can be read again.
 *
 * @param files Linted files.
 * @param filePath Path of the baseline file.
 * @param options `shown`: the path as the user gave it, for messages; `cwd`: the working directory; `incomplete`: whether the run had problems.
 * @returns How many findings were recorded.
 * @throws {CopydeskError} Naming the file when it cannot be written.
 */
export async function writeBaseline(
  files: readonly VFile[],
  filePath: string,
  options: {shown: string; cwd: string; incomplete: boolean}
): Promise<number> {
  const folder = path.dirname(filePath)
  const counts = new Map<string, Baseline['findings'][number]>()
  const linted = new Set<string>()
  for (const file of files) {
    const where = baselinePath(file, folder)
    linted.add(where)
    for (const message of file.messages) {
      const rule = message.ruleId ?? ''
      const text = message.actual ?? ''
      const key = findingKey(rule, where, text)
      const entry = counts.get(key)
      if (entry) entry.count++
      else counts.set(key, {rule, file: where, text, count: 1})
    }
  }
  if (options.incomplete) {
    for (const entry of previousFindings(filePath)) {
      if (linted.has(entry.file) || !exists(path.resolve(folder, entry.file))) continue
      counts.set(findingKey(entry.rule, entry.file, entry.text), {...entry})
    }
  }
  // Sorted, so that a rewritten baseline differs from the old one only where findings did.
  const findings = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.text, b.text)
  )
  const baseline: Baseline = {version: 1, findings}
  try {
    await replaceFile(filePath, JSON.stringify(baseline, undefined, 2) + '\n', rootForFile(filePath, options.cwd))
  } catch (error) {
    throw new CopydeskError('baseline cannot be written: ' + writeFailure(error), {file: options.shown}, error)
  }
  return findings.reduce((sum, finding) => sum + finding.count, 0)
}

/**
 * The findings of the baseline a run is about to replace.
 *
 * @param filePath Path of the baseline file.
 * @returns Its findings; none when it is missing or not a baseline (it is replaced whole then).
 */
function previousFindings(filePath: string): Baseline['findings'] {
  try {
    return readBaseline(filePath, filePath).findings
  } catch {
    return []
  }
}

/**
 * Whether a path is still there, readable or not.
 *
 * @param filePath The path.
 * @returns Whether it exists.
 */
function exists(filePath: string): boolean {
  try {
    fs.lstatSync(filePath)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR'
  }
}

/**
 * The path of a linted file as a baseline records it: relative to the
 * baseline's folder, with forward slashes on every system.
 *
 * @param file Linted file.
 * @param folder Folder of the baseline file.
 * @returns The path.
 */
function baselinePath(file: VFile, folder: string): string {
  return portablePath(folder, path.resolve(file.cwd, file.path))
}

/**
 * Identify a finding across runs.
 *
 * @param rule Rule id.
 * @param file Path relative to the baseline.
 * @param text The text it covers.
 * @returns Key.
 */
function findingKey(rule: string, file: string, text: string): string {
  return JSON.stringify([rule, file, text])
}

/**
 * Compare two strings by code unit, the same on every machine.
 *
 * @param a A string.
 * @param b Another.
 * @returns Negative, zero or positive.
 */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
