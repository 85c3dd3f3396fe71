import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {discoverFiles} from '../src/files/discover.js'
import {GitIgnore} from '../src/files/gitignore.js'
import {IgnoreFiles} from '../src/files/ignore-files.js'

/**
 * Make a git repository holding the given paths (a trailing `/` makes a
 * folder, anything else an empty file) and ignore files.
 *
 * @param paths Paths to create.
 * @param ignoreFiles Ignore-file text by path.
 * @returns The repository's folder.
 */
async function repo(paths: readonly string[], ignoreFiles: Record<string, string>): Promise<string> {
  const cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-gitignore-'))
  spawnSync('git', ['init', '-q'], {cwd})
  for (const file of paths) {
    const absolute = path.join(cwd, file)
    if (file.endsWith('/')) await fs.mkdir(absolute, {recursive: true})
    else {
      await fs.mkdir(path.dirname(absolute), {recursive: true})
      await fs.writeFile(absolute, '')
    }
  }
  for (const [file, text] of Object.entries(ignoreFiles)) {
    await fs.mkdir(path.dirname(path.join(cwd, file)), {recursive: true})
    await fs.writeFile(path.join(cwd, file), text)
  }
  return cwd
}

/**
 * The paths git itself says are ignored (`git check-ignore`, case-sensitive).
 *
 * @param cwd Repository.
 * @param paths Paths to ask about, a trailing `/` marking folders.
 * @returns The ignored ones, in the order given.
 */
function gitIgnored(cwd: string, paths: readonly string[]): string[] {
  const asked = paths.map((file) => file.replace(/\/$/, ''))
  const run = spawnSync('git', ['-c', 'core.ignorecase=false', 'check-ignore', '-z', '--stdin'], {
    cwd,
    input: asked.join('\0') + '\0',
    encoding: 'utf8'
  })
  const ignored = new Set(run.stdout.split('\0'))
  return paths.filter((file) => ignored.has(file.replace(/\/$/, '')))
}

