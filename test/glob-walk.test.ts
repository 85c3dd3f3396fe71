import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {discoverFiles} from '../src/files/discover.js'
import {expandBraces} from '../src/files/glob-walk.js'

/**
 * Make a folder of empty files.
 *
 * @param files Paths relative to it.
 * @returns Its path.
 */
async function tree(files: readonly string[]): Promise<string> {
  const cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-glob-'))
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(cwd, file)), {recursive: true})
    await fs.writeFile(path.join(cwd, file), 'A story.\n')
  }
  return cwd
}

const files = [
  'news/a.md',
  'news/b.txt',
  'news/Caps.md',
  'news/sub/c.md',
  'news/sub/deep/d.md',
  'news/.hidden.md',
  '.drafts/e.md',
  'x/news/f.md',
  'node_modules/pkg/g.md',
  'news/node_modules/h.md'
]

describe('command-line globs', () => {
  test.each<[string, string[]]>([
    ['news/*.md', ['news/Caps.md', 'news/a.md']],
    ['news/**/*.md', ['news/Caps.md', 'news/a.md', 'news/sub/c.md', 'news/sub/deep/d.md']],
    ['**/*.md', ['news/Caps.md', 'news/a.md', 'news/sub/c.md', 'news/sub/deep/d.md', 'x/news/f.md']],
    ['**/news/*.md', ['news/Caps.md', 'news/a.md', 'x/news/f.md']],
    ['news/*.{md,txt}', ['news/Caps.md', 'news/a.md', 'news/b.txt']],
    ['{news,x/news}/?.md', ['news/a.md', 'x/news/f.md']],
    ['news/[a-b].*', ['news/a.md', 'news/b.txt']],
    ['news/[!a]*.md', ['news/Caps.md']],
    ['news/c*.md', []],
    ['news/sub/{a..c}.md', ['news/sub/c.md']],
    ['news/**', ['news/Caps.md', 'news/a.md', 'news/b.txt', 'news/sub/c.md', 'news/sub/deep/d.md']],
    ['news/.*.md', ['news/.hidden.md']],
    ['.drafts/*.md', ['.drafts/e.md']],
    ['*/*.md', ['news/Caps.md', 'news/a.md']],
    ['news/a**.md', ['news/a.md']]
  ])('%s', async (pattern, expected) => {
    const cwd = await tree(files)
    expect((await discoverFiles([pattern], cwd)).files).toEqual(expected)
  })

  test('a glob up and out of the working directory keeps its `..`', async () => {
    const cwd = await tree(files)
    expect((await discoverFiles(['../news/*.md'], path.join(cwd, 'x'))).files).toEqual(['../news/Caps.md', '../news/a.md'])
  })

  test('an absolute glob gives absolute paths', async () => {
    const cwd = await tree(files)
    expect((await discoverFiles([path.join(cwd, 'news/sub/*.md')], os.tmpdir())).files).toEqual([path.join(cwd, 'news/sub/c.md')])
  })

  test('braces standing for too many globs are a problem with that input', async () => {
    const cwd = await tree(files)
    const pattern = '{a,b}'.repeat(11) + '.md'
    const discovery = await discoverFiles([pattern, 'news/a.md'], cwd)
    expect(discovery.problems.map((problem) => problem.toLine())).toEqual([pattern + ': too many alternatives in braces (more than 1000)'])
    expect(discovery.files).toEqual(['news/a.md'])
  })

  test.each<[string, string[]]>([
    ['a{b,c}d', ['abd', 'acd']],
    ['{a,b{c,d}}', ['a', 'bc', 'bd']],
    ['{x}', ['{x}']],
    ['\\{a,b}', ['\\{a,b}']],
    ['{3..1}', ['3', '2', '1']]
  ])('braces: %s', (pattern, expected) => {
    expect(expandBraces(pattern)).toEqual(expected)
  })
})

describe('adversarial globs finish', () => {
  // A regex-based glob (picomatch) backtracks exponentially on these; the bound is the test's timeout.
  test.each<[string, string, string]>([
    ['thirty stars in one name', Array.from({length: 30}, () => '*a').join('') + 'b', 'a'.repeat(120) + '.txt'],
    ['`**/` then a name of many stars', '**/' + Array.from({length: 25}, () => 'a*').join('') + 'z', 'q/' + 'a'.repeat(120) + '.txt'],
    ['`?*` thirty times', Array.from({length: 30}, () => '?*').join('') + 'z', 'q'.repeat(120) + '.txt'],
    ['`**/a/` twenty deep against a path sixty deep', Array.from({length: 20}, () => '**/a').join('/') + '/b.md', Array.from({length: 60}, () => 'a').join('/') + '/c.md']
  ])('%s', {timeout: 10_000}, async (_name, pattern, file) => {
    const cwd = await tree([file])
    expect((await discoverFiles([pattern], cwd)).files).toEqual([])
  })
})
