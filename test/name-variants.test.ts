import {describe, expect, test} from 'vitest'
import {groupVariants, type NameUse, spellingRelation} from '../src/words/name-variants.js'

/**
 * Make uses of spellings, one per line, as the rule collects them.
 *
 * @param spellings Each spelling with whether the dictionary knows it.
 * @returns Uses in document order.
 */
function usesOf(spellings: ReadonlyArray<readonly [string, boolean]>): NameUse[] {
  return spellings.map(([text, known], index) => ({
    text,
    known,
    position: {
      start: {line: index + 1, column: 1, offset: index * 100},
      end: {line: index + 1, column: 1 + text.length, offset: index * 100 + text.length}
    }
  }))
}

/**
 * Group spellings and give each group as `variants → canonical`.
 *
 * @param spellings Each spelling with whether the dictionary knows it.
 * @returns One line per group.
 */
function grouped(spellings: ReadonlyArray<readonly [string, boolean]>): string[] {
  return groupVariants(usesOf(spellings), {listed: new Set(), distinct: []}).map(
    (group) => `${group.variants.map((variant) => variant.text).join(', ')} → ${group.canonical.text}`
  )
}

describe('spellingRelation', () => {
  test.each([
    ['a changed letter', 'Dvoracek', 'Dvoracik', 'variant'],
    ['a dropped letter', 'Oyelaran', 'Oyelarn', 'variant'],
    ['two swapped letters', 'Kowalczyk', 'Kowalcyzk', 'variant'],
    ['two edits in a long name', 'Aleksandrov', 'Alexandrov', 'variant'],
    ['two edits in a short name', 'Petrov', 'Patrob', 'unrelated'],
    ['sh for s', 'Jiangshu', 'Jiangsu', 'variant'],
    ['ph for f and a doubled letter', 'Philipp', 'Filip', 'variant'],
    ['y for i', 'Zelensky', 'Zelenski', 'variant'],
    ['kh for k and an edit in a long name', 'Mikhailovich', 'Mikailovish', 'variant'],
    ['the same spelling once accents are off', 'Kraków', 'Krakow', 'unrelated'],
    ['a letter NFD keeps', 'Wałęsa', 'Walesa', 'variant'],
    ['an accented slip', 'Kraków', 'Krakw', 'variant'],
    ['a doubled letter outside ASCII', 'Müüller', 'Müler', 'variant'],
    ['skeletons one edit apart in a long name', 'Tchaikovsky', 'Chaykovskiy', 'variant'],
    ['skeletons one edit apart, four letters apart', 'Abdulkarimov', 'Abdoulkharrimmov', 'variant'],
    ['an inflected form', 'Morozov', 'Morozova', 'form'],
    ['far apart names', 'Johnson', 'Thompson', 'unrelated']
  ])('relates %s', (_name, a, b, relation) => {
    expect(spellingRelation(a, b)).toBe(relation)
    expect(spellingRelation(b, a)).toBe(relation)
  })
})

describe('groupVariants', () => {
  test('groups an unknown spelling with a known one it is close to', () => {
    expect(grouped([['Jiangsu', true], ['Jiangshu', false], ['Beijing', true]])).toEqual(['Jiangshu → Jiangsu'])
  })

  test('groups two unknown spellings, the one used first winning a tie', () => {
    expect(grouped([['Mikhailovich', false], ['Mikailovish', false]])).toEqual(['Mikailovish → Mikhailovich'])
  })

  test('never groups two known spellings', () => {
    expect(grouped([['Iran', true], ['Iraq', true], ['Austria', true], ['Australia', true]])).toEqual([])
  })

  test('finds each pair among many spellings', () => {
    const names = ['Abdulkarimov', 'Tchaikovsky', 'Aleksandrov', 'Kowalczyk', 'Zelensky', 'Oyelaran', 'Dvoracek', 'Philipp']
    const slips = ['Abdoulkharrimmov', 'Chaykovskiy', 'Alexandrov', 'Kowalcyzk', 'Zelenski', 'Oyelarn', 'Dvoracik', 'Filip']
    const known = names.map((name) => [name, true] as const)
    const unknown = slips.map((slip) => [slip, false] as const)
    expect(grouped([...known, ...unknown]).sort()).toEqual(slips.map((slip, index) => `${slip} → ${names[index]}`).sort())
  })
})
