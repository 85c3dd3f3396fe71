import path from 'node:path'
import {type Config, type ResolvedConfig, resolveConfig} from './config.js'
import {ConfigFinder} from './config-files.js'
import type {Dialect} from '../words/dictionary.js'
import {GitIgnore} from '../files/gitignore.js'
import {caseInsensitiveFiles} from '../files/ignore-files.js'
import {relativeInside} from '../files/repository-root.js'

/** Where a run's config comes from. */
export interface ConfigOptions {
  /** Working directory: where a relative `configPath` and the defaults' folder are. */
  cwd: string
  /** Use this config file for every story instead of searching. */
  configPath?: string | undefined
  /** Use the defaults, ignoring config files. */
  noConfig?: boolean | undefined
  /** Use these settings for every story, as a config file in the working directory would hold them. */
  inline?: Config | undefined
  /** Spell in this dialect, whatever config says (`--dialect`). */
  dialect?: Dialect | undefined
}

/**
 * The config of each story of a run: the nearest config file up from the
 * story's folder (or the one given, or the defaults), validated once per
 * file and contents. One instance per run and thread: nothing is shared
 * with another run in the same process.
 */
export class StoryConfigs {
  private readonly finder: ConfigFinder
  /** Resolved configs by config file and contents (folders without a config file share the defaults). */
  private readonly resolved = new Map<string, ResolvedConfig>()
  /** Settings as text, per parsed config: `ConfigFinder` gives the same object for every story under one file. */
  private readonly texts = new WeakMap<object, string>()
  /** Matchers of each config's `ignore` patterns. */
  private readonly matchers = new Map<ResolvedConfig, GitIgnore>()

  /**
   * @param options Where config comes from.
   */
  constructor(private readonly options: ConfigOptions) {
    this.finder = new ConfigFinder(options.cwd)
  }

  /**
   * The config that applies to a story.
   *
   * @param storyPath The story's path, absolute or relative to the working directory.
   * @returns The resolved config (the same object for every story under one config file).
   * @throws {CopydeskError} When the config cannot be read, parsed or validated, or names a word list that cannot be read.
   */
  forStory(storyPath: string): ResolvedConfig {
    const {cwd, configPath, noConfig, inline, dialect} = this.options
    const found = inline
      ? {filePath: undefined, raw: inline}
      : noConfig
        ? {filePath: undefined, raw: {}}
        : configPath
        ? this.finder.load(path.resolve(cwd, configPath))
        : this.finder.find(path.resolve(cwd, storyPath))
    const key = JSON.stringify(found.filePath ?? null) + this.textOf(found.raw)
    let config = this.resolved.get(key)
    if (!config) {
      config = resolveConfig(found.raw, found.filePath, cwd)
      // The command line wins over config.
      if (dialect) config.dialect = dialect
      this.resolved.set(key, config)
    }
    return config
  }

  /**
   * A config's settings as text, to tell configs apart by contents.
   *
   * @param raw Parsed settings.
   * @returns Their JSON.
   */
  private textOf(raw: unknown): string {
    if (raw === null || typeof raw !== 'object') return JSON.stringify(raw) ?? ''
    let text = this.texts.get(raw)
    if (text === undefined) this.texts.set(raw, (text = JSON.stringify(raw)))
    return text
  }

  /**
   * Whether a config's `ignore` patterns leave a story out. Patterns are
   * relative to the config's folder and never reach outside it.
   *
   * @param config The story's config.
   * @param storyPath The story's path, absolute or relative to the working directory.
   * @returns Whether to leave the story out.
   */
  ignores(config: ResolvedConfig, storyPath: string): boolean {
    if (config.ignore.length === 0) return false
    // A story named `..old.txt` is inside the config's folder; one under `../` is not.
    const relative = relativeInside(config.root, path.resolve(this.options.cwd, storyPath))
    if (relative === undefined) return false
    let matcher = this.matchers.get(config)
    if (!matcher) this.matchers.set(config, (matcher = new GitIgnore(caseInsensitiveFiles).add(config.ignore)))
    return matcher.ignores(relative)
  }
}
