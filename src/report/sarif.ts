import {createHash} from 'node:crypto'
import path from 'node:path'
import type {VFile} from 'vfile'
import {rules as allRules} from '../../rules/index.js'
import {packageInfo} from '../package-info.js'
import {readmeUrl, ruleUrl} from '../rule-url.js'
import type {Severity} from '../severity.js'
import {type JsonMessage, jsonReport} from './json.js'
import {wellFormed} from './printable.js'

/** SARIF levels for copydesk severities: SARIF calls context `note`. */
const levelOf: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note'
}

/**
 * The key of copydesk's fingerprint in `partialFingerprints`; the version
 * changes if the way it is computed ever does, so that consumers do not
 * match old and new fingerprints.
 */
export const fingerprintKey = 'copydesk/v1'

/** A rule as SARIF describes it (`reportingDescriptor`). */
interface SarifRule {
  id: string
  shortDescription: {text: string}
  helpUri: string
}

/** A region of a file (SARIF `region`): 1-based lines and columns, end column exclusive. */
interface SarifRegion {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

/** A location in a file (SARIF `location`). */
interface SarifLocation {
  physicalLocation: {artifactLocation: {uri: string}; region?: SarifRegion}
}

/** A finding (SARIF `result`). */
interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: 'error' | 'warning' | 'note'
  message: {text: string}
  locations: SarifLocation[]
  partialFingerprints: Record<string, string>
  fixes?: Array<{
    description: {text: string}
    artifactChanges: Array<{
      artifactLocation: {uri: string}
      replacements: Array<{deletedRegion: SarifRegion; insertedContent: {text: string}}>
    }>
  }>
}

/** A SARIF 2.1.0 log with one run. */
export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: Array<{
    tool: {driver: {name: string; version: string; informationUri: string; rules: SarifRule[]}}
    columnKind: 'utf16CodeUnits'
    results: SarifResult[]
  }>
}

/**
 * Build a SARIF 2.1.0 log of the findings, for code scanning and other
 * tools that read SARIF: one run, every rule in `tool.driver.rules`, one
 * result per finding in input order and then document order.
 *
 * @param files Linted files (already filtered for `--quiet`).
 * @param options `cwd` to make artifact URIs relative to.
 * @returns The log as data.
 */
export function sarifReport(files: readonly VFile[], options: {cwd: string}): SarifLog {
  const descriptors: SarifRule[] = allRules.map((rule) => ({
    id: rule.id,
    shortDescription: {text: rule.description},
    helpUri: ruleUrl(rule.id)
  }))
  const indexOf = new Map(descriptors.map((rule, index) => [rule.id, index]))
  const results: SarifResult[] = []

  for (const entry of jsonReport(files)) {
    const uri = toUri(path.relative(options.cwd, path.resolve(options.cwd, entry.path)))
    // How often each (rule, text) pair has been seen in this file so far, for fingerprints.
    const occurrences = new Map<string, number>()
    for (const message of entry.messages) {
      const ruleId = message.ruleId ?? 'unknown'
      let ruleIndex = indexOf.get(ruleId)
      if (ruleIndex === undefined) {
        // Findings outside the rules, such as a broken comment marker, still need a descriptor.
        ruleIndex = descriptors.length
        descriptors.push({
          id: ruleId,
          shortDescription: {text: 'A problem with a comment marker or another finding outside the rules'},
          helpUri: message.url ?? readmeUrl
        })
        indexOf.set(ruleId, ruleIndex)
      }
      const key = JSON.stringify([ruleId, message.actual ?? message.reason])
      const occurrence = occurrences.get(key) ?? 0
      occurrences.set(key, occurrence + 1)
      results.push(toResult(message, {ruleId, ruleIndex, uri, occurrence}))
    }
  }

  const {name, version} = packageInfo()
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name, version, informationUri: readmeUrl.replace(/#.*$/, ''), rules: descriptors}},
        // Columns count UTF-16 code units, as JavaScript strings do; SARIF
        // lets a run say so instead of counting code points.
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

/**
 * Turn a finding into a SARIF result.
 *
 * @param message Finding in its JSON form.
 * @param context Rule, artifact and which occurrence of its text this is.
 * @returns The result.
 */
function toResult(
  message: JsonMessage,
  context: {ruleId: string; ruleIndex: number; uri: string; occurrence: number}
): SarifResult {
  const region: SarifRegion | undefined =
    message.line !== null && message.column !== null
      ? {
          startLine: message.line,
          startColumn: message.column,
          endLine: message.endLine ?? message.line,
          endColumn: message.endColumn ?? message.column
        }
      : undefined
  const artifactLocation = {uri: context.uri}
  const result: SarifResult = {
    ruleId: context.ruleId,
    ruleIndex: context.ruleIndex,
    level: levelOf[message.severity],
    message: {text: message.reason},
    locations: [{physicalLocation: region ? {artifactLocation, region} : {artifactLocation}}],
    partialFingerprints: {[fingerprintKey]: fingerprint(context.ruleId, context.uri, message, context.occurrence)}
  }
  const [only] = message.expected
  // A fix only when there is one clear replacement: with several
  // suggestions, picking one for the editor would be a guess.
  if (region && only !== undefined && message.expected.length === 1) {
    result.fixes = [
      {
        description: {text: 'Replace with `' + only + '`'},
        artifactChanges: [{artifactLocation, replacements: [{deletedRegion: region, insertedContent: {text: only}}]}]
      }
    ]
  }
  return result
}

/**
 * A fingerprint that survives edits elsewhere in the file: the rule, the
 * file, the text found and which occurrence of that text it is, but not the
 * line, so that adding a paragraph above does not make an old finding new.
 *
 * @param ruleId Rule id.
 * @param uri Artifact URI.
 * @param message Finding.
 * @param occurrence Index among findings of the same rule and text in the file.
 * @returns Hex digest.
 */
function fingerprint(ruleId: string, uri: string, message: JsonMessage, occurrence: number): string {
  const parts = [ruleId, uri, message.actual ?? message.reason, String(occurrence)]
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32)
}

/**
 * A relative path as a relative URI reference: forward slashes, and
 * characters a URI cannot hold percent-encoded.
 *
 * @param relative Path relative to the working directory.
 * @returns URI reference.
 */
function toUri(relative: string): string {
  return relative.split(path.sep).map((part) => encodeURIComponent(wellFormed(part))).join('/')
}
