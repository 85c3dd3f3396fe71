import path from 'node:path'
import {z} from 'zod'
import {rules as allRules} from '../../rules/index.js'
import type {AnyRule} from '../define-rule.js'
import {type Dialect, dialects} from '../words/dictionary.js'
import {closest} from '../words/edit-distance.js'
import {CopydeskError} from '../errors.js'
import {configPlace} from './config-place.js'
import {compileIgnorePattern, ignorePatternProblem} from './ignore-patterns.js'
import {headlineKeys} from '../parse/front-matter.js'
import type {SiteReading} from '../parse/site-reading.js'
import {bundledNames} from '../words/names-list.js'
import {type HouseStyleEntry, houseStyleWords, resolveHouseStyle} from './house-style.js'
import type {Severity} from '../severity.js'
import {readRepoWords} from './repo-words.js'
import {acceptedWords, parseWordList} from './word-list.js'
import {FileRefused, maxTextBytes, readRegularText} from '../files/regular-file.js'
import {trustedFolder} from '../files/repository-root.js'
import {pushAll} from '../push-all.js'
import {defaultVocabularies, type VocabularyName, vocabularyNames} from '../words/vocabularies.js'

const severityOrOff = z.enum(['off', 'info', 'warning', 'error'])

/** The schema of `.copydeskrc.*` files and the `copydesk` field of `package.json`. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .strictObject(Object.fromEntries(allRules.map((rule) => [rule.id, ruleSetting(rule).optional()])))
    .optional(),
  words: z.array(z.string().trim().min(1)).optional(),
  distinct: z.array(z.array(z.string().trim().min(1)).min(2)).optional(),
  wordsFile: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  ignore: z.array(z.string().min(1)).optional(),
  names: z.boolean().optional(),
  houseStyle: z
    .union([
      z.string().min(1),
      z.array(z.string().min(1)),
      z.strictObject({files: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(), default: z.boolean().optional()})
    ])
    .optional(),
  dialect: z.enum(dialects).optional(),
  frontMatterFields: z.array(z.string().trim().min(1)).optional(),
  ignorePatterns: z
    .array(
      z
        .string()
        .min(1)
        .superRefine(function (pattern, context) {
          const problem = ignorePatternProblem(pattern)
          if (problem) context.addIssue({code: 'custom', message: 'invalid regular expression: ' + problem})
        })
    )
    .optional(),
  vocabularies: z.array(z.enum(vocabularyNames)).optional()
})

/**
 * How a rule may be set: a severity, or an object with an optional severity
 * and the rule's own options (`{"acronyms": true}`).
 *
 * @param rule The rule.
 * @returns Schema of its setting.
 */
function ruleSetting(rule: AnyRule): z.ZodType<RuleSetting> {
  const options = rule.options ?? z.strictObject({})
  return z.union([severityOrOff, options.extend({severity: severityOrOff.optional()}).strict()]) as z.ZodType<RuleSetting>
}

/** A rule's setting as written in config. */
type RuleSetting = z.infer<typeof severityOrOff> | ({severity?: z.infer<typeof severityOrOff>} & Record<string, unknown>)

/** Configuration as written by a newsroom. */
export type Config = z.infer<typeof configSchema>

/** A rule switched on, with the severity config forces on it (if any) and its options. */
export interface EnabledRule {
  rule: AnyRule
  severity?: Severity | undefined
  options: Record<string, unknown>
}

/** Configuration ready to lint with. */
export interface ResolvedConfig {
  /** The config file it came from; `undefined` for the defaults. */
  filePath: string | undefined
  /** Folder that `ignore` patterns and `wordsFile` paths are relative to. */
  root: string
  /** Rules to run, in order. */
  rules: EnabledRule[]
  /** Accepted words from `words`, `wordsFile` and `.copydesk/words.txt` in `root`. */
  words: string[]
  /** Names from the lists copydesk ships (`dictionaries/names/`); none when config sets `names: false`. */
  names: readonly string[]
  /** Sets of spellings that are different names. */
  distinct: string[][]
  /** Gitignore-style patterns of files not to lint. */
  ignore: string[]
  /** House-style entries: the bundled list (unless switched off) with the newsroom's files over it. */
  houseStyle: HouseStyleEntry[]
  /** The dialect to spell by; `undefined` when none is set (American, with mixed spellings flagged). */
  dialect: Dialect | undefined
  /** How to read the site's stories: headline fields of front matter (`frontMatterFields`) and `ignorePatterns`. */
  siteReading: SiteReading
  /** Vocabularies of a trade whose words are accepted (config `vocabularies`; software terms when not set). */
  vocabularies: readonly VocabularyName[]
}

/**
 * Validate a config and load the word lists it names.
 *
 * @param raw Parsed config file contents.
 * @param filePath Path of the config file (`undefined` for the defaults).
 * @param cwd Working directory, for defaults and for naming the file in errors.
 * @returns The resolved config.
 * @throws {CopydeskError} When the config is invalid or a word list cannot be read.
 */
