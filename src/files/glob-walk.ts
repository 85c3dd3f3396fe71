import fs from 'node:fs/promises'
import path from 'node:path'
import {CopydeskError} from '../errors.js'
import {maxTextBytes, refusalOf} from './regular-file.js'
import {boundaryFor} from './repository-root.js'
import {type WalkResult, type WalkVisitor, walkTree} from './walk.js'
import {WildPattern, type WildOptions} from './wildmatch.js'

/** Command-line globs read like a shell's: case counts, hidden names need a literal dot, `a**b` is `a*b`. */
const globOptions: WildOptions = {ignoreCase: false, dot: false, crossingStars: false, unclosedBracket: 'literal'}

/** Most names one glob's braces may stand for: `{a,b}{c,d}…` doubles with each pair. */
export const maxAlternatives = 1000

/**
 * Whether an input is a glob rather than a path.
 *
 * @param input As typed.
 * @returns Whether it has an unescaped `*`, `?`, `[` or `{`.
 */
export function isGlob(input: string): boolean {
  for (let index = 0; index < input.length; index++) {
    const char = input[index]
    if (char === '\\') index++
    else if (char === '*' || char === '?' || char === '[' || char === '{') return true
  }
  return false
}

/**
 * Expand a glob into the files it matches, walking from its fixed leading
 * folders (see `walkTree`) and matching each path with {@link WildPattern}
 * (bounded time, whatever the pattern), entering only folders a match can
 * still lie in. `node_modules` and `.git` are never entered. What a glob
 * finds stays inside the repository root (or, for a glob whose fixed
 * folders lie outside it, inside their own repository or those folders:
 * see `boundaryFor`), links resolved.
 *
 * Syntax: `*` and `?` within a name, `[…]` classes, `**` for any number of
 * folders, `{a,b}` alternatives and `{1..3}` ranges, `\` to escape.
 *
 * @param pattern The glob, as typed.
 * @param cwd Working directory.
 * @param skip Folder names never entered.
 * @param root The run's repository root (`repositoryRoot`).
 * @returns Matching files relative to `cwd` (absolute for an absolute glob), unsorted, without duplicates; and the entries passed by.
 */
export async function globFiles(pattern: string, cwd: string, skip: ReadonlySet<string>, root: string): Promise<WalkResult> {
  const absolute = path.isAbsolute(pattern)
  const byBase = new Map<string, WildPattern[]>()
  const fixed = new Set<string>()
  for (const alternative of expandBraces(pattern)) {
    const parts = alternative.split('/')
    const split = parts.findIndex((part) => isGlob(part))
    if (split === -1) {
      fixed.add(path.resolve(cwd, unescape(alternative)))
      continue
    }
    // "/*.md": the fixed part is the top folder, written as nothing before the first slash.
    const leading = unescape(parts.slice(0, split).join('/'))
    const base = path.resolve(cwd, leading || (absolute ? path.parse(path.resolve(cwd)).root : '.'))
    const list = byBase.get(base) ?? []
    list.push(WildPattern.compile(parts.slice(split).join('/'), globOptions))
    byBase.set(base, list)
  }

  const found = new Set<string>()
  const skipped: WalkResult['skipped'] = []
  for (const file of fixed) {
    if (file.split(path.sep).some((name) => skip.has(name))) continue
    const refusal = refusalOf(file, {within: boundaryFor(path.dirname(file), root), maxBytes: maxTextBytes})
    if (!refusal) found.add(file)
    else if (refusal.kind !== 'missing' && !refusal.reason.startsWith('is a folder')) skipped.push({path: file, reason: refusal.reason})
  }
  for (const [base, patterns] of byBase) {
    if (base.split(path.sep).some((name) => skip.has(name))) continue
    const walked = await walkTree(base, patterns.map((one) => one.start()), globVisitor(patterns, skip), boundaryFor(base, root))
    for (const file of walked.files) found.add(file)
    skipped.push(...walked.skipped)
  }
  const shown = (file: string): string => (absolute ? file : path.relative(cwd, file))
  return {files: [...found].map(shown), skipped: skipped.map((entry) => ({...entry, path: shown(entry.path)}))}
}

/**
 * What a glob's walk looks for: names that keep some pattern alive, folders
 * a match may still lie in, files a pattern matches.
 *
 * @param patterns Patterns relative to the walk's base.
 * @param skip Folder names never entered.
 * @returns The visitor; its state is each pattern's state.
 */
