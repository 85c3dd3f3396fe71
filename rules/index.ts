import type {Rule} from '../src/define-rule.js'
import houseStyle from './house-style.js'
import nameConsistency from './name-consistency.js'
import spelling from './spelling.js'

/**
 * Every rule, in the order they run: `house-style` first and
 * `name-consistency` next, so that a word either reports is not reported
 * again by a later rule (`spelling` last).
 */
export const rules: readonly Rule<unknown>[] = [houseStyle, nameConsistency, spelling]
