import {execFileSync, spawnSync} from 'node:child_process'
import {statSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {describe, expect, test} from 'vitest'
import {discoverFiles} from '../src/files/discover.js'
import {isInside, relativeInside} from '../src/files/repository-root.js'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, root, runCli} from './helpers.js'

// A repository's files come from whoever can open a pull request: links to
// devices and to files outside it, FIFOs, names that are not UTF-8. Each is
// said for what it is, in one line, and never hangs the run or reads what
// lies outside the repository.

/** A story with nothing to report. */
const clean = 'The mayor opened the new bridge on Friday.\n'

/** Words that must never reach a report: they stand outside the repository. */
const secret = 'Zqxwvutsecret opened the vault.\n'

/** A temporary git repository (a `.git` folder is what marks one) with these files. */
async function repository(files: Record<string, string | Buffer>): Promise<string> {
  return makeTree({'.git/HEAD': 'ref: refs/heads/main\n', ...files})
}

/** Lint as the CLI does, with the JSON report's paths and findings. */
async function lint(cwd: string, args: string[]): Promise<{code: number; found: string[]; stderr: string; stdout: string}> {
  const run = await runCli(['--no-config', '--format', 'json', ...args], {cwd})
  const report = run.stdout.startsWith('[') ? (JSON.parse(run.stdout) as JsonFile[]) : []
  const found = report.map((file) => `${file.path}: ${file.messages.map((message) => message.actual).join(', ')}`)
  return {code: run.code, found, stderr: run.stderr, stdout: run.stdout}
}

const unix = process.platform !== 'win32'

describe.skipIf(!unix)('an odd entry in a folder is passed by with its own note, and the run goes on', () => {
  test('a committed story.md -> /dev/zero is a device, not read forever', {timeout: 10_000}, async () => {
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink('/dev/zero', path.join(cwd, 'news/story.md'))
    expect(await lint(cwd, ['news'])).toMatchObject({
      code: 0,
      found: ['news/a.md: '],
      stderr: 'copydesk: news/story.md: is a device, not a file: not linted\n'
    })
  })

  test('a FIFO is a FIFO, not waited on', {timeout: 10_000}, async () => {
    const cwd = await repository({'news/a.md': clean})
    execFileSync('mkfifo', [path.join(cwd, 'news/pipe.md')])
    expect(await lint(cwd, ['news'])).toMatchObject({code: 0, stderr: 'copydesk: news/pipe.md: is a FIFO (named pipe), not a file: not linted\n'})
  })

  test('a dangling symlink says where it points', async () => {
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink('gone.md', path.join(cwd, 'news/dangling.md'))
    expect(await lint(cwd, ['news'])).toMatchObject({
      code: 0,
      stderr: 'copydesk: news/dangling.md: is a symbolic link to `gone.md`, which does not exist: not linted\n'
    })
  })

  test('a symlink to itself says so, not ELOOP', async () => {
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink('self.md', path.join(cwd, 'news/self.md'))
    expect(await lint(cwd, ['news'])).toMatchObject({code: 0, stderr: 'copydesk: news/self.md: is a symbolic link to itself: not linted\n'})
  })

  test('a file name that is not UTF-8 is named with its bytes', async () => {
    const cwd = await repository({'news/a.md': clean})
    // "caf\xE9.md": Latin-1, as an old Windows export names it.
    await fs.writeFile(Buffer.concat([Buffer.from(path.join(cwd, 'news/caf')), Buffer.from([0xe9]), Buffer.from('.md')]), clean)
    expect(await lint(cwd, ['news'])).toMatchObject({code: 0, found: ['news/a.md: '], stderr: 'copydesk: news/caf\\xE9.md: its name is not UTF-8: not linted\n'})
  })

  test('a symlink out of the repository is not followed, and nothing of its target is read', async () => {
    const outside = await makeTree({'secret.md': secret})
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink(path.join(outside, 'secret.md'), path.join(cwd, 'news/notes.md'))
    const run = await lint(cwd, ['news'])
    expect(run.stderr).toBe(`copydesk: news/notes.md: leads outside the repository, to \`${await fs.realpath(path.join(outside, 'secret.md'))}\`: not linted\n`)
    expect(run.stdout).not.toContain('Zqxwvutsecret')
    expect(run.code).toBe(0)
  })

  test('a symlink inside the repository is linted as its target', async () => {
    const cwd = await repository({'news/a.md': clean, 'archive/old.md': 'The harbour closed in teh winter.\n'})
    await fs.symlink('../archive/old.md', path.join(cwd, 'news/old.md'))
    expect(await lint(cwd, ['news'])).toMatchObject({code: 1, found: ['news/a.md: ', 'news/old.md: teh'], stderr: ''})
  })

  test('globs pass the same entries by, and a glob through a linked folder stays inside the repository', async () => {
    const outside = await makeTree({'secret.md': secret})
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink('/dev/zero', path.join(cwd, 'news/zero.md'))
    await fs.symlink(outside, path.join(cwd, 'away'))
    const run = await lint(cwd, ['news/*.md', 'away/*.md'])
    expect(run.stderr).toBe(
      'copydesk: news/zero.md: is a device, not a file: not linted\n' +
        `copydesk: away: leads outside the repository, to \`${await fs.realpath(outside)}\`: not linted\n` +
        'copydesk: away/*.md: no text, Markdown or HTML files match\n'
    )
    expect(run.stdout).not.toContain('Zqxwvutsecret')
  })

  test('a story over 16 MB is passed by, never read whole', async () => {
    const cwd = await repository({'news/a.md': clean})
    // Sparse: no disk is used for it.
    await fs.truncate(await fs.writeFile(path.join(cwd, 'news/dump.md'), '').then(() => path.join(cwd, 'news/dump.md')), 17 * 1024 * 1024)
    expect(await lint(cwd, ['news'])).toMatchObject({code: 0, stderr: 'copydesk: news/dump.md: is too large to read: over 16 MB (17 MB): not linted\n'})
  })

  test('a .gitignore -> /dev/zero does not hang the walk', {timeout: 10_000}, async () => {
    const cwd = await repository({'news/a.md': clean})
    await fs.symlink('/dev/zero', path.join(cwd, 'news/.gitignore'))
    expect(await lint(cwd, ['news'])).toMatchObject({code: 0, found: ['news/a.md: ']})
  })
})

