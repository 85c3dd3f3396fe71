import {execFileSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {filesInShard, parseShard, shardOf} from '../src/files/shard.js'
import type {JsonFile} from '../src/report/json.js'
import {makeTree, runCli} from './helpers.js'

/**
 * Twenty stories of a town after a flood, in three folders. The council
 * leader is `Halvorsen` in four stories and `Halvorson` in one; the county
 * engineer is `Wierzbicki` in three and `Wierzbiki` in one: a run over all
 * of them has two `names-across-files` findings.
 */
const archive: Record<string, string> = {
  'news/floods/river-rises.md': '# River rises\n\nThe river rose two metres overnight, and Ingrid Halvorsen ordered the lower town cleared.\n',
  'news/floods/sandbags.md': '# Sandbags run short\n\nVolunteers filled sandbags until dawn. Ingrid Halvorsen thanked them at the town hall.\n',
  'news/floods/school-shut.md': '# Schools shut\n\nThree schools stayed shut on Monday while engineers checked the walls.\n',
  'news/floods/engineer.md': '# Engineer inspects bridge\n\nTomasz Wierzbicki, the county engineer, said the old bridge would hold.\n',
  'news/floods/bridge-reopens.md': '# Bridge reopens\n\nThe old bridge reopened at noon after Tomasz Wierzbicki signed it off.\n',
  'news/floods/insurance.md': '# Insurers visit\n\nInsurers began visiting flooded homes, and Ingrid Halvorson promised help with claims.\n',
  'news/floods/farms.md': '# Farms count losses\n\nFarmers lost most of the winter barley, the farming union said.\n',
  'news/council/budget.md': '# Budget vote delayed\n\nThe council delayed its budget vote by a week. Ingrid Halvorsen said the floods came first.\n',
  'news/council/parking.md': '# Parking fees frozen\n\nParking fees in the town centre will stay the same until April.\n',
  'news/council/library.md': '# Library hours\n\nThe library will open on Sundays from next month, the council said.\n',
  'news/council/roads.md': '# Roads to be resurfaced\n\nTomasz Wierzbiki told councillors that four roads would be resurfaced in spring.\n',
  'news/council/housing.md': '# Housing plan\n\nIngrid Halvorsen presented a plan for two hundred new homes near the station.\n',
  'news/council/election.md': '# By-election called\n\nA by-election will be held in the north ward on the first Thursday of May.\n',
  'news/sport/derby.md': '# Derby ends level\n\nThe derby ended one each after a late header from the visiting captain.\n',
  'news/sport/marathon.md': '# Marathon route\n\nThe marathon route will avoid the riverside this year, organisers said.\n',
  'news/sport/cricket.md': '# Cricket club rebuilds\n\nThe cricket club lost its pavilion to the floods. Tomasz Wierzbicki has offered to survey the site.\n',
  'news/sport/swimming.md': '# Pool reopens\n\nThe swimming pool reopened after a month of repairs to its roof.\n',
  'news/sport/rowing.md': '# Rowing regatta moved\n\nThe rowing regatta moved to June because the river is still too high.\n',
  'news/letters.txt': 'Letters: readers praised the volunteers who filled sandbags through the night.\n',
  'news/weather.html': '<h1>Weather</h1><p>Dry weather is forecast for the rest of the week.</p>\n'
}

/** Every story's path, sorted. */
const allStories = Object.keys(archive).sort()

/** The shard counts tried: one job, an even split, odd ones, and more jobs than some folders have stories. */
const counts = [1, 2, 3, 7]

let cwd: string

beforeAll(async () => {
  cwd = await makeTree(archive)
})

/**
 * Lint with the CLI on the main thread and list the files reported.
 *
 * @param args Arguments before `--format json`.
 * @param folder Working directory (default: the archive).
 * @returns Exit code and the reported paths, in report order.
 */
async function linted(args: string[], folder = cwd): Promise<{code: number; paths: string[]}> {
  const run = await runCli(['--no-config', '--jobs', '1', ...args, '--format', 'json'], {cwd: folder})
  expect(run.stderr).toBe('')
  return {code: run.code, paths: (JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)}
}

/**
 * The `names-across-files` findings of a JSON report, one line each.
 *
 * @param stdout The report.
 * @returns `path place severity actual → expected: reason` per finding.
 */
function acrossFindings(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((file) =>
    file.messages
      .filter((message) => message.ruleId === 'names-across-files')
      .map(
        (message) =>
          `${file.path} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.severity} ${message.actual} → ${message.expected.join(', ')}: ${message.reason}`
      )
  )
}

describe('parseShard', () => {
  test.each([
    ['1/1', {index: 1, count: 1}],
    ['2/4', {index: 2, count: 4}],
    ['7/7', {index: 7, count: 7}],
    ['03/12', {index: 3, count: 12}]
  ])('reads `%s`', (text, shard) => {
    expect(parseShard(text)).toEqual(shard)
  })

  test.each(['0/3', '4/3', '1/0', 'a/b', '3', '1/2/3', ' 1/2', '1 / 2', '-1/2', '1.5/3', '1/', '/3', '', '1/99999999999999999999'])(
    'refuses `%s`',
    (text) => {
      expect(parseShard(text)).toBeUndefined()
    }
  )
})

describe('shardOf', () => {
  test('gives the same part on every machine and in every run', () => {
    // Pinned: a change of hash would move stories between the jobs of every matrix already set up.
    expect(counts.map((count) => shardOf('news/floods/river-rises.md', count))).toEqual([1, 2, 1, 7])
    expect(counts.map((count) => shardOf('news/letters.txt', count))).toEqual([1, 2, 3, 2])
    expect(counts.map((count) => shardOf('news/weather.html', count))).toEqual([1, 2, 1, 3])
  })

  test('takes a name the same whether its accents are composed or not', () => {
    const composed = 'news/Łódź.md'.normalize('NFC')
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    for (const count of counts) expect(shardOf(decomposed, count)).toBe(shardOf(composed, count))
  })

  test('spreads many files about evenly', () => {
    const sizes = [0, 0, 0]
    for (let index = 0; index < 3000; index++) {
      const part = shardOf(`news/${2000 + (index % 26)}/story-${index}.md`, 3)
      sizes[part - 1] = (sizes[part - 1] ?? 0) + 1
    }
    for (const size of sizes) expect(Math.abs(size - 1000)).toBeLessThan(100)
  })
})

describe('filesInShard', () => {
  test('keeps every file without a shard, in input order', () => {
    const files = [...allStories].reverse()
    expect(filesInShard(files, undefined, cwd)).toEqual(files)
  })

  test('puts a file in the same part however its path is written', () => {
    for (const count of counts) {
      for (const story of allStories) {
        const spellings = [story, './' + story, path.join(cwd, story), 'news/../' + story]
        const parts = spellings.map((spelling) => filesInShard([spelling], {index: shardOf(story, count), count}, cwd).length)
        expect(parts).toEqual([1, 1, 1, 1])
      }
    }
  })

  test('keeps the same files whatever order they come in, and whatever other files come with them', () => {
    for (const count of counts) {
      for (let index = 1; index <= count; index++) {
        const shard = {index, count}
        const kept = filesInShard(allStories, shard, cwd)
        expect(filesInShard([...allStories].reverse(), shard, cwd)).toEqual([...kept].reverse())
        // A story added to the archive moves no other story.
        const grown = filesInShard([...allStories, 'news/floods/new-story.md'], shard, cwd)
        expect(grown.filter((file) => file !== 'news/floods/new-story.md')).toEqual(kept)
      }
    }
  })
})

describe('--shard', () => {
  test.each(counts)('the %i shards together lint each story exactly once', async (count) => {
    const unsharded = await linted([])
    expect(unsharded.paths).toEqual(allStories)
    const parts: string[][] = []
    for (let index = 1; index <= count; index++) {
      const part = await linted(['--shard', `${index}/${count}`])
      // No story here has a spelling error: warnings and notes only.
      expect(part.code).toBe(0)
      parts.push(part.paths)
    }
    const everyPath = parts.flat()
    expect(new Set(everyPath).size).toBe(everyPath.length)
    expect(everyPath.sort()).toEqual(unsharded.paths)
  })

  test('filters the files named on the command line the same way, whatever their order', async () => {
    const forwards = await linted(['--shard', '2/3', ...allStories])
    const backwards = await linted(['--shard', '2/3', ...[...allStories].reverse()])
    const fromFolder = await linted(['--shard', '2/3', 'news'])
    expect(forwards.paths.length).toBeGreaterThan(0)
    expect(new Set(backwards.paths)).toEqual(new Set(forwards.paths))
    expect(new Set(fromFolder.paths)).toEqual(new Set(forwards.paths))
  })

  test('gives a copy of the archive elsewhere on disk the same parts', async () => {
    const elsewhere = await makeTree(archive)
    expect(elsewhere).not.toBe(cwd)
    for (let index = 1; index <= 3; index++) {
      expect((await linted(['--shard', `${index}/3`], elsewhere)).paths).toEqual((await linted(['--shard', `${index}/3`])).paths)
    }
  })

  test('an empty part is a clean run, not a glob that matched nothing', async () => {
    // The one story of the glob goes to one part of two; the other part has nothing to lint.
    const story = 'news/letters.txt'
    const empty = shardOf(story, 2) === 1 ? 2 : 1
    expect(await linted(['--shard', `${empty}/2`, 'news/*.txt'])).toEqual({code: 0, paths: []})
    expect(await linted(['--shard', `${3 - empty}/2`, 'news/*.txt'])).toEqual({code: 0, paths: [story]})
  })

  test('lints standard input whatever the part', async () => {
    for (let index = 1; index <= 3; index++) {
      const run = await runCli(['--no-config', '--shard', `${index}/3`, '--stdin-filename', 'news/letters.txt', '--format', 'json'], {
        cwd,
        stdin: archive['news/letters.txt']
      })
      expect(run.code).toBe(0)
      expect((JSON.parse(run.stdout) as JsonFile[]).map((file) => file.path)).toEqual(['news/letters.txt'])
    }
  })

  test('filters the changed files the same way as the others', async () => {
    const repository = await makeTree(archive)
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], {cwd: repository, stdio: 'ignore'})
    }
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-q', '-m', 'Stories')
    git('checkout', '-q', '-b', 'update')
    const changed = allStories.filter((_story, index) => index % 2 === 0)
    for (const story of changed) await fs.appendFile(path.join(repository, story), '\nThis story was updated on Tuesday.\n')
    git('commit', '-q', '-a', '-m', 'Updates')

    const everyChange = await linted(['--changed=main'], repository)
    expect(everyChange.paths).toEqual(changed)
    const parts: string[] = []
    for (let index = 1; index <= 3; index++) {
      const part = await linted(['--shard', `${index}/3`, '--changed=main'], repository)
      expect(part.paths).toEqual(changed.filter((story) => shardOf(story, 3) === index))
      parts.push(...part.paths)
    }
    expect(parts.sort()).toEqual(changed)
  })

  test('with --names-in and no paths, lints its part of the current folder', async () => {
    const merged = path.join(await makeTree({}), 'all.json')
    expect((await runCli(['--no-config', '--names-out', merged], {cwd})).code).toBe(0)
    // Both variants are in part 1 of 2: the index's other stories have no findings to add after the part's own.
    expect(['news/council/roads.md', 'news/floods/insurance.md'].map((story) => shardOf(story, 2))).toEqual([1, 1])
    const part = await linted(['--shard', '1/2', '--names-in', merged])
    expect(part.paths).toEqual(allStories.filter((story) => shardOf(story, 2) === 1))
  })

  test.each(['0/3', '4/3', 'a/b', '3', '1/0'])('refuses `%s` with one line and exit 2', async (value) => {
    const line = `copydesk: option '--shard <k/n>' argument '${value}' is invalid. expected K/N, whole numbers with 1 ≤ K ≤ N, such as 2/4.\n`
    expect(await runCli(['--shard', value, 'news'], {cwd})).toEqual({code: 2, stdout: '', stderr: line})
    expect(await runCli(['names', '--shard', value, 'news'], {cwd})).toEqual({code: 2, stdout: '', stderr: line})
  })
})

