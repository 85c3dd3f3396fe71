/**
 * How well `names-across-files` does on real news copy, and what it costs.
 *
 * 1. Precision: lints the 291 Wikinews articles of `../shared/corpora` as
 *    published and lists every finding of the rule by pair (variant →
 *    expected), with the text around the variant and around the expected
 *    spelling in another article, for judging by hand.
 * 2. Recall: in copies of the articles, changes every use of a name in ONE
 *    story to a variant, where the run spells the name one way in two
 *    stories or more: a keyboard slip, or a real variant from the
 *    name-variant lists. Counts the variants found with the right
 *    `expected`, for names whose first use in the changed story has
 *    another name next to it (the rule's evidence) and names whose first
 *    use has none, and lists new findings the change caused elsewhere.
 * 3. Cost: the whole run with the rule on and off, interleaved, median of 3.
 *
 * Run with `npm run bench:names` (`-- --json` for a JSON object on standard
 * output, `-- --seed N` for another choice of injections). It is a
 * benchmark, not a test: CI does not run it, and it skips when `../shared`
 * is absent. The corpora are read in place; the modified copies live in a
 * temporary folder that is removed at the end.
 */
import process from 'node:process'
import type {VFile} from 'vfile'
import {lintFiles} from '../src/lint.js'
import type {NameEntry} from '../src/across/names-index.js'
import {type AcrossFilesPair, acrossFilesPairs, acrossFilesRule, renderPairs, splitAcrossFiles} from './across-files.js'
import {articlesShown, corporaFolder, startArticlesBenchmark, withTemporaryCopies} from './articles.js'
import {groupBy} from './group-by.js'
import {mulberry32} from './inject.js'
import {type Finding, findingsOf, type Ratio, ratio} from './measure.js'
import {
  applyCrossFile,
  chooseCrossFile,
  crossFileCandidates,
  type CrossFileInjection,
  type CrossFileKind,
  crossFileKinds,
  listedVariants,
  nameSlips,
  perGroup
} from './names-inject.js'
import {printResult} from './output.js'
import {loadRealNameVariants} from './real-name-variants.js'
import {count, indent, rateCell, table} from './report.js'
import {dictionaryChecker} from './words.js'
import {readSeededOptions, reproduceCommand, type SeededOptions} from './seeded-options.js'


/** Timed runs with the rule on, and as many with it off. */
const costRuns = 3

/** Injections listed per list of misses. */
const listed = 15

/**
 * The configs of the cost runs, written next to the copies: the same file
 * but for the rule's setting, so that both runs read a config alike.
 */
const costConfigs = {
  on: {name: 'rule-on.copydeskrc.json', text: JSON.stringify({rules: {[acrossFilesRule]: 'warning'}})},
  off: {name: 'rule-off.copydeskrc.json', text: JSON.stringify({rules: {[acrossFilesRule]: 'off'}})}
}

/** How to call the benchmark. */
const usage = 'usage: npm run bench:names -- [--json] [--seed N]'

/** What each kind is called in the report. */
const kindNames: Record<CrossFileKind, string> = {
  'keyboard-slip': 'keyboard slips (one slip, first letter kept, as bench/inject.ts makes them on common words)',
  'real-variant': 'real variants (close spellings of one place or party in the names-* lists of ../shared/corpora)'
}

/** What happened to one injection. */
interface CrossFileOutcome extends CrossFileInjection {
  /** Changed uses with a `names-across-files` finding whose `expected` is the name. */
  flagged: number
  /** Changed uses with a finding of any rule whose first `expected` is the name. */
  flaggedByAny: number
  /** The rules of those findings. */
  rules: string[]
  /** `names-across-files` findings on changed uses that expect something else. */
  otherExpected: string[]
}

/** Recall of one group of injections. */
interface GroupRecall {
  group: string
  injected: number
  /** Found by `names-across-files` with the right `expected`, on at least one use. */
  rule: Ratio
  /** Found by any rule with the right first `expected`. */
  anyRule: Ratio
  /** Changed uses flagged by `names-across-files`, of all changed uses. */
  uses: Ratio
}

