import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {severityOf} from '../severity.js'

/**
 * The rules that may speak about the same word, in the order they win it:
 * a word one of them reports is not reported again by a later one.
 *
 * - `house-style` first: the newsroom's own decision (`Kiev` → `Kyiv`) is
 *   the most certain thing said about a word.
 * - `name-consistency`: a name spelled two ways in the story.
 * - `repeated-words`: `the the` is an error whatever the words are.
 * - `dialect-consistency`: a British spelling it reports or accepts is not
 *   reported again as unknown to dictionary-en.
 * - `hyphenation-consistency`.
 * - `spelling` last: it reports whatever no other rule spoke for.
 *
 * A rule not listed (`names-across-files`, which reports once the whole run
 * is linted) never competes for a word here.
 */
export const precedence: readonly string[] = [
  'house-style',
  'name-consistency',
  'repeated-words',
  'dialect-consistency',
  'hyphenation-consistency',
  'spelling'
]

/** What settling the rules' findings on a story gave. */
export interface Settled {
  /** The findings that won their words, in precedence order (each rule's in its own order). */
  messages: VFileMessage[]
  /** Offsets of the words some rule spoke for: what it reported, and what it accepted without a finding. */
  owned: Set<number>
}

/**
 * Decide which finding wins on a word. Each rule reports alone (see
 * `Check`). A finding may take words from the rules after it: it names
 * them in `claims` (offsets of their starts); a rule may also speak for
 * words without a finding (a British spelling the story keeps to), in its
 * findings file's `data.spokenFor`. Taking the rules in `precedence`
 * order, a finding is kept unless a rule before it spoke for one of its
 * words: its claims, or else the word its place starts on, and unless the
 * occurrence it compares against (its `cause`, `first used here`) is on a
 * word a rule before it took. Of the kept
 * findings that share a `once` key, only the first stays (a name reported
 * once per story).
 *
 * @param findings Each rule's findings file, by rule id.
 * @returns The findings kept, and the words spoken for.
 */
export function settleFindings(findings: ReadonlyMap<string, VFile>): Settled {
  const owned = new Set<number>()
  const once = new Set<string>()
  const messages: VFileMessage[] = []
  for (const ruleId of ordered(findings.keys())) {
    const file = findings.get(ruleId)
    if (!file) continue
    const won: number[] = []
    for (const message of file.messages) {
      const claims = message.claims ?? []
      const words = message.claims ?? [startOffset(message)]
      if (words.some((offset) => offset !== undefined && owned.has(offset))) continue
      // "Qadhafi, expected Qaddafi": compared against a use an earlier rule
      // rejected (the house style asks for another spelling), its advice would contradict that rule.
      if (isCauseTaken(message, owned)) continue
      if (message.once !== undefined) {
        if (once.has(message.once)) continue
        once.add(message.once)
      }
      messages.push(message)
      for (const offset of claims) won.push(offset)
      // Settled: these have done their job, and would only weigh on the report.
      delete message.claims
      delete message.once
    }
    for (const offset of won) owned.add(offset)
    for (const offset of file.data.spokenFor ?? []) owned.add(offset)
  }
  return {messages, owned}
}

/**
 * Settle the findings of a rule across stories (`names-across-files`) on a
 * story whose own findings are settled: each takes its word from what
 * `spelling` said there short of an error (`unknown name, check it
 * once`), since it says what to write; a slip `spelling` reports as an
 * error was never taken for a name.
 *
 * @param file The story, its own findings settled.
 * @param found The findings across stories on it.
 */
export function settleAcrossFindings(file: VFile, found: readonly VFileMessage[]): void {
  const taken = new Set(found.map(startOffset))
  file.messages = file.messages.filter(
    (message) => !(message.ruleId === 'spelling' && severityOf(message) !== 'error' && taken.has(startOffset(message)))
  )
  for (const message of found) file.messages.push(message)
  file.messages.sort(byPlace)
}

/**
 * Order findings by place (stable: findings at one place keep their order).
 *
 * @param a A finding.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

/**
 * Whether the occurrence a consistency finding compares against (its
 * `cause`) is on a word an earlier rule took.
 *
 * @param message The finding.
 * @param owned Words taken so far.
 * @returns Whether it is.
 */
function isCauseTaken(message: VFileMessage, owned: ReadonlySet<number>): boolean {
  const cause = message.cause
  if (!(cause instanceof VFileMessage)) return false
  const offset = startOffset(cause)
  return offset !== undefined && owned.has(offset)
}

/**
 * The offset a finding's place starts at.
 *
 * @param message The finding.
 * @returns The offset, if the place has one.
 */
export function startOffset(message: VFileMessage): number | undefined {
  const place = message.place
  if (!place) return undefined
  return 'start' in place ? place.start.offset : place.offset
}

/**
 * Rule ids in `precedence` order, those not listed after them in the order given.
 *
 * @param ruleIds Rule ids.
 * @returns Ordered ids.
 */
function ordered(ruleIds: Iterable<string>): string[] {
  const rank = (ruleId: string): number => {
    const index = precedence.indexOf(ruleId)
    return index === -1 ? precedence.length : index
  }
  return [...ruleIds].sort((a, b) => rank(a) - rank(b))
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Offsets of the starts of the words the finding takes from later rules, until it is settled (see `settleFindings`). */
    claims?: number[] | undefined
    /** Of the findings with this key, only the first kept is reported (see `settleFindings`). */
    once?: string | undefined
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Offsets of words a rule spoke for without reporting them, so that no later rule does (see `settleFindings`). */
    spokenFor: number[]
  }
}
