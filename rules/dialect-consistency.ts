import type {Root, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {isAsciiCapital} from '../src/ascii.js'
import {defineRule} from '../src/define-rule.js'
import {type Counterpart, canHaveCounterpart, counterpartLookup, type SpellingKind} from '../src/words/dialect-spellings.js'
import {type Dialect, dictionaryLookup} from '../src/words/dictionary.js'
import {setSeverity} from '../src/severity.js'
import type {SpellCheck} from '../src/analyse/spell-check.js'
import {capitalLike} from '../src/words/letter-case.js'
import {eachSentence} from '../src/analyse/each-sentence.js'
import {wordText} from '../src/analyse/word-text.js'

/** Options of the `dialect-consistency` rule. */
export interface DialectConsistencyOptions {
  /** The newsroom's own accepted words (config `words`, `wordsFile`): never reported. */
  ownWords?: readonly string[] | undefined
  /** The dialect set in config or on the command line; without one the story's own majority decides. */
  dialect?: Dialect | undefined
}

/** A capital and then small letters only (`Colour`). */
const capitalised = /^\p{Lu}\p{Ll}+$/u
/** A capital first. */
const startsWithCapital = /^\p{Lu}/u

/** The two spelling systems a story without a set dialect is held to. */
type SpellingSystem = 'US' | 'British'

/** A word written in one spelling system that has a counterpart in the other. */
interface DialectUse {
  /** The word (or part of one) as written. */
  text: string
  /** Its place in the document. */
  place: NonNullable<VFileMessage['place']>
  /** Offset of the word: identifies it across rules. */
  offset: number
  /** Which system it is spelled in. */
  system: SpellingSystem
  /** Its spelling in the other system, lowercase, and the kind of difference. */
  counterpart: Counterpart
}

/** The dialects whose spellings are recognised in copy of a set dialect: the two spelling systems, minus its own. */
const systemsOtherThan = (dialect: Dialect): Dialect[] => (['en-US', 'en-GB'] as const).filter((other) => other !== dialect)

/**
 * Flag American and British spellings of the same kind mixed in one story
 * (`organise` among `organized`), or, with a dialect set, every spelling of
 * another dialect (`color` in en-GB copy). Pairs come from the dictionaries
 * (see `counterpartIn`). British spellings in a story that keeps to them are
 * accepted, so that `spelling` does not report them against dictionary-en.
 */
export default defineRule<DialectConsistencyOptions>(
  {id: 'dialect-consistency', description: 'American and British spellings mixed in one story, or not in the set dialect'},
  function (options) {
    // Only the newsroom's own words: the bundled names lists hold `Grey` and `Centre` as names.
    const accepted = new Set((options?.ownWords ?? []).map((word) => word.toLowerCase()))
    const dialect = options?.dialect
    const spellingOf = spellingLookup(dialect)
    return function ({tree, spelling: check}, file) {
      const candidates = candidateParts(tree, check, accepted, spellingOf)
      if (dialect) reportOtherDialect(file, candidates, dialect)
      else reportMixedSystems(file, check, candidates)
    }
  }
)

/** A word's spelling in the other system, and which system the word is in (not known with a dialect set). */
interface Spelling {
  system: SpellingSystem | undefined
  counterpart: Counterpart
}

/** The other spelling of a lowercase word, if it has one. */
type SpellingOf = (lowercase: string) => Spelling | undefined

/** The lookups made, by dialect set (`undefined`: none), shared by the run. */
const spellingLookups = new Map<Dialect | undefined, SpellingOf>()

/**
 * The shared lookup of other spellings for a dialect set or none. Shared by
 * the process, not made with the rule: a run sets the rules up again for
 * each batch of stories and each config, and each would look every word up
 * again. It holds only what the dictionaries say of a word.
 *
 * @param dialect The dialect set, if any.
 * @returns Lookup.
 */
function spellingLookup(dialect: Dialect | undefined): SpellingOf {
  let lookup = spellingLookups.get(dialect)
  if (!lookup) {
    lookup = dialect ? otherDialectSpelling(dialect) : systemSpelling()
    spellingLookups.set(dialect, lookup)
  }
  return lookup
}

/**
 * Without a dialect set: a word's spelling in the other system, British
 * words first. Both lookups are made once per word in a run, not per use.
 *
 * @returns Lookup.
 */
function systemSpelling(): SpellingOf {
  const asBritish = counterpartLookup('en-US', ['en-GB'])
  const asUs = counterpartLookup('en-GB', ['en-US'])
  const answers = new Map<string, Spelling | null>()
  return function (lowercase) {
    let answer = answers.get(lowercase)
    if (answer === undefined) {
      const british = asBritish(lowercase)
      const us = british ? undefined : asUs(lowercase)
      answer = british ? {system: 'British', counterpart: british} : us ? {system: 'US', counterpart: us} : null
      answers.set(lowercase, answer)
    }
    return answer ?? undefined
  }
}

/**
 * With a dialect set: a word's spelling in that dialect when it is spelled in another.
 *
 * @param dialect The dialect set.
 * @returns Lookup.
 */
function otherDialectSpelling(dialect: Dialect): SpellingOf {
  const lookup = counterpartLookup(dialect, systemsOtherThan(dialect))
  const answers = new Map<string, Spelling | null>()
  return function (lowercase) {
    let answer = answers.get(lowercase)
    if (answer === undefined) {
      const counterpart = lookup(lowercase)
      answer = counterpart ? {system: undefined, counterpart} : null
      answers.set(lowercase, answer)
    }
    return answer ?? undefined
  }
}

/** A word part that may be spelled in a dialect: its text, lowercase form, place and other spelling. */
interface Candidate {
  text: string
  lowercase: string
  offset: number
  place: NonNullable<VFileMessage['place']>
  /** Its spelling in the other system or dialect, if it has one. */
  spelling: Spelling | undefined
}

/**
 * The word parts to look at: ordinary words, lowercase or capitalised only
 * as the first word of a sentence. A capital elsewhere marks a name, and
 * names keep their own spelling whatever the story's (`World Health
 * Organization` in British copy, `Labour Party` or `Pearl Harbor`); so does
 * a first word followed by another capitalised one (`Defense Department
 * officials said`). Of those, only words with another spelling and words
 * the spell check does not know matter: the rest (most words) are left out.
 *
 * @param tree The document's tree.
 * @param check The shared spell check.
 * @param accepted Accepted words, lowercase.
 * @param spellingOf The other spelling of a lowercase word.
 * @returns Candidates in document order.
 */
function candidateParts(
  tree: Root,
  check: SpellCheck,
  accepted: ReadonlySet<string>,
  spellingOf: SpellingOf
): Candidate[] {
  const sentenceStarts = new Set<number>()
  eachSentence(tree, function (sentence) {
    let first: Word | undefined
    let second: Word | undefined
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      if (first) {
        second = child
        break
      }
      first = child
    }
    const offset = first?.position?.start.offset
    if (offset !== undefined && !(second && startsUppercase(wordText(second)))) sentenceStarts.add(offset)
  })
  const unknown = new Set<number>()
  for (const word of check.unknown) unknown.add(word.offset)

  const candidates: Candidate[] = []
  for (const part of check.parts) {
    const position = part.word.position
    const offset = position?.start.offset
    if (!position || offset === undefined) continue
    const text = wordText(part.word)
    // A capital (`A`-`Z`) inside a sentence marks a name, which is not
    // ordinary: settled before lowercasing and hashing a copy of it.
    const first = text.charCodeAt(0)
    if (isAsciiCapital(first) && !sentenceStarts.has(offset)) continue
    const lowercase = text.toLowerCase()
    if (accepted.size > 0 && accepted.has(lowercase)) continue
    const ordinary =
      text === lowercase || (sentenceStarts.has(offset) && !part.afterHyphen && capitalised.test(text))
    if (!ordinary) continue
    // A third of the words (`a`, `of`, names' initials) are settled without hashing them.
    const spelling = canHaveCounterpart(lowercase) ? spellingOf(lowercase) : undefined
    if (spelling || unknown.has(offset)) candidates.push({text, lowercase, offset, place: position, spelling})
  }
  return candidates
}

