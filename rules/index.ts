import type {Rule} from '../src/define-rule.js'
import spelling from './spelling.js'

/** Every rule, in the order they run. */
export const rules: readonly Rule<unknown>[] = [spelling]