function globVisitor(patterns: readonly WildPattern[], skip: ReadonlySet<string>): WalkVisitor<Uint8Array[]> {
  const alive = (states: readonly Uint8Array[]): boolean => states.some((state, index) => patterns[index]?.alive(state))
  return {
    entry(states, name) {
      const after = patterns.map((one, index) => one.feed(states[index] ?? one.start(), name))
      return alive(after) ? after : undefined
    },
    enter(states, name) {
      if (skip.has(name)) return undefined
      const inside = states.map((state, index) => patterns[index]?.feed(state, '/', false) ?? state)
      return alive(inside) ? inside : undefined
    },
    keep: (states) => states.some((state, index) => patterns[index]?.matched(state))
  }
}

/**
 * Expand `{a,b}` alternatives and `{1..3}` ranges, nested or not, as a
 * shell does; braces without a comma or range stay as they are.
 *
 * @param pattern A glob.
 * @returns The globs it stands for, in order.
 * @throws {CopydeskError} When they would be more than {@link maxAlternatives}.
 */
export function expandBraces(pattern: string): string[] {
  try {
    return expand(pattern)
  } catch (error) {
    if (error instanceof TooMany) {
      throw new CopydeskError(`too many alternatives in braces (more than ${maxAlternatives})`, {file: pattern})
    }
    throw error
  }
}

/** Thrown inside the expansion, to be reported with the whole glob. */
class TooMany extends Error {}

/**
 * Expand braces, throwing {@link TooMany} past the limit.
 *
 * @param pattern A glob or part of one.
 * @returns The globs it stands for.
 */
function expand(pattern: string): string[] {
  const group = firstGroup(pattern)
  if (group === undefined) return [pattern]
  const before = pattern.slice(0, group.start)
  const after = expand(pattern.slice(group.end + 1))
  const expanded: string[] = []
  for (const option of group.options) {
    for (const inner of expand(option)) {
      for (const rest of after) {
        expanded.push(before + inner + rest)
        if (expanded.length > maxAlternatives) throw new TooMany()
      }
    }
  }
  return expanded
}

/**
 * Find the first brace group with alternatives.
 *
 * @param pattern A glob.
 * @returns Where it starts and ends and what it offers, or `undefined`.
 */
function firstGroup(pattern: string): {start: number; end: number; options: string[]} | undefined {
  for (let start = 0; start < pattern.length; start++) {
    const char = pattern[start]
    if (char === '\\') {
      start++
      continue
    }
    if (char !== '{') continue
    let depth = 0
    const commas: number[] = []
    for (let end = start + 1; end < pattern.length; end++) {
      const inner = pattern[end]
      if (inner === '\\') end++
      else if (inner === '{') depth++
      else if (inner === '}' && depth > 0) depth--
      else if (inner === ',' && depth === 0) commas.push(end)
      else if (inner === '}') {
        const body = pattern.slice(start + 1, end)
        if (commas.length > 0) {
          const options = [...commas, end].map((comma, index) => pattern.slice(index === 0 ? start + 1 : (commas[index - 1] ?? 0) + 1, comma))
          return {start, end, options}
        }
        const range = rangeOf(body)
        if (range) return {start, end, options: range}
        break
      }
    }
  }
  return undefined
}

/**
 * Read `1..3` or `a..c` as the list it stands for.
 *
 * @param body Text between braces.
 * @returns The items, or `undefined` when it is not a range.
 */
function rangeOf(body: string): string[] | undefined {
  const numbers = /^(-?\d+)\.\.(-?\d+)$/.exec(body)
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body)
  const [from, to, text] = numbers
    ? [Number(numbers[1]), Number(numbers[2]), false]
    : letters
      ? [(letters[1] ?? '').charCodeAt(0), (letters[2] ?? '').charCodeAt(0), true]
      : []
  if (from === undefined || to === undefined) return undefined
  if (Math.abs(to - from) >= maxAlternatives) throw new TooMany()
  const step = from <= to ? 1 : -1
  const items: string[] = []
  for (let value = from; value !== to + step; value += step) items.push(text ? String.fromCharCode(value) : String(value))
  return items
}

/**
 * Drop glob escapes from a fixed part of a pattern.
 *
 * @param text Text with `\` escapes.
 * @returns The literal text.
 */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}
