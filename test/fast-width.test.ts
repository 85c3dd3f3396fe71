import {createRequire} from 'node:module'
import {describe, expect, test} from 'vitest'
import {withAsciiFastPath, type MeasureWidth} from '../src/report/fast-width.js'

// The string-width that vfile-reporter imports (its own copy), found the way it finds it.
const fromReporter = createRequire(createRequire(import.meta.url).resolve('vfile-reporter'))
const stringWidth = ((await import(fromReporter.resolve('string-width'))) as {default: MeasureWidth}).default

/**
 * Wrap string-width and count the calls that reach it.
 *
 * @returns The wrapped function and the count.
 */
function counted(): {width: MeasureWidth; calls: () => number} {
  let calls = 0
  const width = withAsciiFastPath(function (text, options) {
    calls++
    return stringWidth(text, options)
  })
  return {width, calls: () => calls}
}

describe('withAsciiFastPath', () => {
  test.each([
    ['empty text', ''],
    ['a place', '12:4-12:19'],
    ['a reason', 'Unexpected repeated word `the the`, expected `the`'],
    ['a bold reason with a coloured value', '\u001B[1mUnexpected word \u001B[36m`Febuary`\u001B[39m\u001B[22m'],
    ['every printable ASCII character', Array.from({length: 95}, (_, index) => String.fromCharCode(0x20 + index)).join('')]
  ])('counts %s itself, with string-width’s width', (_, text) => {
    const {width, calls} = counted()
    expect(width(text)).toBe(stringWidth(text))
    expect(calls()).toBe(0)
  })

  test.each([
    ['a letter beyond ASCII', 'Unexpected word `Zürichh`'],
    ['wide characters', '東京 東京'],
    ['an emoji', 'party 🎉 time'],
    ['a combining mark', 'cafe\u0301'],
    ['a tab', 'a\tb'],
    ['a control character', 'a\u0007b'],
    ['an ANSI code that is not SGR', 'a\u001B[2Kb'],
    ['a coloured wide word', '\u001B[36m東京\u001B[39m']
  ])('leaves %s to string-width', (_, text) => {
    const {width, calls} = counted()
    expect(width(text)).toBe(stringWidth(text))
    expect(calls()).toBe(1)
  })

  test('leaves a call with options to string-width', () => {
    const {width, calls} = counted()
    expect(width('\u001B[1mbold\u001B[22m', {countAnsiEscapeCodes: true})).toBe(
      stringWidth('\u001B[1mbold\u001B[22m', {countAnsiEscapeCodes: true})
    )
    expect(calls()).toBe(1)
  })
})
