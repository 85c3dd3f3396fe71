import {PassThrough, Readable} from 'node:stream'
import {stripVTControlCharacters} from 'node:util'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {describe, expect, test} from 'vitest'
import {main} from '../src/cli/cli.js'
import {prettyReport} from '../src/report/pretty.js'
import {lintDoc, makeTree} from './helpers.js'

// An error with ten suggestions (`teh`), a name variant with its cause,
// a warning (`ulluco`, a crop with no close suggestion), and an unknown
// name (`Oyelaran`), which is context.
const story =
  'Talks in Jiangsu opened on Friday. The Jiangshu team said teh harvest of ulluco was late this year, ' +
  'as Ms. Oyelaran, who farms near the river, had warned.\n'

/**
 * Lint the story of this file.
 *
 * @returns The linted file.
 */
async function linted(): Promise<VFile> {
  return lintDoc(story, 'harvest.txt')
}

describe('the summary line', () => {
  test('counts info findings with errors and warnings', async () => {
    const file = await linted()
    const counts = {error: 0, warning: 0, info: 0}
    for (const message of file.messages) counts[message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info']++
    expect(counts.info).toBeGreaterThan(0)
    const total = counts.error + counts.warning + counts.info
    expect(prettyReport([file], false).split('\n').at(-1)).toBe(
      `${total} messages (✖ ${counts.error} error${counts.error === 1 ? '' : 's'}, ⚠ ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ℹ ${counts.info} info)`
    )
  })

  test('counts a report of info findings alone, which vfile-reporter leaves without a summary', async () => {
    const file = await lintDoc('Ms. Oyelaran spoke.\n', 'speech.txt')
    expect(file.messages.map((message) => message.fatal)).toEqual([undefined])
    expect(reporter([file], {quiet: true})).not.toContain('\n\n')
    expect(prettyReport([file], false).split('\n').slice(-2)).toEqual(['', 'ℹ 1 info'])
  })

  test('is vfile-reporter’s for errors alone', async () => {
    const file = await lintDoc('The mayor opened teh bridge.\n', 'bridge.txt')
    expect(prettyReport([file], false)).toBe(reporter([file], {quiet: true}))
    expect(prettyReport([file], false).split('\n').at(-1)).toBe('✖ 1 error')
  })

  test('is empty with the report when there is nothing to report', async () => {
    const file = await lintDoc('The mayor opened the bridge.\n', 'bridge.txt')
    expect(prettyReport([file], false)).toBe('')
  })
})

describe('the report on a terminal', () => {
  test('is vfile-reporter’s rows, unwrapped, when not on a terminal', async () => {
    const file = await linted()
    const rows = reporter([file], {quiet: true}).split('\n').slice(0, -1)
    expect(prettyReport([file], {color: false}).split('\n').slice(0, -1)).toEqual(rows)
  })

  test.each([80, 100, 120])('wraps reasons to a terminal of %i columns, every line within it', async (width) => {
    const file = await linted()
    const lines = prettyReport([file], {color: false, width}).split('\n')
    for (const line of lines) expect(line.length).toBeLessThan(width)
    expect(lines.length).toBeGreaterThan(prettyReport([file], false).split('\n').length)
  })

  test('wraps reasons to 24 columns on a terminal too narrow for the rest of the row', async () => {
    const file = await linted()
    const lines = prettyReport([file], {color: false, width: 50}).split('\n')
    const column = lines.find((line) => line.includes('Unexpected'))?.indexOf('Unexpected') ?? 0
    const continued = lines.filter((line) => line.startsWith(' '.repeat(column)) && line[column] !== ' ')
    expect(continued.length).toBeGreaterThan(0)
    for (const line of continued) expect(line.length - column).toBeLessThanOrEqual(24)
  })

  test('keeps each reason whole, its later lines in the reason column, and rule and source on the first', async () => {
    const file = await linted()
    const lines = prettyReport([file], {color: false, width: 100}).split('\n')
    const first = lines.findIndex((line) => line.includes('Unexpected unknown word `teh`'))
    const column = lines[first]!.indexOf('Unexpected')
    expect(lines[first]).toMatch(/ spelling +retext-spell$/)
    const rest: string[] = []
    for (const line of lines.slice(first + 1)) {
      if (!line.startsWith(' '.repeat(column)) || line[column] === ' ') break
      rest.push(line.slice(column))
    }
    expect(rest.length).toBeGreaterThan(0)
    const reason = file.messages.find((message) => message.actual === 'teh')?.reason
    const firstPart = lines[first]!.slice(column).replace(/ +spelling +retext-spell$/, '')
    expect([firstPart, ...rest].join(' ')).toBe(reason)
  })

  test('leaves a report that fits the terminal as it is', async () => {
    const file = await lintDoc('The mayor opened teh bridge.\n', 'bridge.txt')
    expect(prettyReport([file], {color: false, width: 400})).toBe(prettyReport([file], false))
  })

  test('colours the later lines of a reason as the first', async () => {
    const file = await linted()
    const report = prettyReport([file], {color: true, width: 70})
    const plain = prettyReport([file], {color: false, width: 70})
    expect(stripVTControlCharacters(report)).toBe(plain)
    const continued = report.split('\n').find((line) => /^ {10,}\S/.test(stripVTControlCharacters(line)) && line.includes('`'))
    expect(continued).toMatch(/\u001B\[1m.*\u001B\[36m`[^`]+`\u001B\[39m.*\u001B\[22m$/)
  })

  test('is what the CLI prints when standard output is a terminal, and never when it is not', async () => {
    const cwd = await makeTree({'harvest.txt': story})
    const run = async (tty: boolean): Promise<string> => {
      const stdout = Object.assign(new PassThrough(), {isTTY: tty, columns: 90})
      const chunks: string[] = []
      stdout.on('data', (chunk: Buffer) => chunks.push(String(chunk)))
      await main(['harvest.txt'], {cwd, env: {NO_COLOR: '1'}, stdin: Readable.from(['']), stdout, stderr: new PassThrough()})
      return chunks.join('')
    }
    const file = await linted()
    file.path = 'harvest.txt'
    const onTerminal = await run(true)
    expect(onTerminal).toBe(prettyReport([file], {color: false, width: 90}) + '\n')
    for (const line of onTerminal.split('\n')) expect(line.length).toBeLessThan(90)
    expect(await run(false)).toBe(prettyReport([file], false) + '\n')
  })
})
