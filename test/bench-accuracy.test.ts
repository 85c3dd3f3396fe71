import {describe, expect, test} from 'vitest'
import {falseErrors} from '../bench/clean-verdicts.js'
import {type Injection, injectArticle, type InjectionSources, isInflected, mulberry32, type Quota} from '../bench/inject.js'
import {type Finding, matchInjections, score} from '../bench/measure.js'
import {readAccuracyOptions} from '../bench/seeded-options.js'
import {lastLetterSlips} from '../bench/slips.js'
import {checkTargets} from '../bench/targets.js'
import {copyTokens} from '../bench/tokens.js'
import {notProseMask} from '../bench/repo-prose.js'
import type {JudgeableError, JudgedRow} from '../bench/verdicts.js'

/** Words the test dictionary knows, lowercase as the dictionary has them. */
const dictionary = new Set([
  'the', 'ferry', 'ferries', 'harbour', 'left', 'at', 'noon', 'and', 'said', 'crew', 'case', 'cases', 'cost', 'costs',
  'make', 'making', 'big', 'bigger', 'city', 'cities', 'his', 'hi', 'walked', 'walk', 'boats', 'boat', 'returned', 'return'
])

const sources: InjectionSources = {
  misspellings: new Map(),
  isDictionaryWord: (word) => dictionary.has(word) || dictionary.has(word.toLowerCase()),
  commonWords: new Set(['ferry', 'ferries', 'harbour', 'left', 'noon', 'said', 'crew', 'cases', 'costs', 'boats', 'returned', 'walked']),
  isListedName: (name) => name === 'Marta'
}

/** A quota of one kind only. */
function only(kind: keyof Quota, count = 1): Quota {
  return {'name-variant': 0, 'name-first-use': 0, misspelling: 0, 'keyboard-slip': 0, 'inflection-slip': 0, [kind]: count}
}

/**
 * Inject into a plain-text article.
 *
 * @param text Article.
 * @param quota Quota.
 * @param seed Seed.
 * @returns The modified article and its injections.
 */
function inject(text: string, quota: Quota, seed: number): {text: string; injections: Injection[]} {
  return injectArticle('story.txt', text, copyTokens(text), [], sources, quota, mulberry32(seed))
}

describe('tokens of copy', () => {
  test('take the marks off a word and note a capital its place gives', () => {
    const tokens = copyTokens('The ferry left. “Harbour staff” said (Marta Kowalczyk).\n## Crew notes\n- Boats returned')
    expect(tokens.map((token) => token.word)).toEqual([
      'The', 'ferry', 'left', 'Harbour', 'staff', 'said', 'Marta', 'Kowalczyk', '##', 'Crew', 'notes', '-', 'Boats', 'returned'
    ])
    const capitalised = tokens.filter((token) => token.capitalisedByPosition).map((token) => token.word)
    expect(capitalised).toEqual(['The', 'Harbour', '##', 'Crew', '-', 'Boats'])
  })

  test('leave out a token that touches text the mask marks', () => {
    const story = 'The ferry left from [the quay](https://example.org/quay) at noon.\n'
    const words = copyTokens(story, notProseMask(story)).map((token) => token.word)
    expect(words).toEqual(['The', 'ferry', 'left', 'from', 'the', 'at', 'noon'])
  })
})

describe('slips on inflected words', () => {
  test('tell an inflected word by a stem the dictionary knows', () => {
    const known = sources.isDictionaryWord
    expect(['cases', 'costs', 'making', 'bigger', 'cities', 'walked'].filter((word) => isInflected(word, known))).toHaveLength(6)
    // `his` would be `hi` + s: a stem of two letters is no stem.
    expect(isInflected('his', known)).toBe(false)
    expect(isInflected('harbour', known)).toBe(false)
  })

  test('change only the last letter', () => {
    const forms = [...lastLetterSlips('cases').values()].flat()
    expect(forms).toContain('casex')
    expect(forms).toContain('casess')
    for (const form of forms) expect(form.startsWith('case')).toBe(true)
    expect(forms).not.toContain('cases')
  })

  test('go on the last letter of an inflected common word in the article', () => {
    const text = 'The ferry left at noon with the crew and the cases.\n'
    for (let seed = 1; seed <= 10; seed++) {
      const {text: changed, injections} = inject(text, only('inflection-slip'), seed)
      expect(injections).toHaveLength(1)
      const [injection] = injections
      expect(injection?.original).toBe('cases')
      expect(injection?.injected.slice(0, 4)).toBe('case')
      expect(changed.slice(injection?.offset, (injection?.offset ?? 0) + (injection?.injected.length ?? 0))).toBe(injection?.injected)
    }
  })
})

