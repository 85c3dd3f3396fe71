/**
 * Build `dictionaries/word-pairs.bin`: how much likelier each word is
 * after one or two others than anywhere, from the US English language
 * model of CMU Sphinx (`en-us.lm.bin`, a trigram model of 72,547 words,
 * 2,051,541 pairs and 1,669,625 triples).
 *
 * The words beside a slip choose among its suggestions (`word-pairs.ts`).
 * The pairs copydesk counted itself before (State of the Union addresses,
 * WordNet's glosses, mail: 3.6 million words) were too few for the pairs
 * of present-day prose: they never had "development team" or "helpful
 * tool". The Sphinx model was estimated, with backing off, from far more
 * text, and ships as data under a BSD licence.
 *
 * Kept, for every pair and triple the model lists: the log of how much
 * likelier its last word is after the others than anywhere (natural-log
 * units, in steps of an eighth); for every word and every pair, the
 * model's backoff weight, what a pair or triple after it that the model
 * does not list is worth beyond the shorter one. Not kept: the model's
 * probabilities of single words (copydesk has its own usage lists).
 *
 * The model's file is a bit-packed trie (sphinxbase's `lm_trie.c`): a
 * header, the quantizer's tables, the single words, then the pairs, each
 * stored under its second word, then the triples, each under the pair
 * that ends it, then the words' spellings.
 *
 * Run with `npm run build:pairs [-- <path of en-us.lm.bin>]`. The model
 * comes from Debian's `pocketsphinx-en-us` package
 * (`apt-get install pocketsphinx-en-us`, which puts it at the default
 * path); the built file is committed, so users never install it.
 */
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {packageRoot} from '../src/package-info.js'
import {headerEnd, pairStep} from '../src/words/word-pairs.js'

const source = process.argv[2] ?? '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin'
const target = path.join(packageRoot(), 'dictionaries', 'word-pairs.bin')

/** The model's licence, which asks that its notice travel with every copy in binary form. */
const sphinxLicence = [
  'Copyright (c) 1995-2014 Carnegie Mellon University.  All rights reserved.',
  'Copyright (c) 2014-2015 Alpha Cephei Inc.',
  '',
  'Redistribution and use in source and binary forms, with or without',
  'modification, are permitted provided that the following conditions',
  'are met:',
  '',
  '1. Redistributions of source code must retain the above copyright',
  '   notice, this list of conditions and the following disclaimer.',
  '',
  '2. Redistributions in binary form must reproduce the above copyright',
  '   notice, this list of conditions and the following disclaimer in',
  '   the documentation and/or other materials provided with the',
  '   distribution.',
  '',
  'This work was supported in part by funding from the Defense Advanced',
  'Research Projects Agency and the National Science Foundation of the',
  'United States of America, and the CMU Sphinx Speech Consortium.',
  '',
  "THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON UNIVERSITY ``AS IS'' AND",
  'ANY EXPRESSED OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO,',
  'THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR',
  'PURPOSE ARE DISCLAIMED.  IN NO EVENT SHALL CARNEGIE MELLON UNIVERSITY',
  'NOR ITS EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,',
  'SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT',
  'LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,',
  'DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY',
  'THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT',
  '(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE',
  'OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.'
]

/** A pair the model lists, by its words' places in the model's vocabulary. */
interface Pair {
  first: number
  second: number
  /** Its log factor: log P(second | first) / P(second). */
  fit: number
  /** The backoff of the pair as the two words before a third. */
  backoff: number
  /** The triples that end in the pair: each word before it, and log P(second | word first) / P(second). */
  before: Array<{word: number; fit: number}>
}

/** The part of the model copydesk keeps. */
interface Ngrams {
  words: string[]
  /** Natural-log backoff weight of each word, by its place in `words`. */
  backoffs: Float64Array
  pairs: Pair[]
}

/**
 * Read a sphinxbase trie language model's words, backoff weights, pairs and triples.
 *
 * @param bytes The model file.
 * @returns What copydesk keeps of it.
 */
