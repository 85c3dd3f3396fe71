import path from 'node:path'
import type {ToolId} from './speed-goals.js'
import type {Command} from './speed-run.js'

/** What a tool's report shows it checked: the sanity line of a case. */
export interface Sanity {
  /** Input files named in the report. */
  files: number
  /** Findings in the report. */
  findings: number
  /** Whether the report names files without findings too (cspell's does not). */
  listsEveryFile: boolean
}

/** Where the tools are. */
export interface ToolPaths {
  /** The project root (copydesk's `bin/` is there). */
  root: string
  /** The compiled plain retext-spell peer. */
  retextSpell: string
}

/**
 * The command each tool runs on the inputs of a case, each as its users
 * would call it on the command line.
 *
 * @param tool The tool.
 * @param paths Where the tools are.
 * @param inputs Input file names, relative to `cwd`.
 * @param cwd The folder of the inputs.
 * @returns The command.
 */
export function toolCommand(tool: ToolId, paths: ToolPaths, inputs: readonly string[], cwd: string): Command {
  switch (tool) {
    case 'copydesk': {
      return {
        script: path.join(paths.root, 'bin/copydesk.js'),
        args: ['--no-config', '-q', '--format', 'json', ...inputs],
        cwd,
        okExitCodes: [0, 1]
      }
    }
    case 'retext-spell': {
      return {script: paths.retextSpell, args: inputs, cwd, okExitCodes: [0]}
    }
    case 'cspell': {
      // The bin is a Node script: run with the same Node as the others. No suggestions: cspell's default.
      return {
        script: path.join(paths.root, 'node_modules/.bin/cspell'),
        args: ['lint', '--no-progress', '--no-summary', '--no-color', ...inputs],
        cwd,
        okExitCodes: [0, 1]
      }
    }
  }
}

/**
 * Read a tool's report for the sanity line: how many of the inputs it names
 * and how many findings it has.
 *
 * @param tool The tool.
 * @param stdout What it printed.
 * @param inputs Input file names as given to it.
 * @returns The counts.
 */
export function sanityOf(tool: ToolId, stdout: string, inputs: readonly string[]): Sanity {
  switch (tool) {
    case 'copydesk': {
      return copydeskSanity(stdout, inputs)
    }
    case 'retext-spell': {
      // vfile-reporter: a line with the path, then one indented line per message.
      return {
        files: namedInputs(stdout, inputs),
        findings: countLines(stdout, /^\s*\d+:\d+(?:-\d+:\d+)?\s+(?:error|warning|info)\b/u),
        listsEveryFile: true
      }
    }
    case 'cspell': {
      // `path:line:column - Unknown word (word)`; files without findings are not listed.
      return {files: namedInputs(stdout, inputs), findings: countLines(stdout, /^\S+:\d+:\d+ - /u), listsEveryFile: false}
    }
  }
}

/**
 * Count copydesk's JSON report: one entry per linted file.
 *
 * @param stdout The JSON.
 * @param inputs Input file names.
 * @returns The counts; none when it is not a report.
 */
function copydeskSanity(stdout: string, inputs: readonly string[]): Sanity {
  let report: unknown
  try {
    report = JSON.parse(stdout)
  } catch {
    return {files: 0, findings: 0, listsEveryFile: true}
  }
  if (!Array.isArray(report)) return {files: 0, findings: 0, listsEveryFile: true}
  const wanted = new Set(inputs)
  const seen = new Set<string>()
  let findings = 0
  for (const entry of report as Array<{path?: unknown; messages?: unknown}>) {
    if (typeof entry.path === 'string' && wanted.has(entry.path)) seen.add(entry.path)
    if (Array.isArray(entry.messages)) findings += entry.messages.length
  }
  return {files: seen.size, findings, listsEveryFile: true}
}

/**
 * Count the inputs a report names: file names are unique across the run.
 *
 * @param stdout The report.
 * @param inputs Input file names.
 * @returns How many of them occur.
 */
function namedInputs(stdout: string, inputs: readonly string[]): number {
  const wanted = new Set(inputs)
  const seen = new Set<string>()
  // `ci-0001.txt`, or a story of the archive with its folders: `18f-blog/_posts/2015-03-17-bechdel.md`.
  for (const match of stdout.matchAll(/[\w./-]+\.(?:txt|md)\b/gu)) {
    if (wanted.has(match[0])) seen.add(match[0])
  }
  return seen.size
}

/**
 * Count the lines that match.
 *
 * @param text Text.
 * @param pattern Pattern for one line.
 * @returns Matching lines.
 */
function countLines(text: string, pattern: RegExp): number {
  return text.split('\n').filter((line) => pattern.test(line)).length
}
