import type {AnyRule} from '../src/define-rule.js'
import dialectConsistency from './dialect-consistency.js'
import houseStyle from './house-style.js'
import hyphenationConsistency from './hyphenation-consistency.js'
import nameConsistency from './name-consistency.js'
import namesAcrossFiles from './names-across-files.js'
import repeatedWords from './repeated-words.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `house-style` first and
 * `name-consistency` next, so that a word either reports is not reported
 * again by a later rule; then `repeated-words` (errors) before the warning
 * rules; `dialect-consistency`, so that British spellings it reports or
 * accepts are not reported again against dictionary-en;
 * `hyphenation-consistency`; `spelling`, as it reports whatever no other
 * rule has claimed; and `names-across-files` after them all, since it only
 * notes the story's names for the end of the run, leaving out what the
 * others reported.
 */
export const rules: readonly AnyRule[] = [
  houseStyle,
  nameConsistency,
  repeatedWords,
  dialectConsistency,
  hyphenationConsistency,
  spelling,
  namesAcrossFiles
]
