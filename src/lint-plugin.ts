import path from 'node:path'
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules as allRules} from '../rules/index.js'
import type {ResolvedConfig} from './config/config.js'
import type {Check, Rule, RuleSettings} from './define-rule.js'
import {GitIgnore} from './files/gitignore.js'
import {caseInsensitiveFiles} from './files/ignore-files.js'
import {prominentNames} from './words/names-list.js'
import {ruleData} from './config/rule-data.js'
import {settleProvisional} from './settle/provisional.js'
import {actualAsWritten} from './settle/source-actual.js'
import {inStage} from './stage.js'
import {applyMarkers} from './settle/suppress.js'

/** Rule ids a comment marker may name: every rule, whether config switches it on or not. */
const ruleIds = allRules.map((rule) => rule.id)

/**
 * unified plugin: run the rules a config switches on, skipping files the
 * config's `ignore` patterns exclude.
 *
 * @param config Resolved configuration for the files this processor sees.
 */
const copydeskLint: Plugin<[ResolvedConfig], Root> = function (config) {
  const ignored = new GitIgnore(caseInsensitiveFiles).add(config.ignore)
  const checks = configuredChecks(config)

  return async function (tree: Root, file: VFile): Promise<undefined> {
    const relative = path.relative(config.root, path.resolve(file.cwd, file.path))
    if (config.ignore.length > 0 && !relative.startsWith('..') && ignored.ignores(relative)) {
      file.data.copydeskIgnored = true
      return
    }
    // A binary file goes through the engine only to find its config, whose
    // `ignore` may leave it out; it has no text (see `readInputFile`), so no rule runs on it.
    if (file.data.binary) return
    // Rules report into a scratch file, so that the file the engine watches
    // never carries a fatal message while the run goes on (see `heldErrors`).
    const scratch = new VFile({path: file.path, cwd: file.cwd, value: file.value, data: file.data})
    for (const {ruleId, check} of checks) await runIsolated(ruleId, check, tree, scratch)
    // After every rule: a finding turned off by a comment marker still claimed its word.
    // A step after the rules that throws is reported as `story.md: step \`suppress\` failed: …`.
    inStage('step `suppress`', () => applyMarkers(tree, scratch, ruleIds))
    inStage('step `provisional`', () => settleProvisional(scratch))
    inStage('step `source-actual`', () => actualAsWritten(scratch))
    for (const message of scratch.messages) {
      // The nodes a rule found the word in hold the whole sentence, and
      // through it a story's tree: a run of 1,000 stories would keep every
      // tree alive. Nothing after the rules reads them.
      delete message.ancestors
      if (message.fatal === true) {
        heldErrors.add(message)
        message.fatal = false
      }
      file.messages.push(message)
    }
  }
}

/**
 * Run one rule on a file so that a crash in it costs only its own findings:
 * what it reported before failing is taken back (it may be half done), the
 * failure is noted on the file for the run to report as a problem naming
 * the rule and the file, and the other rules still run on the story.
 *
 * @param ruleId The rule's id.
 * @param check Its check.
 * @param tree The story's tree.
 * @param file The file it reports into.
 */
async function runIsolated(ruleId: string, check: Check, tree: Root, file: VFile): Promise<undefined> {
  const before = file.messages.length
  try {
    await check(tree, file)
  } catch (error) {
    file.messages.length = before
    file.data.copydeskRuleFailures ??= []
    file.data.copydeskRuleFailures.push({ruleId, error})
  }
}

/** A rule's check, with the rule's id to name it by when it fails. */
interface RuleCheck {
  ruleId: string
  check: Check
}

/** The rules' checks for each config, made once: unified-engine attaches the plugin for every file. */
const checksByConfig = new WeakMap<ResolvedConfig, RuleCheck[]>()

/**
 * The checks of the rules a config switches on, set up once per config:
 * setting a rule up turns word lists of 20,000 names into sets, which for
 * every file of a run of many cost more than some rules' checks.
 *
 * @param config Resolved configuration.
 * @returns The checks, in rule order.
 */
function configuredChecks(config: ResolvedConfig): RuleCheck[] {
  let checks = checksByConfig.get(config)
  if (!checks) {
    const words = acceptedWords(config)
    checks = config.rules.map(({rule, severity, options}) => ({
      ruleId: rule.id,
      check: setUp(rule, {
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
      })
    }))
    checksByConfig.set(config, checks)
  }
  return checks
}

/**
 * Set a rule up; when that fails, its check fails the same way on every
 * file, so that each is reported with the rule named and the other rules
 * still run.
 *
 * @param rule The rule.
 * @param settings Its settings.
 * @returns Its check.
 */
function setUp(rule: Rule<unknown>, settings: RuleSettings<unknown>): Check {
  try {
    return rule.create(settings)
  } catch (error) {
    return function () {
      throw error
    }
  }
}

/** The accepted words of each config, made once: the lists are long and every file of a run uses them. */
const acceptedByConfig = new WeakMap<ResolvedConfig, readonly string[]>()

/**
 * Every word a config accepts: its own word lists and the bundled names.
 *
 * @param config Resolved configuration.
 * @returns The words, each once; the same array for the same config.
 */
function acceptedWords(config: ResolvedConfig): readonly string[] {
  let words = acceptedByConfig.get(config)
  if (!words) {
    words = Object.freeze([...new Set([...config.names, ...config.words])])
    acceptedByConfig.set(config, words)
  }
  return words
}

/**
 * Errors found by rules, made non-fatal while unified-engine runs.
 *
 * The engine reads a fatal message as "this file failed": its output queue
 * skips such a file, and a run where another file finishes while this one
 * has errors never ends. vfile (and vfile-reporter) mark an error as fatal,
 * so errors are held back until the engine is done and restored with
 * `restoreErrors`.
 */
const heldErrors = new WeakSet<VFileMessage>()

/**
 * Give held errors their severity back once the engine is done.
 *
 * @param file Linted file.
 */
export function restoreErrors(file: VFile): void {
  for (const message of file.messages) if (heldErrors.has(message)) message.fatal = true
}

export default copydeskLint

declare module 'vfile' {
  interface DataMap {
    /** Set when the config's `ignore` patterns exclude the file: it is not reported. */
    copydeskIgnored: boolean
    /** Rules that threw on the file, with what they threw (see `runIsolated`). */
    copydeskRuleFailures: Array<{ruleId: string; error: unknown}>
  }
}
