import vm from 'node:vm'
import type {Element, Root} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parse} from 'parse5'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, test} from 'vitest'
import {buildNamesIndex, type StoryNames} from '../src/across/names-index.js'
import {namesHtml} from '../src/report/names-html.js'
import type {NamesJson} from '../src/report/names-json.js'
import {namesPretty} from '../src/report/names-pretty.js'
import {makeTree, runCli} from './helpers.js'

/**
 * Three stories: `Kowalczyk` three times in two of them, each time after
 * `Marta`, and `Kowalczik` once in the third, whose name needs escaping in
 * HTML and percent-encoding in a link.
 */
const stories: Record<string, string> = {
  'harbour.md':
    '# Port budget passes\n\nMarta Kowalczyk, the harbour master, said the money would buy two cranes.\nKowalczyk told the council that work would start in March.\n',
  'ferry.md': '# Winter timetable\n\nThe ferry operator met Marta Kowalczyk on Tuesday to settle the winter timetable.\n',
  'a&b.md': '# Cranes unloaded\n\nThe first two cranes came ashore on Friday, Marta Kowalczik said.\n'
}

let cwd: string

beforeAll(async () => {
  cwd = await makeTree(stories)
})

describe('copydesk names --format pretty', () => {
  test('lists the names with variants first, then the rest, then a summary', async () => {
    const run = await runCli(['names', '--no-config'], {cwd})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        'Names with variants, most inconsistent first:',
        '',
        'Kowalczyk (used in most files): 1 file departs',
        '  Kowalczyk: 3 uses in 2 files',
        '    1 use   ferry.md:3:30',
        '    2 uses  harbour.md:3:7',
        '  Kowalczik (variant): 1 use in 1 file',
        '    1 use   a&b.md:3:51',
        '',
        'Names spelled one way, most used first:',
        '',
        'Marta    3 uses in 3 files  a&b.md:3:45 and 2 more',
        'Friday   1 use in 1 file    a&b.md:3:37',
        'Tuesday  1 use in 1 file    ferry.md:3:43',
        '',
        '4 names in 3 files, 1 with variants',
        ''
      ].join('\n')
    )
  })

  test('lists the names of indexes written by other runs, without linting, the same as one run over all', async () => {
    const folder = await makeTree(stories)
    const whole = await runCli(['names', '--no-config', '--format', 'json'], {cwd: folder})
    await runCli(['--no-config', '--names-out', 'one.json', 'harbour.md', 'ferry.md'], {cwd: folder})
    await runCli(['--no-config', '--names-out', 'two.json', 'a&b.md'], {cwd: folder})
    // Given in the run's order (a&b.md first), the stories come in the same order.
    const merged = await runCli(['names', '--no-config', '--format', 'json', '--names-in', 'two.json', 'one.json'], {cwd: folder})
    expect(merged.code).toBe(0)
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout))
  })

  test('lists only the names of the paths given', async () => {
    const run = await runCli(['names', '--no-config', 'ferry.md'], {cwd})
    expect(run.stdout).toBe(
      [
        'Names spelled one way, most used first:',
        '',
        'Kowalczyk  1 use in 1 file  ferry.md:3:30',
        'Marta      1 use in 1 file  ferry.md:3:24',
        'Tuesday    1 use in 1 file  ferry.md:3:43',
        '',
        '3 names in 1 file, 0 with variants',
        ''
      ].join('\n')
    )
  })
})

describe('copydesk names --format json', () => {
  test('gives a versioned report with every spelling, its files and first uses', async () => {
    const run = await runCli(['names', '--no-config', '--format', 'json'], {cwd})
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as NamesJson
    expect(report.version).toBe(1)
    expect(report.fileCount).toBe(3)
    expect(report.names.map((name) => name.name)).toEqual(['Kowalczyk', 'Marta', 'Friday', 'Tuesday'])
    expect(report.names[0]).toEqual({
      name: 'Kowalczyk',
      reason: 'most-files',
      count: 4,
      fileCount: 3,
      departing: 1,
      spellings: [
        {
          text: 'Kowalczyk',
          variant: false,
          count: 3,
          known: false,
          listed: false,
          own: false,
          files: [
            {path: 'ferry.md', count: 1, line: 3, column: 30, endLine: 3, endColumn: 39},
            {path: 'harbour.md', count: 2, line: 3, column: 7, endLine: 3, endColumn: 16}
          ]
        },
        {
          text: 'Kowalczik',
          variant: true,
          count: 1,
          known: false,
          listed: false,
          own: false,
          files: [{path: 'a&b.md', count: 1, line: 3, column: 51, endLine: 3, endColumn: 60}]
        }
      ]
    })
  })

  test.each([
    ['a name the newsroom lists', '{"words": ["Kowalczik"]}', 'Kowalczik', 'word-list'],
    ['a name the dictionary has', '{}', 'Friday', 'dictionary']
  ])('says why the spelling was chosen: %s', async (_name, config, name, reason) => {
    const folder = await makeTree({...stories, '.copydeskrc.json': config})
    const report = JSON.parse((await runCli(['names', '--format', 'json'], {cwd: folder})).stdout) as NamesJson
    expect(report.names.find((entry) => entry.name === name)?.reason).toBe(reason)
  })
})