describe.skipIf(!unix)('a path named on the command line that is not a regular file is a problem, exit 2', () => {
  test.each<[string, (cwd: string) => Promise<void>, string]>([
    ['a FIFO', async (cwd) => void execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]), 'copydesk: pipe.md: is a FIFO (named pipe), not a file\n'],
    ['a device', (cwd) => fs.symlink('/dev/zero', path.join(cwd, 'pipe.md')), 'copydesk: pipe.md: is a device, not a file\n'],
    ['a dangling symlink', (cwd) => fs.symlink('gone.md', path.join(cwd, 'pipe.md')), 'copydesk: pipe.md: is a symbolic link to `gone.md`, which does not exist\n'],
    ['a symlink to itself', (cwd) => fs.symlink('pipe.md', path.join(cwd, 'pipe.md')), 'copydesk: pipe.md: is a symbolic link to itself\n'],
    ['a symlink to /etc/passwd', (cwd) => fs.symlink('/etc/passwd', path.join(cwd, 'pipe.md')), 'copydesk: pipe.md: leads outside the repository, to `/etc/passwd`\n']
  ])('%s', {timeout: 10_000}, async (_name, make, stderr) => {
    const cwd = await repository({'a.md': clean})
    await make(cwd)
    expect(await lint(cwd, ['a.md', 'pipe.md'])).toMatchObject({code: 2, found: ['a.md: '], stderr})
  })

  test('a file outside the repository that the user names is linted', async () => {
    const outside = await makeTree({'wire.md': 'The ferry sailled at dawn.\n'})
    const cwd = await repository({'a.md': clean})
    expect(await lint(cwd, [path.join(outside, 'wire.md')])).toMatchObject({code: 1, found: [`${path.join(outside, 'wire.md')}: sailled`]})
  })

  test("`copydesk '/*.md'` looks in the top folder, not the working folder", async () => {
    const cwd = await repository({'a.md': clean})
    const discovery = await discoverFiles(['/*.md'], cwd)
    expect(discovery.files.every((file) => path.dirname(file) === '/')).toBe(true)
    expect(discovery.files).not.toContain(path.join(cwd, 'a.md'))
  })
})

