import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test, vi} from 'vitest'
import {fixFile, writeFix} from '../src/settle/fix.js'
import {lintFiles} from '../src/lint.js'
import {makeTree, runCli} from './helpers.js'

const story = '\uFEFFTalks in Jiangsu opened.\r\nThe Jiangshu team left Kiev.\r\nJiangsu rail grew. The budgett rose.\r\n'

describe('--fix', () => {
  test('applies the certain fixes, keeps BOM and line endings, and reports what is left', async () => {
    const cwd = await makeTree({'story.txt': story})
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      'copydesk: fixed story.txt:2:5 `Jiangshu` → `Jiangsu` (name-consistency)\n' +
        'copydesk: fixed story.txt:2:24 `Kiev` → `Kyiv` (house-style)\n' +
        'copydesk: fixed 2 findings\n'
    )
    expect(run.stdout).toContain('budgett')
    expect(run.stdout).not.toContain('Jiangshu')
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(
      '\uFEFFTalks in Jiangsu opened.\r\nThe Jiangsu team left Kyiv.\r\nJiangsu rail grew. The budgett rose.\r\n'
    )
  })

  test('is idempotent: a second run changes nothing', async () => {
    const cwd = await makeTree({'story.txt': story})
    await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    const once = await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')
    const again = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(again.stderr).toBe('')
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(once)
  })

  test.each([
    ['a guess among suggestions', 'The budgett rose.\n'],
    ['a tie nothing settles', 'Mayor Brannock spoke. Mayor Brennock left.\n'],
    ['a spelling chosen only as the likelier of two used once each', 'Mayor Dvoracek spoke. Mayor Dvoracik left.\n'],
    ['one of several house spellings', 'Gaddafi spoke. Qaddafi left. Gadhafi wrote.\n']
  ])('never applies %s', async (_, doc) => {
    const cwd = await makeTree({'story.txt': doc})
    await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(doc)
  })

  test('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const doc = 'Talks in Jiangsu opened.\nThe Jiangshu team left.\n'
    const cwd = await makeTree({'story.txt': doc})
    const run = await runCli(['--no-config', '--fix-dry-run', 'story.txt'], {cwd})
    expect(run.stdout).toContain('--- a/story.txt\n+++ b/story.txt\n')
    expect(run.stdout).toContain('-The Jiangshu team left.\n+The Jiangsu team left.\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(doc)
    expect(run.code).toBe(0)
  })

  test('refuses to write a file that changed since it was read, and leaves it as it is', async () => {
    const cwd = await makeTree({'story.txt': 'Talks in Jiangsu opened.\nThe Jiangshu team left.\n'})
    const {files} = await lintFiles({inputs: ['story.txt'], cwd, noConfig: true})
    const [file] = files
    const fix = file ? fixFile(file) : undefined
    expect(fix?.after).toBe('Talks in Jiangsu opened.\nThe Jiangsu team left.\n')
    await fs.writeFile(path.join(cwd, 'story.txt'), 'An editor rewrote it.\n')
    await expect(writeFix(fix!)).rejects.toThrow('changed since it was read: not fixed')
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe('An editor rewrote it.\n')
  })

  test('fixes a Windows-1252 story in Windows-1252, so no other byte changes', async () => {
    const bytes = Buffer.concat([Buffer.from('Talks in Jiangsu opened in M'), Buffer.from([0xe1]), Buffer.from('laga.\nThe Jiangshu team left.\n')])
    const cwd = await makeTree({'story.txt': bytes})
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.stderr).toContain('copydesk: fixed 1 findings\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'))).toEqual(
      Buffer.concat([Buffer.from('Talks in Jiangsu opened in M'), Buffer.from([0xe1]), Buffer.from('laga.\nThe Jiangsu team left.\n')])
    )
  })

  test('fixes a UTF-16 LE story in UTF-16 LE, its byte order mark kept', async () => {
    const cwd = await makeTree({'story.txt': Buffer.from('\uFEFFTalks in Jiangsu opened.\r\nThe Jiangshu team left.\r\n', 'utf16le')})
    await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(await fs.readFile(path.join(cwd, 'story.txt'))).toEqual(Buffer.from('\uFEFFTalks in Jiangsu opened.\r\nThe Jiangsu team left.\r\n', 'utf16le'))
  })

  test('refuses a fix the story\'s encoding cannot hold, and leaves every byte', async () => {
    const bytes = Buffer.from('The caf\xe9 in Lodz opened.\n', 'latin1')
    const cwd = await makeTree({'story.txt': bytes, 'style.yml': '- prefer: Łódź\n  avoid: Lodz\n', '.copydeskrc.json': '{"houseStyle": "style.yml"}\n'})
    const run = await runCli(['--fix', 'story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: story.txt: cannot be written in Windows-1252, its encoding (no `Ł`): not fixed\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'))).toEqual(bytes)
  })

  test('keeps the permissions, the trailing white space and every byte outside the fixed words', async () => {
    const doc = 'Talks in Jiangsu opened.  \nThe Jiangshu team left.\t\n\n\n'
    const cwd = await makeTree({'story.txt': doc})
    await fs.chmod(path.join(cwd, 'story.txt'), 0o640)
    await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(doc.replace('Jiangshu', 'Jiangsu'))
    expect((await fs.stat(path.join(cwd, 'story.txt'))).mode & 0o777).toBe(0o640)
  })

  test.each([
    ['a full disk', 'ENOSPC', 'no space left on the disk'],
    ['a read-only file system', 'EROFS', 'permission denied']
  ])('leaves the story untouched and names it when writing fails on %s', async (_, code, reason) => {
    const doc = 'Talks in Jiangsu opened.\nThe Jiangshu team left.\n'
    const cwd = await makeTree({'story.txt': doc})
    // The temporary file is written, then renaming it over the story fails, as on a full disk.
    const rename = vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error(code), {code}))
    try {
      const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(`copydesk: story.txt: cannot be written: ${reason}; the file is unchanged\n`)
    } finally {
      rename.mockRestore()
    }
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(doc)
    // No temporary file is left beside it.
    expect(await fs.readdir(cwd)).toEqual(['story.txt'])
  })

  test('does not write to standard input', async () => {
    const run = await runCli(['--fix', '--stdin-filename', 'story.txt'], {stdin: 'Fine.\n'})
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk: --fix writes files: use --fix-dry-run with --stdin-filename\n'})
  })
})
