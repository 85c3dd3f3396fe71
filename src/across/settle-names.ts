import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describeVariant, isDecided, type NameEvidence} from '../../rules/name-consistency.js'
import {ruleUrl} from '../rule-url.js'
import {type Severity, setSeverity, severityOf} from '../severity.js'
import {isCertainNameFix, markFixable, unmarkFixable} from '../settle/fix.js'
import {startOffset} from '../settle/settle.js'
import type {NameEntry, Place, RunSpelling, StoryNames, StorySpelling} from './names-index.js'

/** The rule whose findings the run settles here. */
const ruleId = 'name-consistency'

/** Other stories that must use a spelling for the run to overturn a choice the story made by evidence of its own. */
const establishedIn = 2

/**
 * Settle the findings of `name-consistency` against the whole run, once
 * every story is linted. A story alone decides a name's spelling by the
 * newsroom's word list, then the names lists and dictionary, then its own
 * majority; the run knows more. Its established spelling (used in more
 * of the run's other stories than any other spelling, and in two at least
 * to overturn what the story's own evidence chose) comes right after the
 * word list:
 *
 * - a story that writes `Lindpainter` and `Lindpaintner` once each, where
 *   five other stories write `Lindpaintner`, is told to write
 *   `Lindpaintner` (the story alone would have taken the first);
 * - a tie the run breaks the same way as the story becomes a decided
 *   answer, and one it does not break stays a tie; so does a spelling the
 *   story chose only as the likelier of two used as often;
 * - a spelling the dictionary or the newsroom's own word list has is
 *   never the one to change, whatever the run says.
 *
 * A fix is taken back when the run uses the variant in other stories too:
 * a spelling written in several stories is no slip (see `isCertainNameFix`).
 *
 * @param files The run's linted stories.
 * @param names The run's names index.
 */
export function settleNamesByRun(files: readonly VFile[], names: readonly NameEntry[]): void {
  const run = new Map<string, RunSpelling>()
  for (const entry of names) for (const spelling of entry.spellings) run.set(spelling.text, spelling)
  for (const file of files) {
    const groups = new Map<string, VFileMessage[]>()
    for (const message of file.messages) {
      const canonical = message.nameCanonical ?? message.expected?.[0]
      if (message.ruleId !== ruleId || message.nameEvidence === undefined || canonical === undefined) continue
      const group = groups.get(canonical)
      if (group) group.push(message)
      else groups.set(canonical, [message])
    }
    for (const [canonical, messages] of groups) settleGroup(file, canonical, messages, run)
  }
}

/**
 * Settle one name's findings in one story against the run.
 *
 * @param file The story.
 * @param canonical The spelling the story alone chose.
 * @param messages The findings on the name's other spellings.
 * @param run Every spelling of the run.
 */
function settleGroup(file: VFile, canonical: string, messages: VFileMessage[], run: ReadonlyMap<string, RunSpelling>): void {
  const story = file.data.copydeskNames
  const [model] = messages
  if (!model) return
  const evidence = model.nameEvidence
  // Uses of each spelling in the other stories of the run.
  const elsewhere = (text: string): RunSpelling['stories'] =>
    (run.get(text)?.stories ?? []).filter((use) => use.story !== story)
  const usesElsewhere = (text: string): number => elsewhere(text).reduce((sum, use) => sum + use.spelling.count, 0)

  const spellings = [canonical, ...new Set(messages.map((message) => message.actual ?? ''))]
  const established = mostStories(spellings, (text) => elsewhere(text).length)
  const storySpelling = (text: string): StorySpelling | undefined => story?.spellings.find((spelling) => spelling.text === text)
  const severity = severityOf(model)

  // Over a choice the story made (its majority, a names list), the run's spelling must be established in two
  // other stories at least: one story's "Haugmania" (a festival) says little against "Haugmann" twice here.
  // A tie, or a lean of written usage or letters, gives way to one other story.
  const leaning = evidence !== undefined && !isDecided(evidence)
  const outweighs = established !== undefined && (leaning || elsewhere(established).length >= establishedIn)
  if (evidence !== 'word list' && established !== undefined && established !== canonical && outweighs) {
    const dropped = storySpelling(canonical)
    // "Lyme", which the dictionary has, is never the spelling to change; nor is the newsroom's own.
    if (dropped && !dropped.dictionary && !dropped.own && story) {
      turnTo(file, story, established, dropped, messages, run, severity)
      return
    }
  }

  if (established === canonical && leaning) {
    const first = storySpelling(canonical)?.first
    for (const message of messages) {
      describeVariant(message, describeRun(canonical, spellings, messages, elsewhere(canonical).length, first, story))
      setSeverity(message, severity)
      const variant = message.actual ?? ''
      const fix = {variant, expected: canonical, decided: true, variantKnown: false, variantUses: (message.nameStoryUses ?? 0) + usesElsewhere(variant)}
      if (isCertainNameFix({...fix, otherCompany: message.nameOtherCompany})) markFixable(message)
    }
    return
  }

  // "Wikimania" in this story and in others: written on purpose, not a slip to rewrite.
  for (const message of messages) if (message.fixable && usesElsewhere(message.actual ?? '') > 0) unmarkFixable(message)
}