export function resolveConfig(raw: unknown, filePath: string | undefined, cwd: string): ResolvedConfig {
  const shown = filePath ? path.relative(cwd, filePath) || filePath : undefined
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = describedIssue(parsed.error.issues[0])
    const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    const place = filePath && issue ? configPlace(filePath, issue.path, key) : undefined
    throw new CopydeskError(describeIssue(issue), {file: shown, ...place}, parsed.error)
  }
  const config = parsed.data
  const root = filePath ? path.dirname(filePath) : cwd
  const configured: Record<string, RuleSetting | undefined> = config.rules ?? {}

  // A config inside the repository names files inside it: `wordsFile: /etc/passwd` and `../../` are refused.
  const within = trustedFolder(filePath ?? path.join(cwd, '.copydeskrc.json'), cwd)
  const words = [...(config.words ?? [])]
  for (const listPath of [config.wordsFile ?? []].flat()) {
    const absolute = path.resolve(root, listPath)
    let text: string
    try {
      text = readRegularText(absolute, listPath, {within, maxBytes: maxTextBytes})
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error
      const reason = error.kind === 'missing' ? 'not found' : error.kind === 'unreadable' ? 'cannot be read' : error.message
      throw new CopydeskError(`\`wordsFile\`: word list \`${listPath}\` ${reason}`, {file: shown}, error)
    }
    pushAll(words, acceptedWords(parseWordList(text.replace(/^\uFEFF/, ''))))
  }
  // The repository's own list (`copydesk words add`, `copydesk init`), next to the config.
  pushAll(words, readRepoWords(root, cwd, within))

  // The house style's own spellings (`Kyiv`) are accepted and suggested like listed words.
  const houseStyle = resolveHouseStyle(config.houseStyle, root, shown, cwd, within)
  pushAll(words, houseStyleWords(houseStyle))

  return {
    filePath,
    root,
    rules: allRules.flatMap(function (rule): EnabledRule[] {
      const setting = configured[rule.id]
      const {severity, ...options} = typeof setting === 'object' ? setting : {severity: setting}
      if (severity === 'off') return []
      return [{rule, severity, options}]
    }),
    words,
    names: config.names === false ? [] : bundledNames(),
    distinct: config.distinct ?? [],
    ignore: config.ignore ?? [],
    houseStyle,
    dialect: config.dialect,
    siteReading: {
      frontMatterFields: config.frontMatterFields ? new Set(config.frontMatterFields.map((field) => field.toLowerCase())) : headlineKeys,
      ignorePatterns: (config.ignorePatterns ?? []).map(compileIgnorePattern)
    },
    vocabularies: config.vocabularies ?? defaultVocabularies
  }
}

/**
 * The issue a message is about: for a value that may take several forms
 * (a rule's severity or object of options), the problem inside the form
 * that matches the value's type, with the path from the top. A form whose
 * problem lies inside the value matched it (`{"acronyms": "yes"}` is an
 * object with a bad option, not a bad severity); failing that, one whose
 * problem is not the type (`"loud"` is a bad severity, not a bad object).
 *
 * @param issue First issue zod found.
 * @returns That issue, or the union's own when no form matches the type.
 */
function describedIssue(issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
  if (issue?.code !== 'invalid_union') return issue
  const firsts = issue.errors.map((issues) => issues[0])
  const inner = firsts.find((first) => first && first.path.length > 0) ?? firsts.find((first) => first && first.code !== 'invalid_type')
  return inner ? describedIssue({...inner, path: [...issue.path, ...inner.path]} as z.core.$ZodIssue) : issue
}

/**
 * Turn a schema violation into one line that names the key and says what to write.
 *
 * @param issue The issue, as `describedIssue` picks it.
 * @returns The reason, without the file name.
 */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid configuration'
  const at = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? ''
    const known = knownKeys(issue.path)
    const hint = closest(key, known)
    const full = at ? at + '.' + key : key
    const what = at === 'rules' ? 'unknown rule' : at.startsWith('rules.') ? 'unknown rule option' : 'unknown key'
    return `${what} \`${full}\`` + (hint ? ` (did you mean \`${hint}\`?)` : `, expected one of ${list(known)}`)
  }
  if (issue.code === 'invalid_union') {
    if (at === 'houseStyle') return '`houseStyle`: expected a file name, a list of them, or an object with `files` and `default`'
    if (at.startsWith('rules.')) return `\`${at}\`: expected one of \`off\`, \`info\`, \`warning\`, \`error\`, or an object of options`
    if (at === 'wordsFile' || at === 'houseStyle.files') return `\`${at}\`: expected a file name or a list of them`
  }
  if (issue.code === 'too_small') {
    const unit = issue.origin === 'array' ? 'entries' : 'characters'
    return `\`${at}\`: expected at least ${String(issue.minimum)} ${unit}`
  }
  if (issue.code === 'invalid_value') {
    return `\`${at}\`: expected one of ${list(issue.values.map(String))}`
  }
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'array' ? 'a list' : (/^[aeiou]/.test(issue.expected) ? 'an ' : 'a ') + issue.expected
    return at ? `\`${at}\`: expected ${expected}` : `expected ${expected} of settings`
  }
  return at ? `\`${at}\`: ${issue.message}` : issue.message
}

/**
 * Keys valid at a place in the config.
 *
 * @param at Path of the object with the unknown key.
 * @returns Its valid keys.
 */
function knownKeys(at: readonly PropertyKey[]): string[] {
  if (at[0] === 'houseStyle') return ['files', 'default']
  if (at[0] !== 'rules') return Object.keys(configSchema.shape).filter((key) => key !== '$schema')
  if (at.length === 1) return allRules.map((rule) => rule.id)
  const rule = allRules.find((candidate) => candidate.id === at[1])
  return ['severity', ...Object.keys(rule?.options?.shape ?? {})]
}

/**
 * Format names as a list of code spans.
 *
 * @param names Names.
 * @returns `` `a`, `b` ``.
 */
function list(names: readonly string[]): string {
  return names.map((name) => '`' + name + '`').join(', ')
}
