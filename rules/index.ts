import type {Rule} from '../src/define-rule.js'
import dialectConsistency from './dialect-consistency.js'
import houseStyle from './house-style.js'
import nameConsistency from './name-consistency.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `house-style` first and
 * `name-consistency` next, so that a word either reports is not reported
 * again by a later rule; then `dialect-consistency`, so that British
 * spellings it reports or accepts are not reported again against
 * dictionary-en by `spelling`, which runs last.
 */
export const rules: readonly Rule<unknown>[] = [houseStyle, nameConsistency, dialectConsistency, spelling]
