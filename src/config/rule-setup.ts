import {type AnyRule, type Check, isAcrossRule, type NoteStory, type RuleSettings} from '../define-rule.js'
import type {AnalyseOptions} from '../analyse/story.js'
import {prominentNames} from '../words/names-list.js'
import {wordSet} from '../words/word-set.js'
import type {ResolvedConfig} from './config.js'
import {ruleData} from './rule-data.js'

/** The rules a config switches on, set up, and what the analysis needs from the config. */
export interface RuleRun {
  /** Words and dialect for the spell check of each story. */
  analyse: AnalyseOptions
  /** The checks of the rules on one story, in registry order (order does not matter: see `settleFindings`). */
  checks: Array<{ruleId: string; check: Check}>
  /** The per-story steps of the rules across stories. */
  notes: Array<{ruleId: string; note: NoteStory}>
}

/**
 * Set up the rules a config switches on, with their options: their own
 * from config, the lists in `dictionaries/` they ask for, and the config's
 * words, names, house style and dialect. Made once per config and run:
 * setting a rule up turns word lists of 20,000 names into sets, which for
 * every story of a run would cost more than some rules' checks.
 *
 * @param config Resolved configuration.
 * @returns The rules, set up.
 */
export function rulesRunFor(config: ResolvedConfig): RuleRun {
  const words = acceptedWordsOf(config)
  const run: RuleRun = {analyse: {words, dialect: config.dialect, vocabularies: config.vocabularies}, checks: [], notes: []}
  for (const {rule, severity, options} of config.rules) {
    const settings = {
      severity,
      options: {
        ...ruleData(rule),
        ...options,
        words,
        names: config.names,
        ownWords: config.words,
        prominentNames: config.names.length > 0 ? prominentNames() : new Set<string>(),
        distinct: config.distinct,
        houseStyle: config.houseStyle,
        dialect: config.dialect
      }
    }
    if (isAcrossRule(rule)) run.notes.push({ruleId: rule.id, note: setUp(rule, settings) as NoteStory})
    else run.checks.push({ruleId: rule.id, check: setUp(rule, settings) as Check})
  }
  return run
}

/**
 * Set a rule up; when that fails, its step fails the same way on every
 * story, so that each is reported with the rule named and the other rules
 * still run.
 *
 * @param rule The rule.
 * @param settings Its settings.
 * @returns Its check or per-story step.
 */
function setUp(rule: AnyRule, settings: RuleSettings<unknown>): Check | NoteStory {
  try {
    return rule.create(settings)
  } catch (error) {
    return function () {
      throw error
    }
  }
}

/** The last accepted words made from each names list, with the config words they were made with. */
const acceptedByNames = new WeakMap<readonly string[], {words: string; accepted: readonly string[]}>()

/**
 * The words a config accepts: its names, then its own words that are not
 * among them, each once.
 *
 * The list is made again only when the words change: `lintText` resolves
 * its config afresh on every call, and joining the 20,000 names with the
 * house style's words, then making a set of them for the rules, took a
 * quarter of the time of linting a story that way. The list is frozen, so
 * sharing it shares no state between calls.
 *
 * @param config Resolved configuration.
 * @returns The words, frozen.
 */
function acceptedWordsOf(config: ResolvedConfig): readonly string[] {
  // Most configs add no words of their own: their list is the names, which
  // need no copy (and their set, made once, serves the rules that use it).
  if (config.words.length === 0 && Object.isFrozen(config.names) && wordSet(config.names).size === config.names.length) {
    return config.names
  }
  // Only a frozen names list may key what is made of it: another may change.
  const kept = Object.isFrozen(config.names)
  const words = JSON.stringify(config.words)
  const known = kept ? acceptedByNames.get(config.names) : undefined
  if (known?.words === words) return known.accepted
  const accepted = Object.freeze([...new Set([...config.names, ...config.words])])
  if (kept) acceptedByNames.set(config.names, {words, accepted})
  return accepted
}
