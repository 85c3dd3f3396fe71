import type {Rule} from '../src/define-rule.js'
import houseStyle from './house-style.js'
import hyphenationConsistency from './hyphenation-consistency.js'
import nameConsistency from './name-consistency.js'
import repeatedWords from './repeated-words.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `house-style` first and
 * `name-consistency` next, so that a word either reports is not reported
 * again by a later rule; then `repeated-words` (errors) before
 * `hyphenation-consistency` (warnings); `spelling` last, as it reports
 * whatever no other rule has claimed.
 */
export const rules: readonly Rule<unknown>[] = [
  houseStyle,
  nameConsistency,
  repeatedWords,
  hyphenationConsistency,
  spelling
]