describe('copydesk names --format html', () => {
  let page: Root

  beforeAll(async () => {
    const run = await runCli(['names', '--no-config', '--format', 'html'], {cwd})
    expect(run.code).toBe(0)
    page = parseHtml(run.stdout)
  })

  test('is one page with its style and script inline, and nothing loaded from elsewhere', () => {
    const tags = elements(page).map((element) => element.tagName)
    expect(tags).toContain('style')
    expect(tags).toContain('script')
    expect(tags).not.toContain('link')
    expect(elements(page).filter((element) => element.properties.src !== undefined)).toEqual([])
  })

  test('has one row group per name, a row per spelling, the variant marked', () => {
    const groups = elements(page).filter((element) => element.tagName === 'tbody')
    expect(groups.map((group) => group.properties.dataName)).toEqual(['Kowalczyk', 'Marta', 'Friday', 'Tuesday'])
    const rows = elements(groups[0]!).filter((element) => element.tagName === 'tr')
    expect(rows.map((row) => row.properties.className ?? [])).toEqual([[], ['variant']])
    const marked = elements(rows[1]!).filter((element) => element.tagName === 'mark')
    expect(marked.map(textOf)).toEqual(['Kowalczik'])
  })

  test('links each use to its file and line, the path percent-encoded and its text escaped', () => {
    const links = elements(page)
      .filter((element) => element.tagName === 'a')
      .map((link) => [link.properties.href, textOf(link)])
    expect(links.slice(0, 3)).toEqual([
      ['ferry.md#L3', 'ferry.md:3:30'],
      ['harbour.md#L3', 'harbour.md:3:7'],
      ['a%26b.md#L3', 'a&b.md:3:51']
    ])
  })
})

/**
 * A story's part of the names index with one unknown spelling, used once on line 2.
 *
 * @param path The story's path.
 * @param text The spelling.
 * @returns The part.
 */
function story(path: string, text: string): StoryNames {
  const first = {line: 2, column: 4, endLine: 2, endColumn: 4 + text.length, offset: 10, endOffset: 10 + text.length}
  return {path, distinct: [], spellings: [{text, count: 1, first, known: false, listed: false, dictionary: false, own: false, neighbours: [], open: [first]}]}
}

describe('names-pretty', () => {
  test('lists the first ten files of the spelling to use and every file of a variant', () => {
    const parts = Array.from({length: 12}, (_, index) => story(`s${String(index).padStart(2, '0')}.md`, 'Kowalczyk'))
    const variants = ['v1.md', 'v2.md'].map((path) => story(path, 'Kowalczik'))
    const report = namesPretty(buildNamesIndex([...parts, ...variants]), 14)
    expect(report.split('\n').slice(0, 18)).toEqual([
      'Names with variants, most inconsistent first:',
      '',
      'Kowalczyk (used in most files): 2 files depart',
      '  Kowalczyk: 12 uses in 12 files',
      ...Array.from({length: 10}, (_, index) => `    1 use  s0${index}.md:2:4`),
      '    … 2 more files',
      '  Kowalczik (variant): 2 uses in 2 files',
      '    1 use  v1.md:2:4',
      '    1 use  v2.md:2:4'
    ])
  })
})