function readTrieModel(bytes: Buffer): Ngrams {
  const header = 'Trie Language Model'
  if (bytes.toString('latin1', 0, header.length) !== header) throw new Error('not a sphinxbase trie language model')
  let at = header.length
  const order = bytes.readUInt8(at)
  at += 1
  if (order !== 3) throw new Error(`a model of order ${order}; this reader knows the layout of order 3`)
  const counts: number[] = []
  for (let index = 0; index < order; index++, at += 4) counts.push(bytes.readUInt32LE(at))
  const [wordCount = 0, pairCount = 0, tripleCount = 0] = counts
  // The quantizer: a tag, then per middle order a table of 2¹⁶ probabilities and one of backoffs, then the longest order's probabilities.
  at += 4
  const table = 1 << 16
  const pairProbabilities = at
  at += (order - 2) * table * 8 + table * 4
  // Single words: probability, backoff and where its pairs start, each four bytes, and one more entry to end the last.
  const unigrams = at
  const unigram = (index: number) => ({
    backoff: bytes.readFloatLE(unigrams + index * 12 + 4),
    pairsFrom: bytes.readUInt32LE(unigrams + index * 12 + 8)
  })
  at += (wordCount + 1) * 12
  // Pairs: the first word's place, 16 bits of probability and 16 of backoff, where its triples start.
  const wordBits = requiredBits(wordCount)
  const pairBits = wordBits + 32 + requiredBits(tripleCount)
  const pairsAt = at
  at += Math.floor(((pairCount + 1) * pairBits + 7) / 8) + 8
  // Triples: the word before the pair, and 16 bits of probability.
  const tripleBits = wordBits + 16
  const triplesAt = at
  at += Math.floor(((tripleCount + 1) * tripleBits + 7) / 8) + 8
  const spellings = bytes.readInt32LE(at)
  at += 4
  const words = bytes.toString('latin1', at, at + spellings).split('\0').slice(0, wordCount)
  if (at + spellings !== bytes.length || words.length !== wordCount) throw new Error('its layout is not the one this reader knows')

  // The model's log units: base 1.0001.
  const logUnit = Math.log(1.0001)
  const readBits = (from: number, offset: number, width: number): number => {
    const byte = from + Math.floor(offset / 8)
    const low = BigInt(bytes.readUInt32LE(byte)) | (BigInt(bytes.readUInt32LE(byte + 4)) << 32n)
    return Number((low >> BigInt(offset % 8)) & ((1n << BigInt(width)) - 1n))
  }
  const pairBackoffs = pairProbabilities + table * 4
  const tripleProbabilities = pairProbabilities + table * 8
  const triplesFrom = (entry: number): number => readBits(pairsAt, entry * pairBits + wordBits + 32, pairBits - wordBits - 32)
  const backoffs = new Float64Array(wordCount)
  const pairs: Pair[] = []
  for (let second = 0; second < wordCount; second++) {
    const {backoff, pairsFrom} = unigram(second)
    backoffs[second] = backoff * logUnit
    const secondProbability = bytes.readFloatLE(unigrams + second * 12)
    for (let entry = pairsFrom; entry < unigram(second + 1).pairsFrom; entry++) {
      const offset = entry * pairBits
      const first = readBits(pairsAt, offset, wordBits)
      // The 32 bits after the word: the backoff's code, then the probability's.
      const probability = bytes.readFloatLE(pairProbabilities + readBits(pairsAt, offset + wordBits + 16, 16) * 4)
      const pairBackoff = bytes.readFloatLE(pairBackoffs + readBits(pairsAt, offset + wordBits, 16) * 4)
      const before: Pair['before'] = []
      for (let triple = triplesFrom(entry); triple < triplesFrom(entry + 1); triple++) {
        const word = readBits(triplesAt, triple * tripleBits, wordBits)
        const tripleProbability = bytes.readFloatLE(tripleProbabilities + readBits(triplesAt, triple * tripleBits + wordBits, 16) * 4)
        before.push({word, fit: (tripleProbability - secondProbability) * logUnit})
      }
      pairs.push({first, second, fit: (probability - secondProbability) * logUnit, backoff: pairBackoff * logUnit, before})
    }
  }
  return {words, backoffs, pairs}
}

/**
 * Bits a number up to a maximum takes (sphinxbase's `bitarr_required_bits`).
 *
 * @param max The largest number.
 * @returns Bits.
 */
function requiredBits(max: number): number {
  let bits = 0
  while (max > 0) {
    bits++
    max = Math.floor(max / 2)
  }
  return bits
}

/**
 * Write the kept part as `word-pairs.ts` reads it: a text header, then the
 * arrays that file describes, the words sorted (code-unit order) and each
 * list sorted by the places of its words.
 *
 * @param model What was read.
 * @returns The file's bytes.
 */
