import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {replaceFile, writeFailure} from '../src/files/atomic-write.js'
import {rootForFile, trustedFolder} from '../src/files/repository-root.js'
import {canMountTmpfs, fillSource, onSmallDisk} from './full-disk.js'
import {makeTree, root, runCli} from './helpers.js'

const story = 'Talks in Jiangsu opened.\nThe Jiangshu team left.\n'
const fixed = 'Talks in Jiangsu opened.\nThe Jiangsu team left.\n'
const isRoot = process.getuid?.() === 0

/**
 * Why `replaceFile` refused or failed, as the CLI says it.
 *
 * @param filePath The file.
 * @param contents New contents.
 * @param folder The repository root.
 * @returns The reason, or `written` when it wrote.
 */
async function replaceOutcome(filePath: string, contents: string, folder: string): Promise<string> {
  try {
    await replaceFile(filePath, contents, folder)
    return 'written'
  } catch (error) {
    return writeFailure(error)
  }
}

describe('--fix keeps what it writes', () => {
  test('fixes the file a symlink inside the repository leads to, and keeps the link', async () => {
    const cwd = await makeTree({'archive/story.txt': story})
    await fs.symlink('archive/story.txt', path.join(cwd, 'story.txt'))
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.stderr).toContain('copydesk: fixed 1 findings\n')
    expect((await fs.lstat(path.join(cwd, 'story.txt'))).isSymbolicLink()).toBe(true)
    expect(await fs.readlink(path.join(cwd, 'story.txt'))).toBe('archive/story.txt')
    expect(await fs.readFile(path.join(cwd, 'archive/story.txt'), 'utf8')).toBe(fixed)
    expect((await fs.readdir(path.join(cwd, 'archive'))).sort()).toEqual(['story.txt'])
  })

  test('keeps hard links: the fix is seen through every link, and no file is left beside it', async () => {
    const cwd = await makeTree({'story.txt': story})
    await fs.link(path.join(cwd, 'story.txt'), path.join(cwd, 'copy.txt'))
    const before = await fs.stat(path.join(cwd, 'story.txt'))
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.code).toBe(0)
    const after = await fs.stat(path.join(cwd, 'story.txt'))
    expect([after.ino, after.nlink]).toEqual([before.ino, 2])
    expect(await fs.readFile(path.join(cwd, 'copy.txt'), 'utf8')).toBe(fixed)
    expect((await fs.readdir(cwd)).sort()).toEqual(['copy.txt', 'story.txt'])
  })

  test.runIf(isRoot)('keeps the owner, group and mode when root fixes a file', async () => {
    const cwd = await makeTree({'story.txt': story})
    const filePath = path.join(cwd, 'story.txt')
    await fs.chown(filePath, 65534, 65534)
    await fs.chmod(filePath, 0o640)
    await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    const after = await fs.stat(filePath)
    expect([after.uid, after.gid, after.mode & 0o7777, after.nlink]).toEqual([65534, 65534, 0o640, 1])
    expect(await fs.readFile(filePath, 'utf8')).toBe(fixed)
  })

  test('refuses a read-only file in a writable folder', async () => {
    const cwd = await makeTree({'story.txt': story})
    await fs.chmod(path.join(cwd, 'story.txt'), 0o444)
    const run = await runCli(['--no-config', '--fix', 'story.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: story.txt: cannot be written: read-only file; the file is unchanged\n')
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(story)
  })

  // Another user: root may write any file, and copydesk must not use a writable folder to replace one it may not.
  test.runIf(isRoot)('refuses a file the user cannot write in a folder the user can', async () => {
    const cwd = await makeTree({'story.txt': story})
    await fs.chmod(cwd, 0o777)
    await fs.chmod(path.join(cwd, 'story.txt'), 0o644)
    const run = spawnSync(process.execPath, [path.join(root, 'bin/copydesk.js'), '--no-config', '--fix', 'story.txt'], {
      cwd,
      uid: 65534,
      gid: 65534,
      env: {HOME: cwd, COPYDESK_CACHE_DIR: path.join(cwd, 'cache')},
      encoding: 'utf8'
    })
    expect([run.status, run.stderr]).toEqual([2, 'copydesk: story.txt: cannot be written: permission denied; the file is unchanged\n'])
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(story)
    expect((await fs.stat(path.join(cwd, 'story.txt'))).uid).toBe(0)
  })

  // nobody, in the story's group: it may write the story, but a new file would be its own, not root's.
  test.runIf(isRoot)('keeps the owner when a user of the file\'s group fixes it: written in place', async () => {
    const cwd = await makeTree({'story.txt': story})
    await fs.chmod(cwd, 0o777)
    await fs.chown(path.join(cwd, 'story.txt'), 0, 65534)
    await fs.chmod(path.join(cwd, 'story.txt'), 0o664)
    const before = await fs.stat(path.join(cwd, 'story.txt'))
    const run = spawnSync(process.execPath, [path.join(root, 'bin/copydesk.js'), '--no-config', '--fix', 'story.txt'], {
      cwd,
      uid: 65534,
      gid: 65534,
      env: {HOME: cwd, COPYDESK_CACHE_DIR: path.join(cwd, 'cache')},
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    const after = await fs.stat(path.join(cwd, 'story.txt'))
    expect([after.ino, after.uid, after.gid, after.mode & 0o7777]).toEqual([before.ino, 0, 65534, 0o664])
    expect(await fs.readFile(path.join(cwd, 'story.txt'), 'utf8')).toBe(fixed)
    expect((await fs.readdir(cwd)).sort()).toEqual(['cache', 'story.txt'])
  })

  test.runIf(canMountTmpfs)('a hard-linked story that cannot grow on a full disk keeps its old contents', async () => {
    // 4,096 bytes exactly: the fix adds a byte, which needs a page the disk no longer has.
    const head = 'Talks in Jiangsu opened.\nThe Jangsu team left.\n'
    const doc = head + 'The council met again.\n'.repeat(Math.floor((4096 - head.length) / 23))
    const padded = doc + ' '.repeat(4095 - doc.length) + '\n'
    const report = await onSmallDisk(`${fillSource}
import {spawnSync} from 'node:child_process'
const [folder, bin] = process.argv.slice(2)
const doc = ${JSON.stringify(padded)}
fs.writeFileSync(path.join(folder, 'story.txt'), doc)
fs.linkSync(path.join(folder, 'story.txt'), path.join(folder, 'copy.txt'))
// One page free: enough for the backup copy, not for the story to grow.
fill(folder, 4096)
const run = spawnSync(process.execPath, [bin, '--no-config', '--fix', 'story.txt'], {cwd: folder, encoding: 'utf8'})
fs.rmSync(path.join(folder, 'filler'))
console.log(JSON.stringify({
  status: run.status,
  stderr: run.stderr,
  kept: fs.readFileSync(path.join(folder, 'copy.txt'), 'utf8') === doc,
  links: fs.statSync(path.join(folder, 'story.txt')).nlink,
  files: fs.readdirSync(folder).sort()
}))
`)
    expect(padded.length).toBe(4096)
    expect(report).toEqual({
      status: 2,
      stderr: 'copydesk: story.txt: cannot be written: no space left on the disk; the file is unchanged\n',
      kept: true,
      links: 2,
      files: ['copy.txt', 'story.txt']
    })
  })
})

describe('every writer', () => {
  test('refuses a symlink that leads outside the repository, and leaves its target alone', async () => {
    const outside = await makeTree({'secret.txt': 'not for copydesk\n'})
    const cwd = await makeTree({'.git/HEAD': 'ref: refs/heads/main\n'})
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(cwd, 'baseline.json'))
    const filePath = path.join(cwd, 'baseline.json')
    expect(await replaceOutcome(filePath, '{}\n', rootForFile(filePath, cwd))).toBe('a symlink to a file outside the repository')
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('not for copydesk\n')
  })

  test('refuses a path through a symlinked folder that leads outside the repository', async () => {
    const outside = await makeTree({})
    const cwd = await makeTree({'.git/HEAD': 'ref: refs/heads/main\n'})
    await fs.symlink(outside, path.join(cwd, '.copydesk'))
    const filePath = path.join(cwd, '.copydesk/words.txt')
    expect(await replaceOutcome(filePath, 'Zuma\n', rootForFile(filePath, cwd))).toBe('in a symlinked folder that leads outside the repository')
    expect(await fs.readdir(outside)).toEqual([])
  })

  test.each([
    ['a symlink to nothing', 'gone.txt', 'a symlink to a file that does not exist'],
    ['a symlink to itself', 'story.txt', 'a symlink that leads back to itself']
  ])('refuses %s', async (_, target, reason) => {
    const cwd = await makeTree({})
    await fs.symlink(target, path.join(cwd, 'story.txt'))
    expect(await replaceOutcome(path.join(cwd, 'story.txt'), story, cwd)).toBe(reason)
    expect((await fs.lstat(path.join(cwd, 'story.txt'))).isSymbolicLink()).toBe(true)
  })

  test('refuses a FIFO, and never replaces a device such as /dev/full', async () => {
    const cwd = await makeTree({})
    const fifo = path.join(cwd, 'story.txt')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    expect(await replaceOutcome(fifo, story, cwd)).toBe('not a regular file')
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true)
    const full = await fs.stat('/dev/full').catch(() => undefined)
    if (full) {
      expect(await replaceOutcome('/dev/full', story, '/dev')).toBe('not a regular file')
      expect((await fs.stat('/dev/full')).isCharacterDevice()).toBe(true)
    }
  })

  test('creates a new file with the permissions a new file gets, and leaves no temporary file', async () => {
    const cwd = await makeTree({})
    const filePath = path.join(cwd, 'out/names.json')
    expect(await replaceOutcome(filePath, '{}\n', cwd)).toBe('written')
    const mask = process.umask()
    expect((await fs.stat(filePath)).mode & 0o777).toBe(0o666 & ~mask)
    expect(await fs.readdir(path.join(cwd, 'out'))).toEqual(['names.json'])
  })

  test('keeps the set-group-ID bit and the mode of a replaced file', async () => {
    const cwd = await makeTree({'story.txt': story})
    await fs.chmod(path.join(cwd, 'story.txt'), 0o2664)
    expect(await replaceOutcome(path.join(cwd, 'story.txt'), fixed, cwd)).toBe('written')
    expect((await fs.stat(path.join(cwd, 'story.txt'))).mode & 0o7777).toBe(0o2664)
  })

  // One root for reading and writing (see "What copydesk trusts"): what copydesk may read through a link it may write through it.
  test('the root of a write is the one reads have: the working directory\'s repository, else the working directory', async () => {
    const tree = await makeTree({'repo/.git/HEAD': 'x\n', 'repo/news/a.md': '', 'loose/b.md': '', 'other/.git/HEAD': 'x\n', 'other/c.md': ''})
    const repo = path.join(tree, 'repo')
    // From inside a repository, its top, for a file anywhere in it.
    expect(rootForFile(path.join(repo, 'news/a.md'), path.join(repo, 'news'))).toBe(repo)
    expect(rootForFile('a.md', path.join(repo, 'news'))).toBe(repo)
    // Outside any repository, the working directory, as for reading.
    expect(rootForFile(path.join(tree, 'loose/b.md'), tree)).toBe(tree)
    expect(rootForFile(path.join(repo, 'news/a.md'), tree)).toBe(tree)
    expect(rootForFile(path.join(repo, 'news/a.md'), tree)).toBe(trustedFolder(path.join(repo, 'news/a.md'), tree))
    // A file the user names outside the working directory: its own repository, else its folder.
    expect(rootForFile(path.join(tree, 'other/c.md'), repo)).toBe(path.join(tree, 'other'))
    expect(rootForFile(path.join(os.tmpdir(), 'x.json'), tree)).toBe(os.tmpdir())
  })
})
