import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import {printable} from '../src/report/printable.js'
import {makeTree, runCli} from './helpers.js'

// File names come from whoever can open a pull request: what copydesk
// prints of them is shown, never obeyed by the terminal, never rendered as
// Markdown, and never crashes a reporter.

/** A story with one error. */
const slip = 'The ferry sailled at dawn.\n'

/** A name that retitles a terminal window (OSC 2) and turns text red (SGR 31). */
const hostileName = '\u001B]2;owned\u0007\u001B[31mstory.md'

const unix = process.platform !== 'win32'

describe.skipIf(!unix)('terminal escape sequences in file names', () => {
  test('are escaped in the pretty report', async () => {
    const cwd = await makeTree({[hostileName]: slip})
    const run = await runCli(['--no-config', hostileName], {cwd})
    expect(run.stdout.split('\n')[0]).toBe('\\x1B]2;owned\\x07\\x1B[31mstory.md')
    expect(run.stdout).not.toContain('\u001B')
    expect(run.code).toBe(1)
  })

  test('are escaped in a note on standard error', async () => {
    const cwd = await makeTree({'news/a.md': 'The mayor spoke.\n'})
    await fs.symlink('gone.md', path.join(cwd, 'news', hostileName))
    const run = await runCli(['--no-config', 'news'], {cwd})
    expect(run.stderr).toBe('copydesk: news/\\x1B]2;owned\\x07\\x1B[31mstory.md: is a symbolic link to `gone.md`, which does not exist: not linted\n')
  })

  test('are escaped in a problem on standard error', async () => {
    const cwd = await makeTree({'a.md': 'The mayor spoke.\n'})
    const run = await runCli(['--no-config', 'a.md', '\u001B]0;x\u0007gone.md'], {cwd})
    expect(run.stderr).toBe('copydesk: \\x1B]0;x\\x07gone.md: no such file or folder\n')
    expect(run.code).toBe(2)
  })

  test('a right-to-left override cannot show a name reversed', () => {
    expect(printable('invoice\u202Edm.txt')).toBe('invoice\\u202Edm.txt')
    expect(printable('Zürich café.md')).toBe('Zürich café.md')
  })
})

describe.skipIf(!unix)('file names in the GitHub step summary', () => {
  test('[x](https:/…) is a code span, never a link', async () => {
    const name = '[x](https:/example.com)/story.md'
    const cwd = await makeTree({[name]: slip, '<img src=x onerror=alert(1)>.md': slip})
    const summary = path.join(cwd, 'summary.md')
    await runCli(['--no-config', '--format', 'github', '.'], {cwd, env: {GITHUB_STEP_SUMMARY: summary}})
    const markdown = await fs.readFile(summary, 'utf8')
    expect(markdown).toContain('| `[x](https:/example.com)/story.md` | 1 | 0 | 0 |')
    expect(markdown).toContain('| `<img src=x onerror=alert(1)>.md` | 1 | 0 | 0 |')
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
    const kinds: string[] = []
    visit(tree, (node) => void kinds.push(node.type))
    expect(kinds).not.toContain('link')
    expect(kinds).not.toContain('html')
    expect(kinds).toContain('inlineCode')
  })
})

describe('a lone surrogate in a names index', () => {
  /** Two indexes whose stories spell a name two ways, one story's path holding a lone surrogate. */
  async function indexes(): Promise<string> {
    const cwd = await makeTree({
      'news/talks.md': '# Port talks\n\nMarta Kowalczyk, the harbour master, said talks would resume.\nKowalczyk added that the unions had not replied.\n',
      'news/ferry.md': '# Ferry timetable\n\nThe timetable was signed by Marta Kowalczyk on Friday.\n',
      'news/strike.md': '# Strike ends\n\nDockers went back to work after Marta Kowalczik met them.\n'
    })
    await runCli(['--no-config', '--names-out', 'talks.json', 'news/talks.md', 'news/ferry.md'], {cwd})
    await runCli(['--no-config', '--names-out', 'strike.json', 'news/strike.md'], {cwd})
    const strike = await fs.readFile(path.join(cwd, 'strike.json'), 'utf8')
    expect(strike).toContain('"news/strike.md"')
    // `\ud800` is valid JSON, and reads as half a surrogate pair.
    await fs.writeFile(path.join(cwd, 'strike.json'), strike.replace('"news/strike.md"', '"news/str\\ud800ike.md"'))
    await fs.rm(path.join(cwd, 'news'), {recursive: true})
    return cwd
  }

  test('does not crash SARIF ("URI malformed")', async () => {
    const cwd = await indexes()
    const run = await runCli(['--no-config', '--format', 'sarif', '--names-in', 'talks.json', 'strike.json'], {cwd})
    expect(run.stderr).toBe('')
    const sarif = JSON.parse(run.stdout) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(sarif.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual(['news/str%EF%BF%BDike.md'])
  })

  test('does not crash the names HTML report', async () => {
    const cwd = await indexes()
    const run = await runCli(['names', '--no-config', '--format', 'html', '--names-in', 'talks.json', 'strike.json'], {cwd})
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('href="news/str%EF%BF%BDike.md#L3"')
  })
})
