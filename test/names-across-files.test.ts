import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {StoryNames} from '../src/across/names-index.js'
import {lintFiles} from '../src/lint.js'
import {settleFindings} from '../src/settle/settle.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, makeTree, noteNamesAlone, rangeOf, runCli} from './helpers.js'

/** Three stories of a port strike: two spell the harbour master one way, the third another. */
const port = {
  'news/talks.md': '# Port talks\n\nMarta Kowalczyk, the harbour master, said talks would resume.\nKowalczyk added that the unions had not replied.\n',
  'news/ferry.md': '# Ferry timetable\n\nThe timetable was signed by Marta Kowalczyk on Friday.\n',
  'news/strike.md': '# Strike ends\n\nDockers went back to work after Marta Kowalczik met them.\n'
}

/**
 * Lint a tree of stories with the defaults (or its config) and list every finding.
 *
 * @param files Relative paths and contents.
 * @param options `config: true` to read the tree's config files; `jobs` to spread the run.
 * @returns `path place severity rule actual → expected` per finding, in report order.
 */
async function findingsOf(files: Record<string, string>, options: {config?: boolean; jobs?: number} = {}): Promise<string[]> {
  const cwd = await makeTree(files)
  const result = await lintFiles({inputs: ['.'], cwd, noConfig: !options.config, jobs: options.jobs})
  expect(result.problems).toEqual([])
  return result.files.flatMap((file) =>
    file.messages.map(
      (message) =>
        `${file.path} ${rangeOf(message)} ${severityOf(message)} ${message.ruleId} ${message.actual} → ${message.expected?.join(', ')}`
    )
  )
}

/**
 * The findings of one rule only.
 *
 * @param found Findings as `findingsOf` gives them.
 * @param rule Rule id.
 * @returns Those of the rule.
 */
function of(found: readonly string[], rule: string): string[] {
  return found.filter((line) => line.split(' ')[3] === rule)
}

