import {describe, expect, test} from 'vitest'
import {rules} from '../rules/index.js'
import type {VFile} from 'vfile'
import type {JsonFile} from '../src/report/json.js'
import {severityOf} from '../src/severity.js'
import {lintDoc, rangeOf, runCli} from './helpers.js'

/**
 * Lint a story and give each finding as `place severity rule actual`.
 *
 * @param doc The story.
 * @param filePath Name that decides its format.
 * @returns Lines in document order.
 */
async function report(doc: string, filePath: string): Promise<string[]> {
  return lines(await lintDoc(doc, filePath))
}

/**
 * Give each finding of a file as `place severity rule actual`.
 *
 * @param file Linted file.
 * @returns Lines in document order.
 */
function lines(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.ruleId} ${message.actual}`)
}

describe('copydesk-disable and copydesk-enable', () => {
  test.each([
    [
      'story.md',
      [
        'Talks in Jiangsu opened with a budgett.',
        '',
        '<!-- copydesk-disable spelling -->',
        '',
        'The Jiangshu levvy stood.',
        '',
        '<!-- copydesk-enable spelling -->',
        '',
        'The council agreed a taxx.'
      ]
    ],
    [
      'story.html',
      [
        '<p>Talks in Jiangsu opened with a budgett.</p>',
        '<!-- copydesk-disable spelling -->',
        '',
        '',
        '<p>The Jiangshu levvy stood.</p>',
        '<!-- copydesk-enable spelling -->',
        '',
        '',
        '<p>The council agreed a taxx.</p>'
      ]
    ]
  ])('turn one rule off between them in %s', async (filePath, doc) => {
    const column = filePath.endsWith('.html') ? 3 : 0
    expect(await report(doc.join('\n'), filePath)).toEqual([
      `1:${32 + column}-1:${39 + column} error spelling budgett`,
      `5:${5 + column}-5:${13 + column} error name-consistency Jiangshu`,
      `9:${22 + column}-9:${26 + column} error spelling taxx`
    ])
  })

  test('turn every rule off when they name none', async () => {
    const doc = [
      'Talks in Jiangsu opened with a budgett.',
      '<!--copydesk-disable-->',
      'The Jiangshu levvy stood.',
      '<!-- copydesk-enable -->',
      'The Jiangshu council agreed a taxx.'
    ].join('\n')
    expect(await report(doc, 'story.md')).toEqual([
      '1:32-1:39 error spelling budgett',
      '5:5-5:13 error name-consistency Jiangshu',
      '5:31-5:35 error spelling taxx'
    ])
  })

  test('bring back one rule after every rule was turned off', async () => {
    const doc = [
      'Talks in Jiangsu opened.',
      '<!-- copydesk-disable -->',
      'The Jiangshu budgett stood.',
      '<!-- copydesk-enable spelling -->',
      'The Jiangshu council agreed a taxx.'
    ].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['5:31-5:35 error spelling taxx'])
  })

  test('turn rules off to the end of the story when nothing turns them on again', async () => {
    const doc = ['Talks opened with a budgett.', '', '<!-- copydesk-disable spelling, name-consistency -->', '', 'The taxx rose.', '', 'The levvy fell.'].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['1:21-1:28 error spelling budgett'])
  })

  test('work inside block quotes and list items', async () => {
    const doc = [
      '> Talks opened with a budgett.',
      '> <!-- copydesk-disable spelling -->',
      '> The taxx rose.',
      '',
      '* The levvy fell.',
      '  <!-- copydesk-enable spelling -->',
      '* The fiscall year ended.'
    ].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['1:23-1:30 error spelling budgett', '7:7-7:14 error spelling fiscall'])
  })

  test('work inside HTML blocks in Markdown', async () => {
    const doc = ['<div class="quote">', '<!-- copydesk-disable spelling -->', '<p>The taxx rose.</p>', '<!-- copydesk-enable -->', '</div>', '', 'The levvy fell.'].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['7:5-7:10 error spelling levvy'])
  })

  test('work as inline comments inside a paragraph', async () => {
    const doc = 'The budgett rose, <!-- copydesk-disable spelling -->the taxx fell<!-- copydesk-enable --> and the levvy stayed.'
    expect(await report(doc, 'story.md')).toEqual(['1:5-1:12 error spelling budgett', '1:99-1:104 error spelling levvy'])
  })

  test('turn nothing off in plain text, where a comment is just text', async () => {
    const doc = 'The board met. <!-- copydesk-disable spelling --> The taxx rose.'
    expect(await report(doc, 'story.txt')).toEqual([
      '1:21-1:29 warning spelling copydesk',
      '1:55-1:59 error spelling taxx'
    ])
  })
})

describe('copydesk-disable-next-line', () => {
  test.each([
    ['story.md', ['<!-- copydesk-disable-next-line -->', '', '', 'The budgett rose.', 'The taxx fell.'], 0],
    ['story.html', ['<!-- copydesk-disable-next-line -->', '', '<p>', 'The budgett rose.', 'The taxx fell.</p>'], 0]
  ])('on its own line in %s turns findings off on the next line with prose, skipping blank lines and markup', async (filePath, doc, column) => {
    expect(await report(doc.join('\n'), filePath)).toEqual([`5:${5 + column}-5:${9 + column} error spelling taxx`])
  })

  test('skips code, which has no prose', async () => {
    const doc = ['<!-- copydesk-disable-next-line -->', '```', 'budgett = 1', '```', 'The taxx rose.', 'The levvy fell.'].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['6:5-6:10 error spelling levvy'])
  })

  test('at the end of a line turns findings off on the line after, not its own', async () => {
    const doc = ['The budgett rose <!-- copydesk-disable-next-line -->', 'and the taxx fell', 'while the levvy stayed.'].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['1:5-1:12 error spelling budgett', '3:11-3:16 error spelling levvy'])
  })

  test('turns off only the rules it names', async () => {
    const doc = [
      'Talks in Jiangsu opened.',
      '<!-- copydesk-disable-next-line name-consistency -->',
      'The Jiangshu budgett stood.',
      'The Jiangshu taxx rose.'
    ].join('\n')
    expect(await report(doc, 'story.md')).toEqual([
      '3:14-3:21 error spelling budgett',
      '4:5-4:13 error name-consistency Jiangshu',
      '4:14-4:18 error spelling taxx'
    ])
  })

  test('inside a disabled range leaves the rule off after its line', async () => {
    const doc = [
      '<!-- copydesk-disable spelling -->',
      'The budgett rose.',
      '<!-- copydesk-disable-next-line spelling -->',
      'The taxx fell.',
      'The levvy stayed.',
      '<!-- copydesk-enable spelling -->',
      'The fiscall year ended.'
    ].join('\n')
    expect(await report(doc, 'story.md')).toEqual(['7:5-7:12 error spelling fiscall'])
  })

  test('at the end of the story turns nothing off', async () => {
    const doc = 'The budgett rose.\n\n<!-- copydesk-disable-next-line -->\n'
    expect(await report(doc, 'story.md')).toEqual(['1:5-1:12 error spelling budgett'])
  })
})

describe('a marker with an unknown rule id or keyword', () => {
  test('gets one finding on the id, with the rule meant, and turns nothing off', async () => {
    const file = await lintDoc('<!-- copydesk-disable speling -->\n\nThe budgett rose.', 'story.md')
    expect(file.messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.ruleId}: ${message.reason}`).sort()).toEqual([
      '1:23-1:30 error marker: Unexpected unknown rule `speling` in `copydesk-disable`, expected `spelling`',
      '3:5-3:12 error spelling: Unexpected unknown word `budgett`, expected for example `budget`'
    ])
    expect(file.messages.find((message) => message.ruleId === 'marker')?.expected).toEqual(['spelling'])
  })

  test('lists the rule ids when none is close', async () => {
    const file = await lintDoc('<p>The board met.</p><!-- copydesk-disable-next-line grammar -->', 'story.html')
    expect(file.messages.map((message) => message.reason)).toEqual([
      'Unexpected unknown rule `grammar` in `copydesk-disable-next-line`, expected one of ' +
        rules.map((rule) => '`' + rule.id + '`').join(', ')
    ])
    expect(file.messages[0]?.expected).toEqual([])
  })

  test('still applies the ids it knows', async () => {
    const doc = '<!-- copydesk-disable spelling nmae-consistency -->\nTalks in Jiangsu opened.\nThe Jiangshu budgett stood.'
    expect(await report(doc, 'story.md')).toEqual([
      '1:32-1:48 error marker nmae-consistency',
      '3:5-3:13 error name-consistency Jiangshu'
    ])
  })

  test.each([
    ['copydesk-disabel spelling', 'copydesk-disabel', 'expected `copydesk-disable`'],
    ['copydesk-ignore spelling', 'copydesk-ignore', 'expected `copydesk-disable`'],
    ['copydesk off', 'copydesk', 'expected one of `copydesk-disable`, `copydesk-enable`, `copydesk-disable-next-line`']
  ])('names the keyword meant for `%s`', async (marker, keyword, expected) => {
    const file = await lintDoc(`<!-- ${marker} -->\nThe budgett rose.`, 'story.md')
    expect(lines(file)).toEqual([`1:6-1:${6 + keyword.length} error marker ${keyword}`, '2:5-2:12 error spelling budgett'])
    expect(file.messages.find((message) => message.ruleId === 'marker')?.reason).toBe(`Unexpected unknown marker \`${keyword}\`, ${expected}`)
  })

  test('leaves other comments alone', async () => {
    expect(await report('<!-- TODO: copydesk-disable later -->\n<!-- copydesks are closed -->\nThe board met.', 'story.md')).toEqual([])
  })

  test('is reported in the JSON report with every field', async () => {
    const run = await runCli(['--format', 'json', '--stdin-filename', 'story.md'], {stdin: 'The board met.\n<!-- copydesk-enable speling -->\n'})
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    expect(file?.messages).toEqual([
      {
        ruleId: 'marker',
        source: 'copydesk',
        severity: 'error',
        reason: 'Unexpected unknown rule `speling` in `copydesk-enable`, expected `spelling`',
        line: 2,
        column: 22,
        endLine: 2,
        endColumn: 29,
        actual: 'speling',
        expected: ['spelling'],
        url: 'https://github.com/copydesk/copydesk#suppressing-a-finding',
        firstUse: null
      }
    ])
    expect(run.code).toBe(1)
  })
})

