import {describe, expect, test} from 'vitest'
import os from 'node:os'
import {resolveConfig} from '../src/config/config.js'
import {rulesRunFor} from '../src/config/rule-setup.js'
import {CopydeskError} from '../src/errors.js'
import {lintText} from '../src/lint.js'
import {findings, makeTree} from './helpers.js'

const harbour = 'The harbour master Ewa Brzezinska opened the quay. Later Brzezinska said teh tide was late.\n'

describe('lintText', () => {
  test('lints a story from memory as the CLI lints the file, its format from the path', async () => {
    const file = await lintText('The *ferry* left. Ferry workers said teh boat was full.\n', {path: 'news/ferry.md', config: false})
    expect(findings(file)).toEqual(['1:38-1:41 error teh'])
    expect(file.path).toBe('news/ferry.md')
  })

  test('finds the config of the story from its path, as the CLI does', async () => {
    const cwd = await makeTree({
      'desk/.copydeskrc.json': JSON.stringify({words: ['Brzezinska']}),
      'desk/harbour.txt': harbour,
      'other/harbour.txt': harbour
    })
    const desk = await lintText(harbour, {path: 'desk/harbour.txt', cwd})
    const other = await lintText(harbour, {path: 'other/harbour.txt', cwd})
    expect(desk.messages.map((message) => message.actual)).toEqual(['teh'])
    expect(other.messages.map((message) => message.actual)).toEqual(['Brzezinska', 'teh'])
  })

  test('shares the accepted words of one config between calls, and makes them anew for other words', () => {
    // `lintText` resolves its config on every call; joining the 20,000 names with the config's words each time cost a quarter of a call.
    const words = (raw: unknown) => rulesRunFor(resolveConfig(raw, undefined, os.tmpdir())).analyse.words
    const first = words({words: ['Brzezinska']})
    expect(words({words: ['Brzezinska']})).toBe(first)
    expect(first).toContain('Brzezinska')
    const other = words({words: ['Wojcik']})
    expect(other).not.toBe(first)
    expect(other).toContain('Wojcik')
    expect(other).not.toContain('Brzezinska')
    expect(Object.isFrozen(other)).toBe(true)
  })

  test('takes the settings themselves, or a config file named by its path', async () => {
    const cwd = await makeTree({'house.yml': 'words: [Brzezinska]\n'})
    const inline = await lintText(harbour, {config: {words: ['Brzezinska']}})
    const named = await lintText(harbour, {cwd, config: 'house.yml'})
    expect(inline.messages.map((message) => message.actual)).toEqual(['teh'])
    expect(named.messages.map((message) => message.actual)).toEqual(['teh'])
  })

  test('marks a certain fix as fixable on the finding itself', async () => {
    const file = await lintText('Talks in Jiangsu opened. The Jiangshu team left.\n', {config: false})
    expect(file.messages.map((message) => [message.actual, message.expected, message.fixable])).toEqual([
      ['Jiangshu', ['Jiangsu'], true]
    ])
  })

  test('rejects a config that is not valid with a CopydeskError naming the file', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{"rules": {"spelling": "loud"}}\n'})
    const linting = lintText(harbour, {path: 'harbour.txt', cwd})
    await expect(linting).rejects.toBeInstanceOf(CopydeskError)
    await expect(linting).rejects.toThrow(/rules\.spelling/)
  })

  test('keeps two stories linted at once apart, each with its own config', async () => {
    const [accepted, flagged] = await Promise.all([
      lintText(harbour, {config: {words: ['Brzezinska']}}),
      lintText(harbour, {config: false})
    ])
    expect(accepted.messages.map((message) => message.actual)).toEqual(['teh'])
    expect(flagged.messages.map((message) => message.actual)).toEqual(['Brzezinska', 'teh'])
  })
})