describe('a sharded archive merged by its names indexes', () => {
  test.each([2, 3, 7])('%i shards and a merging run find what one run finds across stories', async (count) => {
    const whole = await runCli(['--no-config', '--jobs', '1', '--format', 'json'], {cwd})
    const expected = acrossFindings(whole.stdout)
    expect(expected.map((line) => line.split(':')[0])).toEqual(['news/council/roads.md 3', 'news/floods/insurance.md 3'])

    const indexes = await makeTree({})
    const written: string[] = []
    for (let index = 1; index <= count; index++) {
      const file = path.join(path.relative(cwd, indexes), `names-${index}.json`)
      const run = await runCli(['--no-config', '--jobs', '1', '--shard', `${index}/${count}`, '--names-out', file], {cwd})
      expect(run.stderr).toBe('')
      written.push(file)
    }
    const merged = await runCli(['--no-config', '--format', 'json', '--names-in', ...written], {cwd})
    expect(merged.stderr).toBe('')
    expect(merged.code).toBe(0)
    // Sorted: the merging run lists the stories of the indexes in an order of its own, not by path.
    expect(acrossFindings(merged.stdout).sort()).toEqual(expected)
  })

  test('names --shard lists the names of its part only', async () => {
    const names = async (args: string[]): Promise<number> => {
      const run = await runCli(['names', '--no-config', '--jobs', '1', '--format', 'json', ...args], {cwd})
      expect(run.code).toBe(0)
      return (JSON.parse(run.stdout) as {fileCount: number}).fileCount
    }
    let total = 0
    for (let index = 1; index <= 3; index++) total += await names(['--shard', `${index}/3`])
    expect(total).toBe(await names([]))
  })
})