describe('positions', () => {
  test('stay those of the file around markers, also with CRLF line endings', async () => {
    const doc = [
      'Talks opened with a budgett. <!-- copydesk-disable-next-line -->',
      'The taxx rose.',
      '<!-- copydesk-disable name-consistency -->',
      'The levvy fell, said Jiangsu. <!-- copydesk-enable -->',
      'Jiangshu officials spoke of a fiscall gap.'
    ].join('\n')
    const expected = [
      '1:21-1:28 error spelling budgett',
      '4:5-4:10 error spelling levvy',
      '5:1-5:9 error name-consistency Jiangshu',
      '5:31-5:38 error spelling fiscall'
    ]
    for (const text of [doc, doc.replaceAll('\n', '\r\n')]) {
      const file = await lintDoc(text, 'story.md')
      expect(lines(file)).toEqual(expected)
      const sourceLines = text.split(/\r?\n/)
      for (const message of file.messages) {
        expect(sourceLines[(message.line ?? 0) - 1]?.slice((message.column ?? 0) - 1, (message.column ?? 0) - 1 + (message.actual?.length ?? 0))).toBe(message.actual)
      }
    }
  })
})

describe('[sic]', () => {
  test.each([
    ['story.txt', 'The sign said Belrusian [sic], the flag Belrusian[sic.] and the banner "Belrusian" [Sic]. Belarusian fans cheered.'],
    ['story.md', 'The sign said *Belrusian* [sic], the flag Belrusian[sic.] and the banner “Belrusian” [*sic*]. Belarusian fans cheered.'],
    ['story.html', '<p>The sign said <em>Belrusian</em> [sic], the flag Belrusian[sic.] and the banner “Belrusian” [SIC!]. Belarusian fans cheered.</p>']
  ])('keeps every rule off a word it marks in %s', async (filePath, doc) => {
    expect(await report(doc, filePath)).toEqual([])
  })

  test('marks only the word it follows', async () => {
    const doc = 'The sign said Belrusian [sic]. Belarusian fans cheered. Belrusian teams lost.'
    expect(await report(doc, 'story.txt')).toEqual(['1:57-1:66 error name-consistency Belrusian'])
  })

  test('keeps a quoted misspelling from counting as a spelling of the name', async () => {
    const doc = [
      'The letter was signed Dvoracik [sic] and the envelope Dvoracik [sic].',
      'Mayor Dvoracek said the letter was not his.'
    ].join('\n')
    expect(await report(doc, 'story.txt')).toEqual(['2:7-2:15 info spelling Dvoracek'])
  })

  test('marks nothing when punctuation other than a closing quote stands between', async () => {
    expect(await report('The sign said budgett, [sic] and left.', 'story.txt')).toEqual(['1:15-1:22 error spelling budgett'])
  })

  test('leaves bracketed insertions as they were', async () => {
    expect(await report('“We are sow[ing] chaos,” she said. “[T]he budgett is gone.”', 'story.txt')).toEqual([
      '1:43-1:50 error spelling budgett'
    ])
  })
})
