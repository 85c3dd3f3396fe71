import {createHash} from 'node:crypto'
import path from 'node:path'
import {portablePath} from '../portable-path.js'

/**
 * One part of an archive split over the jobs of a CI matrix (`--shard 2/4`):
 * this job lints the files whose path hashes to part `index` of `count`.
 */
export interface Shard {
  /** Which part, from 1 (as `CI_NODE_INDEX` and a matrix of `[1, 2, 3]` count). */
  index: number
  /** How many parts, 1 or more. */
  count: number
}

/**
 * Read `K/N`: whole numbers with 1 ≤ K ≤ N.
 *
 * @param text The value as typed.
 * @returns The shard, or `undefined` when the text is not one.
 */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  // "1/99999999999999999999" is no job count, and would not divide exactly.
  if (!Number.isSafeInteger(count) || index < 1 || index > count) return undefined
  return {index, count}
}

/**
 * The part of `count` that a file belongs to, from a hash of its path and
 * nothing else: the files beside it, their order and the machine do not
 * move it, so adding a story leaves every other story in its part.
 *
 * @param portable The file's path relative to the working directory, with `/`.
 * @param count How many parts.
 * @returns The part, from 1 to `count`.
 */
export function shardOf(portable: string, count: number): number {
  // NFC: macOS may hand back "Łódź.md" decomposed where Linux has it composed,
  // and the jobs of one matrix can run on both.
  const digest = createHash('sha256').update(portable.normalize('NFC')).digest()
  // 48 bits of a uniform hash: the remainder is as even as the file count allows.
  return (digest.readUIntBE(0, 6) % count) + 1
}

/**
 * Keep the files of one shard.
 *
 * @param files Paths relative to `cwd` or absolute, in input order.
 * @param shard The part to keep; `undefined` keeps every file.
 * @param cwd Working directory the paths are hashed relative to: the jobs of a matrix must share it.
 * @returns The files of the shard, in input order.
 */
export function filesInShard(files: readonly string[], shard: Shard | undefined, cwd: string): readonly string[] {
  if (!shard) return files
  return files.filter((file) => shardOf(portablePath(cwd, path.resolve(cwd, file)), shard.count) === shard.index)
}
