import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {writeAtomically} from '../files/atomic-write.js'
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
 * findings that have gone are dropped from it.
 *
 * @param files Linted files.
 * @param filePath Path of the baseline file.
 * @returns How many findings were recorded.
 */
export async function writeBaseline(files: readonly VFile[], filePath: string): Promise<number> {
  const folder = path.dirname(filePath)
  const counts = new Map<string, Baseline['findings'][number]>()
  for (const file of files) {
    const where = baselinePath(file, folder)
    for (const message of file.messages) {
      const rule = message.ruleId ?? ''
      const text = message.actual ?? ''
      const key = findingKey(rule, where, text)
      const entry = counts.get(key)
      if (entry) entry.count++
      else counts.set(key, {rule, file: where, text, count: 1})
    }
  }
  // Sorted, so that a rewritten baseline differs from the old one only where findings did.
  const findings = [...counts.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.text, b.text)
  )
  const baseline: Baseline = {version: 1, findings}
  const mode = fs.existsSync(filePath) ? fs.statSync(filePath).mode & 0o7777 : undefined
  await writeAtomically(filePath, JSON.stringify(baseline, undefined, 2) + '\n', mode)
  return findings.reduce((sum, finding) => sum + finding.count, 0)
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
