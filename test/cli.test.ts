import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, root, runCli} from './helpers.js'

let cwd: string

beforeAll(async () => {
  cwd = await makeTree({
    'clean.txt': 'The mayor opened the new bridge on Friday.\n',
    'slip.txt': 'The mayor opened teh new bridge.\n',
    'jargon.txt': 'Farmers in the valley grew ulluco this year.\n',
    'news/a.md': '# Bridge opens\n\nThe mayor opened teh bridge.\n',
    'news/b.html': '<p>Crowds lined the river.</p>\n',
    'news/notes.json': '{"note": "teh"}\n',
    'news/node_modules/dep/readme.md': 'teh\n',
    'news/drafts/c.md': 'Draft with teh slip.\n',
    'news/build/d.md': 'Built copy with teh slip.\n',
    'news/.copydeskignore': 'drafts/\n',
    '.gitignore': 'build/\n'
  })
})

/**
 * Run the CLI in the test tree and read its JSON report.
 *
 * @param args Arguments before `--format json`.
 * @returns The report's file paths.
 */
async function linted(args: string[]): Promise<string[]> {
  const run = await runCli([...args, '--format', 'json'], {cwd})
  return (JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)
}

describe('exit codes', () => {
  test.each([
    ['clean copy', ['clean.txt'], 0],
    ['an error', ['slip.txt'], 1],
    ['warnings only', ['jargon.txt'], 0],
    ['warnings over --max-warnings', ['jargon.txt', '--max-warnings', '0'], 1],
    ['warnings within --max-warnings', ['jargon.txt', '--max-warnings', '1'], 0],
    ['a missing file', ['missing.txt'], 2],
    ['a missing file next to a clean one', ['clean.txt', 'missing.txt'], 2],
    ['an unknown flag', ['--bogus', 'clean.txt'], 2],
    ['a bad --format', ['--format', 'xml', 'clean.txt'], 2],
    ['a bad --max-warnings', ['--max-warnings', 'many', 'clean.txt'], 2],
    ['a missing --config file', ['--config', 'nope.json', 'clean.txt'], 2],
    ['a glob that matches nothing', ['*.doc'], 2],
    ['paths with --stdin-filename', ['--stdin-filename', 'x.md', 'clean.txt'], 2],
    ['--help', ['--help'], 0],
    ['help', ['help'], 0],
    ['help for a command', ['help', 'words', 'add'], 0],
    ['help for a command copydesk does not have', ['help', 'word'], 2],
    ['--version', ['--version'], 0]
  ])('%s exits %i', async (_name, args, code) => {
    expect((await runCli(args, {cwd})).code).toBe(code)
  })
})

