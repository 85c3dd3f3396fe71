/**
 * The progress line on standard error for long runs (`checked 340/1000
 * files`): drawn in place on a terminal only, never into a pipe or a CI log,
 * where a line rewritten a few times a second becomes hundreds of lines.
 */

/** Wait this long before drawing: a run that ends sooner needs no progress line. */
const delayMs = 1000

/** Redraw at most this often. */
const intervalMs = 250

/** Where the line goes: standard error, or a stand-in for tests. */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean | undefined
}

/**
 * Whether to show a progress line: only when standard error is a terminal
 * and the run is not in CI (`CI` set, as GitHub Actions, GitLab and most CI
 * services set it, even when they give the job a terminal).
 *
 * @param stream Standard error.
 * @param env Environment.
 * @returns Whether to show it.
 */
export function wantsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && env.CI === undefined
}

/**
 * The text of the progress line.
 *
 * @param done Files done.
 * @param total Files in the run.
 * @returns `checked 340/1000 files`.
 */
export function progressText(done: number, total: number): string {
  return `checked ${done}/${total} ${total === 1 ? 'file' : 'files'}`
}

/** A progress line that draws itself after `delayMs`, at most every `intervalMs`. */
export class ProgressLine {
  readonly #stream: ProgressStream
  #done = 0
  #total = 0
  #drawn = false
  #timer: NodeJS.Timeout | undefined

  /**
   * @param stream Standard error (a terminal: see `wantsProgress`).
   */
  constructor(stream: ProgressStream) {
    this.#stream = stream
  }

  /**
   * Record how far the run is; the first call starts the clock.
   *
   * @param done Files done.
   * @param total Files in the run.
   */
  update(done: number, total: number): void {
    this.#done = done
    this.#total = total
    if (this.#timer) return
    const start = setTimeout(() => {
      this.#draw()
      this.#timer = setInterval(() => this.#draw(), intervalMs)
      // Never keep the process alive for the sake of the progress line.
      this.#timer.unref()
    }, delayMs)
    start.unref()
    this.#timer = start
  }

  /** Stop, and clear the line if it was drawn, so that what follows starts at column 1. */
  end(): void {
    clearTimeout(this.#timer)
    clearInterval(this.#timer)
    if (this.#drawn) this.#stream.write('\r\u001B[K')
    this.#drawn = false
  }

  /** Draw the line over the last one. */
  #draw(): void {
    this.#stream.write('\r' + progressText(this.#done, this.#total) + '\u001B[K')
    this.#drawn = true
  }
}
