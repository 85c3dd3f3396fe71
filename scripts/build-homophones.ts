/**
 * Build `dictionaries/homophones.txt`: the words English spells two or more
 * ways for one sound (`rain`, `reign`, `rein`; `their`, `there`), from the
 * CMU Pronouncing Dictionary.
 *
 * The misspelling model learns how people misspell from cspell's list,
 * which adult typists made. People who spell by ear write one spelling of
 * a sound for another (`rane` for `rain`, `hou` for `how`, `thire` for
 * `their`), and the typists' list shows few of those habits. Each pair of
 * a homophone group is the same habit between two real words, so the
 * model learns from them as from misspellings: `plane` for `plain` is
 * `ai` written `a…e`, the habit of `rane` (see `homophones.ts`).
 *
 * Kept: words of lowercase letters that SUBTLEX-US also has (words people
 * use, not the dictionary's many rare names), grouped by pronunciation
 * with stress ignored (a speller hears no stress marks). A word with two
 * pronunciations may be in two groups (`read`). Left out: a lone letter
 * and a word without a vowel, which the dictionary reads out as what it
 * stands for (`c` as `see`, `lbs` as `pounds`, `dr` as `drive`): no one
 * spells `pounds` as `lbs` by ear.
 *
 * Run with `npm run build:homophones`. cmu-pronouncing-dictionary is a
 * devDependency: the list is committed, so users never install it. The
 * script prints how many groups and pairs it kept, and a few examples.
 */
import fs from 'node:fs'
import path from 'node:path'
import {dictionary} from 'cmu-pronouncing-dictionary'
import {packageRoot} from '../src/package-info.js'
import {wordFrequency} from '../src/words/suggestions.js'

const target = path.join(packageRoot(), 'dictionaries', 'homophones.txt')
const packageJson = path.join(packageRoot(), 'node_modules', 'cmu-pronouncing-dictionary', 'package.json')
const {version} = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as {version: string}

/** CMUdict's licence, which asks that its notice travel with every copy. */
const cmudictLicence = [
  'Copyright (C) 1993-2014 Carnegie Mellon University. All rights reserved.',
  '',
  'Redistribution and use in source and binary forms, with or without',
  'modification, are permitted provided that the following conditions',
  'are met:',
  '',
  '1. Redistributions of source code must retain the above copyright',
  '   notice, this list of conditions and the following disclaimer.',
  '   The contents of this file are deemed to be source code.',
  '',
  '2. Redistributions in binary form must reproduce the above copyright',
  '   notice, this list of conditions and the following disclaimer in',
  '   the documentation and/or other materials provided with the',
  '   distribution.',
  '',
  'This work was supported in part by funding from the Defense Advanced',
  'Research Projects Agency, the Office of Naval Research and the National',
  'Science Foundation of the United States of America, and by member',
  'companies of the Carnegie Mellon Sphinx Speech Consortium. We acknowledge',
  'the contributions of many volunteers to the expansion and improvement of',
  'this dictionary.',
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

/**
 * Group the dictionary's words by how they sound.
 *
 * @param entries Words (`read`, `read(2)` for a second pronunciation) and their ARPAbet phones with stress digits.
 * @returns Groups of two or more words, each sorted, the groups sorted (code-unit order, as `sort` has it).
 */
function homophoneGroups(entries: Record<string, string>): string[][] {
  const bySound = new Map<string, Set<string>>()
  for (const [entry, phones] of Object.entries(entries)) {
    const word = entry.replace(/\(\d+\)$/, '')
    if (!/^[a-z]*[aeiouy][a-z]*$/.test(word) || word.length < 2 || wordFrequency(word) === 0) continue
    // `EY1` and `EY0` are one vowel to someone writing what they hear.
    const sound = phones.replaceAll(/\d/g, '')
    const words = bySound.get(sound) ?? new Set<string>()
    words.add(word)
    bySound.set(sound, words)
  }
  const lines = [...bySound.values()].filter((words) => words.size > 1).map((words) => [...words].sort().join(' '))
  return lines.sort().map((line) => line.split(' '))
}

const groups = homophoneGroups(dictionary)
const header = [
  'Words English spells two or more ways for one sound (rain reign rein): one group a line, words',
  'separated by a space. The misspelling model learns how people spell by ear from them.',
  `Source: the CMU Pronouncing Dictionary, from cmu-pronouncing-dictionary ${version} (ISC). Kept: words of`,
  'two or more lowercase letters with a vowel that SUBTLEX-US also has, grouped by pronunciation with stress ignored.',
  'Licence: CMUdict asks that its notice travel with every copy; it follows, as cmudict gives it:',
  '',
  ...cmudictLicence.map((line) => '  ' + line),
  '',
  'Generated by `npm run build:homophones` (scripts/build-homophones.ts): do not edit by hand.'
]
fs.writeFileSync(target, header.map((line) => ('# ' + line).trimEnd()).join('\n') + '\n' + groups.map((words) => words.join(' ')).join('\n') + '\n')

const pairs = groups.reduce((sum, words) => sum + words.length * (words.length - 1), 0)
console.log(`${path.relative(packageRoot(), target)}: ${groups.length} groups, ${pairs} ordered pairs`)
for (const at of [0, 100, 500, 1000, 1500]) console.log('  ' + (groups[at] ?? []).join(' '))
