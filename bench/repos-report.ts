import {type Severity, severities} from '../src/severity.js'
import type {Fix} from './fix-diff.js'
import type {JudgedFixes} from './fix-verdicts.js'
import type {BySeverity, InjectionOutcome, Ratio} from './measure.js'
import {count, rateCell} from './report.js'
import type {JudgedPrecision} from './verdicts.js'

/** A finding inside template code. */
export interface TemplateFinding {
  file: string
  line: number
  column: number
  ruleId: string
  severity: Severity
  actual: string
  /** The line around it. */
  context: string
}

/** Everything measured on one repository. */
export interface RepoResult {
  name: string
  path: string
  stories: number
  /** Whitespace-separated tokens of the stories, as the repositories' README counts them. */
  words: number
  /** Words of prose, by bench/repo-prose.ts. */
  proseWords: number
  seconds: {lint: number; fixDryRun: number; slipped: number; init: number}
  /** Findings of `--no-config` by severity. */
  findings: BySeverity
  byRule: Array<{rule: string} & BySeverity>
  errorsPerThousandProseWords: number
  errorsPerThousandWords: number
  /** Findings with the repository's own config, when it has one. */
  ownConfig: {file: string; findings: BySeverity} | null
  /** Findings in template code, and in the reader text of template arguments. */
  template: {code: TemplateFinding[]; readerText: TemplateFinding[]}
  slips: {
    injected: number
    /** Stories that got a slip. */
    stories: number
    /** Most slips in one story. */
    perStory: number
    /** Most slips in one repository. */
    perRepository: number
    /** Slips reported at `error` on exactly the slipped word. */
    recall: Ratio
    /** Of those, the ones whose first suggestion is the word slipped. */
    firstSuggestion: Ratio
    misses: InjectionOutcome[]
    wrongFirst: InjectionOutcome[]
    /** The line around each miss and wrong first suggestion, by `file:line:column`. */
    context: Record<string, string>
  }
  init: {
    before: number
    after: number
    byRuleAfter: Array<{rule: string} & BySeverity>
    /** What `init` printed on standard output. */
    note: string
    /** Lines `init` printed on standard error (its list of words left out, with the header). */
    leftOut: number
  }
  fixes: Fix[]
  /** The fixes matched with the verdicts on them. */
  fixVerdicts: JudgedFixes
  judged: JudgedPrecision & {
    sampleSize: number
    /** Errors of the run, the sample's population. */
    errors: number
    /** The line around each unjudged error, by `file:line:column`. */
    context: Record<string, string>
  }
}

/** The benchmark's result. */
export interface ReposResult {
  command: string
  copydesk: string
  seed: number
  verdicts: string
  fixVerdicts: string
  repos: RepoResult[]
}

/** Items listed in each list of examples. */
const listed = 15

/**
 * Render the result as a Markdown report.
 *
 * @param result Result.
 * @returns Report, ending in a newline.
 */
export function renderRepoReport(result: ReposResult): string {
  const lines = [
    '# copydesk on real repositories',
    '',
    `Reproduce: \`${result.command}\`; copydesk: \`${result.copydesk}\`; slips seeded with ${result.seed} (mulberry32); verdicts: \`${result.verdicts}\`, \`${result.fixVerdicts}\`.`,
    '',
    markdownTable(
      [
        [
          'repository',
          'errors / 1,000 prose words',
          'in template code',
          'slips caught at error',
          'right word first',
          'errors before → after init',
          'fixes (judged right)',
          'judged precision at error'
        ],
        ...result.repos.map((repo) => [
          repo.name,
          repo.errorsPerThousandProseWords.toFixed(2),
          `${repo.template.code.length} (${repo.template.code.filter((finding) => finding.severity === 'error').length} at error)`,
          rateCell(repo.slips.recall),
          rateCell(repo.slips.firstSuggestion),
          `${repo.init.before} → ${repo.init.after} (${signed(repo.init.after - repo.init.before)})`,
          fixCell(repo),
          precisionCell(repo)
        ])
      ]
    ),
    ''
  ]
  for (const repo of result.repos) lines.push(...renderRepo(repo))
  return lines.join('\n') + '\n'
}

/**
 * Render one repository's section.
 *
 * @param repo Its figures.
 * @returns Lines.
 */
