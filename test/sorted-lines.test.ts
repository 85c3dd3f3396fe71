import {expect, test} from 'vitest'
import {findSortedLine} from '../src/words/sorted-lines.js'

// Keys chosen to sit next to each other in code-unit order: a key that is a
// prefix of another (`walk`, `walked`), capitals before lowercase (`Walker`),
// an apostrophe (`walk's`) and a key with nothing after the separator.
const forms = ['3', "Walker/M", 'walk/S', "walk's", 'walked', 'walker/MS', 'walking/', 'walks', 'wan/Q']
const text = forms.length + '\n' + forms.join('\n') + '\n'
const start = text.indexOf('\n') + 1

test.each([
  ['walk', 'walk/S'],
  ['walked', 'walked'],
  ['walker', 'walker/MS'],
  ['Walker', 'Walker/M'],
  ["walk's", "walk's"],
  ['walking', 'walking/'],
  ['wan', 'wan/Q'],
  ['3', '3']
])('finds the line of `%s` by its key', function (key, line) {
  expect(findSortedLine(text, start, key, '/')).toBe(line)
})

test.each([['wal'], ['walke'], ['walkers'], ['WALK'], ['zebra'], ['a'], [''], ['walk/S']])(
  'finds no line for `%s`, which is no key',
  function (key) {
    expect(findSortedLine(text, start, key, '/')).toBeUndefined()
  }
)

test('searches only from the given offset: the count line is no key', function () {
  expect(findSortedLine(text, start, '9', '/')).toBeUndefined()
})

test('reads a key up to another separator', function () {
  const counts = 'apple\t12\napples\t3\nbanana\t7\n'
  expect(findSortedLine(counts, 0, 'apples', '\t')).toBe('apples\t3')
  expect(findSortedLine(counts, 0, 'banana', '\t')).toBe('banana\t7')
  expect(findSortedLine(counts, 0, 'apple\t12', '\t')).toBeUndefined()
})
