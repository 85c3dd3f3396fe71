/** Where a problem is: a file, and a line (and column) in it when there is one. */
export interface ProblemPlace {
  /** Path of the file, as the user would type it. */
  file?: string | undefined
  /** 1-based line in that file. */
  line?: number | undefined
  /** 1-based column on that line; only with `line`. */
  column?: number | undefined
}

/**
 * A problem that stops copydesk before or instead of linting: a bad flag, a
 * missing file, a broken config. The CLI prints it as one line and exits 2.
 */
export class CopydeskError extends Error {
  /** The file (and line) the problem is in, if any. */
  readonly place: ProblemPlace

  /**
   * @param reason What is wrong, as one sentence without the file name.
   * @param place The file and line it is in.
   * @param cause The lower-level error, kept for debugging.
   */
  constructor(reason: string, place: ProblemPlace = {}, cause?: unknown) {
    super(reason, cause === undefined ? undefined : {cause})
    this.name = 'CopydeskError'
    this.place = place
  }

  /** The one line the CLI prints: `file:line:column: reason`, as far as the place is known. */
  toLine(): string {
    const {file, line, column} = this.place
    if (!file) return this.message
    const where = [file, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(':')
    return where + ': ' + this.message
  }
}

/**
 * Find a copydesk error in a chain of causes (a stage that failed wraps
 * what it threw).
 *
 * @param error Any thrown value.
 * @returns The innermost copydesk error, if there is one.
 */
export function findCopydeskError(error: unknown): CopydeskError | undefined {
  return causeChain(error).findLast((cause): cause is CopydeskError => cause instanceof CopydeskError)
}

/**
 * List an error and its causes, outermost first (at most ten deep).
 *
 * @param error Anything thrown.
 * @returns The errors in the chain.
 */
export function causeChain(error: unknown): Error[] {
  const chain: Error[] = []
  let current = error
  while (current instanceof Error && chain.length < 10) {
    chain.push(current)
    current = current.cause
  }
  return chain
}

/**
 * Problems each once, however many stories share one (a broken config), in
 * the order first met: two are the same when they print the same line.
 *
 * @param problems Problems, in the order met.
 * @returns Each once.
 */
export function eachOnce(problems: Iterable<CopydeskError>): CopydeskError[] {
  const byLine = new Map<string, CopydeskError>()
  for (const problem of problems) if (!byLine.has(problem.toLine())) byLine.set(problem.toLine(), problem)
  return [...byLine.values()]
}
