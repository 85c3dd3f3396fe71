import {describe, expect, test} from 'vitest'
import {lintFiles} from '../src/lint.js'
import {jsonReport} from '../src/report/json.js'
import {isCertainNameFix} from '../src/settle/fix.js'
import {severityOf} from '../src/severity.js'
import {isAcronymPlural, isMixedCase} from '../src/words/letter-case.js'
import {lintDoc, makeTree, rangeOf} from './helpers.js'

// Which spelling of a name is right, and when --fix may write it: acronyms
// and mixed-case terms, case-only variants, the run's established spelling,
// ties, and the evidence a fix needs. The stories are our own.

/**
 * Lint a run of stories with the defaults.
 *
 * @param files Relative paths and contents.
 * @returns The run's files.
 */
async function lintRun(files: Record<string, string>): Promise<Awaited<ReturnType<typeof lintFiles>>> {
  const cwd = await makeTree(files)
  const result = await lintFiles({inputs: ['.'], cwd, noConfig: true})
  expect(result.problems).toEqual([])
  return result
}

/**
 * The name findings of a run: `path place severity rule actual → expected (fix)`.
 *
 * @param files Relative paths and contents.
 * @returns One line per finding of `name-consistency` or `names-across-files`, and of `spelling` above `info`.
 */
async function nameFindings(files: Record<string, string>): Promise<string[]> {
  const result = await lintRun(files)
  return result.files.flatMap((file) =>
    file.messages
      .filter((message) => message.ruleId !== 'spelling' || severityOf(message) !== 'info')
      .map(
        (message) =>
          `${file.path} ${rangeOf(message)} ${severityOf(message)} ${message.ruleId} ${message.actual} → ${message.expected?.join(', ')}` +
          (message.fixable ? ' (fix)' : '')
      )
  )
}

describe('isMixedCase', () => {
  test.each([
    ['an acronym with a plural', 'IAPDs', true],
    ['a term with a capital after small letters', 'PaaS', true],
    ['a brand with two capitals', 'GitHub', true],
    ['a brand with a small first letter', 'iPhone', true],
    ['a name with a joined surname prefix', 'McArthur', false],
    ['a name with a joined Romance prefix', 'DeSantis', false],
    ['a term whose rest is not one name', 'LaTeX', true],
    ['a brand after a prefix-like start', 'MacOS', true],
    ['a name with an apostrophe', "O'Brien", false],
    ['a name with a curly apostrophe', 'D’Angelo', false],
    ['an ordinary name', 'Kowalczyk', false],
    ['a name beyond ASCII', 'Łukasz', false]
  ])('%s', (_name, word, expected) => {
    expect(isMixedCase(word)).toBe(expected)
  })

  test('tells an acronym plural from a mixed-case term', () => {
    expect([isAcronymPlural('IAAs'), isAcronymPlural('IaaS'), isAcronymPlural('Pass')]).toEqual([true, false, false])
  })
})

describe('acronyms and mixed-case terms', () => {
  test('are never variants of each other in a story', async () => {
    const file = await lintDoc(
      'The agency weighed IaaS against PaaS. A PaaS is simpler than IaaS, and FaaS simpler still.\n' +
        'Planning documents (APDs) come first; IAPDs follow the APDs.\n'
    )
    expect(file.messages.filter((message) => message.ruleId === 'name-consistency')).toEqual([])
  })

  test('are never variants of each other across stories', async () => {
    const found = await nameFindings({
      'a.txt': 'The team chose a PaaS for the portal.\n',
      'b.txt': 'A PaaS runs the forms service.\n',
      'c.txt': 'The archive stays on IaaS for now.\n'
    })
    expect(found).toEqual([])
  })
})

