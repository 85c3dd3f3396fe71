import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import {ProgressLine, progressText, wantsProgress} from '../src/report/progress.js'

describe('wantsProgress', () => {
  test.each([
    ['a terminal, outside CI', true, {}, true],
    ['a terminal in CI', true, {CI: 'true'}, false],
    ['a terminal with CI set to anything', true, {CI: ''}, false],
    ['a pipe', false, {}, false],
    ['a pipe in CI', false, {CI: '1'}, false],
    ['a stream that does not say', undefined, {}, false]
  ])('%s: %s', (_name, isTTY, env, expected) => {
    expect(wantsProgress({write: () => true, isTTY}, env)).toBe(expected)
  })
})

describe('progressText', () => {
  test.each([
    [0, 1000, 'checked 0/1000 files'],
    [340, 1000, 'checked 340/1000 files'],
    [1, 1, 'checked 1/1 file']
  ])('%i of %i', (done, total, expected) => {
    expect(progressText(done, total)).toBe(expected)
  })
})

// The clock is vitest's, not the machine's: these check what is drawn, not how fast.
describe('ProgressLine', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  /**
   * A stand-in for standard error.
   *
   * @returns The stream and what was written to it.
   */
  function terminal(): {stream: {write: (text: string) => boolean; isTTY: boolean}; written: string[]} {
    const written: string[] = []
    return {stream: {write: (text: string) => written.push(text) > 0, isTTY: true}, written}
  }

  test('draws nothing for a run that ends within a second', () => {
    const {stream, written} = terminal()
    const line = new ProgressLine(stream)
    line.update(0, 10)
    line.update(10, 10)
    vi.advanceTimersByTime(999)
    line.end()
    vi.advanceTimersByTime(5000)
    expect(written).toEqual([])
  })

  test('draws over itself in place, then clears the line at the end', () => {
    const {stream, written} = terminal()
    const line = new ProgressLine(stream)
    line.update(0, 1000)
    line.update(120, 1000)
    vi.advanceTimersByTime(1000)
    line.update(340, 1000)
    vi.advanceTimersByTime(250)
    line.end()
    vi.advanceTimersByTime(5000)
    expect(written).toEqual(['\rchecked 120/1000 files\u001B[K', '\rchecked 340/1000 files\u001B[K', '\r\u001B[K'])
  })

  test('redraws at most four times a second, however often it is told', () => {
    const {stream, written} = terminal()
    const line = new ProgressLine(stream)
    for (let done = 0; done <= 1000; done++) {
      line.update(done, 1000)
      vi.advanceTimersByTime(2)
    }
    line.end()
    // 2 s of updates: the first draw at 1 s, then one every 250 ms, then the clearing.
    expect(written).toHaveLength(6)
  })
})