describe('names-html', () => {
  test('escapes names and paths, which are the newsroom\'s text', () => {
    const html = namesHtml(buildNamesIndex([story('news/<i>&"q\'.md', '<b>')]), 1)
    const table = elements(parseHtml(html)).find((element) => element.tagName === 'table')!
    const tags = new Set(elements(table).map((element) => element.tagName))
    expect(tags.has('b')).toBe(false)
    expect(tags.has('i')).toBe(false)
    const heading = elements(table).find((element) => element.properties.scope === 'rowgroup')!
    expect(textOf(heading)).toBe('<b>')
    const link = elements(table).find((element) => element.tagName === 'a')!
    expect(link.properties.href).toBe("news/%3Ci%3E%26%22q'.md#L2")
    expect(textOf(link)).toBe('news/<i>&"q\'.md:2:4')
    expect(html).not.toContain('<b>')
  })

  test('folds the files past the first five into a collapsed list', () => {
    const parts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => story(`${name}.md`, 'Oyelaran'))
    const table = elements(parseHtml(namesHtml(buildNamesIndex(parts), parts.length))).find((element) => element.tagName === 'table')!
    const details = elements(table).find((element) => element.tagName === 'details')!
    expect(textOf(elements(details).find((element) => element.tagName === 'summary')!)).toBe('2 more files')
    expect(elements(details).filter((element) => element.tagName === 'a').map(textOf)).toEqual(['f.md:2:4', 'g.md:2:4'])
  })

  test('its script sorts the names by the column clicked, and reverses on a second click', async () => {
    const run = await runCli(['names', '--no-config', '--format', 'html'], {cwd})
    const page = fakePage(parseHtml(run.stdout))
    expect(page.order()).toEqual(['Kowalczyk', 'Marta', 'Friday', 'Tuesday'])
    expect(page.sortedBy()).toEqual(['rank', 'ascending'])
    page.click('name')
    expect(page.order()).toEqual(['Friday', 'Kowalczyk', 'Marta', 'Tuesday'])
    expect(page.sortedBy()).toEqual(['name', 'ascending'])
    page.click('name')
    expect(page.order()).toEqual(['Tuesday', 'Marta', 'Kowalczyk', 'Friday'])
    expect(page.sortedBy()).toEqual(['name', 'descending'])
    // Most uses first; the tie (`Friday`, `Tuesday`: one use each) keeps the index's order.
    page.click('count')
    expect(page.order()).toEqual(['Kowalczyk', 'Marta', 'Friday', 'Tuesday'])
    expect(page.sortedBy()).toEqual(['count', 'descending'])
    page.click('rank')
    page.click('rank')
    expect(page.order()).toEqual(['Tuesday', 'Friday', 'Marta', 'Kowalczyk'])
    expect(page.sortedBy()).toEqual(['rank', 'descending'])
    page.showOnlyVariants(true)
    expect(page.tableClasses()).toEqual(['only-variants'])
    page.showOnlyVariants(false)
    expect(page.tableClasses()).toEqual([])
  })
})

describe('problems', () => {
  test.each([
    ['a missing path', ['names', 'gone.md'], 'copydesk: gone.md: no such file or folder\n'],
    ['a glob that matches nothing', ['names', '*.doc'], 'copydesk: nothing to lint: no file matches `*.doc`\n'],
    ['a missing --config file', ['names', '--config', 'nope.json'], 'copydesk: nope.json: config file not found\n'],
    ['a format of the main command only', ['names', '--format', 'sarif'], "copydesk: option '--format <format>' argument 'sarif' is invalid. Allowed choices are pretty, json, html.\n"],
    ['a bad --jobs', ['names', '--jobs', '0'], "copydesk: option '--jobs <n>' argument '0' is invalid. expected a whole number of 1 or more.\n"]
  ])('%s exits 2 with one line', async (_name, args, stderr) => {
    const run = await runCli(args, {cwd})
    expect(run.stderr).toBe(stderr)
    expect(run.code).toBe(2)
  })

  test('a broken config exits 2, naming it, and the other files are still listed', async () => {
    const folder = await makeTree({...stories, 'desk/.copydeskrc.json': '{"words": [\n', 'desk/notes.md': 'Notes on Kowalczyk.\n'})
    const run = await runCli(['names'], {cwd: folder})
    expect(run.stderr).toMatch(/^copydesk: desk\/\.copydeskrc\.json:\d+: invalid JSON: [^\n]*\n$/)
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('4 names in 3 files, 1 with variants\n')
  })

  test('says which files are left out because their config turns the rule off', async () => {
    const folder = await makeTree({...stories, 'desk/.copydeskrc.json': '{"rules": {"names-across-files": "off"}}\n', 'desk/notes.md': 'Notes on Kowalczik.\n'})
    const run = await runCli(['names'], {cwd: folder})
    expect(run.stderr).toBe('copydesk: 1 file is not in the names index: config turns `names-across-files` off there\n')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('4 names in 3 files, 1 with variants\n')
  })
})

