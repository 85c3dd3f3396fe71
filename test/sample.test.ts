import fs from 'node:fs'
import path from 'node:path'
import fsp from 'node:fs/promises'
import {expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, root, runCli} from './helpers.js'

// The shared sample article is read in place, never copied into the repo.
const sample = path.join(root, '..', 'shared', 'samples', 'belarus-railways.txt')

test.skipIf(!fs.existsSync(sample))(
  'the Belarus railways sample: each misspelt name and slip is an error on exactly the word',
  async () => {
    const run = await runCli(['--format', 'json', sample])
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    const messages = file?.messages ?? []
    const lines = fs.readFileSync(sample, 'utf8').split('\n')
    for (const message of messages) {
      const text = lines[(message.line ?? 0) - 1]?.slice((message.column ?? 0) - 1, (message.endColumn ?? 0) - 1)
      expect(text).toBe(message.actual)
    }

    const errors = messages.filter((message) => message.severity === 'error')
    expect(errors.map((message) => `${message.actual} → ${message.expected[0]}`)).toEqual([
      'Jiangshu → Jiangsu',
      'Belrusian → Belarusian',
      'Jiangshu → Jiangsu',
      'Jiangshu → Jiangsu',
      'theh → the',
      'Belarussian → Belarusian',
      'Lukasgenko → Lukashenko'
    ])

    // The one closed `cooperation` against two `co-operation`s: one finding, the majority form expected.
    const hyphenation = messages.filter((message) => message.ruleId === 'hyphenation-consistency')
    expect(hyphenation.map((message) => `${message.actual} → ${message.expected.join(', ')}`)).toEqual([
      'cooperation → co-operation'
    ])

    // No word carries two messages, and the names spelled right are never errors.
    const places = messages.map((message) => `${message.line}:${message.column}`)
    expect(new Set(places).size).toBe(places.length)
    for (const word of ['Jiangsu', 'Belarusian', 'Lukashenko', 'Morozov', 'BTLC', 'Suzhou', 'Putin']) {
      expect(errors.map((message) => message.actual)).not.toContain(word)
    }
  }
)

test.skipIf(!fs.existsSync(sample))(
  'the Belarus railways sample: --fix changes exactly the name variants and leaves every other byte',
  async () => {
    const original = fs.readFileSync(sample, 'utf8')
    const cwd = await makeTree({'story.txt': original})
    const run = await runCli(['--fix', 'story.txt'], {cwd})
    const fixed = await fsp.readFile(path.join(cwd, 'story.txt'), 'utf8')
    expect(fixed).toBe(
      original
        .replaceAll('Jiangshu', 'Jiangsu')
        .replace('Belrusian', 'Belarusian')
        .replace('Belarussian', 'Belarusian')
        .replace('anti-Lukasgenko', 'anti-Lukashenko')
    )
    // `theh` has several suggestions: it is reported, not guessed.
    expect(fixed).toContain('theh')
    expect(run.stdout).toContain('`theh`')
    expect(run.stderr).toContain('copydesk: fixed 6 findings\n')
  }
)

