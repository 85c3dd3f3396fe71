import {InvalidArgumentError} from 'commander'
import {type Shard, parseShard} from '../files/shard.js'
import {type Dialect, dialects} from '../words/dictionary.js'

/**
 * Say a usage error of commander's on one line, like every other problem:
 * its suggestion (`(Did you mean --quiet?)`) comes on a line of its own.
 *
 * @param text Commander's message, `error: ...` and a line break.
 * @returns `copydesk: ...` and a line break.
 */
export function usageLine(text: string): string {
  const [first = '', ...rest] = text.trim().replace(/^error: /, '').split(/\r?\n/)
  const hint = rest.join(' ').trim().replace(/^\(Did you mean/, '(did you mean')
  return 'copydesk: ' + first + (hint ? ' ' + hint : '') + '\n'
}

/**
 * Parse a dialect, in any case (`en-gb` is `en-GB`).
 *
 * @param value Text of the flag.
 * @returns The dialect.
 */
export function parseDialect(value: string): Dialect {
  const dialect = dialects.find((known) => known.toLowerCase() === value.toLowerCase())
  if (!dialect) throw new InvalidArgumentError(`Allowed choices are ${dialects.join(', ')}.`)
  return dialect
}

/**
 * Parse a non-negative whole number.
 *
 * @param value Text of the flag.
 * @returns The number.
 */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more.')
  return Number(value)
}

/**
 * Parse a thread count: a whole number of 1 or more.
 *
 * @param value Text of the flag.
 * @returns The number.
 */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.')
  return Number(value)
}

/**
 * Parse `--shard K/N`: the part of the files this job lints.
 *
 * @param value Text of the flag.
 * @returns The shard.
 */
export function parseShardFlag(value: string): Shard {
  const shard = parseShard(value)
  if (!shard) throw new InvalidArgumentError('expected K/N, whole numbers with 1 ≤ K ≤ N, such as 2/4.')
  return shard
}
