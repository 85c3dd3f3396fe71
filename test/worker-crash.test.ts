import {execFile} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {describe, expect, test} from 'vitest'
import {makeTree} from './helpers.js'

// A real worker thread hitting a failure outside the rules. vi.mock does
// not reach a worker, so the built CLI runs in a child process with module
// hooks preloaded (`node --import`, which worker threads inherit) that make
// the built Markdown parser throw on a story mentioning Parsetown, in a
// worker thread only (see worker-crash/).
const folder = fileURLToPath(new URL('worker-crash/', import.meta.url))

/**
 * Run the built CLI with the hooks, and say what it printed and returned.
 *
 * @param args Arguments.
 * @param cwd Working directory.
 * @param env Extra environment.
 * @returns Exit code and output.
 */
async function runHooked(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
  const command = [`--import=${path.join(folder, 'register.mjs')}`, path.join(folder, 'cli.mjs'), ...args]
  return promisify(execFile)(process.execPath, command, {cwd, env: {...process.env, ...env}}).then(
    ({stdout, stderr}) => ({code: 0, stdout, stderr}),
    (error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr})
  )
}

const sound = 'Talks in Jiangsu opened. The Jiangshu team left.\n'

describe('a parser that crashes in a worker thread', () => {
  // Batches go by folder, and a worker takes the first: `a/` is linted on the worker, `b/` on the main thread.
  const tree = {'a/crash.md': 'Parsetown held a vote.\n', 'b/one.md': sound, 'b/two.md': sound}

  test('is one line naming the file and the stage, exit 2; the other files are still reported', async () => {
    const run = await runHooked(['--no-config', '--jobs', '2', 'a', 'b'], await makeTree(tree))
    expect(run.stderr).toBe(`copydesk: ${path.join('a', 'crash.md')}: parsing failed: Invalid array length\n`)
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^b\/one\.md\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
    expect(run.stdout).toMatch(/^b\/two\.md\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
  })

  test('with COPYDESK_DEBUG=1, shows the stack from the worker', async () => {
    const run = await runHooked(['--no-config', '--jobs', '2', 'a', 'b'], await makeTree(tree), {COPYDESK_DEBUG: '1'})
    expect(run.stderr).toMatch(/^copydesk: a\/crash\.md: parsing failed: Invalid array length\nRangeError: Invalid array length\n +at parseMarkdown /)
  })

  test('is not hit in the main thread: the hooks change nothing else', async () => {
    const run = await runHooked(['--no-config', '--jobs', '1', 'a', 'b'], await makeTree(tree))
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^a\/crash\.md\n1:1-1:10 +info +Unexpected unknown name `Parsetown`/m)
  })
})
