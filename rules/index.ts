import type {AnyRule} from '../src/define-rule.js'
import dialectConsistency from './dialect-consistency.js'
import houseStyle from './house-style.js'
import hyphenationConsistency from './hyphenation-consistency.js'
import nameConsistency from './name-consistency.js'
import namesAcrossFiles from './names-across-files.js'
import repeatedWords from './repeated-words.js'
import spelling from './spelling.js'

/**
 * Every rule copydesk has. Each checks a story alone, so their order here
 * means nothing: which finding wins a word two rules speak about is
 * settled in one place (`precedence` in src/settle/settle.ts), and
 * `names-across-files`, a rule across stories, notes a story once its
 * findings are settled.
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
