import type {TargetId, TargetResult} from './targets.js'

/** What one run of `bench:accuracy` gave on one set: its targets. */
export interface SeedSetResult {
  id: string
  title: string
  targets: readonly TargetResult[]
}

/** One run of `bench:accuracy`, with its seed. */
export interface SeedRun {
  seed: number
  sets: readonly SeedSetResult[]
}

/** A target over every seed's run on one set. */
export interface TargetOverSeeds {
  id: TargetId
  measure: string
  goal: string
  /** The lowest, mean and highest measured value; `null` when no run measured it. */
  least: number | null
  mean: number | null
  most: number | null
  /** Runs that met the goal, of all runs. */
  passed: number
  runs: number
  /** The seeds whose run missed the goal. */
  missedBy: number[]
}

/** One set's targets over every seed. */
export interface SetOverSeeds {
  id: string
  title: string
  targets: TargetOverSeeds[]
}

/**
 * Gather the targets of runs with different seeds, set by set: one seed
 * draws one sample of injections, and a figure near its goal passes on one
 * seed and fails on the next. A target met on every seed is met; one met on
 * some is not yet.
 *
 * @param runs The runs, each with its seed.
 * @returns For each set of the first run, each target over every run that has the set.
 */
export function summariseSeeds(runs: readonly SeedRun[]): SetOverSeeds[] {
  const first = runs[0]
  if (!first) return []
  return first.sets.map(function (set): SetOverSeeds {
    const ofSet = runs.flatMap((run) => {
      const found = run.sets.find((other) => other.id === set.id)
      return found ? [{seed: run.seed, targets: found.targets}] : []
    })
    return {
      id: set.id,
      title: set.title,
      targets: set.targets.map(function (target): TargetOverSeeds {
        const results = ofSet.flatMap(({seed, targets}) => {
          const result = targets.find((other) => other.id === target.id)
          return result ? [{seed, result}] : []
        })
        const measured = results.flatMap(({result}) => (result.measured === null ? [] : [result.measured]))
        return {
          id: target.id,
          measure: target.measure,
          goal: target.goal,
          least: measured.length > 0 ? Math.min(...measured) : null,
          mean: measured.length > 0 ? measured.reduce((sum, value) => sum + value, 0) / measured.length : null,
          most: measured.length > 0 ? Math.max(...measured) : null,
          passed: results.filter(({result}) => result.pass).length,
          runs: results.length,
          missedBy: results.filter(({result}) => !result.pass).map(({seed}) => seed)
        }
      })
    }
  })
}

/**
 * Render the targets over seeds as a plain-text report.
 *
 * @param summary The sets' targets over seeds.
 * @param seeds The seeds, in the order run.
 * @param command The command that reproduces the report.
 * @returns The report.
 */
export function renderSeedSummary(summary: readonly SetOverSeeds[], seeds: readonly number[], command: string): string {
  const lines = [
    'copydesk accuracy targets over several seeds',
    `  reproduce: ${command}`,
    `  seeds: ${seeds.join(', ')} (each draws other injections; bench:accuracy -- --seed N shows one run in full)`,
    ''
  ]
  for (const set of summary) {
    lines.push(set.title)
    lines.push(`  ${'measure at error'.padEnd(78)} ${'goal'.padEnd(8)} ${'least'.padStart(7)} ${'mean'.padStart(7)} ${'most'.padStart(7)}  met`)
    for (const target of set.targets) {
      const missed = target.missedBy.length > 0 ? `  missed at seed ${target.missedBy.join(', ')}` : ''
      lines.push(
        `  ${target.measure.padEnd(78)} ${target.goal.padEnd(8)} ${figure(target.least)} ${figure(target.mean)} ${figure(target.most)}  ${target.passed} of ${target.runs}${missed}`
      )
    }
    const met = set.targets.filter((target) => target.passed === target.runs).length
    lines.push(`  targets met on every seed: ${met} of ${set.targets.length}`, '')
  }
  return lines.join('\n')
}

/**
 * Show a measured value: a rate to three places, a count whole.
 *
 * @param value The value.
 * @returns Seven characters.
 */
function figure(value: number | null): string {
  if (value === null) return '-'.padStart(7)
  return (Number.isInteger(value) ? String(value) : value.toFixed(3)).padStart(7)
}
