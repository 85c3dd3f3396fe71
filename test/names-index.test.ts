import {describe, expect, test} from 'vitest'
import {buildNamesIndex, departures, latestStories, type StoryNames, type StorySpelling} from '../src/across/names-index.js'

/**
 * A story's part of the index, from `text:count` entries (`+` after the
 * text: known; `^` before it: the next spelling is its neighbour).
 *
 * @param storyPath The story's path.
 * @param entries Spellings such as `Kowalczyk:2`, `Iraq+:1`.
 * @returns The part.
 */
function story(storyPath: string, ...entries: string[]): StoryNames {
  const spellings: StorySpelling[] = entries.map(function (entry, index) {
    const [name = '', count = '1'] = entry.split(':')
    const known = name.endsWith('+')
    const text = name.replace(/\+$/, '')
    const place = {line: 1, column: index * 12 + 1, endLine: 1, endColumn: index * 12 + 1 + text.length, offset: index * 12, endOffset: index * 12 + text.length}
    return {text, count: Number(count), first: place, known, listed: false, dictionary: known, own: false, neighbours: [], open: known ? [] : [place]}
  })
  return {path: storyPath, distinct: [], spellings}
}

/**
 * The index as `canonical (reason): variant, ...` lines, and the departures as `story: variant → canonical`.
 *
 * @param stories Parts.
 * @returns Lines.
 */
function summary(stories: StoryNames[]): {names: string[]; departures: string[]} {
  const entries = buildNamesIndex(stories)
  return {
    names: entries.map(
      (entry) =>
        `${entry.canonical.text} (${entry.reason}, ${entry.departing} departing)` +
        (entry.variants.length > 0 ? ': ' + entry.variants.map((variant) => variant.text).join(', ') : '')
    ),
    departures: departures(entries).map(({use, variant, entry}) => `${use.story.path}: ${variant.text} → ${entry.canonical.text}`)
  }
}

/**
 * The story with every spelling written beside the name `Tomasz`, which it also uses.
 *
 * @param part A story's part.
 * @returns The part with the neighbour.
 */
function withTomasz(part: StoryNames): StoryNames {
  const spellings = part.spellings.map((spelling) => ({...spelling, neighbours: ['Tomasz']}))
  const tomasz = spellings[0] && {...spellings[0], text: 'Tomasz', known: true, dictionary: true, neighbours: [], open: []}
  return {...part, spellings: tomasz ? [...spellings, tomasz] : spellings}
}

describe('buildNamesIndex', () => {
  test('groups a long unknown name one slip from one used in two stories, most inconsistent first', () => {
    expect(summary([story('a', 'Kowalczyk:2', 'Gdansk+:1'), story('b', 'Kowalczyk:1'), story('c', 'Kowalczik:1')])).toEqual({
      names: ['Kowalczyk (stories, 1 departing): Kowalczik', 'Gdansk (dictionary, 0 departing)'],
      departures: ['c: Kowalczik → Kowalczyk']
    })
  })

  test('gives a known name every unknown spelling linked to it', () => {
    // Each spelling is written beside the rare name "Tomasz", as "Dvoracek" is.
    const stories = [story('a', 'Dvoracek+:3'), story('b', 'Dvoracik:1'), story('c', 'Dvorachek:2')].map(withTomasz)
    expect(summary(stories)).toEqual({
      // Variants by stories, then uses: "Dvorachek" is used twice, "Dvoracik" once.
      names: ['Dvoracek (dictionary, 2 departing): Dvorachek, Dvoracik', 'Tomasz (dictionary, 0 departing)'],
      departures: ['c: Dvorachek → Dvoracek', 'b: Dvoracik → Dvoracek']
    })
  })

  test('takes a story that uses both spellings for no evidence', () => {
    expect(summary([story('a', 'Dvoracek+:3', 'Dvoracik:1'), story('b', 'Dvoracik:1')]).departures).toEqual([])
  })

  test('does not take one of two established spellings for a slip of the other', () => {
    const stories = [story('a', 'Abderrahman:1'), story('b', 'Abderrahman:1'), story('c', 'Abderrahman:1'), story('d', 'Abdurrahman:1'), story('e', 'Abdurrahman:1')]
    expect(summary(stories).departures).toEqual([])
  })

  test('chooses by stories, then uses, then the one met first', () => {
    const byStories = [story('a', 'Wierzbicky:5'), story('b', 'Wierzbicki:1'), story('c', 'Wierzbicki:1'), story('d', 'Wierzbicki:1')].map(withTomasz)
    expect(summary(byStories).names[0]).toBe('Wierzbicki (stories, 1 departing): Wierzbicky')
    const byUses = [story('a', 'Wierzbicky:5'), story('b', 'Wierzbicki:1'), story('c', 'Wierzbicki:1'), story('d', 'Wierzbicky:1')].map(withTomasz)
    expect(summary(byUses).names[0]).toBe('Wierzbicky (uses, 2 departing): Wierzbicki')
    const byFirst = [story('a', 'Wierzbicky:1'), story('b', 'Wierzbicki:1'), story('c', 'Wierzbicki:1'), story('d', 'Wierzbicky:1')].map(withTomasz)
    expect(summary(byFirst).names[0]).toBe('Wierzbicky (first use, 2 departing): Wierzbicki')
  })

  test('never links two known names, nor declared distinct ones', () => {
    expect(summary([story('a', 'Iran+:2'), story('b', 'Iran+:1'), story('c', 'Iraq+:1')]).departures).toEqual([])
    const distinct = [story('a', 'Kowalczyk:2'), story('b', 'Kowalczyk:1'), {...story('c', 'Kowalczik:1'), distinct: [['Kowalczyk', 'Kowalczik']]}]
    expect(summary(distinct).departures).toEqual([])
  })
})

describe('latestStories', () => {
  test('keeps the last part of each story, in the order of the last parts', () => {
    const old = story('a', 'Kowalczik:1')
    const now = story('a', 'Kowalczyk:1')
    const other = story('b', 'Kowalczyk:1')
    expect(latestStories([old, other, now])).toEqual([other, now])
  })
})
