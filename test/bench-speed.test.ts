import {describe, expect, test} from 'vitest'
import {wordCount} from '../bench/articles.js'
import {mulberry32} from '../bench/inject.js'
import {
  checkGoals,
  formatRatio,
  formatRss,
  formatSeconds,
  type GoalStatus,
  ratioGoal,
  rssGoal,
  timeGoal
} from '../bench/speed-goals.js'
import {articleStream, buildBigFile, buildManyFiles, fileNames} from '../bench/speed-inputs.js'
import {type CaseResult, formatBytes, formatRange, renderCase, type ToolResult} from '../bench/speed-report.js'
import {parseRss} from '../bench/speed-run.js'
import {type Comparison, compare, median, type RunOutcome, type Summary, summarize} from '../bench/speed-stats.js'
import {sanityOf} from '../bench/speed-tools.js'

/** Short stories of our own, of 4, 6, 3 and 13 words, each ending with a line break. */
const stories = [
  'The ferry left early.\n',
  'Rain closed the harbour road today.\n',
  'Council met again.\n',
  'A late frost cost the orchard growers of the valley half their crop.\n'
]

/** A summary of finished runs, for the comparisons. */
function finished(median: number, peakRssKb: number | null = null): Summary {
  return {runs: 3, timeouts: 0, failed: null, median, min: median, max: median, peakRssKb}
}

/** A summary of a command whose first run timed out. */
const timedOut: Summary = {runs: 1, timeouts: 1, failed: null, median: null, min: null, max: null, peakRssKb: null}

/** A summary of a command whose first run failed. */
const failedRun: Summary = {runs: 1, timeouts: 0, failed: 'exit code 2', median: null, min: null, max: null, peakRssKb: null}

describe('benchmark inputs', () => {
  test('every pass of the article stream gives every article once', () => {
    const stream = articleStream(stories, mulberry32(1))
    for (let pass = 0; pass < 3; pass++) {
      const taken = Array.from({length: stories.length}, () => stream.next().value)
      expect([...taken].sort()).toEqual([...stories].sort())
    }
  })

  test('many files: whole stories, the running total kept at the words per file', () => {
    const files = buildManyFiles(stories, {files: 8, wordsPerFile: 10}, mulberry32(7))
    expect(files).toHaveLength(8)
    const total = files.reduce((sum, text) => sum + wordCount(text), 0)
    // At least the target, and over it by less than the longest story (13 words).
    expect(total).toBeGreaterThanOrEqual(80)
    expect(total).toBeLessThan(80 + 13)
    for (const file of files) {
      const parts = file.split('\n\n').map((part) => (part.endsWith('\n') ? part : part + '\n'))
      expect(parts.length).toBeGreaterThan(0)
      for (const part of parts) expect(stories).toContain(part)
    }
    // Reshuffled passes: not one file repeated over and over.
    expect(new Set(files).size).toBeGreaterThan(1)
  })

  test('many files: the same seed builds the same files', () => {
    const size = {files: 5, wordsPerFile: 8}
    expect(buildManyFiles(stories, size, mulberry32(3))).toEqual(buildManyFiles(stories, size, mulberry32(3)))
  })

  test('many files: a story longer than a file’s share is a file of its own', () => {
    const files = buildManyFiles([stories[3] as string], {files: 3, wordsPerFile: 5}, mulberry32(1))
    expect(files).toEqual([stories[3], stories[3], stories[3]])
  })

  test('no stories: an error, not an endless loop', () => {
    expect(() => buildManyFiles([], {files: 1, wordsPerFile: 5}, mulberry32(1))).toThrow('no articles')
  })

  test('big file: whole stories up to the size in UTF-8 bytes', () => {
    const accented = ['Café owners in Zürich protest.\n', 'Prices rose.\n']
    const text = buildBigFile(accented, 200, mulberry32(5))
    const bytes = Buffer.byteLength(text)
    expect(bytes).toBeGreaterThanOrEqual(200)
    expect(bytes).toBeLessThan(200 + Buffer.byteLength(accented[0] as string) + 1)
    // Bytes, not characters: the accents take two each.
    expect(bytes).toBeGreaterThan(text.length)
    for (const part of text.split('\n\n')) expect(accented).toContain(part.endsWith('\n') ? part : part + '\n')
  })

  test('file names sort in build order', () => {
    expect(fileNames('ci', 12)).toEqual([
      'ci-01.txt',
      'ci-02.txt',
      'ci-03.txt',
      'ci-04.txt',
      'ci-05.txt',
      'ci-06.txt',
      'ci-07.txt',
      'ci-08.txt',
      'ci-09.txt',
      'ci-10.txt',
      'ci-11.txt',
      'ci-12.txt'
    ])
  })
})

