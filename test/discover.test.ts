import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {discoverFiles} from '../src/files/discover.js'
import {makeTree} from './helpers.js'

const story = 'The mayor spoke.\n'

describe('discoverFiles', () => {
  test('honours .gitignore files from the repository root down, deeper ones re-including', async () => {
    const cwd = await makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.tmp.md\n',
      'news/.gitignore': '!keep.tmp.md\n',
      'news/a.md': story,
      'news/keep.tmp.md': story,
      'news/old.tmp.md': story,
      'news/drafts/b.md': story
    })
    // Walking the subfolder still applies the root .gitignore.
    const {files} = await discoverFiles(['news'], path.join(cwd))
    expect(files).toEqual(['news/a.md', 'news/keep.tmp.md'])
  })

  test('applies a .copydeskignore above the working folder, up to the repository root', async () => {
    const cwd = await makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.copydeskignore': 'wire/\n',
      'desk/news/a.md': story,
      'desk/news/wire/b.md': story
    })
    const {files} = await discoverFiles(['news'], path.join(cwd, 'desk'))
    expect(files).toEqual(['news/a.md'])
  })

  test('skips hidden files and folders and never reads node_modules', async () => {
    const cwd = await makeTree({
      'a.md': story,
      '.hidden.md': story,
      '.github/notes.md': story,
      'node_modules/pkg/readme.md': story
    })
    expect((await discoverFiles(['.'], cwd)).files).toEqual(['a.md'])
  })

  test('reports named files that are ignored, and globs and folders that match nothing', async () => {
    const cwd = await makeTree({'.copydeskignore': 'skip.md\n', 'skip.md': story, 'empty/notes.json': '{}'})
    const discovery = await discoverFiles(['skip.md', 'empty', '*.doc', 'missing.md'], cwd)
    expect(discovery.files).toEqual([])
    expect(discovery.ignored).toEqual(['skip.md'])
    expect(discovery.unmatched).toEqual(['empty', '*.doc'])
    expect(discovery.problems.map((problem) => problem.toLine())).toEqual(['missing.md: no such file or folder'])
  })

  test('globs skip ignored files too', async () => {
    const cwd = await makeTree({'.gitignore': 'b.md\n', 'a.md': story, 'b.md': story})
    expect((await discoverFiles(['*.md'], cwd)).files).toEqual(['a.md'])
  })

  test('keeps regular files and links to them, and never follows a link into a folder, in folders and globs alike', async () => {
    const cwd = await makeTree({'desk/a.md': story, 'elsewhere/secret.md': story})
    await fs.symlink('../elsewhere/secret.md', path.join(cwd, 'desk', 'linked.md'))
    await fs.symlink('../elsewhere', path.join(cwd, 'desk', 'away'))
    await fs.symlink('gone.md', path.join(cwd, 'desk', 'dangling.md'))
    expect((await discoverFiles(['desk'], cwd)).files).toEqual(['desk/a.md', 'desk/linked.md'])
    expect((await discoverFiles(['desk/**/*.md'], cwd)).files).toEqual(['desk/a.md', 'desk/linked.md'])
  })

  test.skipIf(process.platform === 'win32')('passes a FIFO by instead of waiting on it forever', async () => {
    const cwd = await makeTree({'desk/a.md': story})
    execFileSync('mkfifo', [path.join(cwd, 'desk', 'pipe.md')])
    expect((await discoverFiles(['desk'], cwd)).files).toEqual(['desk/a.md'])
    expect((await discoverFiles(['desk/*.md'], cwd)).files).toEqual(['desk/a.md'])
  })
})
