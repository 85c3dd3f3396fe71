import fs from 'node:fs'
import path from 'node:path'
import {expect, test} from 'vitest'
import type {JsonFile} from '../src/report/json.js'
import {root, runCli} from './helpers.js'

// The shared sample article is read in place, never copied into the repo.
const sample = path.join(root, '..', 'shared', 'samples', 'belarus-railways.txt')

test.skipIf(!fs.existsSync(sample))(
  'the Belarus railways sample: exit 1 and every misspelt word at its place',
  async () => {
    const run = await runCli(['--format', 'json', sample])
    expect(run.code).toBe(1)
    const [file] = JSON.parse(run.stdout) as JsonFile[]
    const lines = fs.readFileSync(sample, 'utf8').split('\n')
    const found = new Set<string>()
    for (const message of file?.messages ?? []) {
      const text = lines[(message.line ?? 0) - 1]?.slice((message.column ?? 0) - 1, (message.endColumn ?? 0) - 1)
      expect(text).toBe(message.actual)
      found.add(message.actual ?? '')
    }
    for (const word of ['Jiangshu', 'Belrusian', 'Belarussian', 'Lukasgenko', 'theh']) expect(found).toContain(word)
    // The slip is an error; correct spellings of the same names are not reported.
    expect(file?.messages.find((message) => message.actual === 'theh')?.severity).toBe('error')
    for (const word of ['Jiangsu', 'Belarusian']) expect(found).not.toContain(word)
  }
)