describe.skipIf(!unix)('--changed passes by a changed name that is not a regular file inside the repository', () => {
  test('a committed notes.txt -> /proc/self/environ is not linted, and no environment word is printed', {timeout: 20_000}, async () => {
    const cwd = await makeTree({'news/port.md': clean})
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], {cwd, stdio: 'ignore'})
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-q', '-m', 'Stories')
    git('checkout', '-q', '-b', 'leak')
    await fs.symlink('/proc/self/environ', path.join(cwd, 'news/notes.txt'))
    await fs.writeFile(path.join(cwd, 'news/ferry.md'), 'The ferry sailled at dawn.\n')
    git('add', '.')
    git('commit', '-q', '-m', 'Leak')
    const run = await lint(cwd, ['--changed', 'main'])
    expect(run.found).toEqual(['news/ferry.md: sailled'])
    expect(run.stderr).toMatch(/^copydesk: news\/notes\.txt: leads outside the repository, to `\/proc\/\d+\/environ`: not linted\n$/)
    expect(run.code).toBe(1)
  })
})

describe('paths whose names start with two dots', () => {
  test.each([
    ['a file named `..old.txt`', '..old.txt', true],
    ['a folder named `..drafts`', path.join('..drafts', 'a.md'), true],
    ['`...`', '...', true],
    ['the folder itself', '', true],
    ['the folder above', '..', false],
    ['a file beside the folder', path.join('..', 'other', 'a.md'), false]
  ])('%s is inside or outside by whole parts of the path', (_name, relative, inside) => {
    const folder = path.resolve('desk')
    expect(isInside(folder, path.join(folder, relative))).toBe(inside)
    expect(relativeInside(folder, path.join(folder, relative))).toBe(inside ? path.normalize(relative).replace(/^\.$/, '') : undefined)
  })

  test('config `ignore` leaves out a story named `..old.txt`', async () => {
    const cwd = await repository({'.copydeskrc.json': '{"ignore": ["..old.txt"]}', '..old.txt': 'The teh cat.\n', 'story.md': 'The teh dog.\n'})
    const run = await runCli(['--format', 'json', '..old.txt', 'story.md'], {cwd})
    expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['story.md'])
    expect(run.code).toBe(1)
  })
})