/** The recall part for one kind. */
interface KindResult {
  kind: CrossFileKind
  /** Places injections could go, and names among them. */
  candidates: {places: number; names: number}
  /** Names the kind had a variant for (slips: nearly all; lists: few). */
  namesWithVariants: number
  groups: GroupRecall[]
  outcomes: CrossFileOutcome[]
  /** Findings of the modified run that the clean run lacks, off the changed uses. */
  newElsewhere: Finding[]
  seconds: number
}

/** Everything the benchmark measured. */
interface NamesResult {
  command: string
  seed: number
  corpus: {path: string; articles: number}
  precision: {
    seconds: number
    findings: number
    files: number
    pairs: AcrossFilesPair[]
    /** Names in the run's index, and those spelled more than one way. */
    names: number
    namesWithVariants: number
  }
  recall: KindResult[]
  cost: {
    /** Seconds per run, in the order run. */
    on: number[]
    off: number[]
    medianOn: number
    medianOff: number
    /** `medianOn / medianOff`. */
    ratio: number
  }
}

await main()

/**
 * Run the benchmark and print its report.
 */
async function main(): Promise<void> {
  const start = await startArticlesBenchmark(usage, readSeededOptions)
  if (!start) return
  const {options, folder: articlesFolder, articles} = start

  progress(`linting ${articles.size} articles as published`)
  const clean = await lintArticles(articles, articlesFolder)
  const cleanFindings = findingsOf(clean.files)
  const {acrossFiles} = splitAcrossFiles(cleanFindings)

  progress('choosing names to change')
  const isDictionaryWord = dictionaryChecker()
  const corpusForms = new Set([...articles.values()].flatMap((text) => Array.from(text.matchAll(/\p{L}+/gu), (match) => match[0].toLowerCase())))
  // A variant the dictionary knows, or a word some article already uses
  // (`Osama` for `Obama`), is another word, not a spelling of this name.
  const usable = (form: string): boolean => !isDictionaryWord(form) && !corpusForms.has(form.toLowerCase())
  const candidates = crossFileCandidates(clean.names, articles)
  const realVariants = listedVariants(await loadRealNameVariants(corporaFolder))
  const variantsOf: Record<CrossFileKind, (name: string) => Map<string, string[]>> = {
    'keyboard-slip': nameSlips,
    'real-variant': realVariants
  }
  const random = mulberry32(options.seed)
  const recall: KindResult[] = []
  for (const kind of crossFileKinds) {
    const injections = chooseCrossFile(kind, candidates, variantsOf[kind], usable, random)
    const texts = applyCrossFile(articles, injections)
    progress(`linting the articles with ${injections.length} names changed (${kind})`)
    const modified = await withTemporaryCopies(texts, (folder) => lintArticles(texts, folder))
    const knownInRun = new Set(modified.names.flatMap((entry) => entry.spellings.filter((spelling) => spelling.known).map((spelling) => spelling.text)))
    for (const injection of injections) injection.variantKnown = knownInRun.has(injection.variant)
    const names = new Set(candidates.map((candidate) => candidate.name))
    recall.push({
      kind,
      candidates: {places: candidates.length, names: names.size},
      namesWithVariants: [...names].filter((name) => [...variantsOf[kind](name).values()].flat().some(usable)).length,
      ...scoreInjections(injections, cleanFindings, findingsOf(modified.files)),
      seconds: modified.seconds
    })
  }

  progress(`timing the run with \`${acrossFilesRule}\` on and off, ${costRuns} times each`)
  const cost = await measureCost(articles)

  const result: NamesResult = {
    command: reproduceCommand('bench:names', options),
    seed: options.seed,
    corpus: {path: articlesShown, articles: articles.size},
    precision: {
      seconds: clean.seconds,
      findings: acrossFiles.length,
      files: new Set(acrossFiles.map((finding) => finding.file)).size,
      pairs: acrossFilesPairs(acrossFiles, articles),
      names: clean.names.length,
      namesWithVariants: clean.names.filter((entry) => entry.variants.length > 0).length
    },
    recall,
    cost
  }
  printResult(renderNamesReport(result), result, options.json)
}

/**
 * Lint the articles in one run, as copydesk's defaults have it, and time it.
 *
 * @param texts Article text by file name (only the names are used: the files are read from `folder`).
 * @param folder Folder they are in.
 * @param configPath A config file for every article; unset, none (`noConfig`).
 * @returns Linted files, the run's names index and seconds.
 * @throws {Error} When copydesk reports a problem or leaves a file out: the figures would be wrong.
 */
