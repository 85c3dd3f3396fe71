import {execFile, execFileSync} from 'node:child_process'
import {promisify} from 'node:util'
import {describe, expect, test} from 'vitest'
import {makeTree, root} from './helpers.js'

const run = promisify(execFile)

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
  const cwd = await makeTree({'story.md': story})
  execFileSync('git', ['init', '-q'], {cwd})
  execFileSync('git', ['add', 'story.md'], {cwd})
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