describe('median and summaries', () => {
  test.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[1, 2, Number.POSITIVE_INFINITY], 2],
    [[1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], Number.POSITIVE_INFINITY],
    [[1, 2, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY], Number.POSITIVE_INFINITY]
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected)
  })

  test('median of nothing throws', () => {
    expect(() => median([])).toThrow('no values')
  })

  test('finished runs: median, range and the largest RSS', () => {
    const outcomes: RunOutcome[] = [
      {kind: 'done', seconds: 2, rssKb: 1000},
      {kind: 'done', seconds: 1, rssKb: null},
      {kind: 'done', seconds: 4, rssKb: 3000}
    ]
    expect(summarize(outcomes)).toEqual({
      runs: 3,
      timeouts: 0,
      failed: null,
      median: 2,
      min: 1,
      max: 4,
      peakRssKb: 3000
    })
  })

  test('a timeout counts as the slowest run', () => {
    const summary = summarize([
      {kind: 'done', seconds: 2, rssKb: null},
      {kind: 'timeout', seconds: 600},
      {kind: 'done', seconds: 1, rssKb: null}
    ])
    expect(summary).toMatchObject({median: 2, timeouts: 1, min: 1, max: 2, peakRssKb: null})
    expect(summarize([{kind: 'timeout', seconds: 600}])).toMatchObject({median: null, timeouts: 1, min: null})
  })

  test('a failed run leaves no median', () => {
    const summary = summarize([
      {kind: 'done', seconds: 2, rssKb: 10},
      {kind: 'failed', why: 'exit code 2', stderr: 'boom'}
    ])
    expect(summary).toMatchObject({median: null, failed: 'exit code 2', min: 2})
  })
})