async function lintArticles(
  texts: ReadonlyMap<string, string>,
  folder: string,
  configPath?: string
): Promise<{files: VFile[]; names: NameEntry[]; seconds: number}> {
  const names = [...texts.keys()]
  const started = performance.now()
  const result = await lintFiles({inputs: names, cwd: folder, ...(configPath ? {configPath} : {noConfig: true})})
  const seconds = (performance.now() - started) / 1000
  if (result.problems.length > 0) {
    throw new Error('copydesk problems:\n' + result.problems.map((problem) => problem.toLine()).join('\n'))
  }
  if (result.files.length !== names.length) throw new Error(`copydesk linted ${result.files.length} of ${names.length} articles`)
  return {files: result.files, names: result.names, seconds}
}

/**
 * Score the injections of one kind against the modified run.
 *
 * @param injections Injections, with their places.
 * @param clean Findings on the articles as published.
 * @param modified Findings on the modified copies.
 * @returns Recall per group, each injection's outcome, and the new findings off the changed uses.
 */
function scoreInjections(
  injections: readonly CrossFileInjection[],
  clean: readonly Finding[],
  modified: readonly Finding[]
): Pick<KindResult, 'groups' | 'outcomes' | 'newElsewhere'> {
  const byFile = groupBy(modified, (finding) => [finding.file])
  const changed = new Set(injections.flatMap((injection) => injection.uses.map((use) => `${injection.file}:${use.start}`)))
  const outcomes = injections.map(function (injection): CrossFileOutcome {
    const onUses = (byFile.get(injection.file) ?? []).filter((finding) =>
      injection.uses.some((use) => finding.start === use.start && finding.end === use.end)
    )
    const byRule = onUses.filter((finding) => finding.ruleId === acrossFilesRule)
    const right = byRule.filter((finding) => finding.expected.length === 1 && finding.expected[0] === injection.name)
    const rightByAny = onUses.filter((finding) => finding.expected[0] === injection.name)
    return {
      ...injection,
      flagged: right.length,
      flaggedByAny: new Set(rightByAny.map((finding) => finding.start)).size,
      rules: [...new Set(rightByAny.map((finding) => finding.ruleId))],
      otherExpected: [...new Set(byRule.filter((finding) => !right.includes(finding)).flatMap((finding) => finding.expected))]
    }
  })
  const groups: Array<[string, (outcome: CrossFileOutcome) => boolean]> = [
    ['all', () => true],
    ['first use next to another name', (outcome) => outcome.nextToName],
    ['first use with no name next to it', (outcome) => !outcome.nextToName],
    ['unknown name, next to another name', (outcome) => !outcome.known && outcome.nextToName],
    ['unknown name, no name next to it', (outcome) => !outcome.known && !outcome.nextToName],
    ['known name, next to another name', (outcome) => outcome.known && outcome.nextToName],
    ['known name, no name next to it', (outcome) => outcome.known && !outcome.nextToName],
    ['name in 2 stories', (outcome) => outcome.stories === 2],
    ['name in 3 stories or more', (outcome) => outcome.stories > 2],
    ['variant known to copydesk', (outcome) => outcome.variantKnown],
    ['variant unknown', (outcome) => !outcome.variantKnown]
  ]
  return {
    groups: groups.map(([group, isIn]) => groupRecall(group, outcomes.filter(isIn))),
    outcomes,
    newElsewhere: newFindings(clean, modified).filter((finding) => !changed.has(`${finding.file}:${finding.start}`))
  }
}

/**
 * Recall of a group of injections.
 *
 * @param group What the group is.
 * @param outcomes Its outcomes.
 * @returns Recall by the rule, by any rule, and per use.
 */
function groupRecall(group: string, outcomes: readonly CrossFileOutcome[]): GroupRecall {
  return {
    group,
    injected: outcomes.length,
    rule: ratio(outcomes.filter((outcome) => outcome.flagged > 0).length, outcomes.length),
    anyRule: ratio(outcomes.filter((outcome) => outcome.flaggedByAny > 0).length, outcomes.length),
    uses: ratio(
      outcomes.reduce((sum, outcome) => sum + outcome.flagged, 0),
      outcomes.reduce((sum, outcome) => sum + outcome.uses.length, 0)
    )
  }
}