function renderRepo(repo: RepoResult): string[] {
  const {slips, init, judged, template} = repo
  return [
    `## ${repo.name}`,
    '',
    `\`${repo.path}\`: ${count(repo.stories)} stories, ${count(repo.words)} words (whitespace tokens), ${count(repo.proseWords)} words of prose. ` +
      `Lint ${seconds(repo.seconds.lint)}, --fix-dry-run ${seconds(repo.seconds.fixDryRun)}, with slips ${seconds(repo.seconds.slipped)}, init and lint ${seconds(repo.seconds.init)}.`,
    '',
    '### 1. Findings (`--no-config`)',
    '',
    `Errors: ${count(repo.findings.error)}, ${repo.errorsPerThousandProseWords.toFixed(3)} per 1,000 words of prose ` +
      `(${repo.errorsPerThousandWords.toFixed(3)} per 1,000 whitespace words). ` +
      `Warnings: ${count(repo.findings.warning)}; info: ${count(repo.findings.info)}.` +
      (repo.ownConfig
        ? ` With its own \`${repo.ownConfig.file}\`: ${severities.map((s) => `${repo.ownConfig?.findings[s]} ${s}`).join(', ')}.`
        : ' The repository has no copydesk config of its own.'),
    '',
    ruleTable(repo.byRule),
    '',
    '### 2. Findings inside template code (must be 0)',
    '',
    `In template code: **${template.code.length}** (${severities.map((s) => `${template.code.filter((finding) => finding.severity === s).length} ${s}`).join(', ')}). In reader text of template arguments (alt text, captions; copydesk may check these): ${template.readerText.length}.`,
    '',
    ...bullets(template.code.map((finding) => `${finding.file}:${finding.line}:${finding.column} \`${finding.actual}\` (${finding.ruleId}, ${finding.severity}): \`${finding.context}\``)),
    '',
    '### 3. Keyboard slips put into prose',
    '',
    `${slips.injected} slips in ${slips.stories} stories, at most ${slips.perStory} a story, one a line and ${slips.perRepository} in all. Caught at \`error\` on the slipped word: ${rateCell(slips.recall)}; ` +
      `the word slipped first among the suggestions: ${rateCell(slips.firstSuggestion)}.`,
    '',
    ...(slips.misses.length > 0 ? ['Not caught at `error`:', '', ...bullets(slips.misses.map((miss) => outcomeLine(miss, slips.context))), ''] : []),
    ...(slips.wrongFirst.length > 0
      ? ['Caught, another word first:', '', ...bullets(slips.wrongFirst.map((miss) => outcomeLine(miss, slips.context))), '']
      : []),
    '### 4. `copydesk init`',
    '',
    `Errors before: ${init.before}; after init: ${init.after} (${signed(init.after - init.before)}). init said: \`${init.note.replace(/\n/g, ' ')}\`; ${init.leftOut} lines of notes on standard error.`,
    '',
    ruleTable(init.byRuleAfter),
    '',
    '### 5. Fixes `--fix-dry-run` would make',
    '',
    `${repo.fixes.length} fixes; judged ${repo.fixVerdicts.judged}, right ${repo.fixVerdicts.right}, to judge ${repo.fixVerdicts.unjudged.length}${repo.fixes.length > 0 ? ':' : '.'}`,
    '',
    ...repo.fixes.map((fix) => `- ${fix.file}:${fix.line} \`${fix.before}\` → \`${fix.after}\`${fixVerdictNote(fix, repo.fixVerdicts)}`),
    ...(repo.fixes.length > 0 ? [''] : []),
    '### 6. Precision at `error`, judged by hand',
    '',
    `Sample: ${judged.sampleSize} of ${judged.errors} errors. Judged: ${judged.judged}, right: ${judged.right}, precision ${judged.precision === null ? '-' : judged.precision.toFixed(3)}. ` +
      `Judged earlier and still reported outside the sample: ${judged.alsoJudged.judged} (${judged.alsoJudged.right} right).`,
    '',
    ...(judged.wrong.length > 0
      ? ['Judged wrong:', '', ...bullets(judged.wrong.map((error) => `${error.file}:${error.line}:${error.column} \`${error.actual}\` (${error.ruleId}): ${error.note}`)), '']
      : []),
    ...(judged.unjudged.length > 0
      ? [
          `To judge (${judged.unjudged.length}; \`--write-unjudged\` adds them to the verdicts file):`,
          '',
          ...judged.unjudged.map(
            (error) =>
              `- ${error.file}:${error.line}:${error.column} \`${error.actual}\` → \`${error.expected.slice(0, 3).join(', ')}\` (${error.ruleId}): \`${judged.context[`${error.file}:${error.line}:${error.column}`] ?? ''}\``
          ),
          ''
        ]
      : [])
  ]
}