describe('names-across-files', () => {
  test('flags the story that spells a name differently from the rest of the run, and only there', async () => {
    expect(await findingsOf(port)).toEqual([
      'news/ferry.md 3:35-3:44 info spelling Kowalczyk → ',
      'news/strike.md 3:39-3:48 warning names-across-files Kowalczik → Kowalczyk',
      'news/talks.md 3:7-3:16 info spelling Kowalczyk → '
    ])
  })

  test('says where the run spells it otherwise', async () => {
    const cwd = await makeTree(port)
    const result = await lintFiles({inputs: ['news'], cwd, noConfig: true})
    const message = result.files.flatMap((file) => file.messages).find((found) => found.ruleId === 'names-across-files')
    expect(message?.reason).toBe('Unexpected `Kowalczik`, expected `Kowalczyk` as spelled in 2 other files')
    expect(message?.note).toBe(
      'Spellings in this run: Kowalczyk: 3 uses in 2 files (news/ferry.md:3:35, news/talks.md:3:7); Kowalczik: 1 use in 1 file (this file)'
    )
    expect(message?.url).toBe('https://github.com/copydesk/copydesk#rule-names-across-files')
  })

  test('takes a long unknown name established in two stories without a first name beside it', async () => {
    const found = await findingsOf({
      'a.txt': 'Kowalczyk said the port would reopen. Kowalczyk repeated it.\n',
      'b.txt': 'The harbour master, Kowalczyk, signed the timetable.\n',
      'c.txt': 'Dockers cheered when Kowalczik arrived.\n'
    })
    expect(of(found, 'names-across-files')).toEqual(['c.txt 1:22-1:31 warning names-across-files Kowalczik → Kowalczyk'])
  })

  test('reports every use in a story that departs', async () => {
    const found = await findingsOf({
      ...port,
      'news/strike.md': 'Marta Kowalczik met the dockers. Kowalczik said the strike was over.\n'
    })
    expect(of(found, 'names-across-files')).toEqual([
      'news/strike.md 1:7-1:16 warning names-across-files Kowalczik → Kowalczyk',
      'news/strike.md 1:34-1:43 warning names-across-files Kowalczik → Kowalczyk'
    ])
  })

  test('notes a run split evenly between two spellings at info, naming both as in use', async () => {
    const cwd = await makeTree({...port, 'news/later.md': 'A week on, Marta Kowalczik toured the quay.\n'})
    const result = await lintFiles({inputs: ['news'], cwd, noConfig: true})
    const found = result.files.flatMap((file) =>
      file.messages.filter((message) => message.ruleId === 'names-across-files').map((message) => `${file.path} ${severityOf(message)} ${message.reason}`)
    )
    // Two stories each: "Kowalczyk" is used three times, "Kowalczik" twice.
    expect(found).toEqual([
      'news/later.md info Unexpected `Kowalczik`, expected `Kowalczyk` or the other way round: both spellings are in use in the run, in 2 files each',
      'news/strike.md info Unexpected `Kowalczik`, expected `Kowalczyk` or the other way round: both spellings are in use in the run, in 2 files each'
    ])
  })

  test('prefers the spelling the stories use to one of the bundled names', async () => {
    // "Qasim" is in the bundled names; the run writes "Qasem" in two stories.
    const found = await findingsOf({
      'a.txt': 'General Qasem Soleimani spoke.\n',
      'b.txt': 'Qasem Soleimani was killed.\n',
      'c.txt': 'Mourners named Qasim Soleimani.\n'
    })
    expect(of(found, 'names-across-files')).toEqual(['c.txt 1:16-1:21 warning names-across-files Qasim → Qasem'])
  })

  test.each([
    ['two known names', {'a.txt': 'Iran signed.\n', 'b.txt': 'Iran agreed.\n', 'c.txt': 'Iraq objected.\n'}],
    ['an inflected form', {'a.txt': 'Pavel Morozov spoke.\n', 'b.txt': 'Morozov left.\n', 'c.txt': 'Anna Morozova replied.\n'}],
    ['two short names one letter apart', {'a.txt': 'Bashar spoke.\n', 'b.txt': 'Bashar left.\n', 'c.txt': 'Bashir replied.\n'}],
    [
      'a name beside a first name that many stories use',
      {
        'a.txt': 'Paul Dvoracek spoke.\n',
        'b.txt': 'Paul Dvoracik replied.\n',
        'c.txt': 'Paul agreed.\n',
        'd.txt': 'Paul left.\n',
        'e.txt': 'Paul returned.\n'
      }
    ]
  ])('leaves %s alone', async (_, files) => {
    expect(of(await findingsOf(files), 'names-across-files')).toEqual([])
  })

  test('links two one-off spellings beside the same rare name, the first met winning a tie', async () => {
    const found = await findingsOf({'a.txt': 'Tomas Dvoracek spoke.\n', 'b.txt': 'Tomas Dvoracik replied.\n'})
    expect(of(found, 'names-across-files')).toEqual(['b.txt 1:7-1:15 info names-across-files Dvoracik → Dvoracek'])
  })

  test('keeps names a config declares distinct apart', async () => {
    const found = await findingsOf({...port, '.copydeskrc.json': '{"distinct": [["Kowalczyk", "Kowalczik"]]}'}, {config: true})
    expect(of(found, 'names-across-files')).toEqual([])
  })

  test('leaves a story that uses both spellings to name-consistency', async () => {
    const found = await findingsOf({
      ...port,
      'news/strike.md': 'Marta Kowalczyk met the dockers. Later Kowalczik said the strike was over.\n'
    })
    expect(found.filter((line) => line.startsWith('news/strike.md'))).toEqual([
      'news/strike.md 1:40-1:49 error name-consistency Kowalczik → Kowalczyk',
      'news/strike.md 1:7-1:16 info spelling Kowalczyk → '
    ])
  })

  test('takes the severity config sets, and nothing when it is off', async () => {
    const asError = await findingsOf({...port, '.copydeskrc.json': '{"rules": {"names-across-files": "error"}}'}, {config: true})
    expect(of(asError, 'names-across-files')).toEqual(['news/strike.md 3:39-3:48 error names-across-files Kowalczik → Kowalczyk'])
    const off = await findingsOf({...port, '.copydeskrc.json': '{"rules": {"names-across-files": "off"}}'}, {config: true})
    expect(of(off, 'names-across-files')).toEqual([])
    // The spelling finding it would have replaced is back.
    expect(off).toContain('news/strike.md 3:39-3:48 info spelling Kowalczik → ')
  })

  test.each([
    ['the rule off from a marker on', '<!-- copydesk-disable names-across-files -->\n\nDockers went back after Marta Kowalczik met them.\n'],
    ['the next line', '<!-- copydesk-disable-next-line names-across-files -->\nDockers went back after Marta Kowalczik met them.\n']
  ])('obeys a comment marker turning off %s', async (_, text) => {
    const found = await findingsOf({...port, 'news/strike.md': text})
    expect(of(found, 'names-across-files')).toEqual([])
  })

  test('finds the same on worker threads as on one', async () => {
    const files: Record<string, string> = {...port}
    for (let index = 0; index < 6; index++) files[`other/${index}.md`] = `Story ${index}: the council met Tomas Dvoracek on Monday.\n`
    files['other/late.md'] = 'Tomas Dvoracik was not there.\n'
    const one = await findingsOf(files, {jobs: 1})
    expect(of(one, 'names-across-files')).toEqual([
      'news/strike.md 3:39-3:48 warning names-across-files Kowalczik → Kowalczyk',
      'other/late.md 1:7-1:15 warning names-across-files Dvoracik → Dvoracek'
    ])
    expect(await findingsOf(files, {jobs: 2})).toEqual(one)
  })
})

