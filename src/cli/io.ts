/** Exit codes, as documented in the README. */
export const exitCode = {
  /** No errors, and warnings within `--max-warnings`. */
  clean: 0,
  /** Errors found, or more warnings than `--max-warnings` allows. */
  findings: 1,
  /** Usage, configuration or file errors. */
  problem: 2
} as const

/** The process around the CLI, passed in so that tests can run it in-process. */
export interface CliIo {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream
  /** Standard output; a terminal says its width in `columns`. */
  stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  /**
   * Load an ES module (tinypool, for large runs). The bin, an ES module,
   * gives its own `import()`: the bundled CLI it runs is a script, where
   * `import()` is an experimental feature in Node 20.
   */
  importModule?: ((specifier: string) => Promise<unknown>) | undefined
}
