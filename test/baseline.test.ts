import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {canMountTmpfs, fillSource, onSmallDisk} from './full-disk.js'
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

  test('keeps the entries of a story it could not read, so they do not come back as new', async () => {
    const cwd = await makeTree({'news/port.txt': story, 'news/quay.txt': 'The quay levvy rose.\n'})
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    // An export broke the quay story: a byte that is neither UTF-8 nor Windows-1252.
    await fs.writeFile(path.join(cwd, 'news/quay.txt'), Buffer.from([0x54, 0x68, 0x65, 0x81, 0x0a]))
    await fs.writeFile(path.join(cwd, 'news/port.txt'), 'The harbour budget rose on Monday.\nCrews said the levvy would fall.\n')
    const run = await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: news/quay.txt:1: cannot be read: not UTF-8 or Windows-1252 text (byte 0x81)\ncopydesk: 2 findings recorded in baseline.json\n'
    })
    const baseline = JSON.parse(await fs.readFile(path.join(cwd, 'baseline.json'), 'utf8')) as {findings: Array<{file: string; text: string}>}
    expect(baseline.findings.map((finding) => `${finding.file} ${finding.text}`)).toEqual(['news/port.txt levvy', 'news/quay.txt levvy'])
    // Mended, the story's recorded finding is still left out.
    await fs.writeFile(path.join(cwd, 'news/quay.txt'), 'The quay levvy rose.\n')
    expect((await lintFolder(cwd, ['--no-config', '--baseline', 'baseline.json', 'news'])).found).toEqual([])
  })

  test('drops the entries of a story that is gone, even when another could not be read', async () => {
    const cwd = await makeTree({'news/port.txt': story, 'news/quay.txt': 'The quay levvy rose.\n'})
    await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})
    await fs.rm(path.join(cwd, 'news/quay.txt'))
    await fs.writeFile(path.join(cwd, 'news/bad.txt'), Buffer.from([0x81]))
    expect((await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})).code).toBe(2)
    const baseline = JSON.parse(await fs.readFile(path.join(cwd, 'baseline.json'), 'utf8')) as {findings: Array<{file: string}>}
    expect(new Set(baseline.findings.map((finding) => finding.file))).toEqual(new Set(['news/port.txt']))
  })

  test('a folder at the baseline path is one line naming it (EISDIR), not an internal error', async () => {
    const cwd = await makeTree({'news/port.txt': story, 'baseline.json/keep': ''})
    expect(await runCli(['--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: baseline.json: baseline cannot be written: a folder, not a file\n'
    })
  })

  test.runIf(existsSync('/dev/full'))('a device at the baseline path (/dev/full) is one line naming it, and stays a device', async () => {
    const cwd = await makeTree({'news/port.txt': story})
    expect(await runCli(['--no-config', '--write-baseline', '/dev/full', 'news'], {cwd})).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: /dev/full: baseline cannot be written: not a regular file\n'
    })
    expect((await fs.stat('/dev/full')).isCharacterDevice()).toBe(true)
  })

  test.runIf(canMountTmpfs)('a full disk (ENOSPC) is one line naming the baseline, which keeps its old contents', async () => {
    const report = await onSmallDisk(`${fillSource}
import {spawnSync} from 'node:child_process'
const [folder, bin] = process.argv.slice(2)
fs.mkdirSync(path.join(folder, 'news'))
fs.writeFileSync(path.join(folder, 'news/port.txt'), ${JSON.stringify(story)})
fs.writeFileSync(path.join(folder, 'baseline.json'), '{"version": 1, "findings": []}\\n')
fill(folder, 0)
const run = spawnSync(process.execPath, [bin, '--no-config', '--write-baseline', 'baseline.json', 'news'], {cwd: folder, encoding: 'utf8'})
console.log(JSON.stringify({
  status: run.status,
  stderr: run.stderr,
  baseline: fs.readFileSync(path.join(folder, 'baseline.json'), 'utf8'),
  files: fs.readdirSync(folder).sort()
}))
`)
    expect(report).toEqual({
      status: 2,
      stderr: 'copydesk: baseline.json: baseline cannot be written: no space left on the disk\n',
      baseline: '{"version": 1, "findings": []}\n',
      files: ['baseline.json', 'filler', 'news']
    })
  })
})
