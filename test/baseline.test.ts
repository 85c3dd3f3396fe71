import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, runCli} from './helpers.js'

const story = 'The harbour budgett rose on Monday.\nCrews said the levvy would fall.\n'

/**
 * Lint a folder with the CLI and list the findings as `path line:column actual`.
 *
 * @param cwd The folder.
 * @param args Arguments before the JSON format flag.
 * @returns Exit code, findings and standard error.
 */
async function lintFolder(cwd: string, args: string[]): Promise<{code: number; found: string[]; stderr: string}> {
  const run = await runCli([...args, '--format', 'json'], {cwd})
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonFile[]) : []
  const found = report.flatMap((file) =>
    file.messages.map((message) => `${file.path} ${message.line}:${message.column} ${message.actual}`)
  )
  return {code: run.code, found, stderr: run.stderr}
}

describe('baseline', () => {
  test('records the current findings by rule, file and text, and reports nothing', async () => {
    const cwd = await makeTree({'news/port.txt': story})
    const run = await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    expect(run).toEqual({code: 0, stdout: '', stderr: 'copydesk: 2 findings recorded in baseline.json\n'})
    expect(JSON.parse(await fs.readFile(path.join(cwd, 'baseline.json'), 'utf8'))).toEqual({
      version: 1,
      findings: [
        {rule: 'spelling', file: 'news/port.txt', text: 'budgett', count: 1},
        {rule: 'spelling', file: 'news/port.txt', text: 'levvy', count: 1}
      ]
    })
  })

  test('leaves out recorded findings even after lines are added above them, and reports new ones', async () => {
    const cwd = await makeTree({'news/port.txt': story})
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    await fs.writeFile(path.join(cwd, 'news/port.txt'), 'A line on top.\n' + story + 'The taxx went up.\n')
    expect(await lintFolder(cwd, ['--no-config', '--baseline', 'baseline.json', 'news'])).toEqual({
      code: 1,
      found: ['news/port.txt 4:5 taxx'],
      stderr: 'copydesk: 2 findings left out, recorded in baseline.json\n'
    })
  })

  test('covers as many uses of a text as it recorded, no more', async () => {
    const cwd = await makeTree({'news/port.txt': 'The levvy rose.\n'})
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    await fs.writeFile(path.join(cwd, 'news/port.txt'), 'The levvy rose.\nThe levvy fell.\n')
    const {found} = await lintFolder(cwd, ['--no-config', '--baseline', 'baseline.json', 'news'])
    expect(found).toEqual(['news/port.txt 2:5 levvy'])
  })

  test('drops findings that have gone when it is written again', async () => {
    const cwd = await makeTree({'news/port.txt': story})
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    await fs.writeFile(path.join(cwd, 'news/port.txt'), 'The harbour budget rose on Monday.\nCrews said the levvy would fall.\n')
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    const baseline = JSON.parse(await fs.readFile(path.join(cwd, 'baseline.json'), 'utf8')) as {findings: Array<{text: string}>}
    expect(baseline.findings.map((finding) => finding.text)).toEqual(['levvy'])
  })

  test.each([
    ['a missing file', {}, 'copydesk: missing.json: baseline not found\n', 'missing.json'],
    ['broken JSON, with its line', {'bad.json': '{\n  "version": 1,\n  "findings": [\n}\n'}, 'copydesk: bad.json:4: invalid JSON in baseline\n', 'bad.json'],
    ['a file of another shape', {'other.json': '{"rules": {}}\n'}, 'copydesk: other.json: not a copydesk baseline (write one with `--write-baseline`)\n', 'other.json']
  ])('stops with exit code 2 and one line on %s', async (_, files: Record<string, string>, stderr, name) => {
    const cwd = await makeTree({...files, 'news/port.txt': story})
    expect(await runCli(['--no-config', '--baseline', name, 'news'], {cwd})).toEqual({code: 2, stdout: '', stderr})
  })

  test('refuses --baseline and --write-baseline together', async () => {
    const cwd = await makeTree({'news/port.txt': story})
    const run = await runCli(['--baseline', 'a.json', '--write-baseline', 'a.json', 'news'], {cwd})
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk: give either --baseline or --write-baseline, not both\n'})
  })
})