describe('ratios and goals', () => {
  test.each<[string, Summary, Summary, Comparison]>([
    ['both finished', finished(1), finished(4), {ratio: 0.25, bound: 'exact'}],
    ['copydesk timed out', timedOut, finished(20), {ratio: 30, bound: 'at-least'}],
    ['the peer timed out', finished(60), timedOut, {ratio: 0.1, bound: 'at-most'}],
    ['both timed out', timedOut, timedOut, {ratio: null, bound: 'unknown'}],
    ['copydesk failed', failedRun, finished(1), {ratio: null, bound: 'unknown'}]
  ])('%s', (_, copydesk, peer, expected) => {
    expect(compare(copydesk, peer, 600)).toEqual(expected)
  })

  test.each<[Comparison, GoalStatus, string]>([
    [{ratio: 0.5, bound: 'exact'}, 'pass', '0.50x'],
    [{ratio: 0.51, bound: 'exact'}, 'fail', '0.51x'],
    [{ratio: 30, bound: 'at-least'}, 'fail', '> 30.00x'],
    [{ratio: 0.4, bound: 'at-least'}, 'unknown', '> 0.40x'],
    [{ratio: 0.1, bound: 'at-most'}, 'pass', '< 0.10x'],
    [{ratio: 0.9, bound: 'at-most'}, 'unknown', '< 0.90x'],
    [{ratio: null, bound: 'unknown'}, 'unknown', 'n/a']
  ])('ratio %j against 0.5: %s, shown as %s', (comparison, status, measured) => {
    expect(ratioGoal('copydesk ≤ 0.5x cspell', comparison, 0.5)).toEqual({text: 'copydesk ≤ 0.5x cspell', status, measured})
  })

  test.each<[number | null, GoalStatus, string]>([
    [200_000, 'pass', '205 MB'],
    [293_000, 'fail', '300 MB'],
    [null, 'unknown', 'n/a']
  ])('peak RSS of %s kB: %s', (kilobytes, status, measured) => {
    expect(rssGoal(kilobytes)).toEqual({text: 'copydesk peak RSS < 300 MB', status, measured})
  })

  test.each<[Summary, number, GoalStatus, string]>([
    [finished(14.9), 600, 'pass', '14.9 s'],
    [finished(15), 600, 'fail', '15.0 s'],
    [timedOut, 600, 'fail', 'timed out (> 600 s)'],
    [timedOut, 10, 'unknown', 'timed out (> 10 s)'],
    [failedRun, 600, 'unknown', 'n/a']
  ])('big file %#: %s', (summary, timeout, status, measured) => {
    expect(timeGoal(summary, timeout)).toEqual({text: 'copydesk < 15 s', status, measured})
  })

  test('each case checks its own goals', () => {
    const summaries = {copydesk: finished(1, 250_000), 'retext-spell': finished(4), cspell: finished(1.5)}
    expect(checkGoals('hook', summaries, 600)).toEqual([
      {text: 'copydesk ≤ 0.45x plain retext-spell', status: 'pass', measured: '0.25x'}
    ])
    expect(checkGoals('ci', summaries, 600)).toEqual([
      {text: 'copydesk ≤ 0.6x cspell', status: 'fail', measured: '0.67x'},
      {text: 'copydesk ≤ 0.5x plain retext-spell', status: 'pass', measured: '0.25x'},
      {text: 'copydesk peak RSS < 300 MB', status: 'pass', measured: '256 MB'}
    ])
    expect(checkGoals('big', summaries, 600)).toEqual([{text: 'copydesk < 15 s', status: 'pass', measured: '1.00 s'}])
    expect(checkGoals('archive', summaries, 600)).toEqual([
      {text: 'copydesk ≤ 1x cspell', status: 'pass', measured: '0.67x'},
      {text: 'copydesk peak RSS < 300 MB', status: 'pass', measured: '256 MB'}
    ])
  })

  test('the archive case runs without plain retext-spell, and its goal against cspell holds at 1x', () => {
    const summaries = {copydesk: finished(3, 320_000), cspell: finished(2.5)}
    expect(checkGoals('archive', summaries, 600)).toEqual([
      {text: 'copydesk ≤ 1x cspell', status: 'fail', measured: '1.20x'},
      {text: 'copydesk peak RSS < 300 MB', status: 'fail', measured: '328 MB'}
    ])
  })
})

