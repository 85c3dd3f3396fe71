import fs from 'node:fs'
import path from 'node:path'
import {checkConfigShape} from './config-shape.js'
import {parseSafeYaml} from './safe-yaml.js'
import {CopydeskError} from '../errors.js'
import {jsonSyntaxError} from './json-syntax.js'
import {FileRefused, maxTextBytes, readRegularText} from '../files/regular-file.js'
import {gitTop, isInside, relativeInside, repositoryRoot, trustedFolder} from '../files/repository-root.js'

/**
 * Names of config files, looked for in this order in each folder from a
 * story's up to the root; the first one there applies (a `package.json`
 * only when it has a `copydesk` field).
 */
export const configNames: readonly string[] = ['.copydeskrc', '.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml', 'package.json']

/** Config files in JavaScript, which copydesk does not run (a story repository's config is data). */
const scriptNames: readonly string[] = ['.copydeskrc.cjs', '.copydeskrc.mjs', '.copydeskrc.js']

/** The field of `package.json` that holds copydesk's config. */
const packageField = 'copydesk'

/**
 * Whether a config file is YAML (the others are JSON).
 *
 * @param filePath Path of the config file.
 * @returns Whether it is read as YAML.
 */
export function isYamlConfig(filePath: string): boolean {
  return /\.ya?ml$/i.test(filePath)
}

/**
 * Where in a config file's data copydesk's settings are.
 *
 * @param filePath Path of the config file.
 * @returns `['copydesk']` for a `package.json`; `[]` (the whole file) for the others.
 */
export function settingsPath(filePath: string): string[] {
  return path.basename(filePath) === 'package.json' ? [packageField] : []
}

/** The config that applies to a story. */
export interface FoundConfig {
  /** Absolute path of the config file; `undefined` when there is none (the defaults). */
  filePath: string | undefined
  /** Its settings as parsed, not yet checked. */
  raw: unknown
}

/**
 * Finds and reads the config files that apply to stories. Each folder is
 * looked at once per run. copydesk reads these files itself: loaders made
 * for code projects run JavaScript configs, print YAML warnings as
 * multi-line Node warnings, and take a byte order mark for bad JSON.
 */
export class ConfigFinder {
  private readonly cwd: string
  private readonly folders = new Map<string, FoundConfig | CopydeskError>()

  /**
   * @param cwd Working directory, to name files in errors and to find the repository root.
   */
  constructor(cwd: string) {
    this.cwd = cwd
  }

  /**
   * The config that applies to a file: the nearest one above it.
   *
   * @param filePath Absolute path of the story.
   * @returns The config, or the defaults' `{filePath: undefined, raw: {}}`.
   * @throws {CopydeskError} When the nearest config file cannot be read or parsed.
   */
  find(filePath: string): FoundConfig {
    const found = this.inFolder(path.dirname(path.resolve(this.cwd, filePath)))
    if (found instanceof CopydeskError) throw found
    return found
  }

  /**
   * Read a config file given by name (`--config`).
   *
   * @param filePath Absolute path.
   * @returns The config (`raw` is `{}` for a `package.json` without a `copydesk` field).
   * @throws {CopydeskError} When it cannot be read or parsed.
   */
  load(filePath: string): FoundConfig {
    const cached = this.folders.get('\0' + filePath)
    // Named on the command line: inside the repository it must lead inside it; outside, it is the user's to name.
    const root = repositoryRoot(this.cwd)
    const found = cached ?? this.read(filePath, true, isInside(root, filePath) ? root : undefined)
    this.folders.set('\0' + filePath, found ?? {filePath, raw: {}})
    if (found instanceof CopydeskError) throw found
    return found ?? {filePath, raw: {}}
  }

  /**
   * The config for stories in a folder, from the folder up to the top of
   * its git repository: a config-named file above a repository is not the
   * repository's, and is not read. Outside a repository, up to the top
   * folder. One inside the repository root must lead inside it (see
   * `trustedFolder`): `.copydeskrc.json -> /etc/passwd` is refused.
   *
   * @param folder Absolute folder.
   * @returns The config, or the problem with it.
   */
  private inFolder(folder: string): FoundConfig | CopydeskError {
    const chain: string[] = []
    const top = gitTop(folder)
    let found: FoundConfig | CopydeskError | undefined
    for (let current = folder; ; current = path.dirname(current)) {
      found = this.folders.get(current) ?? this.here(current, trustedFolder(path.join(current, configNames[0] ?? ''), this.cwd))
      if (found) break
      chain.push(current)
      if (path.dirname(current) === current || current === top) {
        found = {filePath: undefined, raw: {}}
        break
      }
    }
    for (const passed of chain) this.folders.set(passed, found)
    return found
  }