describe('options', () => {
  test('--dialect and --config are the names command\'s own, after its name', async () => {
    const folder = await makeTree({...stories, 'house.json': '{"words": ["Kowalczik"]}\n'})
    const run = await runCli(['names', '--dialect', 'en-gb', '--config', 'house.json', '--format', 'json'], {cwd: folder})
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as NamesJson
    expect(report.names[0]).toMatchObject({name: 'Kowalczik', reason: 'word-list', departing: 2})
  })

  test('the main command still takes its options after the paths', async () => {
    const run = await runCli(['a&b.md', '--format', 'json', '--no-config'], {cwd})
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toHaveLength(1)
  })

  test('a story named names is linted with a path', async () => {
    const folder = await makeTree({names: 'The mayor opened teh bridge.\n'})
    const run = await runCli(['./names', '--no-config'], {cwd: folder})
    expect(run.code).toBe(1)
  })

  test('worker threads give the same index as the main thread', async () => {
    const one = await runCli(['names', '--no-config', '--format', 'json', '--jobs', '1'], {cwd})
    const two = await runCli(['names', '--no-config', '--format', 'json', '--jobs', '2'], {cwd})
    expect(two.stderr).toBe('')
    expect(two.stdout).toBe(one.stdout)
  })
})

/**
 * Parse an HTML page.
 *
 * @param html The page.
 * @returns Its tree.
 */
function parseHtml(html: string): Root {
  return fromParse5(parse(html)) as Root
}

/**
 * Every element in a tree, in document order.
 *
 * @param tree A tree or element.
 * @returns The elements (the element itself first).
 */
function elements(tree: Root | Element): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    found.push(element)
  })
  return found
}

/**
 * The text of an element, its character references decoded.
 *
 * @param element An element.
 * @returns Its text.
 */
function textOf(element: Element): string {
  let text = ''
  visit(element, 'text', (node: {value: string}) => {
    text += node.value
  })
  return text
}

/**
 * Run the page's script against just enough of a DOM, made from the parsed
 * page: the table's row groups with their `data-` keys, the sort buttons in
 * their headings, and the checkbox.
 *
 * @param tree The parsed page.
 * @returns Ways to click and to read the order of the names.
 */
function fakePage(tree: Root) {
  const all = elements(tree)
  const dataset = (element: Element): Record<string, string> =>
    Object.fromEntries(
      Object.entries(element.properties)
        .filter(([key]) => /^data[A-Z]/.test(key))
        .map(([key, value]) => [key.charAt(4).toLowerCase() + key.slice(5), String(value)])
    )
  let groups = all.filter((element) => element.tagName === 'tbody').map((element) => ({dataset: dataset(element)}))
  const classes = new Set<string>()
  const table = {
    get tBodies() {
      return groups
    },
    classList: {toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name))},
    append: (...moved: typeof groups) => {
      groups = moved
    },
    querySelectorAll: (selector: string) => (selector === 'thead button' ? buttons : selector === 'thead th' ? headings : [])
  }
  const headings = all
    .filter((element) => element.tagName === 'th' && element.properties.scope === 'col')
    .map((element) => {
      const attributes = new Map<string, string>()
      if (element.properties.ariaSort !== undefined) attributes.set('aria-sort', String(element.properties.ariaSort))
      return {
        attributes,
        button: elements(element).find((child) => child.tagName === 'button'),
        getAttribute: (name: string) => attributes.get(name) ?? null,
        setAttribute: (name: string, value: string) => attributes.set(name, value),
        removeAttribute: (name: string) => attributes.delete(name)
      }
    })
  const clicks = new Map<string, () => void>()
  const buttons = headings.flatMap((heading) => {
    if (!heading.button) return []
    const data = dataset(heading.button)
    return [{dataset: data, parentElement: heading, addEventListener: (_type: string, listener: () => void) => clicks.set(data.key ?? '', listener)}]
  })
  let onCheck: ((event: {target: {checked: boolean}}) => void) | undefined
  const checkbox = {addEventListener: (_type: string, listener: typeof onCheck) => (onCheck = listener)}
  const document = {getElementById: (id: string) => (id === 'names' ? table : id === 'only-variants' ? checkbox : null)}
  const script = all.find((element) => element.tagName === 'script')!
  vm.runInNewContext(textOf(script), {document})
  return {
    click: (key: string) => clicks.get(key)!(),
    order: () => groups.map((group) => group.dataset.name),
    sortedBy: () => {
      const heading = headings.find((candidate) => candidate.attributes.has('aria-sort'))
      return [heading?.button && dataset(heading.button).key, heading?.attributes.get('aria-sort')]
    },
    showOnlyVariants: (checked: boolean) => onCheck!({target: {checked}}),
    tableClasses: () => [...classes]
  }
}
