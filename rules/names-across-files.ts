import path from 'node:path'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {type AcrossFindings, defineAcrossRule} from '../src/define-rule.js'
import {type Dialect, defaultDialect, dictionaryLookup} from '../src/words/dictionary.js'
import {isCertainNameFix, markFixable} from '../src/settle/fix.js'
import {type CaseVariant, caseVariants, type Departure, departures, type NameEntry, type Place, type RunSpelling, type StoryNames, type StorySpelling} from '../src/across/names-index.js'
import {portablePath} from '../src/portable-path.js'
import {markProvisional} from '../src/settle/provisional.js'
import {startOffset} from '../src/settle/settle.js'
import {ruleUrl} from '../src/rule-url.js'
import {setSeverity} from '../src/severity.js'
import {wordSet} from '../src/words/word-set.js'

/** Options of the `names-across-files` rule. */
export interface NamesAcrossFilesOptions {
  /** Accepted words (config `words`, `wordsFile`, and the bundled names): the spellings to prefer. */
  words?: readonly string[] | undefined
  /** The newsroom's own accepted words (config `words`, word lists): its house spellings. */
  ownWords?: readonly string[] | undefined
  /** Sets of spellings that are different names (config `distinct`). */
  distinct?: ReadonlyArray<readonly string[]> | undefined
  /** The dialect to spell by (config `dialect`, `--dialect`): which dictionary's names are never changed. */
  dialect?: Dialect | undefined
}

/** The rule's id, which its findings across stories carry. */
const ruleId = 'names-across-files'

/**
 * Flag a name spelled one way in a story and another way in the rest of
 * the run (`Kowalczik` in one story, `Kowalczyk` in two others).
 *
 * Once each story's findings are settled, this rule notes the story's names
 * (its part of the names index, `file.data.copydeskNames`); the findings
 * are made once every story is linted (`reportAcrossFiles`). What the
 * other rules reported is left out: a slip that `spelling` reports as an
 * error is not a name, and a variant `name-consistency` reported in the
 * story is not reported again.
 */
export default defineAcrossRule<NamesAcrossFilesOptions>(
  {id: ruleId, description: 'One name spelled two ways in different stories of a run'},
  function (options, settings) {
    const words = options?.words ?? []
    const listed = wordSet(words)
    const own = new Set(options?.ownWords ?? [])
    const dictionary = dictionaryLookup(options?.dialect ?? defaultDialect)
    const distinct = (options?.distinct ?? []).map((names) => [...names])
    return function ({spelling: check, names}, settled, file) {
      const slips = new Set<number>()
      for (const message of settled.messages) {
        if (message.ruleId === 'spelling' && message.fatal === true) slips.add(startOffset(message) ?? -1)
      }
      const markers = (file.data.copydeskMarkers ?? []).length > 0
      const text = String(file.value)
      const byText = new Map<string, StorySpelling>()
      let previous: {spelling: StorySpelling; place: Place} | undefined
      for (const use of names) {
        const place = toPlace(use.position)
        if (!place || slips.has(place.offset)) continue
        let spelling = byText.get(use.text)
        if (!spelling) {
          const isListed = listed.has(use.text)
          // "Plan" in a title-case headline is a word, not a name; nor is "I'm".
          if (use.known && !isListed && (check.isKnown(use.text.toLowerCase()) || pronounI.test(use.text))) continue
          spelling = {
            text: use.text,
            count: 0,
            first: place,
            known: use.known,
            listed: isListed,
            dictionary: use.known && dictionary.correct(use.text),
            own: own.has(use.text),
            // Set now, so that the object keeps one shape and no separate property store.
            neighbours: undefined,
            open: undefined
          }
          byText.set(use.text, spelling)
        }
        spelling.count++
        if (previous && isNextTo(text, previous.place, place)) {
          addNeighbour(previous.spelling, spelling.text)
          addNeighbour(spelling, previous.spelling.text)
        }
        previous = {spelling, place}
        // The dictionary's and the newsroom's own spellings are never the ones to change.
        if (spelling.dictionary || spelling.own || settled.owned.has(place.offset)) continue
        const named = spelling
        if (markers) {
          // Kept only if the story's comment markers leave the rule on there: known once the rules are done.
          const stand = file.message('', {place: use.position})
          markProvisional(stand, () => (named.open ??= []).push(place))
        } else (named.open ??= []).push(place)
      }
      const spellings = [...byText.values()]
      // Arrays grown by `push` keep room for more: the run keeps these to its end.
      for (const spelling of spellings) {
        if (spelling.open) spelling.open = spelling.open.slice()
        if (spelling.neighbours) spelling.neighbours = spelling.neighbours.slice()
      }
      const story: StoryNames = {path: runPath(file), severity: settings.severity, distinct, spellings}
      file.data.copydeskNames = story
    }
  },
  reportAcrossFiles
)