describe('names indexes across runs', () => {
  test('a run that reads the index of another finds what one run over both finds', async () => {
    const cwd = await makeTree(port)
    const first = await runCli(['--no-config', '--names-out', 'names/docks.json', 'news/talks.md', 'news/ferry.md'], {cwd})
    expect(first.code).toBe(0)
    const second = await runCli(['--no-config', '--format', 'json', 'news/strike.md', '--names-in', 'names/docks.json'], {cwd})
    expect(second.code).toBe(0)
    const [strike] = JSON.parse(second.stdout) as Array<{path: string; messages: Array<{ruleId: string; actual: string; expected: string[]}>}>
    expect(strike?.path).toBe('news/strike.md')
    expect(strike?.messages.map((message) => [message.ruleId, message.actual, message.expected])).toEqual([
      ['names-across-files', 'Kowalczik', ['Kowalczyk']]
    ])
  })

  test('with indexes and no paths, lints nothing and checks the indexes against each other', async () => {
    const cwd = await makeTree(port)
    await runCli(['--no-config', '--names-out', 'talks.json', 'news/talks.md', 'news/ferry.md'], {cwd})
    await runCli(['--no-config', '--names-out', 'strike.json', 'news/strike.md'], {cwd})
    // The stories need not be there: the findings come from the indexes.
    await fs.rm(path.join(cwd, 'news'), {recursive: true})
    const merged = await runCli(['--no-config', '--names-in', 'talks.json', 'strike.json'], {cwd})
    expect(merged.stdout).toBe(
      'news/strike.md\n' +
        '3:39-3:48     warning Unexpected `Kowalczik`, expected `Kowalczyk` as spelled in 2 other files names-across-files copydesk\n' +
        '  [cause]:\n' +
        '    3:35-3:44 info    `Kowalczyk` first used in news/ferry.md                                  names-across-files copydesk\n' +
        '\n⚠ 1 warning\n'
    )
    expect(merged.code).toBe(0)
  })

  test('writes one story a line, paths relative to the index, and the same index again for the same stories', async () => {
    const cwd = await makeTree(port)
    await runCli(['--no-config', '--names-out', '.copydesk/names.json', 'news'], {cwd})
    const text = await fs.readFile(path.join(cwd, '.copydesk/names.json'), 'utf8')
    const lines = text.split('\n')
    expect(lines[0]).toBe('{"copydesk":"names","version":1,"stories":[')
    expect(lines.slice(1, 4).map((line) => (JSON.parse(line.replace(/,$/, '')) as {path: string}).path)).toEqual([
      '../news/ferry.md',
      '../news/strike.md',
      '../news/talks.md'
    ])
    await runCli(['--no-config', '--names-out', '.copydesk/names.json', 'news'], {cwd})
    expect(await fs.readFile(path.join(cwd, '.copydesk/names.json'), 'utf8')).toBe(text)
  })

  test.each([
    ['missing.json', undefined, 'copydesk: missing.json: names index not found\n'],
    ['broken.json', '{"copydesk": "names",\n "version": 1,\n "stories": [\n', 'copydesk: broken.json:4: invalid JSON in names index\n'],
    ['other.json', '{"version": 1, "findings": []}', 'copydesk: other.json: not a copydesk names index (write one with `--names-out`)\n']
  ])('refuses %s with one line and exit 2', async (name, contents, stderr) => {
    const cwd = await makeTree({...port, ...(contents === undefined ? {} : {[name]: contents})})
    const run = await runCli(['--no-config', 'news', '--names-in', name], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr})
  })
})