function encode(model: Ngrams): Buffer {
  const order = model.words.map((_, index) => index).sort((a, b) => (model.words[a]! < model.words[b]! ? -1 : 1))
  const place = new Int32Array(model.words.length)
  for (const [sorted, index] of order.entries()) place[index] = sorted
  const pairs = model.pairs
    .map((pair) => ({
      ...pair,
      first: place[pair.first]!,
      second: place[pair.second]!,
      before: pair.before.map((triple) => ({word: place[triple.word]!, fit: triple.fit})).sort((a, b) => a.word - b.word)
    }))
    .sort((a, b) => a.first - b.first || a.second - b.second)
  const wordCount = model.words.length
  const tripled = pairs.flatMap((pair, index) => (pair.before.length > 0 ? [index] : []))
  const tripleCount = pairs.reduce((sum, pair) => sum + pair.before.length, 0)
  const starts = new Array<number>(wordCount + 1).fill(0)
  const tripleStarts: number[] = []
  const tripleWords: number[] = []
  const backoffs = new Int8Array(wordCount)
  const fits = new Int8Array(pairs.length)
  const pairBackoffs = new Int8Array(pairs.length)
  const tripleFits = new Int8Array(tripleCount)
  for (const [sorted, index] of order.entries()) backoffs[sorted] = step(model.backoffs[index]!)
  for (const [index, pair] of pairs.entries()) {
    starts[pair.first + 1] = index + 1
    fits[index] = step(pair.fit)
    pairBackoffs[index] = step(pair.backoff)
  }
  // A word with no pairs starts where the one before it ended.
  for (let index = 1; index <= wordCount; index++) starts[index] = Math.max(starts[index]!, starts[index - 1]!)
  for (const index of tripled) {
    tripleStarts.push(tripleWords.length)
    for (const {word, fit} of pairs[index]!.before) {
      tripleFits[tripleWords.length] = step(fit)
      tripleWords.push(word)
    }
  }
  tripleStarts.push(tripleWords.length)
  const vocabulary = Buffer.from(order.map((index) => model.words[index]).join('\n'), 'latin1')
  const counts = new Uint32Array([wordCount, pairs.length, tripled.length, tripleCount, vocabulary.length])
  const parts = [
    counts,
    packed(starts),
    packed(pairs.map((pair) => pair.second)),
    packed(tripled),
    packed(tripleStarts),
    packed(tripleWords),
    backoffs,
    fits,
    pairBackoffs,
    tripleFits,
    vocabulary
  ]
  const binary = Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)))
  return Buffer.concat([Buffer.from(textHeader(wordCount, pairs.length, tripleCount), 'latin1'), binary])
}

/**
 * Numbers below 2²⁴ as the file keeps its places: three bytes each,
 * little-endian (a place is at most 2 million: four bytes would waste 5 MB).
 *
 * @param values The numbers.
 * @returns Their bytes.
 */
function packed(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 3)
  for (const [index, value] of values.entries()) {
    if (value >= 2 ** 24) throw new Error(`a place of ${value}, past what three bytes hold`)
    bytes[index * 3] = value & 0xff
    bytes[index * 3 + 1] = (value >> 8) & 0xff
    bytes[index * 3 + 2] = value >> 16
  }
  return bytes
}

/**
 * A log factor as the file keeps it: in steps of `pairStep`, within a signed byte.
 *
 * @param fit Natural-log units.
 * @returns Steps.
 */
function step(fit: number): number {
  return Math.max(-128, Math.min(127, Math.round(fit / pairStep)))
}

/**
 * The file's text header: what it is, where it comes from and the model's
 * licence, each line `# `; the last line padded so the binary part (its
 * counts first) starts at a multiple of four bytes.
 *
 * @param words Words kept.
 * @param pairs Pairs kept.
 * @param triples Triples kept.
 * @returns The header.
 */
function textHeader(words: number, pairs: number, triples: number): string {
  const lines = [
    'How much likelier each word is after one or two others than anywhere: the pairs and triples of the US English',
    `language model of CMU Sphinx (en-us.lm.bin, from Debian's pocketsphinx-en-us package), ${words} words,`,
    `${pairs} pairs and ${triples} triples.`,
    'Licence: BSD-2-Clause, as sphinxbase and pocketsphinx give it; its notice follows:',
    '',
    ...sphinxLicence.map((line) => '  ' + line),
    '',
    'Generated by `npm run build:pairs` (scripts/build-pairs.ts): do not edit. After this header, binary:',
    'see src/words/word-pairs.ts.',
    headerEnd
  ].map((line) => ('# ' + line).trimEnd())
  const text = lines.join('\n')
  return text + ' '.repeat((4 - ((text.length + 1) % 4)) % 4) + '\n'
}

if (!fs.existsSync(source)) {
  console.error(`build-pairs: no language model at ${source}: install Debian's pocketsphinx-en-us package (apt-get install pocketsphinx-en-us) or name the en-us.lm.bin file`)
  process.exit(2)
}
let model: Ngrams
try {
  model = readTrieModel(fs.readFileSync(source))
} catch (error) {
  // A file of another layout can send the reader past its end: say which file, not where in the reader.
  console.error(`build-pairs: ${source}: ${error instanceof RangeError ? 'ends before its layout does' : (error as Error).message}`)
  process.exit(1)
}
fs.writeFileSync(target, encode(model))
const triples = model.pairs.reduce((sum, pair) => sum + pair.before.length, 0)
console.log(`${path.relative(packageRoot(), target)}: ${model.words.length} words, ${model.pairs.length} pairs, ${triples} triples, ${fs.statSync(target).size} bytes`)
