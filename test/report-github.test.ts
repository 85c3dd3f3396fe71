import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {escapeData, escapeProperty} from '../src/report/github.js'
import {makeTree, runCli} from './helpers.js'

const budgett = 'Unexpected unknown word `budgett`, expected for example `budget`'
/** The same slip where the words beside it leave the plural likely too, or at `warning`, which keeps every near word. */
const budgettOrPlural = 'Unexpected unknown word `budgett`, expected for example `budget`, `budgets`'

describe('--format github', () => {
  test('prints one workflow command per finding, by severity, with paths relative to the working directory', async () => {
    const cwd = await makeTree({
      'desk/ferry.txt': 'The ferry budgett was cut by Ilunga.\n',
      'desk/bridge.txt': 'The bridge to Kiev reopened.\n'
    })
    const run = await runCli(['--format', 'github', 'desk'], {cwd})
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n')).toEqual([
      '::warning file=desk/bridge.txt,line=1,col=15,endLine=1,endColumn=19,title=house-style::' +
        'Unexpected `Kiev`, expected `Kyiv` (house style): the Ukrainian spelling, in AP, BBC and Guardian style since 2019',
      // "budgets was" is not English: the plural is not offered.
      '::error file=desk/ferry.txt,line=1,col=11,endLine=1,endColumn=18,title=spelling::' + budgett,
      '::notice file=desk/ferry.txt,line=1,col=30,endLine=1,endColumn=36,title=spelling::' +
        'Unexpected unknown name `Ilunga`, not in the dictionary: check it once',
      ''
    ])
  })

  test('escapes `,` and `:` in the file property', async () => {
    const cwd = await makeTree({'notes, 9:30.txt': 'The budgett passed.\n'})
    const run = await runCli(['--format', 'github', 'notes, 9:30.txt'], {cwd})
    expect(run.stdout).toBe(
      '::error file=notes%2C 9%3A30.txt,line=1,col=5,endLine=1,endColumn=12,title=spelling::' + budgett + '\n'
    )
  })

  test('lists only errors with --quiet, and nothing for a clean file', async () => {
    const cwd = await makeTree({'a.txt': 'Kiev set a budgett.\n', 'b.txt': 'All is well.\n'})
    expect((await runCli(['--format', 'github', '--quiet', 'a.txt'], {cwd})).stdout).toBe(
      '::error file=a.txt,line=1,col=12,endLine=1,endColumn=19,title=spelling::' + budgett + '\n'
    )
    expect(await runCli(['--format', 'github', 'b.txt'], {cwd})).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test.each([
    ['100% sure', '100%25 sure', '100%25 sure'],
    ['one\ntwo\r\n', 'one%0Atwo%0D%0A', 'one%0Atwo%0D%0A'],
    ['a, b: c', 'a, b: c', 'a%2C b%3A c'],
    ['%0A literal', '%250A literal', '%250A literal']
  ])('escapes %j as %j in a message and %j in a property', (raw, data, property) => {
    expect(escapeData(raw)).toBe(data)
    expect(escapeProperty(raw)).toBe(property)
  })
})