describe('formatting', () => {
  test.each([
    [0.7421, '0.742 s'],
    [1.844, '1.84 s'],
    [12.34, '12.3 s'],
    [611.2, '611 s']
  ])('%d seconds: %s', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected)
  })

  test.each([
    [2100, '2.1 kB'],
    [5_242_880, '5.2 MB']
  ])('%d bytes: %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected)
  })

  test('RSS in megabytes of 10^6 bytes', () => {
    expect(formatRss(1000)).toBe('1 MB')
    expect(formatRss(null)).toBe('n/a')
  })

  test('a bound ratio keeps its sign', () => {
    expect(formatRatio({ratio: 2, bound: 'at-least'})).toBe('> 2.00x')
  })

  test('range of finished runs, with the timeouts', () => {
    expect(formatRange({...finished(2), min: 1.5, max: 2.25})).toBe('1.50–2.25 s')
    expect(formatRange({...finished(2), min: 1.5, max: 2.25, timeouts: 1})).toBe('1.50–2.25 s + 1 timed out')
    expect(formatRange(timedOut)).toBe('n/a')
  })

  test('peak RSS as GNU time writes it, after a non-zero exit', () => {
    expect(parseRss('Command exited with non-zero status 1\n40520\n')).toBe(40_520)
    expect(parseRss('')).toBeNull()
  })

  test('a case renders as a table, a sanity line and its goals', () => {
    const tool = (summary: Summary, files: number, findings: number): ToolResult => ({
      summary,
      sanity: {files, findings, listsEveryFile: true},
      stderr: null
    })
    const result: CaseResult = {
      name: 'ci',
      title: 'many files (the CI check)',
      source: 'Test stories',
      inputs: {files: 2, words: 1500, bytes: 9000},
      runs: 3,
      tools: {
        copydesk: tool({...finished(3, 200_000), min: 2.5, max: 3.5}, 2, 4),
        'retext-spell': tool(finished(2), 1, 9),
        cspell: {summary: timedOut, sanity: {files: 1, findings: 5, listsEveryFile: false}, stderr: null}
      },
      goals: [{text: 'copydesk ≤ 0.5x cspell', status: 'pass', measured: '< 0.01x'}]
    }
    expect(renderCase(result, 600)).toEqual([
      '### ci: many files (the CI check)',
      '',
      'Test stories: 2 files, 1,500 words, 9.0 kB; 3 runs of each command, alternating',
      '',
      '| command | median | min–max | copydesk / command | peak RSS |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| copydesk | 3.00 s | 2.50–3.50 s | — | 205 MB |',
      '| plain retext-spell | 2.00 s | 2.00–2.00 s | 1.50x | n/a |',
      '| cspell | timed out (> 600 s) | n/a | < 0.01x | n/a |',
      '',
      'Checked: copydesk 2/2 files, 4 findings; plain retext-spell 1/2 files (⚠ not all files), 9 findings; ' +
        'cspell 1/2 files with findings, 5 findings',
      '',
      '- PASS copydesk ≤ 0.5x cspell: < 0.01x'
    ])
  })

  test('a case leaves out the commands it does not run', () => {
    const result: CaseResult = {
      name: 'archive',
      title: 'a Markdown archive',
      source: 'Test repos',
      inputs: {files: 2, words: 1500, bytes: 9000},
      runs: 1,
      tools: {
        copydesk: {summary: finished(3, 200_000), sanity: {files: 2, findings: 4, listsEveryFile: true}, stderr: null},
        cspell: {summary: finished(2), sanity: {files: 1, findings: 5, listsEveryFile: false}, stderr: null}
      },
      goals: [{text: 'copydesk ≤ 1x cspell', status: 'fail', measured: '1.50x'}]
    }
    expect(renderCase(result, 600).filter((line) => line.startsWith('|') || line.startsWith('Checked'))).toEqual([
      '| command | median | min–max | copydesk / command | peak RSS |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| copydesk | 3.00 s | 3.00–3.00 s | — | 205 MB |',
      '| cspell | 2.00 s | 2.00–2.00 s | 1.50x | n/a |',
      'Checked: copydesk 2/2 files, 4 findings; cspell 1/2 files with findings, 5 findings'
    ])
  })
})

describe('sanity counts of each report', () => {
  const inputs = ['ci-1.txt', 'ci-2.txt']

  test('copydesk: entries of its JSON report', () => {
    const report = JSON.stringify([
      {path: 'ci-1.txt', messages: [{ruleId: 'spelling'}, {ruleId: 'name-consistency'}]},
      {path: 'ci-2.txt', messages: []}
    ])
    expect(sanityOf('copydesk', report, inputs)).toEqual({files: 2, findings: 2, listsEveryFile: true})
    expect(sanityOf('copydesk', '[{"path": "ci-1', inputs)).toEqual({files: 0, findings: 0, listsEveryFile: true})
  })

  test('plain retext-spell: vfile-reporter’s files and message lines', () => {
    const report = [
      'ci-1.txt',
      '1:5-1:11  warning Unexpected unknown word `Harbr` retext-spell',
      '3:1-3:7   warning Unexpected unknown word `Ostend` retext-spell',
      '',
      'ci-2.txt: no issues found',
      '',
      '⚠ 2 warnings'
    ].join('\n')
    expect(sanityOf('retext-spell', report, inputs)).toEqual({files: 2, findings: 2, listsEveryFile: true})
  })

  test('cspell: one line per finding, files with findings only', () => {
    const report = 'ci-2.txt:1:5 - Unknown word (Harbr)\nci-2.txt:3:1 - Unknown word (Ostend)\n'
    expect(sanityOf('cspell', report, inputs)).toEqual({files: 1, findings: 2, listsEveryFile: false})
  })

  test('cspell: Markdown stories named with their folders, as in the archive case', () => {
    const stories = ['18f-blog/_posts/2015-03-17-bechdel.md', 'digitalgov-news/content/news/2020/port.md']
    const report = '18f-blog/_posts/2015-03-17-bechdel.md:12:3 - Unknown word (Harbr)\n'
    expect(sanityOf('cspell', report, stories)).toEqual({files: 1, findings: 1, listsEveryFile: false})
  })
})
