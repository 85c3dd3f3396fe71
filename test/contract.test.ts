import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {rules} from '../rules/index.js'
import type {JsonFile} from '../src/report/json.js'
import {isAcrossRule} from '../src/define-rule.js'
import {ruleUrl} from '../src/rule-url.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, fixtures, makeTree, rangeOf, runCli} from './helpers.js'

/** Rules that wrap a retext plugin keep its name as their source. */
const wrappedSources: Record<string, string> = {spelling: 'retext-spell', 'repeated-words': 'retext-repeated-words'}

const fixtureNames = fs.readdirSync(fixtures).filter((name) => !name.startsWith('.'))

/**
 * Lint every fixture and read the JSON report.
 *
 * @returns The report.
 */
async function reportOnFixtures(): Promise<JsonFile[]> {
  const run = await runCli(['--format', 'json', ...fixtureNames])
  return JSON.parse(run.stdout) as JsonFile[]
}

describe('the JSON report', () => {
  test('has one entry per file, in input order', async () => {
    const report = await reportOnFixtures()
    expect(report.map((file) => file.path)).toEqual(fixtureNames)
  })

  test('gives every message every field, with the documented types', async () => {
    const report = await reportOnFixtures()
    const messages = report.flatMap((file) => file.messages)
    expect(messages.length).toBeGreaterThan(10)
    for (const message of messages) {
      expect(Object.keys(message)).toEqual([
        'ruleId', 'source', 'severity', 'reason', 'line', 'column',
        'endLine', 'endColumn', 'actual', 'expected', 'url', 'firstUse'
      ])
      expect(['error', 'warning', 'info']).toContain(message.severity)
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        expect(Number.isInteger(message[key]) && (message[key] ?? 0) >= 1).toBe(true)
      }
      expect(Array.isArray(message.expected)).toBe(true)
    }
  })

  test('places every message exactly on its `actual` text (1-based, end exclusive)', async () => {
    for (const file of await reportOnFixtures()) {
      const lines = fs.readFileSync(path.join(fixtures, file.path), 'utf8').split(/\r\n|\r|\n/)
      for (const message of file.messages) {
        expect(message.endLine).toBe(message.line)
        const text = lines[(message.line ?? 0) - 1]?.slice((message.column ?? 0) - 1, (message.endColumn ?? 0) - 1)
        expect(text).toBe(message.actual)
      }
    }
  })
})