/**
 * A line for a slip that was missed or got another word first.
 *
 * @param outcome The slip.
 * @param context Text around slips.
 * @returns Line.
 */
function outcomeLine(outcome: InjectionOutcome, context: Record<string, string>): string {
  const place = `${outcome.file}:${outcome.line}:${outcome.column}`
  const got = outcome.severity === null ? (outcome.partial ? 'a finding on part of it' : 'nothing') : `${outcome.severity}`
  const suggestions = outcome.suggestions.length > 0 ? `, suggested \`${outcome.suggestions.slice(0, 3).join(', ')}\`` : ''
  return `${place} \`${outcome.injected}\` for \`${outcome.original}\` (${outcome.origin.join(', ')}): ${got}${suggestions}: \`${context[place] ?? ''}\``
}

/**
 * Render findings per rule as a Markdown table.
 *
 * @param rows Counts per rule.
 * @returns Table.
 */
function ruleTable(rows: ReadonlyArray<{rule: string} & BySeverity>): string {
  return markdownTable([['rule', ...severities], ...rows.map((row) => [row.rule, ...severities.map((s) => count(row[s]))])])
}

/**
 * Lay out a Markdown table, its columns aligned as `table` aligns them.
 *
 * @param rows Rows; the first is the header.
 * @returns Table.
 */
function markdownTable(rows: ReadonlyArray<readonly string[]>): string {
  const [header, ...body] = rows
  if (!header) return ''
  const widths = header.map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (row: readonly string[]): string => '| ' + widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ') + ' |'
  return [line(header), '| ' + widths.map((width) => '-'.repeat(width)).join(' | ') + ' |', ...body.map(line)].join('\n')
}

/**
 * List items as Markdown bullets, the first `listed` of them.
 *
 * @param items Items.
 * @returns Lines.
 */
function bullets(items: readonly string[]): string[] {
  const shown = items.slice(0, listed).map((item) => `- ${item}`)
  return items.length > listed ? [...shown, `- … and ${items.length - listed} more`] : shown
}

/**
 * The judged precision for the summary table.
 *
 * @param repo Figures.
 * @returns `0.750 (30/40), 0 to judge`.
 */
function precisionCell(repo: RepoResult): string {
  const {judged} = repo
  const rate = judged.precision === null ? '-' : `${judged.precision.toFixed(3)} (${judged.right}/${judged.judged})`
  return judged.unjudged.length > 0 ? `${rate}, ${judged.unjudged.length} to judge` : rate
}

/**
 * The fixes for the summary table.
 *
 * @param repo Figures.
 * @returns `5 (1/5 right)`, with how many wait to be judged.
 */
function fixCell(repo: RepoResult): string {
  const {judged, right, unjudged} = repo.fixVerdicts
  const rate = judged === 0 ? '' : ` (${right}/${judged} right)`
  return `${repo.fixes.length}${rate}${unjudged.length > 0 ? `, ${unjudged.length} to judge` : ''}`
}

/**
 * Say what the verdict on a fix is, after its line in the list.
 *
 * @param fix Fix.
 * @param verdicts The repository's fixes, judged.
 * @returns `: wrong (note)`, `: right`, or `: to judge`.
 */
function fixVerdictNote(fix: Fix, verdicts: JudgedFixes): string {
  if (verdicts.unjudged.includes(fix)) return ': to judge'
  const wrong = verdicts.wrong.find((item) => item.file === fix.file && item.line === fix.line && item.before === fix.before && item.after === fix.after)
  return wrong ? `: wrong (${wrong.note})` : ': right'
}

/**
 * Format a difference with its sign.
 *
 * @param value Difference.
 * @returns `+3`, `-2`, `0`.
 */
function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value)
}

/**
 * Format a duration.
 *
 * @param value Seconds.
 * @returns `42.1 s`.
 */
function seconds(value: number): string {
  return value.toFixed(1) + ' s'
}
