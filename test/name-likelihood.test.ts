import {describe, expect, test} from 'vitest'
import {areBothInUse, letterScore, likelierSpelling} from '../src/words/name-likelihood.js'

describe('likelierSpelling', function () {
  test.each([
    ['Pelsoi', 'Pelosi', 'a slip written English never uses, beside the name it does'],
    ['Jaun', 'Juan', 'a slip written English uses, but far less than the name'],
    ['Zhnag', 'Zhang', 'a slip with `hn`, which names seldom have']
  ])('prefers written usage: %s or %s (%s)', function (slip, name) {
    expect(likelierSpelling(slip, name)).toEqual({spelling: name, evidence: 'written usage'})
    expect(likelierSpelling(name, slip)).toEqual({spelling: name, evidence: 'written usage'})
  })

  test.each([
    ['Otttaleno', 'Ottaleno', 'a tripled letter'],
    ['Quiillaro', 'Quillaro', 'a doubled vowel'],
    ['Ferrualt', 'Ferrault', 'two vowels swapped into an ending names lack']
  ])('else weighs the letters of two spellings no list knows: %s or %s (%s)', function (slip, name) {
    expect(likelierSpelling(slip, name)).toEqual({spelling: name, evidence: 'letters'})
  })

  test('weighs the kind of edit: a letter is dropped more often than added, unless it doubles one', function () {
    // The letters alone fall short of deciding: `Dornetti` is likelier by less than the margin.
    expect(letterScore('dornetti') - letterScore('drnetti')).toBeLessThan(6)
    expect(likelierSpelling('Drnetti', 'Dornetti')).toEqual({spelling: 'Dornetti', evidence: 'letters'})
    // The letters alone would take `Thuddeus`; but a letter doubled is added far more often than another.
    expect(letterScore('thuddeus') - letterScore('thudeus')).toBeGreaterThan(6)
    expect(likelierSpelling('Thudeus', 'Thuddeus')).toBeUndefined()
  })

  test('has no answer when the letters lean, but not surely enough', function () {
    // `Tessarin` is likelier by its letters, by less than the margin: at 3, one such pair in 26 went the wrong way.
    expect(letterScore('tessarin') - letterScore('tesasrin')).toBeGreaterThan(3)
    expect(likelierSpelling('Tesasrin', 'Tessarin')).toBeUndefined()
  })

  test('has no answer for two spellings as likely as each other', function () {
    expect(likelierSpelling('Brannock', 'Brennock')).toBeUndefined()
    // Two names both in written use, neither far commoner: two people as likely as one slip.
    expect(likelierSpelling('Horan', 'Horgan')).toBeUndefined()
  })

  test('has no answer for spellings with other characters than letters', function () {
    expect(likelierSpelling("O'Braien", "O'Brien")).toBeUndefined()
  })

  test('compares spellings of different lengths by their letters, not their length', function () {
    // A dropped letter makes a shorter word, which would otherwise always score higher.
    expect(letterScore('durbin')).toBeGreaterThan(letterScore('durbn'))
    expect(letterScore('ottaleno')).toBeGreaterThan(letterScore('otttaleno'))
  })
})

describe('areBothInUse', function () {
  test.each([
    ['Yusuf', 'Yousuf', true, 'two spellings of a first name, neither ten times commoner'],
    ['Cheng', 'Cheung', true, 'two surnames'],
    ['Imran', 'Imraan', false, 'a spelling written English lacks'],
    ['Juan', 'Jaun', false, 'a slip written English uses, but far less than the name'],
    ['Yusuf', 'yusuf', false, 'one spelling in two cases']
  ])('%s and %s: %s (%s)', function (a, b, expected) {
    expect(areBothInUse(a, b)).toBe(expected)
    expect(areBothInUse(b, a)).toBe(expected)
  })
})