/** `I'm`, `I've`, `I'd`: the pronoun, which is capitalised, not a name. */
const pronounI = /^I['\u2019]/

/** Neighbours kept per spelling: enough to match a first name, without a long story's whole cast. */
const mostNeighbours = 8

/**
 * Note a name written next to a spelling.
 *
 * @param spelling The spelling.
 * @param name The name next to it.
 */
function addNeighbour(spelling: StorySpelling, name: string): void {
  const neighbours = (spelling.neighbours ??= [])
  if (name !== spelling.text && neighbours.length < mostNeighbours && !neighbours.includes(name)) neighbours.push(name)
}

/**
 * Whether two names are written one after the other, with only a space
 * between (`Marta Kowalczyk`), not across a comma or a line.
 *
 * @param text The story's text.
 * @param before The first name's place.
 * @param after The second's.
 * @returns Whether they are neighbours.
 */
function isNextTo(text: string, before: Place, after: Place): boolean {
  const gap = after.offset - before.endOffset
  if (gap < 1 || gap > 2) return false
  return /^[ \u00A0]+$/.test(text.slice(before.endOffset, after.offset))
}

/**
 * Find, on the stories of a run, each use of a name spelled differently
 * from the rest of the run (see `departures`). Settling them against the
 * stories' own findings is `settleAcrossFindings`' job: a finding here
 * replaces what `spelling` said at `info` or `warning` on the same word
 * (`unknown name, check it once`), since it says what to write.
 *
 * @param files The run's linted stories.
 * @param entries The run's names (`buildNamesIndex`).
 * @returns The findings per story, and the stories in the index that are not among `files` (read from `--names-in`).
 */
function reportAcrossFiles(files: readonly VFile[], entries: readonly NameEntry[]): AcrossFindings {
  const byStory = new Map<StoryNames, VFile>()
  for (const file of files) if (file.data.copydeskNames) byStory.set(file.data.copydeskNames, file)
  const elsewhere = new Map<StoryNames, VFile>()
  const found = new Map<VFile, VFileMessage[]>()
  for (const departure of departures(entries)) {
    const {story, spelling} = departure.use
    if (!spelling.open) continue
    let file = byStory.get(story) ?? elsewhere.get(story)
    if (!file) {
      file = storyFile(story)
      elsewhere.set(story, file)
    }
    let messages = found.get(file)
    if (!messages) found.set(file, (messages = []))
    for (const place of spelling.open) messages.push(report(file, departure, place))
  }
  for (const cased of caseVariants(entries)) {
    for (const use of cased.variant.stories) {
      if (!use.spelling.open) continue
      let file = byStory.get(use.story) ?? elsewhere.get(use.story)
      if (!file) {
        file = storyFile(use.story)
        elsewhere.set(use.story, file)
      }
      let messages = found.get(file)
      if (!messages) found.set(file, (messages = []))
      for (const place of use.spelling.open) messages.push(reportCase(file, cased, use.story, place))
    }
  }
  return {found, elsewhere: [...elsewhere.values()]}
}

/**
 * Report one use of a variant.
 *
 * @param file The story.
 * @param departure The name, the variant and the story's use of it.
 * @param place Where.
 * @returns The finding, not yet on the story.
 */
function report(file: VFile, {entry, variant, use}: Departure, place: Place): VFileMessage {
  const {canonical} = entry
  const first = canonical.stories.find((other) => other.story !== use.story)
  const message = spellingMessage(file, variant.text, canonical.text, reasonText(entry, use.story), place, first)
  message.note = 'Spellings in this run: ' + entry.spellings.map((spelling) => spellingNote(spelling, use.story)).join('; ')
  // A run split evenly between two spellings has no spelling to use, only a first one: worth a note, not a warning.
  const even = entry.reason === 'uses' || entry.reason === 'first use'
  const evidence = {decided: !even, variantKnown: variant.known, variantUses: variant.count}
  if (isCertainNameFix({variant: variant.text, expected: canonical.text, ...evidence})) markFixable(message)
  setSeverity(message, use.story.severity ?? (even ? 'info' : 'warning'))
  return message
}

/**
 * A finding on one use of a spelling where the run writes another, with
 * the place where the other is first used as its cause.
 *
 * @param file The story.
 * @param actual The spelling used here.
 * @param expected The spelling to write.
 * @param why Why that one (`as spelled in 3 other files`).
 * @param place Where.
 * @param first A story of the run that writes `expected`, if any.
 * @returns The finding, not yet on the story, without note, fix or severity.
 */
function spellingMessage(
  file: VFile,
  actual: string,
  expected: string,
  why: string,
  place: Place,
  first: {story: StoryNames; spelling: {first: Place}} | undefined
): VFileMessage {
  const message = new VFileMessage(`Unexpected \`${actual}\`, expected \`${expected}\` ${why}`, {
    place: {
      start: {line: place.line, column: place.column, offset: place.offset},
      end: {line: place.endLine, column: place.endColumn, offset: place.endOffset}
    },
    ruleId,
    source: 'copydesk',
    cause: first ? firstUsedHere(expected, first.story.path, first.spelling.first) : undefined
  })
  message.file = file.path
  message.url = ruleUrl(ruleId)
  message.actual = actual
  message.expected = [expected]
  return message
}

/**
 * Report one use of a spelling in another case than the run's (`FedRamp`
 * where the run writes `FedRAMP`): a warning, never fixed.
 *
 * @param file The story.
 * @param cased The variant and the case to write.
 * @param story The story's names.
 * @param place Where.
 * @returns The finding, not yet on the story.
 */
function reportCase(file: VFile, {canonical, variant}: CaseVariant, story: StoryNames, place: Place): VFileMessage {
  const first = canonical.stories.find((other) => other.story !== story) ?? canonical.stories[0]
  const why = canonical.own
    ? 'as in the word list'
    : canonical.count > variant.count
      ? `as written ${canonical.count} ${canonical.count === 1 ? 'time' : 'times'} in the run`
      : 'as in the dictionary'
  const message = spellingMessage(file, variant.text, canonical.text, why, place, first)
  setSeverity(message, story.severity ?? 'warning')
  return message
}

/**
 * Say why the canonical spelling is the one to use.
 *
 * @param entry The name.
 * @param story The story reported on.
 * @returns Words for the message.
 */
function reasonText(entry: NameEntry, story: StoryNames): string {
  const {canonical} = entry
  const others = canonical.stories.filter((use) => use.story !== story)
  const where = `${others.length} other ${others.length === 1 ? 'file' : 'files'}`
  switch (entry.reason) {
    case 'word list':
      return `as in the word list and ${where}`
    case 'dictionary':
      return `as in the dictionary and ${where}`
    case 'stories':
      return `as spelled in ${where}`
    default: {
      const files = canonical.stories.length
      return `or the other way round: both spellings are in use in the run, in ${files} ${files === 1 ? 'file' : 'files'} each`
    }
  }
}

/**
 * Point at where the spelling to use is first written in another story.
 *
 * @param text The spelling to use.
 * @param filePath The story's path.
 * @param place Its first use there.
 * @returns The cause.
 */
function firstUsedHere(text: string, filePath: string, place: Place): VFileMessage {
  // The pretty report shows a cause's place without its file: the reason names it.
  const cause = new VFileMessage(`\`${text}\` first used in ${filePath}`, {
    place: {
      start: {line: place.line, column: place.column, offset: place.offset},
      end: {line: place.endLine, column: place.endColumn, offset: place.endOffset}
    },
    ruleId,
    source: 'copydesk'
  })
  cause.file = filePath
  return cause
}

/**
 * Describe a spelling's uses for a note: how often, in how many files, and
 * the first few files (this one named as such).
 *
 * @param spelling The spelling.
 * @param story The story reported on.
 * @returns Text such as `Kowalczyk: 3 uses in 2 files (a.md:1:5, b.md:2:1)`.
 */
function spellingNote(spelling: RunSpelling, story: StoryNames): string {
  const shown = 3
  const places = spelling.stories
    .slice(0, shown)
    .map(({story: other, spelling: own}) => (other === story ? 'this file' : `${other.path}:${own.first.line}:${own.first.column}`))
  const more = spelling.stories.length - shown
  if (more > 0) places.push(`${more} more`)
  const uses = `${spelling.count} ${spelling.count === 1 ? 'use' : 'uses'}`
  const files = `${spelling.stories.length} ${spelling.stories.length === 1 ? 'file' : 'files'}`
  return `${spelling.text}: ${uses} in ${files} (${places.join(', ')})`
}

/**
 * A story that the run did not lint (it came from a names index), to carry
 * the findings on it.
 *
 * @param story The story's part of the index.
 * @returns A file without text, named as the index names it.
 */
function storyFile(story: StoryNames): VFile {
  const file = new VFile({path: story.path})
  file.data.copydeskNames = story
  return file
}

/**
 * A story's path as the names index keeps it: relative to the working
 * directory, with `/`, so that indexes written on other machines (or by
 * runs given other paths) name a story alike.
 *
 * @param file The story.
 * @returns Its path.
 */
export function runPath(file: VFile): string {
  return portablePath(file.cwd, path.resolve(file.cwd, file.path))
}

/**
 * The place of a use.
 *
 * @param position The use's position.
 * @returns Place, or `undefined` without offsets.
 */
function toPlace(position: Position): Place | undefined {
  const {start, end} = position
  if (start.offset === undefined || end.offset === undefined) return undefined
  return {line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset: start.offset, endOffset: end.offset}
}



declare module 'vfile' {
  interface DataMap {
    /** The story's part of the names index, noted by `names-across-files`. */
    copydeskNames: StoryNames
  }
}