describe('name slips', () => {
  const text = 'Officials met Dvoracek at the harbour. Later Dvoracek said the ferry left at noon.\n'

  test('on first use change the first of a name used exactly twice', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const {injections} = inject(text, only('name-first-use'), seed)
      expect(injections).toHaveLength(1)
      const [injection] = injections
      expect(injection?.kind).toBe('name-first-use')
      expect(injection?.original).toBe('Dvoracek')
      expect(injection?.offset).toBe(text.indexOf('Dvoracek'))
      expect(injection?.originalListed).toBe(false)
    }
  })

  test('on a later use change a use after the first', () => {
    const {injections} = inject(text, only('name-variant'), 3)
    expect(injections[0]?.offset).toBe(text.lastIndexOf('Dvoracek'))
  })

  test('never go on a name used three times when the slip must be on the first of two', () => {
    const thrice = text + 'Dvoracek left.\n'
    expect(inject(thrice, only('name-first-use'), 5).injections).toEqual([])
  })

  test('put no two slips on one name', () => {
    const {injections} = inject(text, {...only('name-first-use'), 'name-variant': 1}, 2)
    expect(injections).toHaveLength(1)
  })

  test('know a name one of the lists has', () => {
    const marta = 'Reporters met Marta at the harbour. Later Marta said the ferry left.\n'
    expect(inject(marta, only('name-first-use'), 1).injections[0]?.originalListed).toBe(true)
  })
})

describe('a fix that points at the slip', () => {
  const injection: Injection = {
    kind: 'name-first-use',
    file: 'a.txt',
    offset: 4,
    line: 1,
    column: 5,
    original: 'Fauci',
    injected: 'Faauci',
    origin: ['letter doubled or undoubled'],
    originalKnown: false,
    originalListed: false
  }
  const finding = (start: number, actual: string, expected: string[]): Finding => ({
    file: 'a.txt', start, end: start + actual.length, line: 1, column: start + 1, ruleId: 'name-consistency', actual, expected, severity: 'error'
  })

  test('is noted when the right spelling is flagged with the slip first', () => {
    const [outcome] = matchInjections([injection], [finding(30, 'Fauci', ['Faauci'])])
    expect(outcome?.severity).toBeNull()
    expect(outcome?.pointsAtSlip).toBe('error')
    const scores = score('error', {clean: [], modified: [], outcomes: outcome ? [outcome] : []}, 1000, {suggestions: true})
    expect(scores.pointsAtSlip['name-first-use']).toBe(1)
    const target = checkTargets([scores], 0).find((entry) => entry.id === 'fix points at the slip')
    expect(target?.pass).toBe(false)
  })

  test('is not noted when the slip is flagged with the right spelling first', () => {
    const [outcome] = matchInjections([injection], [finding(4, 'Faauci', ['Fauci'])])
    expect(outcome?.pointsAtSlip).toBeNull()
    const scores = score('error', {clean: [], modified: [], outcomes: outcome ? [outcome] : []}, 1000, {suggestions: true})
    expect(scores.firstSuggestion?.['name-first-use']).toEqual({part: 1, whole: 1, rate: 1})
    expect(scores.namesInNoList.recall).toEqual({part: 1, whole: 1, rate: 1})
  })
})

describe('false errors on clean copy', () => {
  const error = (line: number, actual: string): JudgeableError => ({
    repo: 'wikinews', file: 'a.txt', line, column: 1, actual, ruleId: 'spelling', expected: []
  })
  const row = (line: number, actual: string, verdict: JudgedRow['verdict']): JudgedRow => ({
    repo: 'wikinews', file: 'a.txt', line, column: 1, actual, rule: 'spelling', expected: '', verdict, note: ''
  })

  test('count the wrong and the unjudged, never the right', () => {
    const errors = [error(1, 'anynomous'), error(2, 'Haugland'), error(3, 'Dvoracek')]
    const result = falseErrors(errors, [row(1, 'anynomous', 'right'), row(2, 'Haugland', 'wrong'), row(3, 'Dvoracek', undefined)], 2000)
    expect(result).toMatchObject({errors: 3, right: 1, wrong: 1})
    expect(result.unjudged.map((entry) => entry.actual)).toEqual(['Dvoracek'])
    expect(result.perThousandWords).toBe(1)
    expect(result.judgedPerThousandWords).toBe(0.5)
  })

  test('take the first verdict on an error from the files read', () => {
    const result = falseErrors([error(1, 'teh')], [row(1, 'teh', 'right'), row(1, 'teh', 'wrong')], 1000)
    expect(result.right).toBe(1)
  })
})

describe('options of bench:accuracy', () => {
  test('read --write-unjudged beside the seed', () => {
    expect(readAccuracyOptions(['--seed', '7', '--write-unjudged'])).toEqual({json: false, seed: 7, writeUnjudged: true})
    expect(readAccuracyOptions([]).writeUnjudged).toBe(false)
    expect(() => readAccuracyOptions(['--sample', '3'])).toThrow()
  })
})
