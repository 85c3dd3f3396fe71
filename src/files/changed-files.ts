import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'
import {CopydeskError} from '../errors.js'
import {formatByExtension} from './formats.js'
import {maxTextBytes, refusalOf} from './regular-file.js'
import type {SkippedEntry, WalkResult} from './walk.js'

const run = promisify(execFile)

/** Branches taken for the default branch when the remote does not say, in this order. */
const defaultBranches = ['origin/main', 'origin/master', 'main', 'master']

/**
 * The text, Markdown and HTML files a change touches, so that a pull request
 * or a commit is judged on what it changes (`--changed`): files added,
 * copied, modified or renamed since the merge base of HEAD and REF, as they
 * are in the working tree, plus files git does not track yet; inside a git
 * hook (where git sets `GIT_INDEX_FILE`) and without a REF, the staged files.
 *
 * The change is not the user's choice but whoever wrote it: a changed
 * name that is not a regular file inside the repository (a committed
 * `notes.txt -> /proc/self/environ`, a FIFO) is passed by with its reason,
 * as an entry of a folder is.
 *
 * @param cwd Working directory, inside the repository.
 * @param ref The branch or commit to compare with; `undefined` for the default branch.
 * @param env The environment, to tell a hook.
 * @returns Changed files that exist, as absolute paths, sorted; and those passed by.
 * @throws {CopydeskError} Outside a repository, or when REF does not name a commit.
 */
export async function changedFiles(cwd: string, ref: string | undefined, env: NodeJS.ProcessEnv): Promise<WalkResult> {
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'], '--changed: not inside a git repository')).trim()
  let listed: string[]
  if (ref === undefined && env.GIT_INDEX_FILE !== undefined) {
    listed = nulSeparated(await git(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], ''))
  } else {
    const against = ref ?? (await defaultBranch(top))
    const base = (await git(top, ['merge-base', against, 'HEAD'], `--changed: \`${against}\` is not a branch or commit here`)).trim()
    listed = [
      ...nulSeparated(await git(top, ['diff', '--name-only', '-z', '--diff-filter=ACMR', base], '')),
      ...nulSeparated(await git(top, ['ls-files', '--others', '--exclude-standard', '-z'], ''))
    ]
  }
  const files = new Set<string>()
  const skipped: SkippedEntry[] = []
  for (const name of new Set(listed)) {
    const absolute = path.join(top, name)
    if (!formatByExtension.has(path.extname(name).toLowerCase())) continue
    const refusal = refusalOf(absolute, {within: top, maxBytes: maxTextBytes})
    // Git's names are read as UTF-8: one that is not has U+FFFD in it and names nothing.
    if (refusal?.kind === 'missing' && name.includes('\uFFFD')) skipped.push({path: absolute, reason: 'its name is not UTF-8'})
    // A file the change deletes in the working tree: nothing to lint.
    if (refusal?.kind === 'missing') continue
    if (refusal) skipped.push({path: absolute, reason: refusal.reason})
    else files.add(absolute)
  }
  return {files: [...files].sort(), skipped}
}

/**
 * The branch a change is compared with when none is named: the remote's
 * default branch, else the first of `defaultBranches` that exists.
 *
 * @param top Repository folder.
 * @returns The branch.
 * @throws {CopydeskError} When there is none.
 */
async function defaultBranch(top: string): Promise<string> {
  try {
    return (await run('git', ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], {cwd: top})).stdout.trim()
  } catch {
    for (const branch of defaultBranches) {
      try {
        await run('git', ['rev-parse', '--verify', '--quiet', branch + '^{commit}'], {cwd: top})
        return branch
      } catch {
        // Not this one.
      }
    }
  }
  throw new CopydeskError('--changed: no default branch (main or master) to compare with; name one: `--changed REF`')
}

/**
 * Run git and give its output.
 *
 * @param cwd Where to run it.
 * @param args Arguments.
 * @param failure The problem to report when it fails (`''`: git's own first line).
 * @returns Standard output.
 */
async function git(cwd: string, args: string[], failure: string): Promise<string> {
  try {
    return (await run('git', args, {cwd, maxBuffer: 64 * 1024 * 1024})).stdout
  } catch (error) {
    const reason = (error as {stderr?: string}).stderr?.split('\n')[0] ?? String(error)
    throw new CopydeskError(failure || '--changed: git failed: ' + reason, {}, error)
  }
}

/**
 * Split git's `-z` output.
 *
 * @param output Output.
 * @returns Names.
 */
function nulSeparated(output: string): string[] {
  return output.split('\0').filter(Boolean)
}
