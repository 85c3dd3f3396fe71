import type {Plugin, Processor} from 'unified'

/**
 * A failure outside the rules, named by the stage of the pipeline it
 * happened in (`parsing`, `step \`mark-sic\``), so that the run can report
 * `story.md: parsing failed: reason` instead of a bare reason that names no
 * stage, or an `internal error` that ends the whole run.
 */
export class StageFailure extends Error {
  /** The stage, as the problem line names it. */
  readonly stage: string

  /**
   * @param stage The stage it happened in.
   * @param cause What was thrown there (its stack is shown with `COPYDESK_DEBUG`).
   */
  constructor(stage: string, cause: unknown) {
    super(stage + ' failed', {cause})
    this.name = 'StageFailure'
    this.stage = stage
  }
}

/**
 * Run a function as a stage: what it throws is thrown again as a
 * `StageFailure` naming the stage. A failure already named (a parser
 * extension that failed inside `parsing`) keeps its own, narrower stage.
 *
 * @param stage The stage's name.
 * @param run The work.
 * @returns What the work returns.
 */
export function inStage<T>(stage: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw error instanceof StageFailure ? error : new StageFailure(stage, error)
  }
}

/** Processor data keys under which plugins register parser extensions. */
const extensionKeys = ['nlcstRootExtensions', 'nlcstParagraphExtensions', 'nlcstSentenceExtensions'] as const

/**
 * Wrap a unified plugin so that a failure in it is named `step \`NAME\``:
 * both its transformer and the parser extensions it registers (which run
 * while the story is parsed, as retext-syntax-urls' do).
 *
 * @param name The step's name: the plugin's package or module.
 * @param plugin The plugin; it takes no options.
 * @returns A plugin doing the same work.
 */
export function namedStep(name: string, plugin: (this: Processor) => unknown): Plugin<[]> {
  const stage = 'step `' + name + '`'
  return function (this: Processor) {
    const before = extensionKeys.map((key) => (this.data(key) ?? []).length)
    const transformer = inStage(stage, () => plugin.call(this))
    for (const [index, key] of extensionKeys.entries()) {
      const extensions = this.data(key)
      if (!extensions) continue
      for (let at = before[index] ?? 0; at < extensions.length; at++) {
        const extension = extensions[at] as (...parameters: unknown[]) => undefined
        extensions[at] = function (...parameters: unknown[]): undefined {
          inStage(stage, () => extension(...parameters))
        }
      }
    }
    if (typeof transformer !== 'function') return
    const transform = transformer as (...parameters: unknown[]) => unknown
    // Each of copydesk's steps is synchronous, and so is retext-syntax-mentions.
    return function (...parameters: unknown[]) {
      return inStage(stage, () => transform(...parameters))
    }
  } as Plugin<[]>
}
