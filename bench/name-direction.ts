/**
 * Which of two spellings of a name `likelierSpelling` takes, over far more
 * ties than the accuracy benchmark draws: a story that uses a name once
 * and a slip of it once says nothing by its counts, so only written usage,
 * the letters and the kind of edit tell the two apart.
 *
 * For each set, every capitalised word of four letters or more that the set
 * uses twice or more and dictionary-en lacks in lowercase is taken as a
 * name; every slip the accuracy benchmark's generator makes of it
 * (`nameVariants`: letters dropped, doubled, swapped, keys beside, `h`
 * added) is weighed against it, unless the set uses the slip too. The
 * table says how often the name is taken (right), the slip (wrong: a fix
 * would point at the slip), or neither (no answer: the finding says it
 * cannot tell), by the evidence that settled it.
 *
 * It also measures again, on cspell's list of common misspellings, the
 * odds against a letter added that `likelierSpelling` uses
 * (`addedLetterCost`).
 *
 * Run with `npm run bench:direction`. A benchmark, not a test: it reads
 * `../shared` in place and skips when it is absent.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {misspellingEntries} from '../src/words/common-misspellings.js'
import {defaultDialect, dictionaryLookup} from '../src/words/dictionary.js'
import {addedLetter, likelierSpelling} from '../src/words/name-likelihood.js'
import {corporaFolder, developmentSet, readArticles} from './articles.js'
import type {CorpusSet} from './corpus-set.js'
import {readSiteStories} from './site-stories.js'
import {nameVariants} from './slips.js'

/** A name as the benchmark takes one: a capital, then three lowercase ASCII letters or more. */
const namePattern = /^[A-Z][a-z]{3,}$/

/** What settled a pair, or that nothing did. */
type Outcome = 'written usage' | 'letters' | 'no answer'

/** Counts of one set, by outcome: the name taken, or the slip. */
type Tally = Record<Outcome, {right: number; wrong: number}>

const articlesFolder = path.join(corporaFolder, 'news-wikinews-2019-2020/articles')
if (!existsSync(articlesFolder)) {
  process.stdout.write('skipped: ../shared/corpora not found\n')
  process.exit(0)
}

const sets = [developmentSet(await readArticles(articlesFolder)), await readSiteStories()].filter(
  (set): set is CorpusSet => set !== undefined
)
const lines = ['Which spelling of a name used as often as its slip is taken (likelierSpelling)', '  reproduce: npm run bench:direction', '']
lines.push(
  '  set                           names   pairs  right (written usage, letters)  wrong (written usage, letters)  no answer  wrong share'
)
for (const set of sets) {
  const {names, tally} = weigh(set)
  const right = tally['written usage'].right + tally.letters.right
  const wrong = tally['written usage'].wrong + tally.letters.wrong
  const pairs = right + wrong + tally['no answer'].right
  lines.push(
    '  ' +
      [
        set.title.padEnd(28),
        String(names).padStart(6),
        String(pairs).padStart(7),
        `${right} (${tally['written usage'].right}, ${tally.letters.right})`.padStart(31),
        `${wrong} (${tally['written usage'].wrong}, ${tally.letters.wrong})`.padStart(31),
        String(tally['no answer'].right).padStart(10),
        (wrong / pairs).toFixed(4).padStart(12)
      ].join(' ')
  )
}
lines.push('', ...addedLetterOdds())
process.stdout.write(lines.join('\n') + '\n')

/**
 * Weigh every name of a set against every slip of it.
 *
 * @param set The set.
 * @returns How many names, and the counts.
 */
function weigh(set: CorpusSet): {names: number; tally: Tally} {
  const uses = new Map<string, number>()
  for (const [file, text] of set.texts) {
    for (const token of set.tokensOf(file, text)) uses.set(token.word, (uses.get(token.word) ?? 0) + 1)
  }
  const dictionary = dictionaryLookup(defaultDialect)
  const isWord = (word: string): boolean => dictionary.correct(word.toLowerCase())
  const names = [...uses].filter(([word, count]) => count >= 2 && namePattern.test(word) && !isWord(word)).map(([word]) => word)
  const tally: Tally = {'written usage': {right: 0, wrong: 0}, letters: {right: 0, wrong: 0}, 'no answer': {right: 0, wrong: 0}}
  for (const name of names) {
    // One slip may be made two ways (`letter dropped` and `vowel dropped`): it counts once.
    for (const slip of new Set([...nameVariants(name).values()].flat())) {
      if (uses.has(slip) || isWord(slip)) continue
      const likelier = likelierSpelling(slip, name)
      if (!likelier) tally['no answer'].right++
      else tally[likelier.evidence][likelier.spelling === name ? 'right' : 'wrong']++
    }
  }
  return {names: names.length, tally}
}

/**
 * The odds against a letter added, beyond one dropped, in cspell's list of
 * common misspellings: of its pairs one letter apart, how many drop a
 * letter of the word meant and how many add one, doubling a letter beside
 * it or not, each over how many letters could have been added so at that
 * place (about two that double a neighbour, the other 24).
 *
 * @returns Lines for the report.
 */
function addedLetterOdds(): string[] {
  let dropped = 0
  const added = {doubled: 0, other: 0}
  let doublingLetters = 0
  for (const [typed, corrections] of misspellingEntries()) {
    for (const correction of corrections.split(',')) {
      const written = typed.toLowerCase()
      const meant = correction.trim().toLowerCase()
      if (!/^[a-z]+$/.test(written) || !/^[a-z]+$/.test(meant)) continue
      const insertion = addedLetter(written, meant)
      if (insertion) {
        added[insertion.doubled ? 'doubled' : 'other']++
        // The letters that would double one beside them there, in the word meant.
        doublingLetters += new Set([meant.charAt(insertion.at - 1), meant.charAt(insertion.at)].filter(Boolean)).size
      } else if (addedLetter(meant, written)) {
        dropped++
      }
    }
  }
  const insertions = added.doubled + added.other
  const doubling = doublingLetters / insertions
  const cost = (count: number, letters: number): string => Math.log((dropped * letters) / count).toFixed(2)
  return [
    "Odds against a letter added, in cspell's list of common misspellings (addedLetterCost in name-likelihood.ts)",
    `  ${dropped} letters dropped; ${added.doubled} added doubling a letter beside them (${doubling.toFixed(2)} such letters at each place), ${added.other} added otherwise`,
    `  natural-log units beyond a letter dropped: doubled ${cost(added.doubled, doubling)}, other ${cost(added.other, 26 - doubling)}`
  ]
}
