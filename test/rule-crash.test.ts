import os from 'node:os'
import {describe, expect, test, vi} from 'vitest'
import lintTask from '../src/threads/lint-worker.js'
import {toInputFile} from '../src/files/read-input.js'
import {fromPlainProblem, toPlainInput} from '../src/threads/transfer.js'
import {findings, lintInMemory, makeTree, runCli} from './helpers.js'

// A rule with a bug that shows on one story only: it throws on any story
// that mentions Crashville, after reporting a word, as a rule half done would.
// Registered like any rule, first, so that the rules after it still have to run.
vi.mock('../rules/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../rules/index.js')>()
  const {defineRule} = await import('../src/define-rule.js')
  const crashing = defineRule({id: 'crashing', description: 'Throws on Crashville.'}, () =>
    function (_tree, file) {
      if (!String(file.value).includes('Crashville')) return
      file.message('Unexpected `Crashville`, half done', {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}})
      throw new TypeError("Cannot read properties of undefined (reading 'text')\n    at somewhere")
    }
  )
  return {...original, rules: [crashing, ...original.rules]}
})

const broken = 'Crashville council met on Tuesday. The budgett rose.\n'
const sound = 'Talks in Jiangsu opened. The Jiangshu team left.\n'

describe('a rule that crashes on one file', () => {
  test('is a problem naming the rule and the file; the other files are still linted and reported', async () => {
    const cwd = await makeTree({'a.md': sound, 'crash.md': broken, 'z.txt': sound})
    const run = await runCli(['--no-config', '--jobs', '1', 'a.md', 'crash.md', 'z.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      "copydesk: crash.md: rule `crashing` failed: Cannot read properties of undefined (reading 'text')\n"
    )
    expect(run.stdout).toMatch(/^a\.md\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
    expect(run.stdout).toMatch(/^crash\.md\n1:1-1:11 +warning +Unexpected unknown word `Crashville`/m)
    expect(run.stdout).toMatch(/^z\.txt\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
  })

  test('costs only its own findings: the other rules still report on that file', async () => {
    const file = toInputFile('crash.md', broken, os.tmpdir())
    const result = await lintInMemory([file], {cwd: os.tmpdir(), noConfig: true})
    expect(result.problems.map((problem) => problem.toLine())).toEqual([
      "crash.md: rule `crashing` failed: Cannot read properties of undefined (reading 'text')"
    ])
    expect(result.files).toEqual([file])
    // The half-done finding of the rule that crashed is taken back; spelling's stand.
    expect(findings(file)).toEqual(['1:1-1:11 warning Crashville', '1:40-1:47 error budgett'])
    expect(file.messages.map((message) => message.ruleId)).toEqual(['spelling', 'spelling'])
  })

  test('shows the stack with COPYDESK_DEBUG=1', async () => {
    const cwd = await makeTree({'crash.md': broken})
    const run = await runCli(['--no-config', 'crash.md'], {cwd, env: {COPYDESK_DEBUG: '1'}})
    expect(run.stderr).toMatch(/^copydesk: crash\.md: rule `crashing` failed: .*\nTypeError: Cannot read properties/)
  })

  test('is the same problem when a worker thread lints the file', async () => {
    // A worker runs `lintTask` on its batch: here in this thread, so that it sees the crashing rule.
    const files = [toInputFile('a.md', sound, os.tmpdir()), toInputFile('crash.md', broken, os.tmpdir())]
    const result = await lintTask({files: files.map(toPlainInput), options: {cwd: os.tmpdir(), noConfig: true}})
    if (!('outcomes' in result)) throw new Error('the batch failed as a whole')
    expect(result.outcomes.map((outcome) => outcome.reported)).toEqual([true, true])
    expect(result.outcomes.map((outcome) => outcome.problems.map((problem) => fromPlainProblem(problem).toLine()))).toEqual([
      [],
      ["crash.md: rule `crashing` failed: Cannot read properties of undefined (reading 'text')"]
    ])
  })
})
