import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, runCli} from './helpers.js'

/**
 * Make a git repository whose `main` has two stories, then a branch that
 * changes one, adds one, adds a picture, and leaves an untracked draft.
 *
 * @returns The repository folder.
 */
async function repository(): Promise<string> {
  const cwd = await makeTree({
    'news/port.md': 'The port reopened on Monday with teh old crews.\n',
    'news/rail.md': 'The rail line closed for repairs with a budgett.\n'
  })
  const git = (...args: string[]): void => {
    execFileSync('git', args, {cwd, stdio: 'ignore'})
  }
  git('init', '-q', '-b', 'main')
  git('-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'add', '.')
  git('-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '-q', '-m', 'Stories')
  git('checkout', '-q', '-b', 'story')
  await fs.writeFile(path.join(cwd, 'news/port.md'), 'The port reopened on Monday with teh new crews.\n')
  await fs.writeFile(path.join(cwd, 'news/ferry.md'), 'The ferry sailled at dawn.\n')
  await fs.writeFile(path.join(cwd, 'news/photo.png'), 'not prose')
  git('add', 'news/ferry.md', 'news/photo.png', 'news/port.md')
  git('-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '-q', '-m', 'Ferry story')
  await fs.writeFile(path.join(cwd, 'news/draft.txt'), 'A draft abuot the ferry.\n')
  return cwd
}

/**
 * Lint with the CLI and list the files reported.
 *
 * @param cwd Folder.
 * @param args Arguments.
 * @param env Environment.
 * @returns Exit code, linted paths with their findings, and standard error.
 */
async function changed(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number; found: string[]; stderr: string}> {
  const run = await runCli([...args, '--format', 'json'], {cwd, env})
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonFile[]) : []
  return {code: run.code, found: report.map((file) => `${file.path}: ${file.messages.map((m) => m.actual).join(', ')}`), stderr: run.stderr}
}

describe('--changed', () => {
  test('lints the text files changed since the merge base with REF, and untracked ones', async () => {
    const cwd = await repository()
    expect(await changed(cwd, ['--no-config', '--changed', 'main'])).toEqual({
      code: 1,
      found: ['news/draft.txt: abuot', 'news/ferry.md: sailled', 'news/port.md: teh'],
      stderr: ''
    })
  })

  test('compares with the default branch when no REF is given', async () => {
    const cwd = await repository()
    const {found} = await changed(cwd, ['--no-config', '--changed'])
    expect(found).toEqual(['news/draft.txt: abuot', 'news/ferry.md: sailled', 'news/port.md: teh'])
  })

  test('keeps to the paths given', async () => {
    const cwd = await repository()
    const {found} = await changed(cwd, ['--no-config', 'news/ferry.md', '--changed=main'])
    expect(found).toEqual(['news/ferry.md: sailled'])
  })

  test('in a git hook, lints the staged files', async () => {
    const cwd = await repository()
    await fs.writeFile(path.join(cwd, 'news/rail.md'), 'The rail line reopened with new carriges.\n')
    execFileSync('git', ['add', 'news/rail.md'], {cwd})
    const {found} = await changed(cwd, ['--no-config', '--changed'], {GIT_INDEX_FILE: '.git/index'})
    expect(found).toEqual(['news/rail.md: carriges'])
  })

  test('says so and exits 0 when nothing has changed', async () => {
    const cwd = await repository()
    const run = await runCli(['--no-config', '--changed', 'story'], {cwd})
    expect(run).toEqual({code: 1, stdout: expect.any(String) as string, stderr: ''})
    await fs.rm(path.join(cwd, 'news/draft.txt'))
    expect(await runCli(['--no-config', '--changed', 'story'], {cwd})).toEqual({
      code: 0,
      stdout: '',
      stderr: 'copydesk: no changed text, Markdown or HTML files to lint\n'
    })
  })

  test.each([
    ['a REF that names nothing', ['--changed', 'no-such-branch'], 'copydesk: --changed: `no-such-branch` is not a branch or commit here\n'],
    ['a folder outside git', ['--changed', 'main'], 'copydesk: --changed: not inside a git repository\n']
  ])('stops with exit code 2 on %s', async (name, args, stderr) => {
    const cwd = name.includes('outside') ? await makeTree({'story.md': 'Fine.\n'}) : await repository()
    expect(await runCli(['--no-config', ...args], {cwd})).toEqual({code: 2, stdout: '', stderr})
  })
})