/**
 * Findings of the modified run that the clean run does not have: per
 * article, each rule, word and suggestion counted, since offsets after a
 * changed name have moved.
 *
 * @param clean Findings on the articles as published.
 * @param modified Findings on the modified copies.
 * @returns The modified run's findings beyond the clean run's, in its order.
 */
function newFindings(clean: readonly Finding[], modified: readonly Finding[]): Finding[] {
  const key = (finding: Finding): string => [finding.file, finding.ruleId, finding.actual, ...finding.expected].join('\u0000')
  const left = new Map<string, number>()
  for (const finding of clean) left.set(key(finding), (left.get(key(finding)) ?? 0) + 1)
  return modified.filter(function (finding) {
    const remaining = left.get(key(finding)) ?? 0
    left.set(key(finding), remaining - 1)
    return remaining <= 0
  })
}

/**
 * Time the whole run with the rule on and off, alternating (on, off, on,
 * …) so that the machine's load falls on both alike. The two runs read
 * config files that differ only in the rule's setting; the run is warm
 * (the clean run before loaded the dictionaries and caches).
 *
 * @param articles Article text by file name.
 * @returns Seconds per run and the ratio of the medians.
 */
async function measureCost(articles: ReadonlyMap<string, string>): Promise<NamesResult['cost']> {
  const files = new Map(articles)
  for (const config of Object.values(costConfigs)) files.set(config.name, config.text)
  return withTemporaryCopies(files, async function (folder) {
    const on: number[] = []
    const off: number[] = []
    for (let run = 0; run < costRuns; run++) {
      on.push((await lintArticles(articles, folder, costConfigs.on.name)).seconds)
      off.push((await lintArticles(articles, folder, costConfigs.off.name)).seconds)
    }
    const medianOn = median(on)
    const medianOff = median(off)
    return {on, off, medianOn, medianOff, ratio: medianOn / medianOff}
  })
}

/**
 * The median of some numbers.
 *
 * @param values Numbers, at least one.
 * @returns Their median.
 */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * Render the result as a plain-text report.
 *
 * @param result Result.
 * @returns Report, ending in a newline.
 */
function renderNamesReport(result: NamesResult): string {
  const {precision, cost} = result
  return [
    'copydesk names-across-files benchmark',
    `  reproduce: ${result.command}`,
    `  seed: ${result.seed} (mulberry32)`,
    `  corpus: ${result.corpus.path}: ${count(result.corpus.articles)} articles, linted in one run (noConfig)`,
    '',
    '1. Precision on the articles as published',
    `  ${count(precision.findings)} findings of \`${acrossFilesRule}\` in ${count(precision.files)} files,` +
      ` ${count(precision.pairs.length)} pairs (variant → expected); the run's index has ${count(precision.names)} names,` +
      ` ${count(precision.namesWithVariants)} spelled more than one way (most within one story, left to name-consistency)`,
    '  Judge each pair by hand: one spelling is wrong (a real inconsistency), or two people or places.',
    ...renderPairs(precision.pairs),
    '',
    '2. Recall on injected cross-file variants',
    '  A name the run spells one way in 2 stories or more is changed in every use of ONE story. Each name once,',
    `  each story for one name only; up to ${perGroup} names in each group of: first use in the changed story next to`,
    '  another name ("Marta Kowalczyk") or not, name unknown to copydesk (dictionary, bundled names) or known.',
    '  No variant is a dictionary-en word or a word of any article; a variant the bundled names have is a name of',
    '  its own to copydesk. Found: a finding on a changed use with the name as `expected`, by the rule or by any',
    '  rule; "uses" counts every changed use.',
    ...result.recall.flatMap(renderKind),
    '3. Cost (whole run, 291 articles, warm, default threads)',
    '  The two runs read config files that differ only in the rule (`warning` or `off`); runs alternate.',
    indent(
      table(
        [
          ['rule', 'median', 'runs'],
          ['on', seconds(cost.medianOn), cost.on.map(seconds).join(', ')],
          ['off', seconds(cost.medianOff), cost.off.map(seconds).join(', ')]
        ],
        'lrl'
      )
    ),
    `  on / off: ${cost.ratio.toFixed(3)}`,
    ''
  ].join('\n')
}