/**
 * Whether a text starts with an uppercase letter (`/^\p{Lu}/u`), ASCII
 * settled without the regex.
 *
 * @param text Text.
 * @returns Whether its first letter is a capital.
 */
function startsUppercase(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 0x80) return isAsciiCapital(code)
  return startsWithCapital.test(text)
}

/**
 * With a dialect set: flag every spelling of another dialect that has a
 * counterpart in this one.
 *
 * @param file The document.
 * @param candidates Words to look at.
 * @param dialect The dialect set.
 */
function reportOtherDialect(file: VFile, candidates: readonly Candidate[], dialect: Dialect): void {
  for (const candidate of candidates) {
    const counterpart = candidate.spelling?.counterpart
    if (!counterpart) continue
    // "Colour" starting a sentence becomes "Color": the counterpart is lowercase.
    const expected = capitalLike(counterpart.spelling, candidate.text)
    const message = file.message(`Unexpected \`${candidate.text}\` in ${dialect} copy, expected \`${expected}\``, {
      place: candidate.place
    })
    message.actual = candidate.text
    message.expected = [expected]
    setSeverity(message, 'warning')
    message.claims = [candidate.offset]
  }
}

/**
 * Without a dialect set: within each kind of difference (`-our`/`-or`,
 * `-ise`/`-ize`, ...), flag the uses of the system the story uses less
 * (ties: the one the whole story uses less, then the one used second), and
 * accept British spellings that the story keeps to. A story may write
 * `colour` and `organize`, as Canadian copy and Oxford spelling do: each
 * kind is judged on its own.
 *
 * @param file The document.
 * @param check The shared spell check.
 * @param candidates Words to look at.
 */