describe('gitignore patterns match as git matches them', () => {
  // [case, .gitignore text, paths (folders end in `/`), the ones ignored]
  test.each<[string, string, string[], string[]]>([
    ['a name matches at any depth', '*.tmp\n', ['a.tmp', 'x/b.tmp', 'x/y/c.tmp', 'a.tmp.md'], ['a.tmp', 'x/b.tmp', 'x/y/c.tmp']],
    ['a trailing slash matches folders only', 'build/\n', ['build/', 'build/a.md', 'x/build/', 'x/build/b.md', 'y/build'], ['build/', 'build/a.md', 'x/build/', 'x/build/b.md']],
    ['a leading slash anchors', '/top.md\n', ['top.md', 'sub/top.md'], ['top.md']],
    ['a middle slash anchors', 'docs/*.md\n', ['docs/a.md', 'docs/sub/b.md', 'x/docs/c.md'], ['docs/a.md']],
    ['a leading `**/` matches in any folder', '**/drafts\n', ['drafts/a.md', 'x/y/drafts/b.md', 'x/drafts2/c.md'], ['drafts/a.md', 'x/y/drafts/b.md']],
    ['a trailing `/**` matches inside, not the folder', 'archive/**\n!archive/keep.md\n', ['archive/', 'archive/a.md', 'archive/keep.md', 'archive/x/b.md'], ['archive/a.md', 'archive/x/b.md']],
    ['`/**/` matches no folder or many', 'a/**/b.md\n', ['a/b.md', 'a/x/b.md', 'a/x/y/b.md', 'x/a/b.md'], ['a/b.md', 'a/x/b.md', 'a/x/y/b.md']],
    // gitignore(5) calls these ordinary stars, but git's wildmatch lets them run across slashes.
    ['`**` beside other characters', 'a**b.md\nc/d**/e.md\n', ['axb.md', 'ab.md', 'x/ayyb.md', 'c/d/e.md', 'c/dz/e.md', 'c/dz/q/e.md', 'c/x/e.md'], ['axb.md', 'ab.md', 'x/ayyb.md', 'c/d/e.md', 'c/dz/e.md', 'c/dz/q/e.md']],
    ['the last match wins', '*.md\n!keep*.md\nkeep-not.md\n', ['a.md', 'keep.md', 'keep-not.md'], ['a.md', 'keep-not.md']],
    ['nothing inside an excluded folder comes back', 'drafts/\n!drafts/keep.md\n', ['drafts/a.md', 'drafts/keep.md'], ['drafts/a.md', 'drafts/keep.md']],
    ['what a star excludes can come back', 'drafts/*\n!drafts/keep.md\n', ['drafts/a.md', 'drafts/keep.md'], ['drafts/a.md']],
    ['escapes', '\\#hash.md\n\\!bang.md\n\\*star.md\n# comment.md\n', ['#hash.md', '!bang.md', '*star.md', 'xstar.md', 'comment.md', '# comment.md'], ['#hash.md', '!bang.md', '*star.md']],
    ['trailing spaces', 'trail.md   \nspace.md\\ \n', ['trail.md', 'space.md', 'space.md '], ['trail.md', 'space.md ']],
    ['classes', '[ab].md\n[!a-c]x.md\n[[:digit:]]9.md\n[]]r.md\n', ['a.md', 'c.md', 'ax.md', 'dx.md', '19.md', 'x9.md', ']r.md'], ['a.md', 'dx.md', '19.md', ']r.md']],
    ['`?` takes one character, never a slash', '?.md\nx/q?r.txt\n', ['a.md', 'ab.md', 'x/q/r.txt', 'x/qxr.txt'], ['a.md', 'x/qxr.txt']],
    ['an unclosed class matches nothing', '[abc\n', ['[abc', 'a'], []],
    ['stars match leading dots', '*\n!*/\n!*.md\n', ['.env', 'a.md', '.hidden.md', 'notes.txt', 'sub/', 'sub/x.txt'], ['.env', 'notes.txt', 'sub/x.txt']],
    ['case counts', 'README.MD\n', ['README.MD', 'readme.md'], ['README.MD']],
    ['CRLF line ends', 'a.md\r\nb.md\r\n', ['a.md', 'b.md', 'c.md'], ['a.md', 'b.md']]
  ])('%s', async (_name, text, paths, expected) => {
    const cwd = await repo(paths, {'.gitignore': text})
    const rules = new GitIgnore().add(text)
    expect(paths.filter((file) => rules.ignores(file))).toEqual(expected)
    expect(gitIgnored(cwd, paths)).toEqual(expected)
  })

  test.each<[string, Record<string, string>, string[], string[]]>([
    ['a deeper file re-includes', {'.gitignore': '*.md\n', 'news/.gitignore': '!keep.md\n'}, ['a.md', 'news/keep.md', 'news/b.md'], ['a.md', 'news/b.md']],
    ['a deeper file excludes', {'.gitignore': '!*.md\n', 'news/.gitignore': 'b.md\n/c.md\n'}, ['b.md', 'c.md', 'news/b.md', 'news/c.md', 'news/x/c.md'], ['news/b.md', 'news/c.md']],
    ['a deeper file cannot re-include inside an excluded folder', {'.gitignore': 'news/\n', 'news/.gitignore': '!keep.md\n'}, ['news/keep.md'], ['news/keep.md']]
  ])('ignore files in nested folders: %s', async (_name, files, paths, expected) => {
    const cwd = await repo(paths, files)
    const ignoreFiles = new IgnoreFiles(cwd)
    expect(paths.filter((file) => ignoreFiles.ignores(path.join(cwd, file), file.endsWith('/')))).toEqual(expected)
    expect(gitIgnored(cwd, paths)).toEqual(expected)
  })
})

describe('adversarial patterns finish', () => {
  // Regex-based matchers backtrack exponentially on these; the bound is the test's timeout.
  const deep = Array.from({length: 100}, () => 'a').join('/')
  // [case, pattern, a path it misses, a path it matches]
  test.each<[string, string, string, string]>([
    ['`**/a/` twenty deep against a path a hundred deep', Array.from({length: 20}, () => '**/a').join('/') + '/b', deep, deep + '/b'],
    ['thirty stars in one name', Array.from({length: 30}, () => '*a').join('') + 'b', 'a'.repeat(200), 'a'.repeat(200) + 'b'],
    ['`**/` then a name of many stars', '**/' + Array.from({length: 25}, () => 'a*').join('') + 'z', 'x/' + 'a'.repeat(300), 'x/' + 'a'.repeat(300) + 'z'],
    ['`?*` thirty times', Array.from({length: 30}, () => '?*').join('') + 'z', 'q'.repeat(300), 'q'.repeat(300) + 'z']
  ])('%s', {timeout: 10_000}, (_name, pattern, missed, matched) => {
    const rules = new GitIgnore().add(pattern)
    expect(rules.ignores(missed)).toBe(false)
    expect(rules.ignores(matched)).toBe(true)
  })
})

describe('an adversarial .gitignore in a real run', () => {
  test('`**/a/` twenty deep, with a story a hundred folders deep', {timeout: 20_000}, async () => {
    const deep = Array.from({length: 100}, () => 'a').join('/')
    const cwd = await repo([deep + '/story.md', deep + '/b'], {
      '.gitignore': Array.from({length: 20}, () => '**/a').join('/') + '/b\n' + Array.from({length: 30}, () => '*a').join('') + 'x\n'
    })
    expect((await discoverFiles(['.'], cwd)).files).toEqual([deep + '/story.md'])
    expect((await discoverFiles([deep + '/b'], cwd)).ignored).toEqual([deep + '/b'])
  })
})
