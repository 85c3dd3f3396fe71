import type {Root, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {expect, test} from 'vitest'
import {dictionaryLookup} from '../src/words/dictionary.js'
import {spellCandidates} from '../src/analyse/spell-candidates.js'

/**
 * The candidates of a story, as `line:column text`, and the words it uses.
 *
 * @param story The story.
 * @returns Candidates and story words.
 */
function candidatesOf(story: string): {candidates: string[]; storyWords: string[]} {
  const tree = unified().use(retextEnglish).parse(story) as Root
  const found = spellCandidates(tree, dictionaryLookup('en-US'))
  const paragraph = found.tree.children[0]
  const sentence = paragraph?.type === 'ParagraphNode' ? paragraph.children[0] : undefined
  const words = sentence?.type === 'SentenceNode' ? (sentence.children as Word[]) : []
  return {
    candidates: words.map((word) => `${word.position?.start.line}:${word.position?.start.column} ${toString(word)}`),
    storyWords: [...found.storyWords]
  }
}

test.each([
  // A repeated unknown word is a candidate every time, a repeated known word never.
  ['Tbe walk and tbe walk.', ['1:1 Tbe', '1:14 tbe']],
  // First seen as part of another word, then alone, then alone again.
  ['The anti-Brokva side met Brokva and Brokva.', ['1:5 anti-Brokva', '1:26 Brokva', '1:37 Brokva']],
  // First alone, then as part of another word.
  ['Brokva and anti-Brokva.', ['1:1 Brokva', '1:12 anti-Brokva']],
  // A known word after an unknown compound that holds it.
  ['The walk-brokva walk.', ['1:5 walk-brokva']],
  // Numbers and times pass however often they come.
  ['At 10:30 and 10:30 the 42 and 42.', []]
])('candidates of %j', function (story, expected) {
  expect(candidatesOf(story).candidates).toEqual(expected)
})

test('the story words are the text of every part, in the order they come', function () {
  expect(candidatesOf('Anti-Brokva walk; Putin’s walk and Brokva.').storyWords).toEqual([
    'Anti',
    'Brokva',
    'walk',
    'Putin',
    'and'
  ])
})