describe.skipIf(!unix)('files a config names, and config files, are regular files inside the repository', () => {
  test.each<[string, Record<string, string>, (cwd: string) => Promise<void>, string[], string]>([
    ['a .copydeskrc.json -> /dev/zero', {}, (cwd) => fs.symlink('/dev/zero', path.join(cwd, '.copydeskrc.json')), [], 'copydesk: .copydeskrc.json: is a device, not a file\n'],
    ['a .copydeskrc.yml that is a FIFO', {}, async (cwd) => void execFileSync('mkfifo', [path.join(cwd, '.copydeskrc.yml')]), [], 'copydesk: .copydeskrc.yml: is a FIFO (named pipe), not a file\n'],
    ['a .copydeskrc.json -> /etc/passwd', {}, (cwd) => fs.symlink('/etc/passwd', path.join(cwd, '.copydeskrc.json')), [], 'copydesk: .copydeskrc.json: leads outside the repository, to `/etc/passwd`\n'],
    ['wordsFile: /etc/passwd', {'.copydeskrc.json': '{"wordsFile": "/etc/passwd"}'}, async () => {}, [], 'copydesk: .copydeskrc.json: `wordsFile`: word list `/etc/passwd` is outside the repository\n'],
    ['wordsFile: ../../ out of the repository', {'.copydeskrc.json': '{"wordsFile": "../../words.txt"}'}, async () => {}, [], 'copydesk: .copydeskrc.json: `wordsFile`: word list `../../words.txt` is outside the repository\n'],
    ['wordsFile at /dev/zero', {'.copydeskrc.json': '{"wordsFile": "words.txt"}'}, (cwd) => fs.symlink('/dev/zero', path.join(cwd, 'words.txt')), [], 'copydesk: .copydeskrc.json: `wordsFile`: word list `words.txt` is a device, not a file\n'],
    ['houseStyle at /dev/zero', {'.copydeskrc.json': '{"houseStyle": "style.yml"}'}, (cwd) => fs.symlink('/dev/zero', path.join(cwd, 'style.yml')), [], 'copydesk: .copydeskrc.json: `houseStyle`: house-style file `style.yml` is a device, not a file\n'],
    ['houseStyle: /etc/passwd', {'.copydeskrc.json': '{"houseStyle": "/etc/passwd"}'}, async () => {}, [], 'copydesk: .copydeskrc.json: `houseStyle`: house-style file `/etc/passwd` is outside the repository\n'],
    ['.copydesk/words.txt -> /dev/zero', {}, async (cwd) => {
      await fs.mkdir(path.join(cwd, '.copydesk'))
      await fs.symlink('/dev/zero', path.join(cwd, '.copydesk/words.txt'))
    }, [], 'copydesk: .copydesk/words.txt: is a device, not a file\n'],
    ['--config /dev/zero', {}, async () => {}, ['--config', '/dev/zero'], 'copydesk: /dev/zero: is a device, not a file\n'],
    ['--baseline /dev/zero', {}, async () => {}, ['--no-config', '--baseline', '/dev/zero'], 'copydesk: /dev/zero: baseline is a device, not a file\n'],
    ['--names-in a FIFO', {}, async (cwd) => void execFileSync('mkfifo', [path.join(cwd, 'names.json')]), ['--no-config', '--names-in', 'names.json', '--', 'story.md'], 'copydesk: names.json: names index is a FIFO (named pipe), not a file\n'],
    // A folder whose name starts with two dots is inside, and is named as it is, not by its absolute path.
    ['a config that is a FIFO in a folder named `..drafts`', {'..drafts/a.md': clean}, async (cwd) => void execFileSync('mkfifo', [path.join(cwd, '..drafts/.copydeskrc.yml')]), ['..drafts/a.md'], 'copydesk: ..drafts/.copydeskrc.yml: is a FIFO (named pipe), not a file\n']
  ])('%s', {timeout: 10_000}, async (_name, files, make, args, stderr) => {
    const cwd = await repository({'story.md': clean, ...files})
    await make(cwd)
    const run = await runCli([...args, '--format', 'json', ...(args.includes('story.md') ? [] : ['story.md'])], {cwd})
    expect(run.stderr).toBe(stderr)
    expect(run.code).toBe(2)
  })

  test('a config named on the command line may lie outside the repository', async () => {
    const outside = await makeTree({'desk.json': '{"words": ["Zqxwvut"], "wordsFile": "words.txt"}', 'words.txt': 'Krnovice\n'})
    const cwd = await repository({'story.md': 'Zqxwvut and Krnovice spoke.\n'})
    const run = await runCli(['--config', path.join(outside, 'desk.json'), '--format', 'json', 'story.md'], {cwd})
    expect(run.stderr).toBe('')
    expect((JSON.parse(run.stdout) as JsonFile[])[0]?.messages).toEqual([])
  })

  test('a config file above the repository is not the repository\'s', async () => {
    const above = await makeTree({'.copydeskrc.json': '{"wordsFile": "/etc/passwd"}'})
    const cwd = path.join(above, 'repo')
    await fs.mkdir(path.join(cwd, '.git'), {recursive: true})
    await fs.writeFile(path.join(cwd, 'story.md'), clean)
    expect(await lint(cwd, [])).toMatchObject({code: 0, stderr: ''})
    expect((await runCli(['--format', 'json'], {cwd})).stderr).toBe('')
  })
})

/**
 * Whether the checkout can be run by `nobody`: as root, a folder cannot be
 * made unreadable, so the case runs as `nobody`, which needs every folder
 * above the checkout searchable by others (a CI clone under a private home
 * folder is not).
 */
function nobodyCanRun(): boolean {
  if (process.getuid?.() !== 0) return true
  for (let folder = root; ; folder = path.dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return false
    if (path.dirname(folder) === folder) return true
  }
}

describe.skipIf(!unix || typeof process.getuid !== 'function' || !nobodyCanRun())('an unreadable subfolder', () => {
  test('is reported, not skipped silently', {timeout: 30_000}, async () => {
    const cwd = await repository({'news/a.md': clean, 'news/locked/b.md': clean})
    await fs.chmod(cwd, 0o755)
    await fs.chmod(path.join(cwd, 'news/locked'), 0o000)
    // Root reads every folder: run as nobody then, as a newsroom's CI user would be.
    const asNobody = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
    const run = spawnSync(process.execPath, [path.join(root, 'bin/copydesk.js'), '--no-config', 'news'], {
      cwd,
      encoding: 'utf8',
      env: {...process.env, COPYDESK_CACHE_DIR: path.join(os.tmpdir(), 'copydesk-nobody-cache')},
      ...asNobody
    })
    await fs.chmod(path.join(cwd, 'news/locked'), 0o755)
    expect(run.stderr).toBe('copydesk: news/locked: folder cannot be read: permission denied: not linted\n')
    expect(run.status).toBe(0)
  })
})