describe('messages', () => {
  test('a missing file gets one line naming it', async () => {
    const run = await runCli(['missing.txt'], {cwd})
    expect(run.stderr).toBe('copydesk: missing.txt: no such file or folder\n')
  })

  test('an unknown flag gets one line, no stack trace', async () => {
    const run = await runCli(['--bogus'], {cwd})
    expect(run.stderr).toBe("copydesk: unknown option '--bogus'\n")
  })

  test('too many warnings are explained', async () => {
    const run = await runCli(['jargon.txt', '--max-warnings', '0'], {cwd})
    expect(run.stderr).toBe('copydesk: 1 warnings, more than --max-warnings 0 allows\n')
  })

  test('the pretty report names the file, place, severity, reason and rule', async () => {
    const run = await runCli(['slip.txt'], {cwd})
    expect(run.stdout).toContain('slip.txt\n')
    expect(run.stdout).toMatch(/1:18-1:21\s+error\s+Unexpected unknown word `teh`, expected for example .*\s+spelling\s+retext-spell/)
    expect(run.stdout).toContain('✖ 1 error')
  })

  test('--quiet reports errors only', async () => {
    const run = await runCli(['--quiet', 'jargon.txt', 'slip.txt'], {cwd})
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('teh')
    expect(run.stdout).not.toContain('ulluco')
  })

  test('--quiet keeps warnings counting towards --max-warnings', async () => {
    const run = await runCli(['--quiet', '--max-warnings', '0', 'jargon.txt'], {cwd})
    expect(run.code).toBe(1)
  })

  test('--version prints the package version', async () => {
    const run = await runCli(['--version'], {cwd})
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  test('copydesk help prints the help --help prints', async () => {
    const [help, flag] = await Promise.all([runCli(['help'], {cwd}), runCli(['--help'], {cwd})])
    expect(help.stdout).toContain('Usage: copydesk [options] [command] [paths...]')
    expect(help.stdout).toBe(flag.stdout)
    expect(help.stderr).toBe('')
  })

  test('copydesk help COMMAND prints the help of that command, however deep', async () => {
    const run = await runCli(['help', 'words', 'add'], {cwd})
    expect(run.stdout).toContain('Usage: copydesk words add [options] [words...]')
    expect(run.stdout).toBe((await runCli(['words', 'add', '--help'], {cwd})).stdout)
  })

  test('copydesk help for a command it does not have is one line', async () => {
    const run = await runCli(['help', 'word', 'add'], {cwd})
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('copydesk: no such command: `word add` (see `copydesk help`)\n')
  })

  test('copydesk help in a folder with a file named help prints the help and says how to lint the file', async () => {
    const folder = await makeTree({help: 'The mayor opened teh bridge.\n'})
    const run = await runCli(['help'], {cwd: folder})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: copydesk')
    expect(run.stderr).toBe('copydesk: to lint the file named help, write ./help\n')
  })

  test('--help lists every flag', async () => {
    const run = await runCli(['--help'], {cwd})
    for (const flag of ['--stdin-filename', '--format', '--quiet', '--max-warnings', '--config', '--no-config', '--version']) {
      expect(run.stdout).toContain(flag)
    }
  })
})

describe('finding files', () => {
  test('a folder is walked for text, Markdown and HTML, honouring ignore files', async () => {
    expect(await linted(['news'])).toEqual(['news/a.md', 'news/b.html'])
  })

  test('no argument lints the current folder', async () => {
    expect(await linted([])).toEqual(['clean.txt', 'jargon.txt', 'news/a.md', 'news/b.html', 'slip.txt'])
  })

  test('globs are expanded', async () => {
    expect(await linted(['news/*.md', '*.txt'])).toEqual(['news/a.md', 'clean.txt', 'jargon.txt', 'slip.txt'])
  })

  test('a run mixing clean files and files with errors reports every file', async () => {
    // unified-engine once waited forever when a clean file finished before one with errors.
    const args = ['news/b.html', 'slip.txt', 'clean.txt', 'news/a.md', 'jargon.txt']
    expect(await linted(args)).toEqual(args)
  })

  test('files are reported in input order, once each', async () => {
    expect(await linted(['slip.txt', 'clean.txt', 'slip.txt'])).toEqual(['slip.txt', 'clean.txt'])
  })

  test('a named file that an ignore file excludes is skipped with a note', async () => {
    const run = await runCli(['news/drafts/c.md', 'clean.txt'], {cwd})
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('copydesk: news/drafts/c.md: skipped, ignored by .gitignore or .copydeskignore\n')
  })

  test('node_modules is never read, even when named', async () => {
    expect(await linted(['news/node_modules/dep/readme.md'])).toEqual([])
  })
})

describe('standard input', () => {
  test('is linted under the name from --stdin-filename, which also picks the format', async () => {
    const run = await runCli(['--stdin-filename', 'piped.md', '--format', 'json'], {
      cwd,
      stdin: '# Bridge\n\nThe mayor opened teh bridge. `teh` in code is fine.\n'
    })
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    expect(file?.path).toBe('piped.md')
    expect(file?.messages.map((message) => [message.line, message.column, message.actual])).toEqual([
      [3, 18, 'teh']
    ])
  })
})

describe('the installed command', () => {
  test('runs from bin/ and exits 1 on an error', async () => {
    const bin = path.join(root, 'bin', 'copydesk.js')
    const error = await promisify(execFile)(process.execPath, [bin, 'slip.txt'], {cwd}).catch(
      (error: {code: number; stdout: string}) => error
    )
    expect('code' in error ? error.code : 0).toBe(1)
    expect(error.stdout).toContain('teh')
  })
})
