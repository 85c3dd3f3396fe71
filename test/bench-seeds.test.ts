import {describe, expect, test} from 'vitest'
import {renderSeedSummary, type SeedRun, summariseSeeds} from '../bench/seed-summary.js'
import type {TargetResult} from '../bench/targets.js'

/**
 * A target as one run of bench:accuracy reports it.
 *
 * @param measured The figure, or `null` when nothing was measured.
 * @param pass Whether it met the goal.
 * @returns The target result.
 */
function recall(measured: number | null, pass: boolean): TargetResult {
  return {id: 'recall: misspellings', measure: 'recall: real misspellings', goal: '>= 0.90', measured, pass}
}

/**
 * The pointing target as one run reports it.
 *
 * @param count Fixes pointing at the slip.
 * @returns The target result.
 */
function pointing(count: number): TargetResult {
  return {id: 'fix points at the slip', measure: 'name slips whose fix points at the slip', goal: '<= 0', measured: count, pass: count === 0}
}

const runs: SeedRun[] = [
  {seed: 1, sets: [{id: 'development', title: 'development', targets: [recall(0.92, true), pointing(0)]}, {id: 'held', title: 'held out', targets: [recall(0.91, true), pointing(0)]}]},
  {seed: 2, sets: [{id: 'development', title: 'development', targets: [recall(0.88, false), pointing(1)]}, {id: 'held', title: 'held out', targets: [recall(0.9, true), pointing(0)]}]},
  {seed: 3, sets: [{id: 'development', title: 'development', targets: [recall(null, false), pointing(0)]}]}
]

describe('bench:seeds', () => {
  test('gives each target of each set over every seed that ran it, naming the seeds that missed', () => {
    const [development, held] = summariseSeeds(runs)
    expect(development?.targets[0]).toMatchObject({least: 0.88, most: 0.92, passed: 1, runs: 3, missedBy: [2, 3]})
    expect(development?.targets[0]?.mean).toBeCloseTo(0.9)
    expect(development?.targets[1]).toMatchObject({least: 0, most: 1, passed: 2, runs: 3, missedBy: [2]})
    // The third run has no held-out set: it counts for none of its targets.
    expect(held?.targets[0]).toMatchObject({least: 0.9, most: 0.91, passed: 2, runs: 2, missedBy: []})
  })

  test('says how many targets every seed met, and which seeds missed the others', () => {
    const report = renderSeedSummary(summariseSeeds(runs), [1, 2, 3], 'npm run bench:seeds -- --seeds 1,2,3')
    expect(report).toContain('reproduce: npm run bench:seeds -- --seeds 1,2,3')
    expect(report).toMatch(/recall: real misspellings +>= 0\.90 +0\.880 +0\.900 +0\.920 +1 of 3 +missed at seed 2, 3\n/)
    expect(report).toMatch(/name slips whose fix points at the slip +<= 0 +0 +0\.333 +1 +2 of 3 +missed at seed 2\n/)
    expect(report).toContain('development\n')
    expect(report.match(/targets met on every seed: (\d) of 2/g)).toEqual(['targets met on every seed: 0 of 2', 'targets met on every seed: 2 of 2'])
  })

  test('has nothing to say of no runs', () => {
    expect(summariseSeeds([])).toEqual([])
  })
})