function reportMixedSystems(file: VFile, check: SpellCheck, candidates: readonly Candidate[]): void {
  // Words the rule speaks for without a finding, so that `spelling` does not report them (see `settleFindings`).
  const spokenFor: number[] = (file.data.spokenFor ??= [])
  const byKind = new Map<SpellingKind, DialectUse[]>()
  for (const use of systemUses(candidates)) {
    const uses = byKind.get(use.counterpart.kind) ?? []
    uses.push(use)
    byKind.set(use.counterpart.kind, uses)
  }

  const totals: Record<SpellingSystem, number> = {US: 0, British: 0}
  for (const uses of byKind.values()) for (const use of uses) totals[use.system]++
  // A tie within a kind goes to the system the story uses more overall
  // (`ionization` in a story of `behaviour` and `centimetres`), then to the one used first.
  const overall: SpellingSystem | undefined =
    totals.US > totals.British ? 'US' : totals.British > totals.US ? 'British' : undefined

  for (const uses of byKind.values()) {
    const us = uses.filter((use) => use.system === 'US')
    const british = uses.filter((use) => use.system === 'British')
    const tied = overall ?? uses[0]?.system
    const majority = us.length > british.length ? us : british.length > us.length ? british : tied === 'US' ? us : british
    const minority = majority === us ? british : us
    const why =
      us.length !== british.length
        ? 'as in the rest of this story'
        : overall
          ? 'as in most of this story'
          : 'as first used in this story'
    for (const use of minority) report(file, use, majority, minority.length, why).claims = [use.offset]
    // British spellings the story keeps to are right; dictionary-en alone would report them.
    for (const use of majority) spokenFor.push(use.offset)
  }

  // Other British words (`programme`, `licence`, `amongst`) are right too
  // unless the story mostly spells the American way.
  if (totals.British < totals.US) return
  const british = dictionaryLookup('en-GB')
  const unknown = new Set(check.unknown.map((word) => word.offset))
  for (const candidate of candidates) {
    if (unknown.has(candidate.offset) && british.correct(candidate.lowercase)) spokenFor.push(candidate.offset)
  }
}

/**
 * The words of a story written in one spelling system with a counterpart in
 * the other, in document order.
 *
 * @param candidates Words to look at.
 * @returns Uses.
 */
function systemUses(candidates: readonly Candidate[]): DialectUse[] {
  const uses: DialectUse[] = []
  for (const candidate of candidates) {
    const spelling = candidate.spelling
    if (!spelling?.system) continue
    uses.push({
      text: candidate.text,
      place: candidate.place,
      offset: candidate.offset,
      system: spelling.system,
      counterpart: spelling.counterpart
    })
  }
  return uses
}

/**
 * Report one use of the minority system.
 *
 * @param file The document.
 * @param use The use.
 * @param majority Uses of the other system in the same kind.
 * @param minorityCount How many uses the use's system has in that kind.
 * @param why Why the other spelling is the one to use, for the message.
 * @returns The message.
 */
function report(
  file: VFile,
  use: DialectUse,
  majority: readonly DialectUse[],
  minorityCount: number,
  why: string
): VFileMessage {
  const [first] = majority
  const system = first?.system ?? (use.system === 'US' ? 'British' : 'US')
  const expected = capitalLike(use.counterpart.spelling, use.text)
  const message = file.message(
    `Unexpected \`${use.text}\`, expected \`${expected}\` ${why} (${system} spelling, ${majority.length} to ${minorityCount})`,
    {
      place: use.place,
      cause: first
        ? new VFileMessage(`\`${first.text}\` (${system} spelling) first used here`, {
            place: first.place,
            ruleId: 'dialect-consistency',
            source: 'copydesk'
          })
        : undefined
    }
  )
  message.actual = use.text
  message.expected = [expected]
  setSeverity(message, 'warning')
  return message
}
