import os from 'node:os'
import {toString} from 'nlcst-to-string'
import {describe, expect, test, vi} from 'vitest'
import lintTask from '../src/threads/lint-worker.js'
import {toInputFile} from '../src/files/read-input.js'
import {fromPlainProblem, toPlainInput} from '../src/threads/transfer.js'
import {findings, lintInMemory, makeTree, runCli} from './helpers.js'

// Bugs outside the rules, each showing on one story only: each stage below
// throws on a story with its own trigger word, and works on any other.

vi.mock('../src/parse/markdown.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/parse/markdown.js')>()
  return {
    ...original,
    parseMarkdown(...parameters: Parameters<typeof original.parseMarkdown>) {
      if (parameters[0].includes('Parsetown')) throw new RangeError('Invalid array length\n    at somewhere')
      return original.parseMarkdown(...parameters)
    }
  }
})

// A parser extension, registered as restore-non-urls registers its own: it runs while the story is parsed.
vi.mock('../src/parse/restore-non-urls.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/parse/restore-non-urls.js')>()
  return {
    default(this: import('unified').Processor) {
      original.default.call(this)
      this.data('nlcstSentenceExtensions')?.push(function (sentence) {
        if (toString(sentence).includes('Extendale')) throw new TypeError('sentence.children is not iterable')
      })
    }
  }
})

vi.mock('../src/parse/mark-sic.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/parse/mark-sic.js')>()
  return {
    default() {
      const transform = original.default()
      return function (tree: import('nlcst').Root) {
        if (toString(tree).includes('Sicford')) throw new TypeError("Cannot read properties of null (reading 'value')")
        transform(tree)
      }
    }
  }
})

vi.mock('../src/settle/suppress.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/settle/suppress.js')>()
  return {
    ...original,
    applyMarkers(...parameters: Parameters<typeof original.applyMarkers>) {
      if (String(parameters[1].value).includes('Markham')) throw new Error('marker out of range')
      original.applyMarkers(...parameters)
    }
  }
})

// The run-level step: it adds a finding to the first story, then throws, as a step half done would.
vi.mock('../rules/names-across-files.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../rules/names-across-files.js')>()
  const rule = original.default
  return {
    ...original,
    default: {
      ...rule,
      reportRun(...parameters: Parameters<typeof rule.reportRun>) {
        const [files] = parameters
        if (!files.some((file) => String(file.value).includes('Acrossby'))) return rule.reportRun(...parameters)
        files[0]?.message('Unexpected `half`, half done', {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}})
        throw new TypeError('entries is not iterable')
      }
    }
  }
})

const sound = 'Talks in Jiangsu opened. The Jiangshu team left.\n'

describe('a stage outside the rules that crashes on one file', () => {
  test.each([
    ['parsing', 'crash.md', 'Parsetown held a vote. The budgett rose.\n', 'crash.md: parsing failed: Invalid array length'],
    [
      'a parser extension',
      'crash.txt',
      'Extendale held a vote. The budgett rose.\n',
      'crash.txt: step `restore-non-urls` failed: sentence.children is not iterable'
    ],
    [
      'a processor plugin',
      'crash.html',
      '<p>Sicford held a vote. The budgett rose.</p>\n',
      "crash.html: step `mark-sic` failed: Cannot read properties of null (reading 'value')"
    ],
    ['comment markers', 'crash.md', 'Markham held a vote. The budgett rose.\n', 'crash.md: step `suppress` failed: marker out of range']
  ])('%s: one line naming file and stage, exit 2; the other files are still reported', async (_stage, name, text, line) => {
    const cwd = await makeTree({'a.md': sound, [name]: text, 'z.txt': sound})
    const run = await runCli(['--no-config', '--jobs', '1', 'a.md', name, 'z.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: ' + line + '\n')
    expect(run.stdout).toMatch(/^a\.md\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
    expect(run.stdout).toMatch(/^z\.txt\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
    // The file that failed has no findings to trust: it is not reported.
    expect(run.stdout).not.toContain('crash.')
  })

  test('shows the stack with COPYDESK_DEBUG=1', async () => {
    const cwd = await makeTree({'crash.md': 'Parsetown held a vote.\n'})
    const run = await runCli(['--no-config', 'crash.md'], {cwd, env: {COPYDESK_DEBUG: '1'}})
    expect(run.stderr).toMatch(/^copydesk: crash\.md: parsing failed: Invalid array length\nRangeError: Invalid array length\n/)
  })

  test('is the same problem, with the stack, when a worker thread lints the file', async () => {
    // A worker runs `lintTask` on its batch: here in this thread, so that it sees the mocks.
    const files = [toInputFile('a.md', sound, os.tmpdir()), toInputFile('crash.md', 'Markham held a vote.\n', os.tmpdir())]
    const result = await lintTask({files: files.map(toPlainInput), options: {cwd: os.tmpdir(), noConfig: true}})
    if (!('outcomes' in result)) throw new Error('the batch failed as a whole')
    expect(result.outcomes.map((outcome) => outcome.reported)).toEqual([true, false])
    const problems = result.outcomes.map((outcome) => outcome.problems.map(fromPlainProblem))
    expect(problems.map((list) => list.map((problem) => problem.toLine()))).toEqual([
      [],
      ['crash.md: step `suppress` failed: marker out of range']
    ])
    // Across the thread boundary the cause is plain data; its stack still says where it threw.
    expect((problems[1]?.[0]?.cause as Error | undefined)?.stack).toMatch(/^Error: marker out of range\n +at /)
  })

  test('costs the file only: the other files in the same engine run are linted', async () => {
    const files = [toInputFile('crash.md', 'Parsetown held a vote.\n', os.tmpdir()), toInputFile('b.md', sound, os.tmpdir())]
    const result = await lintInMemory(files, {cwd: os.tmpdir(), noConfig: true})
    expect(result.problems.map((problem) => problem.toLine())).toEqual(['crash.md: parsing failed: Invalid array length'])
    expect(result.files).toEqual([files[1]])
    expect(findings(files[1]!)).toEqual(['1:30-1:38 error Jiangshu'])
  })
})

describe('the cross-file step that crashes', () => {
  test('is one line naming the step, exit 2; every per-file finding is still reported, none of its own', async () => {
    const cwd = await makeTree({'a.md': 'Acrossby council met. The budgett rose.\n', 'b.md': sound})
    const run = await runCli(['--no-config', '--jobs', '1', 'a.md', 'b.md'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: names-across-files failed: entries is not iterable\n')
    expect(run.stdout).toMatch(/^a\.md\n.*\n?.*1:27-1:34 +error +Unexpected unknown word `budgett`/m)
    expect(run.stdout).toMatch(/^b\.md\n1:30-1:38 +error +Unexpected `Jiangshu`/m)
    expect(run.stdout).not.toContain('half done')
  })

  test('shows the stack with COPYDESK_DEBUG=1', async () => {
    const cwd = await makeTree({'a.md': 'Acrossby council met.\n'})
    const run = await runCli(['--no-config', 'a.md'], {cwd, env: {COPYDESK_DEBUG: '1'}})
    expect(run.stderr).toMatch(/^copydesk: names-across-files failed: entries is not iterable\nTypeError: entries is not iterable\n +at /)
  })
})
