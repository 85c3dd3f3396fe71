import type {Root} from 'nlcst'
import type {z} from 'zod'
import type {VFile} from 'vfile'
import {ruleUrl} from './rule-url.js'
import {type Severity, setSeverity} from './severity.js'

/** Checks one file's tree and adds messages to the file. */
export type Check = (tree: Root, file: VFile) => void | Promise<void>

/** What a rule is, for config validation, documentation and reports. */
export interface RuleMeta {
  /** Stable kebab-case id, equal to the file name and the config key. */
  id: string
  /** One line on what the rule finds. */
  description: string
  /** The options a newsroom may set for it in config, if any (besides `severity`). */
  options?: z.ZodObject | undefined
  /**
   * Lists in `dictionaries/` the rule needs, by option name
   * (`{allowed: 'repeated-words.txt'}`): the engine reads them and passes
   * them as options, since rules never read files.
   */
  data?: Readonly<Record<string, string>> | undefined
}

/** How a rule is switched on for a run. */
export interface RuleSettings<Options> {
  /** Severity for every finding of the rule; without it the rule decides per finding. */
  severity?: Severity | undefined
  /** Options of the rule. */
  options?: Options | undefined
}

/** A rule: its metadata and a way to make its check for given settings. */
export interface Rule<Options = unknown> extends RuleMeta {
  /**
   * Make the check for one run.
   *
   * @param settings Severity and options from config.
   * @returns A check that stamps `ruleId`, `source`, `url` and severity on what it reports.
   */
  create(settings?: RuleSettings<Options>): Check
}

/**
 * Define a rule. The check it makes only has to add messages with a reason,
 * place, `actual` and `expected`; `ruleId`, `source` (`copydesk` unless the
 * message already names a wrapped plugin), `url` and a configured severity
 * are stamped on here so that no rule repeats them.
 *
 * @param meta Id and description.
 * @param create Makes the bare check from the rule's options (and, for a rule that reports after the run, its settings).
 * @returns The rule.
 */
export function defineRule<Options = undefined>(
  meta: RuleMeta,
  create: (options: Options | undefined, settings: RuleSettings<Options>) => Check
): Rule<Options> {
  return {
    ...meta,
    create(settings = {}) {
      const check = create(settings.options, settings)
      const url = ruleUrl(meta.id)
      return async function (tree, file) {
        const before = file.messages.length
        await check(tree, file)
        for (const message of file.messages.slice(before)) {
          message.ruleId = meta.id
          message.source ??= 'copydesk'
          message.url = url
          if (settings.severity) setSeverity(message, settings.severity)
        }
      }
    }
  }
}
