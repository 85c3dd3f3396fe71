import {expect, test} from 'vitest'
import {lookupForms} from '../src/words/nspell-forms.js'

test.each([
  ['walk', ['walk']],
  ['Walk', ['Walk', 'walk']],
  ['PARIS', ['PARIS', 'Paris', 'paris']],
  // An all-capital letter is its own sentence case: each form once.
  ['A', ['A', 'a']],
  ['42', ['42']],
  ['U.S.', ['U.S.', 'U.s.', 'u.s.']],
  ['Putin’s', ["Putin's", "putin's"]],
  [' walk ', ['walk']],
  ['  ', []]
])('nspell looks %j up as %j', function (word, forms) {
  expect(lookupForms(word)).toEqual(forms)
})
