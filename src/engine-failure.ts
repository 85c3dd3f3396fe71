import fs from 'node:fs'
import path from 'node:path'
import {causeChain, CopydeskError, findCopydeskError} from './errors.js'
import {StageFailure} from './stage.js'

/** How unified-engine names a config file it could not load. */
const configFailure = /^Cannot (?:parse|read) (?:given )?file `(.+)`$/

/**
 * Turn a failure unified-engine recorded on a file into one clear problem:
 * our own config errors as they are, a config file that does not parse as
 * `file:line: invalid JSON/YAML: reason`, anything else with the story's name.
 *
 * @param failure The cause of the engine's fatal message.
 * @param storyPath The file being linted when it happened.
 * @param cwd Working directory (the engine names config files relative to it).
 * @returns The problem to report.
 */
export function problemFromEngineFailure(failure: unknown, storyPath: string, cwd: string): CopydeskError {
  const ours = findCopydeskError(failure)
  if (ours) return ours

  const chain = causeChain(failure)
  const stage = chain.find((error): error is StageFailure => error instanceof StageFailure)
  if (stage) return problemFromStageFailure(stage.stage, stage.cause, storyPath)

  const configFile = chain.map((error) => configFailure.exec(error.message)?.[1]).find(Boolean)
  const innermost = chain.at(-1)

  // Any other failure on the way through the pipeline: still one line with the file and a stage.
  if (!configFile || !innermost) return problemFromStageFailure('linting', innermost ?? failure, storyPath)
  const reason = firstLine(innermost.message)

  const isYaml = /\.ya?ml$/.test(configFile)
  const cleaned = reason
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at line \d+, column \d+:?$/, '')
  return new CopydeskError(
    `invalid ${isYaml ? 'YAML' : 'JSON'}: ${cleaned}`,
    {file: configFile, line: errorLine(innermost, path.resolve(cwd, configFile))},
    failure
  )
}

/**
 * Turn a rule that threw on a file into one clear problem naming the rule
 * and the file: `story.md: rule \`spelling\` failed: reason`.
 *
 * @param ruleId The rule.
 * @param error What it threw (kept as the cause, for `COPYDESK_DEBUG`).
 * @param storyPath The file it was checking.
 * @returns The problem to report.
 */
export function problemFromRuleFailure(ruleId: string, error: unknown, storyPath: string): CopydeskError {
  return problemFromStageFailure('rule `' + ruleId + '`', error, storyPath)
}

/**
 * Turn a stage of the run that threw into one clear problem naming the
 * stage, and the file when it was one file's: `story.md: parsing failed:
 * reason`, `names-across-files failed: reason`.
 *
 * @param stage The stage (`parsing`, `step \`mark-sic\``, `rule \`spelling\``).
 * @param error What it threw (kept as the cause, for `COPYDESK_DEBUG`).
 * @param storyPath The file it was working on, if any.
 * @returns The problem to report.
 */
export function problemFromStageFailure(stage: string, error: unknown, storyPath?: string): CopydeskError {
  const reason = firstLine(error instanceof Error ? error.message : String(error)) || (error instanceof Error ? error.name : 'no message')
  return new CopydeskError(stage + ' failed: ' + reason, {file: storyPath}, error)
}

/**
 * Find the line of a parse error: YAML errors carry it; JSON errors from
 * parse-json give an offset, which is counted in the config file.
 *
 * @param error The parser's error.
 * @param filePath Absolute path of the config file.
 * @returns 1-based line, when known.
 */
function errorLine(error: Error, filePath: string): number | undefined {
  const yamlLine = (error as {linePos?: Array<{line: number}>}).linePos?.[0]?.line
  if (yamlLine !== undefined) return yamlLine
  const match = /at line (\d+)|\(line (\d+)|at position (\d+)/.exec(error.message)
  if (!match) return undefined
  if (match[1] ?? match[2]) return Number(match[1] ?? match[2])
  try {
    const text = fs.readFileSync(filePath, 'utf8')
    return text.slice(0, Number(match[3])).split('\n').length
  } catch {
    return undefined
  }
}

/**
 * The first line of a message.
 *
 * @param message Possibly multi-line text.
 * @returns Its first line.
 */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim()
}