describe('names-across-files alone, on a Story', () => {
  /**
   * Describe the names a story noted as `spelling: uses, open uses`.
   *
   * @param names The story's part of the names index.
   * @returns One line per spelling, in order of first use.
   */
  function noted(names: StoryNames | undefined): string[] {
    return (names?.spellings ?? []).map((spelling) => `${spelling.text}: ${spelling.count} used, ${spelling.open?.length ?? 0} open`)
  }

  test.each([
    [
      'each name and its uses, those open to a finding across stories',
      'Dockers cheered when Marta Kowalczik arrived. Kowalczik waved.',
      ['Marta: 1 used, 0 open', 'Kowalczik: 2 used, 2 open']
    ],
    ['a name the dictionary has, with no use open', 'Ferries left Copenhagen at dawn.', ['Copenhagen: 1 used, 0 open']],
    ['no ordinary word capitalised in a headline', 'Plan For The Port', []],
    ['no pronoun `I` with its contraction', "I'm told Kowalczik left.", ['Kowalczik: 1 used, 1 open']]
  ])('notes %s', async (_name, text, expected) => {
    expect(noted((await noteNamesAlone(text)).names)).toEqual(expected)
  })

  test('notes the names written side by side', async () => {
    const {names} = await noteNamesAlone('Dockers cheered when Marta Kowalczik arrived.')
    expect(names?.spellings.map((spelling) => [spelling.text, spelling.neighbours])).toEqual([
      ['Marta', ['Kowalczik']],
      ['Kowalczik', ['Marta']]
    ])
  })

  test('keeps closed a use another rule spoke for', async () => {
    const text = 'Dockers cheered when Marta Kowalczik arrived. Kowalczik waved.'
    const settled = {messages: [], owned: new Set([text.indexOf('Kowalczik')])}
    expect(noted((await noteNamesAlone(text, {settled})).names)).toEqual(['Marta: 1 used, 0 open', 'Kowalczik: 2 used, 1 open'])
  })

  test('leaves out a word spelling settled as a slip, an error', async () => {
    const text = 'Teh dockers cheered Kowalczik.'
    expect(noted((await noteNamesAlone(text)).names)).toEqual(['Teh: 1 used, 1 open', 'Kowalczik: 1 used, 1 open'])
    const settled = settleFindings(new Map([['spelling', await checkAlone('spelling', text)]]))
    expect(noted((await noteNamesAlone(text, {settled})).names)).toEqual(['Kowalczik: 1 used, 1 open'])
  })

  test('notes the config words as the house spellings, and the config distinct names and severity', async () => {
    const {names} = await noteNamesAlone('Marta Kowalczik arrived.', {
      config: {words: ['Kowalczik'], distinct: [['Kowalczik', 'Kowalczyk']], rules: {'names-across-files': 'error'}}
    })
    expect(noted(names)).toEqual(['Marta: 1 used, 0 open', 'Kowalczik: 1 used, 0 open'])
    expect(names?.spellings[1]?.own).toBe(true)
    expect(names?.distinct).toEqual([['Kowalczik', 'Kowalczyk']])
    expect(names?.severity).toBe('error')
  })

  test('adds no finding to the story: its findings come once the run is linted', async () => {
    const {file} = await noteNamesAlone('Dockers cheered when Marta Kowalczik arrived.')
    expect(file.messages).toEqual([])
  })
})