describe('step summary', () => {
  test('appends counts per rule and per file to GITHUB_STEP_SUMMARY', async () => {
    const cwd = await makeTree({
      'summary.md': '## Earlier step\n\n',
      'a.txt': 'The budgett for Kiev.\n',
      'b.txt': 'Kiev and the the port.\n'
    })
    const summary = path.join(cwd, 'summary.md')
    await runCli(['--format', 'github', 'a.txt', 'b.txt'], {cwd, env: {GITHUB_STEP_SUMMARY: summary}})
    expect(await fs.readFile(summary, 'utf8')).toBe(
      [
        '## Earlier step',
        '',
        '## copydesk',
        '',
        '4 findings in 2 files of 2: 2 errors, 2 warnings, 0 info.',
        '',
        '| rule | error | warning | info |',
        '| --- | --: | --: | --: |',
        '| spelling | 1 | 0 | 0 |',
        '| house-style | 0 | 2 | 0 |',
        '| repeated-words | 1 | 0 | 0 |',
        '',
        '| file | error | warning | info |',
        '| --- | --: | --: | --: |',
        '| `a.txt` | 1 | 1 | 0 |',
        '| `b.txt` | 1 | 1 | 0 |',
        '',
        ''
      ].join('\n')
    )
  })

  test('lists the findings past the 10 annotations GitHub shows per severity', async () => {
    // Twelve warnings (a slip repeated in a story is a warning) and one
    // error; the `|` in the file name must not split a table cell.
    const lines = Array.from({length: 12}, (_, index) => `Vote ${index + 1}: the budgett passed.`)
    const cwd = await makeTree({'votes|2026.txt': lines.join('\n') + '\n', 'b.txt': 'A and the the rest.\n'})
    const summary = path.join(cwd, 'summary.md')
    const run = await runCli(['--format', 'github', 'votes|2026.txt', 'b.txt'], {
      cwd,
      env: {GITHUB_STEP_SUMMARY: summary}
    })
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::warning '))).toHaveLength(12)
    const text = await fs.readFile(summary, 'utf8')
    expect(text.slice(text.indexOf('### '))).toBe(
      [
        '### Not shown as annotations (2)',
        '',
        'GitHub shows the first 10 errors, 10 warnings and 10 notices of a step as annotations; these are the rest.',
        '',
        '| file | line | column | severity | rule | message |',
        '| --- | --: | --: | --- | --- | --- |',
        '| `votes\\|2026.txt` | 11 | 14 | warning | spelling | ' + budgettOrPlural + ' |',
        '| `votes\\|2026.txt` | 12 | 14 | warning | spelling | ' + budgettOrPlural + ' |',
        '',
        ''
      ].join('\n')
    )
  })

  test('says so when there are no findings', async () => {
    const cwd = await makeTree({'a.txt': 'All is well.\n'})
    const summary = path.join(cwd, 'summary.md')
    await runCli(['--format', 'github', 'a.txt'], {cwd, env: {GITHUB_STEP_SUMMARY: summary}})
    expect(await fs.readFile(summary, 'utf8')).toBe('## copydesk\n\nNo findings in 1 file.\n\n')
  })

  test('still prints the annotations when the summary cannot be written, then exits 2', async () => {
    const cwd = await makeTree({'a.txt': 'The budgett passed.\n', 'summary/keep.txt': ''})
    const run = await runCli(['--format', 'github', 'a.txt'], {cwd, env: {GITHUB_STEP_SUMMARY: 'summary'}})
    expect(run).toEqual({
      code: 2,
      stdout: '::error file=a.txt,line=1,col=5,endLine=1,endColumn=12,title=spelling::' + budgett + '\n',
      stderr: 'copydesk: summary: step summary (`GITHUB_STEP_SUMMARY`) cannot be written: is a folder, not a file\n'
    })
  })

  test.runIf(process.platform !== 'win32')('a summary path that is a FIFO no one reads is refused at once, never waited on', {timeout: 10_000}, async () => {
    const cwd = await makeTree({'a.txt': 'The budgett passed.\n'})
    execFileSync('mkfifo', [path.join(cwd, 'summary')])
    const run = await runCli(['--format', 'github', 'a.txt'], {cwd, env: {GITHUB_STEP_SUMMARY: 'summary'}})
    expect(run).toEqual({
      code: 2,
      stdout: '::error file=a.txt,line=1,col=5,endLine=1,endColumn=12,title=spelling::' + budgett + '\n',
      stderr: 'copydesk: summary: step summary (`GITHUB_STEP_SUMMARY`) cannot be written: not a regular file\n'
    })
  })

  test('is not written for other formats', async () => {
    const cwd = await makeTree({'a.txt': 'The budgett passed.\n'})
    const summary = path.join(cwd, 'summary.md')
    await runCli(['--format', 'json', 'a.txt'], {cwd, env: {GITHUB_STEP_SUMMARY: summary}})
    await expect(fs.access(summary)).rejects.toThrow()
  })
})
