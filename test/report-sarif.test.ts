import {existsSync, readFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {describe, expect, test} from 'vitest'
import {rules} from '../rules/index.js'
import {packageInfo} from '../src/package-info.js'
import {fingerprintKey, type SarifLog} from '../src/report/sarif.js'
import {makeTree, root, runCli} from './helpers.js'

// Both packages are CommonJS with the export also on `.default`, which is
// where TypeScript looks for it under NodeNext.
const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default

/** The official schema, read in place from the shared folder (absent in CI). */
const schemaPath = path.join(root, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json')

/**
 * Lint files with `--format sarif`.
 *
 * @param cwd Working directory.
 * @param args Paths and other flags.
 * @returns The parsed log.
 */
async function sarif(cwd: string, args: string[]): Promise<SarifLog> {
  const run = await runCli(['--format', 'sarif', ...args], {cwd})
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as SarifLog
}

/**
 * The results of the one run in a log.
 *
 * @param log SARIF log.
 * @returns Its results.
 */
function resultsOf(log: SarifLog) {
  const [run] = log.runs
  if (!run) throw new Error('no run')
  return run.results
}

describe('--format sarif', () => {
  test('describes the tool and every rule', async () => {
    const cwd = await makeTree({'a.txt': 'All is well.\n'})
    const log = await sarif(cwd, ['a.txt'])
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const [run] = log.runs
    expect(run?.columnKind).toBe('utf16CodeUnits')
    expect(run?.results).toEqual([])
    expect(run?.tool.driver).toMatchObject({
      name: 'copydesk',
      version: packageInfo().version,
      informationUri: 'https://github.com/copydesk/copydesk'
    })
    expect(run?.tool.driver.rules).toEqual(
      rules.map((rule) => ({
        id: rule.id,
        shortDescription: {text: rule.description},
        helpUri: 'https://github.com/copydesk/copydesk#rule-' + rule.id
      }))
    )
  })

  test('reports each finding with its rule, level, relative URI and region', async () => {
    const cwd = await makeTree({'desk/late edition.txt': 'Kiev set a budgett for Ilunga.\n'})
    const log = await sarif(cwd, ['desk'])
    const ruleIds = log.runs[0]?.tool.driver.rules.map((rule) => rule.id) ?? []
    const location = (startColumn: number, endColumn: number) => [
      {
        physicalLocation: {
          artifactLocation: {uri: 'desk/late%20edition.txt'},
          region: {startLine: 1, startColumn, endLine: 1, endColumn}
        }
      }
    ]
    const fix = (startColumn: number, endColumn: number, text: string) => [
      {
        description: {text: 'Replace with `' + text + '`'},
        artifactChanges: [
          {
            artifactLocation: {uri: 'desk/late%20edition.txt'},
            replacements: [{deletedRegion: {startLine: 1, startColumn, endLine: 1, endColumn}, insertedContent: {text}}]
          }
        ]
      }
    ]
    expect(resultsOf(log).map(({partialFingerprints: _, ...result}) => result)).toEqual([
      {
        ruleId: 'house-style',
        ruleIndex: ruleIds.indexOf('house-style'),
        level: 'warning',
        message: {
          text: 'Unexpected `Kiev`, expected `Kyiv` (house style): the Ukrainian spelling, in AP, BBC and Guardian style since 2019'
        },
        locations: location(1, 5),
        fixes: fix(1, 5, 'Kyiv')
      },
      {
        ruleId: 'spelling',
        ruleIndex: ruleIds.indexOf('spelling'),
        level: 'error',
        message: {text: 'Unexpected unknown word `budgett`, expected for example `budget`'},
        locations: location(12, 19),
        // One suggestion, every other far less likely: offered as a fix to review (`--fix` never applies it).
        fixes: fix(12, 19, 'budget')
      },
      {
        ruleId: 'spelling',
        ruleIndex: ruleIds.indexOf('spelling'),
        level: 'note',
        message: {text: 'Unexpected unknown name `Ilunga`, not in the dictionary: check it once'},
        locations: location(24, 30)
      }
    ])
  })

  test('adds a descriptor for a finding outside the rules, such as a broken marker', async () => {
    const cwd = await makeTree({'a.md': '<!-- copydesk-disable nonsense -->\n\nAll is well.\n'})
    const log = await sarif(cwd, ['a.md'])
    const driverRules = log.runs[0]?.tool.driver.rules ?? []
    expect(driverRules).toHaveLength(rules.length + 1)
    expect(driverRules[rules.length]).toMatchObject({
      id: 'marker',
      helpUri: 'https://github.com/copydesk/copydesk#suppressing-a-finding'
    })
    expect(resultsOf(log).map((result) => [result.ruleId, result.ruleIndex, result.level])).toEqual([
      ['marker', rules.length, 'error']
    ])
  })

  test('keeps fingerprints when lines are added above, and tells identical findings apart', async () => {
    const story = 'The budgett passed.\nA second budgett vote.\n'
    const cwd = await makeTree({'a.txt': story, 'b.txt': story})
    const before = resultsOf(await sarif(cwd, ['a.txt', 'b.txt'])).map(
      (result) => result.partialFingerprints[fingerprintKey]
    )
    await fs.writeFile(path.join(cwd, 'a.txt'), 'A new first paragraph.\n\n' + story)
    const after = resultsOf(await sarif(cwd, ['a.txt', 'b.txt'])).map(
      (result) => result.partialFingerprints[fingerprintKey]
    )
    expect(after).toEqual(before)
    expect(before).toHaveLength(4)
    // Two occurrences in one file, and the same text in two files, differ.
    expect(new Set(before).size).toBe(4)
    for (const value of before) expect(value).toMatch(/^[\da-f]{32}$/)
  })

  test('lists only errors with --quiet', async () => {
    const cwd = await makeTree({'a.txt': 'Kiev set a budgett.\n'})
    const log = await sarif(cwd, ['--quiet', 'a.txt'])
    expect(resultsOf(log).map((result) => result.level)).toEqual(['error'])
  })

  // The schema is the published one in ../shared, read in place rather than
  // copied in; where it is absent (CI has no ../shared), skip just this.
  test.skipIf(!existsSync(schemaPath))('is valid against the SARIF 2.1.0 schema', async () => {
    const cwd = await makeTree({
      'a.md': '<!-- copydesk-disable nonsense -->\n\nKiev set a budgett for Ilunga, and the the port.\n',
      'sub/b.txt': 'The budgett passed.\n'
    })
    const log = await sarif(cwd, ['a.md', 'sub'])
    expect(resultsOf(log).length).toBeGreaterThan(4)
    const ajv = new Ajv({allErrors: true, strict: false})
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)
    expect(validate(log) ? [] : validate.errors).toEqual([])
    // A log the schema refuses, so that the check above cannot pass by accident.
    expect(validate({...log, version: '2.0.0'})).toBe(false)
  })

  const sample = path.join(root, '..', 'shared', 'samples', 'belarus-railways.txt')
  test.skipIf(!existsSync(schemaPath) || !existsSync(sample))('of the sample article is valid against the schema', async () => {
    const run = await runCli(['--format', 'sarif', sample])
    const log = JSON.parse(run.stdout) as {runs: Array<{results: unknown[]}>}
    expect(log.runs[0]?.results.length).toBeGreaterThan(7)
    const ajv = new Ajv({allErrors: true, strict: false})
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)
    expect(validate(log) ? [] : validate.errors).toEqual([])
  })
})
