import type {Rule} from '../src/define-rule.js'
import dialectConsistency from './dialect-consistency.js'
import nameConsistency from './name-consistency.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `name-consistency` first, so that a
 * word it reports is not reported again by `spelling`; `dialect-consistency`
 * before `spelling`, so that British spellings it reports or accepts are not
 * reported again against dictionary-en.
 */
export const rules: readonly Rule<unknown>[] = [nameConsistency, dialectConsistency, spelling]
