import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it, test, vi} from 'vitest'
import {withListedCorrections} from '../src/words/common-misspellings.js'
import {misspellingCost, wordsNear} from '../src/words/misspelling-model.js'
import {rankSuggestions} from '../src/words/suggestions.js'

describe('misspelling model', () => {
  it('costs nothing for the word itself, and more for each edit', () => {
    expect(misspellingCost('harbour', 'harbour')).toBe(0)
    expect(misspellingCost('harbour', 'Harbour')).toBe(0)
    expect(misspellingCost('harbor', 'harbour')).toBeGreaterThan(0)
    expect(misspellingCost('harb', 'harbour')).toBeGreaterThan(misspellingCost('harbor', 'harbour'))
  })

  it('learns from the list that a vowel for a vowel is a likelier confusion than a consonant for a vowel', () => {
    expect(misspellingCost('seperate', 'separate')).toBeLessThan(misspellingCost('sedarate', 'separate'))
  })

  it('counts a neighbouring key as a likely slip', () => {
    // `z` sits next to `a`; `z` is nowhere near `u`.
    expect(misspellingCost('crzsh', 'crash')).toBeLessThan(misspellingCost('crzsh', 'crush'))
    // `w` sits next to `s`: a slip on the plural, not a stray `w` after `job`.
    expect(misspellingCost('jobw', 'jobs')).toBeLessThan(misspellingCost('jobw', 'job'))
  })

  it('counts a letter dropped or two letters swapped as a slip of rhythm, likelier than a neighbouring key', () => {
    // No key is chosen: `ool` is `cool` with its `c` dropped, likelier than `oil` with `o` for `i`.
    expect(misspellingCost('ool', 'cool')).toBeLessThan(misspellingCost('ool', 'oil'))
    expect(rankSuggestions('ool', ['oil', 'cool', 'pool'], new Set())[0]).toBe('cool')
  })

  it('learns from words spelt two ways for one sound how people spell by ear', () => {
    // `plane` for `plain` and `seen` for `scene`: the spellings English gives one sound, which typists' slips rarely show.
    expect(misspellingCost('rane', 'rain')).toBeLessThan(misspellingCost('rane', 'range'))
    expect(misspellingCost('seak', 'seek')).toBeLessThan(misspellingCost('seak', 'speak'))
  })

  it('learns rewrites of several letters that people make as one habit', () => {
    // Two edits each, but one habit: `ys` for `ies`, `f` for `ph`. They cost less than one edit of an unrelated kind.
    expect(misspellingCost('citys', 'cities')).toBeLessThan(misspellingCost('citys', 'city'))
    expect(misspellingCost('fone', 'phone')).toBeLessThan(misspellingCost('fone', 'fine'))
    expect(rankSuggestions('citys', ['city', "city's", 'cities'], new Set())[0]).toBe('cities')
  })

  it('costs the same in the run that learns the model as in a run that reads it from the disk cache', async () => {
    // Learning weighs each rewrite with the single edits alone; nothing of that may stay behind.
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-model-'))
    // `ies` as `ys` is also one of the rewrites weighed while learning.
    const pairs = [['citys', 'cities'], ['ys', 'ies'], ['fone', 'phone'], ['endx', 'and'], ['theh', 'the']] as const
    const costsInAFreshRun = async () => {
      vi.resetModules()
      const model = await import('../src/words/misspelling-model.js')
      return pairs.map(([typed, intended]) => model.misspellingCost(typed, intended))
    }
    vi.stubEnv('COPYDESK_CACHE_DIR', cache)
    try {
      const learning = await costsInAFreshRun()
      expect(fs.readdirSync(cache).some((name) => name.startsWith('misspelling-model-'))).toBe(true)
      expect(await costsInAFreshRun()).toEqual(learning)
      expect(learning).toEqual(pairs.map(([typed, intended]) => misspellingCost(typed, intended)))
    } finally {
      vi.unstubAllEnvs()
      fs.rmSync(cache, {recursive: true, force: true})
    }
  }, 30_000)

  it('gives any letter, even one the list never shows, a finite cost', () => {
    expect(Number.isFinite(misspellingCost('naïve', 'naive'))).toBe(true)
    expect(Number.isFinite(misspellingCost('zqx', 'the'))).toBe(true)
  })
})