  /**
   * The config file in one folder, if there is one.
   *
   * @param folder Absolute folder.
   * @param within Folder its config file must lead inside, links resolved.
   * @returns Its config, the problem with it, or `undefined` when the folder has none.
   */
  private here(folder: string, within: string | undefined): FoundConfig | CopydeskError | undefined {
    for (const name of scriptNames) {
      if (fs.lstatSync(path.join(folder, name), {throwIfNoEntry: false})) {
        return new CopydeskError('config in JavaScript is not read: write `.copydeskrc.json` or `.copydeskrc.yml`', {
          file: this.shown(path.join(folder, name))
        })
      }
    }
    for (const name of configNames) {
      const found = this.read(path.join(folder, name), false, within)
      if (found) {
        this.folders.set(folder, found)
        return found
      }
    }
    return undefined
  }

  /**
   * Read and parse one config file.
   *
   * @param filePath Absolute path.
   * @param given Whether the user named it (a missing one is then an error).
   * @param within Folder it must lead inside, links resolved; `undefined` for anywhere.
   * @returns The config; the problem; `undefined` when it is not there or is a `package.json` without the field.
   */
  private read(filePath: string, given: boolean, within: string | undefined): FoundConfig | CopydeskError | undefined {
    const shown = this.shown(filePath)
    let text: string
    try {
      // A regular file of at most 16 MB: `.copydeskrc.json -> /dev/zero` is refused, not read forever.
      text = readRegularText(filePath, shown, {within, maxBytes: maxTextBytes})
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error
      if (error.kind === 'missing') return given ? new CopydeskError('config file not found', {file: shown}, error) : undefined
      if (error.message === 'is a folder, not a file') return new CopydeskError('is a folder, not a config file', {file: shown}, error)
      return error
    }
    text = text.replace(/^\uFEFF/, '')
    try {
      if (isYamlConfig(filePath)) return {filePath, raw: parseYamlConfig(text, shown)}
      if (scriptNames.includes(path.basename(filePath)) || /\.[cm]?js$/i.test(filePath)) {
        return new CopydeskError('config in JavaScript is not read: write `.copydeskrc.json` or `.copydeskrc.yml`', {file: shown})
      }
      const [field] = settingsPath(filePath)
      const data = parseJsonConfig(text, shown, field)
      if (field === undefined) return {filePath, raw: data}
      const settings = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined
      return settings === undefined ? undefined : {filePath, raw: settings}
    } catch (error) {
      if (error instanceof CopydeskError) return error
      throw error
    }
  }

  /**
   * A path as the user would type it.
   *
   * @param filePath Absolute path.
   * @returns It relative to the working directory, or as it is outside it.
   */
  private shown(filePath: string): string {
    return relativeInside(this.cwd, filePath) || filePath
  }
}

/**
 * Parse a JSON config, and check its shape (see `checkConfigShape`): in
 * `package.json`, only the field that holds the settings is checked, the
 * rest being npm's.
 *
 * @param text The file's text, without a byte order mark.
 * @param shown The file as the user would name it.
 * @param field The field whose value holds the settings, if any.
 * @returns The value.
 * @throws {CopydeskError} `file:line: invalid JSON: reason`, or a key given twice, or nesting too deep.
 */
function parseJsonConfig(text: string, shown: string, field: string | undefined): unknown {
  let data: unknown
  try {
    data = JSON.parse(text) as unknown
  } catch (error) {
    const where = jsonSyntaxError(text)
    throw new CopydeskError('invalid JSON: ' + (where?.reason ?? 'not JSON'), {file: shown, line: where?.line}, error)
  }
  checkConfigShape(text, shown, {field, uniqueKeys: true})
  return data
}

/**
 * Parse a YAML config safely: the core schema, no custom tags (a tag
 * YAML does not know is an error, not a warning on standard error), unique
 * keys, and a bounded number of aliases.
 *
 * @param text The file's text, without a byte order mark.
 * @param shown The file as the user would name it.
 * @returns The value (`{}` for an empty file).
 * @throws {CopydeskError} `file:line: invalid YAML: reason`.
 */
export function parseYamlConfig(text: string, shown: string): unknown {
  return parseSafeYaml(text, shown).value ?? {}
}