describe('names with a joined surname prefix', () => {
  test('are still name variants of each other, as other names are', async () => {
    const file = await lintDoc(
      'Senator Dana McConnell spoke first. McConnell said the bill would pass.\n' +
        'Later McConnel added that the vote could wait. McConnell left at noon.\n'
    )
    expect(
      file.messages.filter((message) => message.ruleId === 'name-consistency').map((message) => `${rangeOf(message)} ${message.actual}`)
    ).toEqual(['2:7-2:15 McConnel'])
  })
})

describe('case-only variants of mixed-case terms', () => {
  test('a case the dictionary does not write is a warning with its case first, never fixed', async () => {
    const file = await lintDoc('The code is on Github. Github keeps every change.\n')
    expect(
      file.messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.reason} ${message.fixable === true}`)
    ).toEqual([
      '1:16-1:22 warning Unexpected `Github`, expected `GitHub` as the name is written false',
      '1:24-1:30 warning Unexpected `Github`, expected `GitHub` as the name is written false'
    ])
  })

  test('a case the run writes less often than a mixed-case one is a warning with the run’s case', async () => {
    const found = await nameFindings({
      'a.txt': 'The NorthBeam grant opened. NorthBeam pays for pilots.\n',
      'b.txt': 'Cities applied to NorthBeam again.\n',
      'c.txt': 'The Northbeam panel met on Friday.\n'
    })
    expect(found).toEqual(['c.txt 1:5-1:14 warning names-across-files Northbeam → NorthBeam'])
  })

  test('an acronym in capitals and its plural are not cases of a term', async () => {
    const found = await nameFindings({
      'a.txt': 'Two IaaS vendors bid. The IaaS contract was signed.\n',
      'b.txt': 'The agencies signed IAAs with the vendor.\n'
    })
    expect(found.filter((line) => line.includes('IAAs'))).toEqual([])
  })
})

describe('which spelling is right', () => {
  // Five stories write "Halbernacht"; one writes "Halbernact" first, then "Halbernacht".
  const run = {
    'profile.txt': 'The caption reads: Greta Halbernact at her desk.\nGreta Halbernacht joined the desk in May.\n',
    'a.txt': 'Greta Halbernacht edited the guide.\n',
    'b.txt': 'The guide was edited by Greta Halbernacht.\n',
    'c.txt': 'Greta Halbernacht spoke first.\n',
    'd.txt': 'Questions went to Greta Halbernacht.\n'
  }

  test('the run’s established spelling wins a tie in a story, and the slip is fixed', async () => {
    const found = await nameFindings(run)
    expect(found).toEqual(['profile.txt 1:26-1:36 error name-consistency Halbernact → Halbernacht (fix)'])
    const result = await lintRun(run)
    const message = result.files.flatMap((file) => file.messages).find((candidate) => candidate.ruleId === 'name-consistency')
    expect(message?.reason).toBe('Unexpected `Halbernact`, expected `Halbernacht` as spelled in 4 other files of the run')
  })

  test('the run’s established spelling wins over a story’s majority', async () => {
    const found = await nameFindings({
      ...run,
      'profile.txt': 'Greta Halbernact spoke. Halbernact left. Later Greta Halbernacht returned.\n'
    })
    expect(found).toEqual([
      // Used twice, but the same name with an `h` dropped, as a transliteration does: still fixed.
      'profile.txt 1:7-1:17 error name-consistency Halbernact → Halbernacht (fix)',
      'profile.txt 1:25-1:35 error name-consistency Halbernact → Halbernacht (fix)'
    ])
  })

  test('a tie nothing settles is reported with both spellings named, and never fixed', async () => {
    const result = await lintRun({'a.txt': 'Mayor Brannock spoke. Mayor Brennock left.\n'})
    const [message] = result.files.flatMap((file) => file.messages.filter((candidate) => candidate.ruleId === 'name-consistency'))
    expect(message?.reason).toBe(
      'Unexpected `Brennock` or `Brannock`: both spellings are in use in this story, once each, and nothing tells which is right'
    )
    expect(message?.expected).toEqual([])
    expect(message?.fixable).not.toBe(true)
  })

  test('the run settles a tie the story left with no spelling to write', async () => {
    const found = await nameFindings({
      'a.txt': 'Mayor Brannock spoke. Mayor Brennock left.\n',
      'b.txt': 'Brennock opened the fair.\n'
    })
    expect(found.filter((line) => line.includes('name-consistency'))).toEqual(['a.txt 1:7-1:15 error name-consistency Brannock → Brennock (fix)'])
  })

  test('the run overturns a spelling the story chose only as the likelier', async () => {
    const found = await nameFindings({
      'a.txt': 'Mayor Dvoracek spoke. Mayor Dvoracik left.\n',
      'b.txt': 'Dvoracik opened the fair.\n'
    })
    expect(found.filter((line) => line.includes('name-consistency'))).toEqual(['a.txt 1:7-1:15 error name-consistency Dvoracek → Dvoracik (fix)'])
  })
})

describe('the run and the dictionary', () => {
  test('a spelling the dictionary has is never the one to change, however many stories write the other', async () => {
    const found = await nameFindings({
      'a.txt': 'The Clyme app opened. Clyme helps patients.\n',
      'b.txt': 'Patients used Clyme daily. Clyme logs symptoms.\n',
      'c.txt': 'Doctors praised Clyme. Clyme is free.\n',
      'story.txt': 'Lyme disease spreads. The Clyme app tracks Lyme cases. Lyme is treatable.\n'
    })
    expect(found.filter((line) => line.includes('name-consistency'))).toEqual([
      'story.txt 1:27-1:32 error name-consistency Clyme → Lyme'
    ])
  })

  test('a run split evenly across stories is noted at info with both spellings in use, never fixed', async () => {
    const result = await lintRun({'a.txt': 'Tomas Dvoracek spoke.\n', 'b.txt': 'Tomas Dvoracik replied.\n'})
    const [message] = result.files.flatMap((file) => file.messages.filter((candidate) => candidate.ruleId === 'names-across-files'))
    expect(message?.reason).toBe(
      'Unexpected `Dvoracik`, expected `Dvoracek` or the other way round: both spellings are in use in the run, in 1 file each'
    )
    expect(message ? severityOf(message) : undefined).toBe('info')
    expect(message?.fixable).not.toBe(true)
  })

  test('a mixed-case term in two cases in one story is a warning on the rarer case', async () => {
    const found = await nameFindings({'a.txt': 'NorthBeam opened. NorthBeam pays. The Northbeam panel met.\n'})
    expect(found).toEqual(['a.txt 1:39-1:48 warning names-across-files Northbeam → NorthBeam'])
  })
})

describe('--fix only when certain', () => {
  test('an unknown name the run uses in several stories is never rewritten into a known word', async () => {
    // "Haugmania" is the festival, "Haugmann" the family: two edits apart, both long.
    const found = await nameFindings({
      'a.txt': 'Haugmann spoke at the harbour. Haugmann left. Tickets for Haugmania sold out.\n',
      'b.txt': 'Haugmania opens on Friday.\n'
    })
    expect(found.filter((line) => line.endsWith('(fix)'))).toEqual([])
    // One other story is not enough to overturn the story's own majority.
    expect(found.filter((line) => line.includes('name-consistency'))).toEqual([
      'a.txt 1:59-1:68 error name-consistency Haugmania → Haugmann'
    ])
  })

  test('a name used twice in a story is never fixed into the dictionary word beside it', async () => {
    const file = await lintDoc('Lyme disease is spread by ticks. The Clyme app tracks it; Clyme is free.\n')
    const reported = file.messages.filter((message) => message.ruleId === 'name-consistency')
    expect(reported.map((message) => message.actual)).toEqual(['Clyme', 'Clyme'])
    expect(reported.some((message) => message.fixable)).toBe(false)
    // Written alike twice, with only the dictionary for the other: perhaps another name, worth a look.
    expect(reported.map((message) => severityOf(message))).toEqual(['warning', 'warning'])
  })

  test('a transliteration written alike several times is still an error, and fixed', async () => {
    const file = await lintDoc('Talks in Jiangsu opened. The Jiangshu team and the Jiangshu office left.\n')
    const reported = file.messages.filter((message) => message.ruleId === 'name-consistency')
    expect(reported.map((message) => `${severityOf(message)} ${message.actual} ${message.fixable === true}`)).toEqual([
      'error Jiangshu true',
      'error Jiangshu true'
    ])
  })

  test('a name written beside another name than the spelling to use is never fixed', async () => {
    const file = await lintDoc('Matt Smith chaired. Mattt Thompson spoke after him.\n')
    expect(file.messages.filter((message) => message.ruleId === 'name-consistency').map((message) => message.actual)).toEqual(['Mattt'])
    expect(file.messages.filter((message) => message.fixable)).toEqual([])
  })

  test('a one-off slip with the spelling to use settled is fixed', async () => {
    const file = await lintDoc('Jacob Harris spoke. A photo of Jabob Harris hung there.\n')
    expect(file.messages.filter((message) => message.fixable).map((message) => `${message.actual} → ${message.expected?.[0]}`)).toEqual([
      'Jabob → Jacob'
    ])
  })

  test('New Yorker is not a slip of New Yorkers', async () => {
    const file = await lintDoc('The New Yorker ran the profile. New Yorkers wrote back. Other New Yorkers agreed.\n')
    expect(file.messages.filter((message) => message.ruleId === 'name-consistency')).toEqual([])
  })

  test('a transliteration repeated is still one slip, and fixed; a doubled letter repeated is not', () => {
    const repeated = {decided: true, variantKnown: false, variantUses: 3}
    expect(isCertainNameFix({...repeated, variant: 'Jiangshu', expected: 'Jiangsu'})).toBe(true)
    expect(isCertainNameFix({...repeated, variant: 'Mattt', expected: 'Matt'})).toBe(false)
  })

  test.each([
    ['a tie', {decided: false}],
    ['a known word', {variantKnown: true}],
    ['a spelling used twice', {variantUses: 2}],
    ['two people', {otherCompany: true}],
    ['a mixed-case term', {variant: 'PaaS', expected: 'IaaS'}],
    ['a case-only variant', {variant: 'Github', expected: 'GitHub'}],
    ['a plural', {variant: 'Yorker', expected: 'Yorkers'}],
    ['a changed last letter', {variant: 'Latine', expected: 'Latinx'}]
  ])('refuses %s', (_name, change) => {
    const certain = {variant: 'Jabob', expected: 'Jacob', decided: true, variantKnown: false, variantUses: 1}
    expect(isCertainNameFix(certain)).toBe(true)
    expect(isCertainNameFix({...certain, ...change})).toBe(false)
  })
})

describe('the JSON report', () => {
  test('gives a name finding the place where the spelling to use is first used, in the story or another', async () => {
    const result = await lintRun({
      'ferry.txt': 'The timetable was signed by Marta Kowalczyk.\n',
      'talks.txt': 'Marta Kowalczyk said talks would resume.\n',
      'strike.txt': 'Dockers cheered Marta Kowalczik.\n',
      'port.txt': 'Talks in Jiangsu opened.\nThe Jiangshu team left.\n'
    })
    const report = jsonReport(result.files)
    const firstUses = report.flatMap((file) =>
      file.messages.filter((message) => message.firstUse).map((message) => `${file.path} ${message.actual} ${JSON.stringify(message.firstUse)}`)
    )
    expect(firstUses).toEqual([
      'port.txt Jiangshu {"path":"port.txt","line":1,"column":10,"endLine":1,"endColumn":17}',
      'strike.txt Kowalczik {"path":"ferry.txt","line":1,"column":35,"endLine":1,"endColumn":44}'
    ])
    const spelling = report.flatMap((file) => file.messages).find((message) => message.ruleId === 'spelling')
    expect(spelling?.firstUse).toBeNull()
  })
})
