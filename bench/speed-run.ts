import {spawn} from 'node:child_process'
import {closeSync, existsSync, openSync, readFileSync} from 'node:fs'
import process from 'node:process'
import type {RunOutcome} from './speed-stats.js'

/** GNU time, which reads a process's peak RSS; absent on some machines. */
const gnuTime = '/usr/bin/time'

/** How much of standard error a failed run shows. */
const stderrTailLength = 2000

/** One whole-process command: a Node script and its arguments. */
export interface Command {
  /** The script, run with this Node (`process.execPath`). */
  script: string
  args: readonly string[]
  /** Working directory: the folder of the inputs, so every tool sees them below it (cspell skips files outside its root). */
  cwd: string
  /** Exit codes of a run that did its job: 1 is the usual "findings" code. */
  okExitCodes: readonly number[]
}

/** Where one run writes. */
export interface RunFiles {
  /** Standard output goes here, not to the terminal: printing is not what is measured. */
  stdout: string
  stderr: string
  /** Where GNU time writes the peak RSS. */
  rss: string
}

/** The process group running now, so that an interrupt can stop it. */
let running: number | undefined

/**
 * Whether the peak RSS can be read here.
 *
 * @returns Whether `/usr/bin/time` exists.
 */
export function canReadRss(): boolean {
  return existsSync(gnuTime)
}

/**
 * Stop the command running now, if any (on an interrupt).
 */
export function stopRunning(): void {
  if (running !== undefined) killGroup(running)
}

/**
 * Run a command once as a fresh process and time it from start to exit.
 *
 * @param command The command.
 * @param files Where its output goes.
 * @param timeoutSeconds Seconds after which it is killed (with everything it started).
 * @returns How it ended.
 */
export async function runOnce(command: Command, files: RunFiles, timeoutSeconds: number): Promise<RunOutcome> {
  const withRss = canReadRss()
  const node = [process.execPath, command.script, ...command.args]
  const [program, ...args] = withRss ? [gnuTime, '-o', files.rss, '-f', '%M', ...node] : node
  const stdout = openSync(files.stdout, 'w')
  const stderr = openSync(files.stderr, 'w')
  const started = performance.now()
  let timedOut = false
  try {
    const ended = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>(function (resolve, reject) {
      // Its own process group, so that a timeout kills the tool under GNU time too.
      const child = spawn(program as string, args, {cwd: command.cwd, stdio: ['ignore', stdout, stderr], detached: true})
      running = child.pid
      const timer = setTimeout(function () {
        timedOut = true
        if (child.pid !== undefined) killGroup(child.pid)
      }, timeoutSeconds * 1000)
      child.once('error', function (error) {
        clearTimeout(timer)
        reject(error)
      })
      child.once('exit', function (code, signal) {
        clearTimeout(timer)
        resolve({code, signal})
      })
    })
    const seconds = (performance.now() - started) / 1000
    if (timedOut) return {kind: 'timeout', seconds: timeoutSeconds}
    if (ended.code === null || !command.okExitCodes.includes(ended.code)) {
      return {
        kind: 'failed',
        why: ended.code === null ? `killed by ${ended.signal ?? 'a signal'}` : `exit code ${ended.code}`,
        stderr: readFileSync(files.stderr, 'utf8').slice(-stderrTailLength)
      }
    }
    return {kind: 'done', seconds, rssKb: withRss ? parseRss(readFileSync(files.rss, 'utf8')) : null}
  } finally {
    running = undefined
    closeSync(stdout)
    closeSync(stderr)
  }
}

/**
 * Read what `time -f %M -o FILE` wrote: a line "Command exited with non-zero
 * status 1" may come first, the figure is on the last line.
 *
 * @param text What the file holds.
 * @returns Kilobytes, or `null` when there is no number.
 */
export function parseRss(text: string): number | null {
  const lines = text.trim().split('\n')
  const value = Number(lines.at(-1))
  return Number.isInteger(value) && value > 0 ? value : null
}

/**
 * Kill a process group, ignoring one that is already gone.
 *
 * @param pid The group leader's pid.
 */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already exited.
  }
}
