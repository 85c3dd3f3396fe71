import {describe, expect, it} from 'vitest'
import {homophoneEntries} from '../src/words/homophones.js'

describe('homophones', () => {
  const entries = homophoneEntries()
  const has = (written: string, meant: string) => entries.some(([a, b]) => a === written && b === meant)

  it('gives each pair of a group both ways round', () => {
    expect(has('reign', 'rain')).toBe(true)
    expect(has('rain', 'reign')).toBe(true)
    expect(has('rein', 'reign')).toBe(true)
    expect(has('their', 'there')).toBe(true)
    expect(entries.every(([written, meant]) => written !== meant)).toBe(true)
  })

  it('keeps words people use, spelt with letters and a vowel', () => {
    // CMUdict reads `lbs` as `pounds` and `c` as `see`: no one spells by ear that way.
    expect(has('lbs', 'pounds')).toBe(false)
    expect(has('c', 'see')).toBe(false)
    expect(entries.every(([written, meant]) => /^[a-z]*[aeiouy][a-z]*$/.test(written) && written.length > 1 && meant.length > 1)).toBe(true)
  })
})
