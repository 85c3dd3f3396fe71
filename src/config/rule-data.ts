import type {RuleMeta} from '../define-rule.js'
import {dictionaryFile} from '../package-info.js'
import {readWordList} from './word-list.js'

/** Lists already read, by file name: the engine makes the checks once per file linted. */
const lists = new Map<string, string[]>()

/**
 * Read the lists in `dictionaries/` that a rule asks for in its `data`, so
 * that they reach the rule as options: rules never read files themselves.
 *
 * @param rule The rule.
 * @returns Each list's entries under the option name the rule gave it.
 */
export function ruleData(rule: RuleMeta): Record<string, string[]> {
  const options: Record<string, string[]> = {}
  for (const [option, name] of Object.entries(rule.data ?? {})) {
    let list = lists.get(name)
    if (!list) lists.set(name, (list = readWordList(dictionaryFile(name))))
    options[option] = list
  }
  return options
}