describe('every message', () => {
  test('has a known rule id, its source, the rule url and a reason in house style', async () => {
    const ids = new Set(rules.map((rule) => rule.id))
    for (const message of (await reportOnFixtures()).flatMap((file) => file.messages)) {
      expect(ids.has(message.ruleId ?? '')).toBe(true)
      expect(message.source).toBe(wrappedSources[message.ruleId ?? ''] ?? 'copydesk')
      expect(message.url).toBe(ruleUrl(message.ruleId ?? ''))
      expect(message.reason).toMatch(/^Unexpected .*`[^`]+`/)
      expect(message.reason).not.toMatch(/\.$/)
    }
  })
})

describe('every rule alone, on a Story', () => {
  const readme = fs.readFileSync(path.join(fixtures, '..', '..', 'README.md'), 'utf8')
  const storyRules = rules.filter((rule) => !isAcrossRule(rule)).map((rule) => [rule.id])

  test.each(storyRules)('%s says on its README examples what the README shows of it, in the message contract', async (id) => {
    const section = readme.split(`### \`${id}\``)[1]?.split(/\n##+ /)[0] ?? ''
    const [notOk = '', output = '', ok = ''] = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
    // The README shows the whole pipeline's report: the lines of this rule are what it says alone.
    const shown = output
      .split('\n')
      .map((line) => /^(\S+)\s+(error|warning|info)\s+(.*?)\s+(\S+) (\S+)$/.exec(line))
      .filter((match) => match?.[4] === id)
      .map((match) => `${match?.[1]} ${match?.[2]} ${match?.[3]}`)
    expect(shown).not.toHaveLength(0)
    const found = await checkAlone(id, notOk, {path: 'example.txt'})
    expect(found.messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.reason}`)).toEqual(shown)
    for (const message of found.messages) {
      expect(message.ruleId).toBe(id)
      expect(message.source).toBe(wrappedSources[id] ?? 'copydesk')
      expect(message.url).toBe(ruleUrl(id))
      const place = message.place && 'start' in message.place ? message.place : undefined
      expect(String(found.value).slice(place?.start.offset, place?.end.offset ?? 0)).toBe(message.actual)
    }
    expect((await checkAlone(id, ok, {path: 'example.txt'})).messages).toEqual([])
  })
})

describe('the README', () => {
  const readme = fs.readFileSync(path.join(fixtures, '..', '..', 'README.md'), 'utf8')

  test.each(rules.map((rule) => [rule.id]))('documents the rule %s in its own section', (id) => {
    expect(readme).toContain(`### \`${id}\``)
    expect(ruleUrl(id)).toMatch(new RegExp(`#rule-${id}$`))
  })

  test.each(rules.map((rule) => [rule.id]))('shows the real output of the %s examples', async (id) => {
    const section = readme.split(`### \`${id}\``)[1]?.split(/\n##+ /)[0] ?? ''
    if (storiesOf(section).length > 0) {
      await checkRunExample(id, section)
      return
    }
    const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
    const [notOk, output, ok] = blocks
    expect(blocks).toHaveLength(3)
    const lines = (await runCli(['--stdin-filename', 'example.txt'], {stdin: notOk})).stdout.split('\n')
    const shown = lines.filter((line) => /^\d+:\d+-/.test(line)).join('\n') + '\n'
    expect(shown).toBe(output)
    expect((await runCli(['--stdin-filename', 'example.txt'], {stdin: ok})).stdout).toBe('')
  })

  test('gives the quick-start commands', () => {
    for (const command of ['npm install', 'npx copydesk', 'npm test']) expect(readme).toContain(command)
  })
})

/**
 * The stories of an example that spans a run: text blocks each after a
 * line naming its file (`` `talks.txt`: ``).
 *
 * @param text Part of a rule's section.
 * @returns File names and contents.
 */
function storiesOf(text: string): Array<[string, string]> {
  return [...text.matchAll(/^`([^`]+)`:\n\n```text\n([\s\S]*?)```/gm)].map((match) => [match[1] ?? '', match[2] ?? ''])
}

/**
 * Check the example of a rule that compares the stories of a run: the
 * stories before `Ok:`, linted together, give the report shown (without
 * its summary line), and with the stories after `Ok:` put in place the
 * rule finds nothing.
 *
 * @param id Rule id.
 * @param section The rule's README section.
 */
async function checkRunExample(id: string, section: string): Promise<void> {
  const [notOk = '', ok = ''] = section.split('\nOk:\n')
  const stories = Object.fromEntries(storiesOf(notOk))
  const output = [...notOk.replace(/^`[^`]+`:\n\n```text\n[\s\S]*?```/gm, '').matchAll(/```text\n([\s\S]*?)```/g)].map(
    (match) => match[1] ?? ''
  )
  expect(output).toHaveLength(1)
  const run = await runCli(['--no-config', '.'], {cwd: await makeTree(stories)})
  expect(run.stdout.replace(/\n\n[^\n]*\n$/, '\n')).toBe(output[0])
  const fixed = await runCli(['--no-config', '.'], {cwd: await makeTree({...stories, ...Object.fromEntries(storiesOf(ok))})})
  expect(storiesOf(ok)).not.toHaveLength(0)
  expect(fixed.stdout).not.toContain(id)
}

describe('the README examples of the report formats', () => {
  // A story with the slip where the examples place it: line 5, column 18.
  const story = {'news/story.md': '---\ntitle: Ferry timetable\n---\n\nThe mayor opened teh pier on Monday.\n'}
  const readme = fs.readFileSync(path.join(fixtures, '..', '..', 'README.md'), 'utf8')

  test('the JSON example is what copydesk prints for such a story', async () => {
    const run = await runCli(['--no-config', '--format', 'json', 'news/story.md'], {cwd: await makeTree(story)})
    const example = readme.split('## JSON output')[1]?.match(/```json\n([\s\S]*?)```/)?.[1] ?? ''
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(example))
  })

  test('the GitHub Actions example is what copydesk prints for such a story', async () => {
    const run = await runCli(['--no-config', '--format', 'github', 'news/story.md'], {cwd: await makeTree(story)})
    const example = readme.split('## GitHub Actions output')[1]?.match(/```text\n([\s\S]*?)```/)?.[1] ?? ''
    expect(run.stdout).toBe(example)
  })
})