describe('suggestion ranking', () => {
  const none = new Set<string>()

  it('puts the likeliest word meant first', () => {
    expect(rankSuggestions('theh', ['then', 'they', 'the', 'them'], none)[0]).toBe('the')
    expect(rankSuggestions('casex', ['case', 'cased', 'cases'], none)[0]).toBe('cases')
    expect(rankSuggestions('wer', ['we', 'her', 'were', 'war', 'wear'], none)[0]).toBe('were')
  })

  it('puts first a word the story uses elsewhere, among likely ones', () => {
    const suggestions = ['fund', 'fond', 'fend']
    expect(rankSuggestions('fnd', suggestions, none)[0]).toBe('fund')
    expect(rankSuggestions('fnd', suggestions, new Set(['fond', 'memories']))[0]).toBe('fond')
  })

  it('raises a rare word of the story far more than a common one', () => {
    // A story about a cache of rifles: `cache` is rare in English, so the story says much; `each` and `catch` are common.
    const suggestions = ['catch', 'coach', 'cache', 'cash', 'each']
    const story = new Set(['police', 'found', 'a', 'cache', 'of', 'rifles', 'in', 'the', 'barn', 'each'])
    expect(rankSuggestions('cach', suggestions, none)[0]).not.toBe('cache')
    expect(rankSuggestions('cach', suggestions, story)[0]).toBe('cache')
  })

  it('puts a contraction of `not` as high as speech uses it', () => {
    // SUBTLEX counts `isn't` as `isn` and `t`; the written list has no contractions.
    expect(rankSuggestions('isnt', ['inst', 'int', "isn't", 'it', 'is'], none)[0]).toBe("isn't")
  })

  it('puts a contraction such as `you\'re` as high as its word and its ending allow', () => {
    // SUBTLEX counts `you're` as `you` and `re`: the lesser is about how often it is said.
    expect(rankSuggestions('youre', ['your', 'you', 'yore', "you're"], none)[0]).toBe("you're")
    expect(rankSuggestions('theyre', ['there', 'they', "they're"], none)[0]).toBe("they're")
  })

  it('for a slip, puts a word one edit away before a commoner one two edits away', () => {
    // Ranked as a slip (with no words beside it), each edit beyond the nearest costs.
    expect(rankSuggestions('endx', ['and', 'end', 'ends'], none)[0]).toBe('and')
    expect(rankSuggestions('endx', ['and', 'end', 'ends'], none, {context: {}})[0]).toBe('end')
    expect(rankSuggestions('ftests', ['forests', 'tests', 'fests'], none, {context: {}})[0]).toBe('tests')
  })

  it('keeps ordinary words before proper nouns for a lowercase word', () => {
    expect(rankSuggestions('paris', ['Paris', 'parish'], none)[0]).toBe('parish')
  })
})

describe('corrections of the list of common misspellings', () => {
  test('are offered even far from the word, and ranked with the rest', () => {
    expect(withListedCorrections('altho', ['alto', 'also'])).toContain('although')
    expect(rankSuggestions('altho', withListedCorrections('altho', ['alto', 'also']), new Set())[0]).toBe('although')
    expect(withListedCorrections('Altho', ['Alto'])).toContain('Although')
    expect(rankSuggestions('alot', withListedCorrections('alot', ['allot', 'alto']), new Set())).toContain('a lot')
  })

  test('leave the suggestions of an unlisted word as they are', () => {
    const suggestions = ['budget', 'budgets']
    expect(withListedCorrections('budgett', suggestions)).toBe(suggestions)
  })
})

describe('wordsNear', () => {
  test('finds exactly the words of a sorted list within a cost, as misspellingCost weighs them', () => {
    const words = ['cab', 'cable', 'cables', 'cabling', 'conscience', 'conscious', 'consent', 'consensus', 'content', 'context', 'scene'].sort()
    for (const typed of ['conssene', 'cabel', 'contnet']) {
      for (const budget of [4, 8, 12]) {
        // Weighed before the search, which keeps the costs it finds for misspellingCost.
        const costs = new Map(words.map((word) => [word, misspellingCost(typed, word)]))
        const expected = words.filter((word) => costs.get(word)! <= budget)
        const found = wordsNear(typed, words, budget)
        expect(found.map(({word}) => word)).toEqual(expected)
        for (const {word, cost} of found) expect(cost).toBeCloseTo(costs.get(word)!, 10)
      }
    }
  })
})
