import {execFile, execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, test} from 'vitest'
import {makeTree, root} from './helpers.js'

const run = promisify(execFile)

/** The package.json of a static site, as an Eleventy newsroom keeps one: copydesk is not in it. */
const sitePackage = JSON.stringify({name: 'newsroom-site', private: true, scripts: {build: 'eleventy'}, devDependencies: {'@11ty/eleventy': '^3.0.0'}}) + '\n'

/** Whether the pre-commit framework is installed (CI installs it: see `.ci/run`). */
function hasPreCommit(): boolean {
  try {
    execFileSync('pre-commit', ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

/**
 * Run the hook the way a newsroom would try it: `pre-commit try-repo` on
 * this repository, in a git repository holding one story.
 *
 * @param story The story.
 * @returns Exit code and output.
 */
async function tryRepo(story: string): Promise<{code: number; output: string}> {
  // A site with a package.json of its own that does not list copydesk: pre-commit installs it apart.
  const cwd = await makeTree({'story.md': story, 'package.json': sitePackage})
  execFileSync('git', ['init', '-q'], {cwd})
  execFileSync('git', ['add', 'story.md', 'package.json'], {cwd})
  try {
    const {stdout} = await run('pre-commit', ['try-repo', root, 'copydesk', '--files', 'story.md'], {cwd, timeout: 300_000})
    return {code: 0, output: stdout}
  } catch (error) {
    const failed = error as {code?: number; stdout?: string}
    return {code: typeof failed.code === 'number' ? failed.code : -1, output: failed.stdout ?? ''}
  }
}

describe.skipIf(!hasPreCommit())('the pre-commit hook, installed by pre-commit itself', () => {
  test('fails a commit with a misspelt name and says where', {timeout: 300_000}, async () => {
    const {code, output} = await tryRepo('Talks in Jiangsu opened.\nThe Jiangshu team left.\n')
    expect(code).toBe(1)
    expect(output).toContain('copydesk.....')
    expect(output).toContain('2:5-2:13')
    expect(output).toContain('Unexpected `Jiangshu`, expected `Jiangsu`')
  })

  test('passes clean copy', {timeout: 300_000}, async () => {
    const {code, output} = await tryRepo('Talks in Jiangsu opened.\nThe Jiangsu team left.\n')
    expect(output).toMatch(/copydesk\.+Passed/)
    expect(code).toBe(0)
  })
})

/**
 * The plain git hook exactly as the README gives it.
 *
 * @returns The hook script.
 */
async function readmeHook(): Promise<string> {
  const readme = await fs.readFile(path.join(root, 'README.md'), 'utf8')
  const script = /cat > \.git\/hooks\/pre-commit <<'EOF'\n([\s\S]*?\n)EOF\n/.exec(readme)?.[1]
  if (!script) throw new Error('README.md: the plain git hook recipe is missing')
  return script
}

/**
 * Write a command named copydesk that runs this checkout's build.
 *
 * @param folder Where to put it.
 */
async function copydeskCommand(folder: string): Promise<void> {
  const command = path.join(folder, 'copydesk')
  await fs.mkdir(folder, {recursive: true})
  await fs.writeFile(command, `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'bin/copydesk.js')}" "$@"\n`, {mode: 0o755})
}

/**
 * Commit a story in a site repository with the README's plain git hook.
 *
 * @param story The story.
 * @param copydesk Where copydesk is: in the repository's node_modules, on PATH, or nowhere.
 * @returns Exit code of `git commit` and what it printed.
 */
async function commitWithHook(story: string, copydesk: 'repository' | 'path' | 'nowhere'): Promise<{code: number; output: string}> {
  const cwd = await makeTree({'story.md': story, 'package.json': sitePackage})
  const onPath = path.join(cwd, '..', path.basename(cwd) + '-bin')
  if (copydesk === 'repository') await copydeskCommand(path.join(cwd, 'node_modules/.bin'))
  if (copydesk === 'path') await copydeskCommand(onPath)
  execFileSync('git', ['init', '-q'], {cwd})
  await fs.writeFile(path.join(cwd, '.git/hooks/pre-commit'), await readmeHook(), {mode: 0o755})
  execFileSync('git', ['add', 'story.md', 'package.json'], {cwd})
  // Only the system's folders besides: a copydesk of the machine's own must not stand in.
  const env = {...process.env, PATH: [...(copydesk === 'path' ? [onPath] : []), '/usr/bin', '/bin'].join(':')}
  const git = ['-c', 'user.name=Desk', '-c', 'user.email=desk@news.example', '-c', 'core.hooksPath=.git/hooks']
  try {
    const {stdout, stderr} = await run('git', [...git, 'commit', '-q', '-m', 'Story'], {cwd, env, timeout: 60_000})
    return {code: 0, output: stdout + stderr}
  } catch (error) {
    const failed = error as {code?: number; stdout?: string; stderr?: string}
    return {code: typeof failed.code === 'number' ? failed.code : -1, output: (failed.stdout ?? '') + (failed.stderr ?? '')}
  }
}

describe('the plain git hook, as the README gives it, in a site whose package.json lacks copydesk', () => {
  test.each(['path', 'repository'] as const)('stops a commit with a misspelt name (copydesk in the %s)', {timeout: 60_000}, async (where) => {
    const {code, output} = await commitWithHook('Talks in Jiangsu opened.\nThe Jiangshu team left.\n', where)
    expect(code).toBe(1)
    expect(output).toContain('story.md')
    expect(output).toContain('Unexpected `Jiangshu`, expected `Jiangsu`')
  })

  test('lets clean copy through', {timeout: 60_000}, async () => {
    const {code} = await commitWithHook('Talks in Jiangsu opened.\nThe Jiangsu team left.\n', 'path')
    expect(code).toBe(0)
  })

  test('stops the commit and says so when copydesk is not installed at all', {timeout: 60_000}, async () => {
    const {code, output} = await commitWithHook('Talks in Jiangsu opened.\n', 'nowhere')
    expect(code).toBe(1)
    expect(output).toContain('pre-commit: copydesk is not installed')
  })
})