/**
 * Render the recall part of one kind.
 *
 * @param result The kind's result.
 * @param index Its place in the report.
 * @returns Lines.
 */
function renderKind(result: KindResult, index: number): string[] {
  const {outcomes} = result
  const missed = outcomes.filter((outcome) => outcome.flagged === 0)
  const wrong = outcomes.filter((outcome) => outcome.otherExpected.length > 0)
  const byRule = groupBy(result.newElsewhere, (finding) => [finding.ruleId])
  // An even split between two spellings is reported at info: say how many of the new findings are warnings.
  const acrossElsewhere = result.newElsewhere.filter((finding) => finding.ruleId === acrossFilesRule)
  const bySeverity = groupBy(acrossElsewhere, (finding) => [finding.severity])
  const caughtElsewhere = groupBy(
    outcomes.filter((outcome) => outcome.flagged === 0 && outcome.flaggedByAny > 0),
    (outcome) => outcome.rules
  )
  return [
    '',
    `  2${'ab'[index] ?? ''}. ${kindNames[result.kind]}`,
    `  ${count(outcomes.length)} names changed in as many stories, ${count(outcomes.reduce((sum, o) => sum + o.uses.length, 0))} uses;` +
      ` ${count(result.namesWithVariants)} of the ${count(result.candidates.names)} names spelled one way in 2+ stories have a usable variant;` +
      ` lint ${seconds(result.seconds)}`,
    indent(
      table(
        [
          ['group', 'injected', acrossFilesRule, 'any rule', 'uses flagged by the rule'],
          ...result.groups.map((group) => [group.group, count(group.injected), rateCell(group.rule), rateCell(group.anyRule), rateCell(group.uses)])
        ],
        'lrrrr'
      )
    ),
    `  caught by another rule instead: ${
      caughtElsewhere.size === 0 ? 'none' : [...caughtElsewhere].map(([rule, list]) => `${rule} ${list.length}`).join(', ')
    }`,
    `  flagged by the rule with another \`expected\`: ${wrong.length === 0 ? 'none' : wrong.map(showOutcome).join('; ')}`,
    `  missed by the rule (${count(missed.length)}; first ${Math.min(listed, missed.length)}):`,
    ...missed.slice(0, listed).map((outcome) => `    ${showOutcome(outcome)}`),
    `  new findings elsewhere (off the changed uses, not in the clean run): ${count(result.newElsewhere.length)}` +
      (byRule.size === 0 ? '' : ` (${[...byRule].map(([rule, list]) => `${rule} ${list.length}`).join(', ')})`) +
      (bySeverity.size === 0 ? '' : `; of ${acrossFilesRule}: ${[...bySeverity].map(([severity, list]) => `${severity} ${list.length}`).join(', ')}`),
    ...acrossElsewhere
      .slice(0, listed)
      .map(
        (finding) =>
          `    ${finding.file}:${finding.line}:${finding.column}: ${finding.actual} → ${finding.expected.join(', ')} (${finding.severity})`
      ),
    ''
  ]
}

/**
 * Describe one injection in a line.
 *
 * @param outcome The injection's outcome.
 * @returns `Pompeo → Pomleo (letter dropped) in file, 3 stories, next to a name, unknown`.
 */
function showOutcome(outcome: CrossFileOutcome): string {
  const expected = outcome.otherExpected.length > 0 ? `, expected ${outcome.otherExpected.join(', ')}` : ''
  return (
    `${outcome.name} → ${outcome.variant} (${outcome.origin}) in ${outcome.file}, ${outcome.stories} stories,` +
    ` ${outcome.nextToName ? 'next to a name' : 'alone'}, ${outcome.known ? 'known' : 'unknown'}` +
    (outcome.variantKnown ? ', variant known' : '') +
    (outcome.rules.length > 0 ? `, caught by ${outcome.rules.join(', ')}` : '') +
    expected
  )
}

/**
 * Format a duration.
 *
 * @param value Seconds.
 * @returns `2.61 s`.
 */
function seconds(value: number): string {
  return value.toFixed(2) + ' s'
}

/**
 * Note progress on standard error, so that standard output holds only the report.
 *
 * @param note What is happening.
 */
function progress(note: string): void {
  process.stderr.write(`bench: ${note}\n`)
}
