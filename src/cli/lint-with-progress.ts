import type {Dialect} from '../words/dictionary.js'
import {lintFiles, type LintOptions, type LintResult} from '../lint.js'
import {ProgressLine, wantsProgress} from '../report/progress.js'
import type {CliIo} from './io.js'
import {printable} from '../report/printable.js'

/**
 * Lint as a command of the CLI does: with the config options given, a
 * progress line on a terminal, and the notes and problems of the run
 * printed on standard error.
 *
 * @param what What to lint (the names indexes to add, the shard to keep).
 * @param options The command's config, dialect and jobs options.
 * @param io Process around the CLI.
 * @returns What the run gave.
 */
export async function lintWithProgress(
  what: Pick<LintOptions, 'inputs' | 'stdin' | 'namesIn' | 'namesOnly' | 'shard'>,
  options: {config?: string | false; dialect?: Dialect; jobs?: number},
  io: CliIo
): Promise<LintResult> {
  const progress = wantsProgress(io.stderr, io.env) ? new ProgressLine(io.stderr) : undefined
  const result = await lintFiles({
    ...what,
    cwd: io.cwd,
    configPath: typeof options.config === 'string' ? options.config : undefined,
    noConfig: options.config === false,
    dialect: options.dialect,
    jobs: options.jobs,
    onProgress: progress && ((done, total) => progress.update(done, total)),
    importModule: io.importModule
  }).finally(() => progress?.end())
  for (const notice of result.notices) io.stderr.write('copydesk: ' + printable(notice) + '\n')
  for (const problem of result.problems) {
    io.stderr.write('copydesk: ' + printable(problem.toLine()) + '\n')
    // A rule that crashed: its stack, for a bug report.
    if (io.env.COPYDESK_DEBUG && problem.cause instanceof Error) io.stderr.write(String(problem.cause.stack) + '\n')
  }
  return result
}
