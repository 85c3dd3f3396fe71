import type {Rule} from '../src/define-rule.js'
import nameConsistency from './name-consistency.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `name-consistency` first, so that a
 * word it reports is not reported again by `spelling`.
 */
export const rules: readonly Rule<unknown>[] = [nameConsistency, spelling]