/**
 * The spelling used in more of the run's other stories than each other one.
 *
 * @param spellings A name's spellings in the story.
 * @param stories How many other stories use a spelling.
 * @returns The spelling, if one is used in more.
 */
function mostStories(spellings: readonly string[], stories: (text: string) => number): string | undefined {
  const counted = spellings.map((text) => ({text, count: stories(text)})).sort((a, b) => b.count - a.count)
  const [first, second] = counted
  return first && first.count > 0 && first.count > (second?.count ?? 0) ? first.text : undefined
}

/**
 * Turn a name's findings in a story to the run's established spelling: its
 * own uses are no longer reported, the uses of the spelling the story chose
 * are, and every other variant now expects the run's spelling.
 *
 * @param file The story.
 * @param story The story's names, as the run's index holds them.
 * @param established The run's spelling.
 * @param dropped The spelling the story chose.
 * @param messages The findings on the name's other spellings.
 * @param run Every spelling of the run.
 * @param severity The severity the findings had.
 */
function turnTo(
  file: VFile,
  story: StoryNames,
  established: string,
  dropped: StorySpelling,
  messages: VFileMessage[],
  run: ReadonlyMap<string, RunSpelling>,
  severity: Severity
): void {
  const model = messages[0]
  const kept = messages.filter((message) => message.actual !== established)
  const ownUses = messages.filter((message) => message.actual === established)
  const own = story.spellings.find((spelling) => spelling.text === established)
  const files = otherStories(established, story, run)
  const added: VFileMessage[] = (dropped.open ?? []).map((place) => {
    const message = file.message('', {place: toPosition(place), ruleId, source: 'copydesk'})
    message.url = ruleUrl(ruleId)
    message.actual = dropped.text
    message.nameStoryUses = dropped.count
    message.nameOtherCompany = model?.nameOtherCompany
    return message
  })
  const removed = new Set<VFileMessage>(ownUses)
  const taken = new Set(added.map(startOffset))
  file.messages = file.messages.filter(
    (message) =>
      !removed.has(message) && !(message.ruleId === 'spelling' && severityOf(message) !== 'error' && taken.has(startOffset(message)))
  )
  const counts = new Map<string, number>([[established, own?.count ?? ownUses.length], [dropped.text, dropped.count]])
  for (const message of kept) counts.set(message.actual ?? '', message.nameStoryUses ?? 0)
  const spellings = [...counts].sort((a, b) => b[1] - a[1])
  const first = own ? toPosition(own.first) : undefined
  for (const message of [...kept, ...added]) {
    describeVariant(message, {canonical: established, evidence: 'run', count: files, first, spellings})
    setSeverity(message, severity)
    const variant = message.actual ?? ''
    const variantUses = run.get(variant)?.count ?? message.nameStoryUses ?? 0
    const known = variant === dropped.text ? dropped.known : false
    message.fixable = false
    const fix = {variant, expected: established, decided: true, variantKnown: known, variantUses}
    if (isCertainNameFix({...fix, otherCompany: message.nameOtherCompany})) markFixable(message)
  }
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/**
 * How many of the run's other stories use a spelling.
 *
 * @param text The spelling.
 * @param story The story.
 * @param run Every spelling of the run.
 * @returns The count.
 */
function otherStories(text: string, story: StoryNames, run: ReadonlyMap<string, RunSpelling>): number {
  return (run.get(text)?.stories ?? []).filter((use) => use.story !== story).length
}

/**
 * Describe a tie the run breaks the story's way.
 *
 * @param canonical The spelling to use.
 * @param spellings The name's spellings in the story.
 * @param messages The findings.
 * @param files Other stories that use the spelling to use.
 * @param first Its first use in the story.
 * @param story The story's names.
 * @returns The description.
 */
function describeRun(
  canonical: string,
  spellings: readonly string[],
  messages: readonly VFileMessage[],
  files: number,
  first: Place | undefined,
  story: StoryNames | undefined
): Parameters<typeof describeVariant>[1] {
  const uses = (text: string): number =>
    story?.spellings.find((spelling) => spelling.text === text)?.count ??
    messages.find((message) => message.actual === text)?.nameStoryUses ??
    0
  return {
    canonical,
    evidence: 'run' satisfies NameEvidence,
    count: files,
    first: first ? toPosition(first) : undefined,
    spellings: spellings.map((text) => [text, uses(text)] as [string, number]).sort((a, b) => b[1] - a[1])
  }
}

/**
 * A place as a unist position.
 *
 * @param place A place of the names index.
 * @returns The position.
 */
function toPosition(place: Place): Position {
  return {
    start: {line: place.line, column: place.column, offset: place.offset},
    end: {line: place.endLine, column: place.endColumn, offset: place.endOffset}
  }
}
