import {describe, expect, test} from 'vitest'
import {headlineSpans, simpleHeadlineSpans} from '../src/parse/front-matter.js'

/** The text of each span, to read the expectations by. */
function texts(source: string, spans: Array<[number, number]> | undefined): string[] | undefined {
  return spans?.map(([start, end]) => source.slice(start, end))
}

describe('headline fields of simple front matter, read without the YAML parser', () => {
  test.each([
    ['plain, quoted and commented values', 'title: Port reopens # draft\ndate: 2026-03-03\nsummary: "Ferries sail: again"\ndek: \'It\'\'s back\'', ['Port reopens', 'Ferries sail: again', "It''s back"]],
    ['lists at the margin and indented', 'tags:\n- ports\n- ferries\nauthors:\n  - desk\n  - "wire"\ntitle: Port reopens', ['Port reopens']],
    ['a quoted value over several indented lines', 'deck: x\ndescription: "Ferries sail\n  again, said \\"Ms\\" Ardent"\ntitle: C# at sea', ['Ferries sail\n  again, said \\"Ms\\" Ardent', 'C# at sea']],
    ['comments and blank lines', '# a story\n\ntitle: Port reopens\n  # note\n', ['Port reopens']],
    ['no headline', 'layout: post\ndraft: true', []],
    ['headlines that start with a figure', 'title: 3 ferries sail again\nsummary: 12th pier opens', ['3 ferries sail again', '12th pier opens']]
  ])('reads %s as the YAML parser does', (_name, source, expected) => {
    expect(texts(source, simpleHeadlineSpans(source))).toEqual(expected)
    expect(simpleHeadlineSpans(source)).toEqual(headlineSpans(source))
  })

  test('reads a quoted value that goes on at the margin, as YAML 1.1 readers and site generators do, though the YAML parser calls it broken', () => {
    const source = 'excerpt: "Ferries sail\nagain"\ntitle: Port'
    expect(texts(source, simpleHeadlineSpans(source))).toEqual(['Ferries sail\nagain', 'Port'])
    expect(headlineSpans(source)).toEqual([])
  })

  test.each([
    ['a key given twice', 'title: Port\ntitle: Harbour'],
    ['a nested mapping', 'image:\n  src: port.jpg\ntitle: Port'],
    ['a headline that is a number', 'title: 2026'],
    ['a headline that may be a number', 'title: 1.5e3'],
    ['a headline that is a hexadecimal number', 'dek: 0x1F'],
    ['a headline that is infinity', 'summary: -.inf'],
    ['a headline with no value on its line', 'summary:\n  Ferries sail again'],
    ['a value with `: ` in it', 'title: Port: reopened'],
    ['a block scalar', 'summary: >-\n  Ferries sail again'],
    ['a tab', 'title:\tPort'],
    ['an escape YAML may not know', 'title: "Port \\q"']
  ])('leaves %s to the YAML parser', (_name, source) => {
    expect(simpleHeadlineSpans(source)).toBeUndefined()
  })
})

describe('front matter the YAML parser reads as broken: no headline field is read from it', () => {
  test.each([
    ['a second document, after `...`', 'title: Port reopens\n...\nsummary: Ferries sail again\n'],
    ['a mapping nested a hundred deep', 'title: Port reopens\nextra:\n' + Array.from({length: 100}, (_, depth) => ' '.repeat(depth + 1) + `k${depth}:\n`).join('') + ' '.repeat(101) + 'v\n'],
    ['lists nested a hundred deep on one line', 'title: Port reopens\nextra: ' + '['.repeat(100) + ']'.repeat(100) + '\n']
  ])('%s', (_name, source) => {
    expect(simpleHeadlineSpans(source) ?? headlineSpans(source)).toEqual([])
  })

  test('a mapping nested sixty deep is read', () => {
    const source = 'title: Port reopens\nextra:\n' + Array.from({length: 60}, (_, depth) => ' '.repeat(depth + 1) + `k${depth}:\n`).join('') + ' '.repeat(61) + 'v\n'
    expect(texts(source, headlineSpans(source))).toEqual(['Port reopens'])
  })
})
