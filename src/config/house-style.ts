import fs from 'node:fs'
import path from 'node:path'
import {isMap, isScalar, isSeq, type Node as YamlNode, type Pair} from 'yaml'
import {parseSafeYaml} from './safe-yaml.js'
import {cachedBytes} from '../words/disk-cache.js'
import {closest} from '../words/edit-distance.js'
import {CopydeskError} from '../errors.js'
import {dictionaryFile} from '../package-info.js'
import {FileRefused, maxTextBytes, readRegularText} from '../files/regular-file.js'

/** Fields every entry may have besides its forms. */
interface EntryCommon {
  /** Forms that stay as written even though they contain a flagged form (`Chicken Kiev`). */
  except: string[]
  /** Why the house writes it so, shown after the reason. */
  note?: string | undefined
  /** The style-book entry or announcement behind it, shown in the message's note. */
  source?: string | undefined
}

/** `prefer: Kyiv` / `avoid: [Kiev]`: the avoided forms are always flagged. */
export interface PreferEntry extends EntryCommon {
  kind: 'prefer'
  /** The form to write. */
  prefer: string
  /** Forms to flag; an empty list only drops the bundled entries that share a form. */
  avoid: string[]
}

/** `either: [Gaddafi, Qaddafi]`: any one, but one per story. */
export interface EitherEntry extends EntryCommon {
  kind: 'either'
  /** The interchangeable forms, at least two. */
  either: string[]
}

/** One entry of a house-style file. */
export type HouseStyleEntry = PreferEntry | EitherEntry

/** How config names house-style files: one, several, or with the bundled list switched off. */
export type HouseStyleSetting = string | string[] | {files?: string | string[] | undefined; default?: boolean | undefined}

/** Keys an entry may have. */
const entryKeys = ['prefer', 'avoid', 'either', 'except', 'note', 'source']

/** Letters (any script), marks, digits, apostrophes, full stops, hyphens and spaces: what a form is made of. */
const formPattern = /^[\p{L}\p{M}\p{N}'’.\- ]+$/u

let bundled: HouseStyleEntry[] | undefined

/**
 * The house style that ships with copydesk (`dictionaries/house-style.yml`).
 *
 * @returns Its entries.
 */
export function defaultHouseStyle(): HouseStyleEntry[] {
  if (!bundled) {
    // Checking the YAML weighs on a hook's run (the hook case of `npm run bench`); the checked entries are cached as JSON.
    const text = fs.readFileSync(dictionaryFile('house-style.yml'))
    const compile = () =>
      new TextEncoder().encode(JSON.stringify(parseHouseStyle(new TextDecoder().decode(text), 'dictionaries/house-style.yml')))
    bundled = JSON.parse(new TextDecoder().decode(cachedBytes('house-style-1', [text], compile))) as HouseStyleEntry[]
  }
  return bundled
}

/**
 * Resolve the config's `houseStyle` setting: the bundled entries (unless
 * `default` is `false`), then each named file in order, a later entry
 * replacing every earlier one it shares a form with.
 *
 * @param setting The `houseStyle` value from config, if any.
 * @param root Folder the file names are relative to (the config file's).
 * @param configShown The config file as the user would name it, for errors.
 * @param cwd Working directory, to name style files in errors.
 * @param within Folder the files must lead inside, links resolved (see `trustedFolder`); `undefined` for anywhere.
 * @returns The entries to lint with.
 * @throws {CopydeskError} When a file is missing, is not YAML or has a bad entry.
 */
export function resolveHouseStyle(
  setting: HouseStyleSetting | undefined,
  root: string,
  configShown: string | undefined,
  cwd: string,
  within?: string
): HouseStyleEntry[] {
  const {files, useDefault} = settingParts(setting)
  let entries = useDefault ? defaultHouseStyle() : []
  for (const name of files) {
    const absolute = path.resolve(root, name)
    const shown = path.relative(cwd, absolute) || absolute
    let text: string
    try {
      text = readRegularText(absolute, shown, {within, maxBytes: maxTextBytes})
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error
      const reason = error.kind === 'missing' ? 'not found' : error.kind === 'unreadable' ? 'cannot be read' : error.message
      throw new CopydeskError(`\`houseStyle\`: house-style file \`${name}\` ${reason}`, {file: configShown}, error)
    }
    entries = mergeHouseStyle(entries, parseHouseStyle(text, shown))
  }
  return entries
}

/**
 * Split a `houseStyle` setting into the files it names and whether the
 * bundled list stays.
 *
 * @param setting The setting.
 * @returns File names and the default switch.
 */
function settingParts(setting: HouseStyleSetting | undefined): {files: string[]; useDefault: boolean} {
  if (setting === undefined) return {files: [], useDefault: true}
  if (typeof setting === 'string' || Array.isArray(setting)) return {files: [setting].flat(), useDefault: true}
  return {files: [setting.files ?? []].flat(), useDefault: setting.default !== false}
}

/**
 * Put a newsroom's entries over earlier ones: an entry replaces every
 * earlier entry that has one of its forms, preferred, avoided or either
 * (`prefer: Odessa` with `avoid: []` drops the bundled Odesa entry).
 *
 * @param base Earlier entries.
 * @param over Later entries.
 * @returns The merged entries.
 */
export function mergeHouseStyle(base: readonly HouseStyleEntry[], over: readonly HouseStyleEntry[]): HouseStyleEntry[] {
  const taken = new Set(over.flatMap((entry) => entryForms(entry).map(foldForm)))
  return [...base.filter((entry) => !entryForms(entry).some((form) => taken.has(foldForm(form)))), ...over]
}

/**
 * Every form an entry names.
 *
 * @param entry Entry.
 * @returns Preferred and avoided forms, or the either forms.
 */
export function entryForms(entry: HouseStyleEntry): string[] {
  return entry.kind === 'prefer' ? [entry.prefer, ...entry.avoid] : entry.either
}

/**
 * The words the house style spells out as right: preferred and either forms,
 * word by word (`Kyiv`, `Gadhafi`), to accept and suggest like listed words.
 *
 * @param entries House-style entries.
 * @returns Words.
 */
export function houseStyleWords(entries: readonly HouseStyleEntry[]): string[] {
  const right = entries.flatMap((entry) => (entry.kind === 'prefer' ? [entry.prefer] : entry.either))
  return [...new Set(right.flatMap((form) => form.split(/\s+/)))]
}

/**
 * Parse and check a house-style file: a YAML list of entries, each with
 * `prefer` and `avoid` or with `either`, and optional `except`, `note` and
 * `source`. YAML is read with the core schema, no custom tags and a bounded
 * number of aliases; forms are taken literally, never as patterns.
 *
 * @param text Contents of the file.
 * @param shown The file as the user would name it, for errors.
 * @returns The entries, in file order.
 * @throws {CopydeskError} `file:line: reason` when the YAML or an entry is wrong.
 */
export function parseHouseStyle(text: string, shown: string): HouseStyleEntry[] {
  const {document, lineCounter} = parseSafeYaml(text.replace(/^\uFEFF/, ''), shown)
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as {range?: [number, number, number] | null} | null)?.range
    return range ? lineCounter.linePos(range[0]).line : undefined
  }
  const fail = (reason: string, node: unknown): never => {
    throw new CopydeskError(reason, {file: shown, line: lineOf(node)})
  }

  const root = document.contents
  if (root === null) return []
  if (!isSeq(root)) return fail('expected a list of entries (`- prefer: …`)', root)

  const entries: HouseStyleEntry[] = []
  const seen = new Map<string, number | undefined>()
  for (const item of root.items) {
    if (!isMap(item)) fail('entry needs `prefer` and `avoid`, or `either`', item)
    const fields = new Map<string, YamlNode | null>()
    for (const pair of (item as {items: Pair[]}).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!entryKeys.includes(key)) {
        const hint = closest(key, entryKeys)
        fail(`unknown key \`${key}\` in entry` + (hint ? ` (did you mean \`${hint}\`?)` : `, expected one of ${entryKeys.map((name) => '`' + name + '`').join(', ')}`), pair.key)
      }
      fields.set(key, pair.value as YamlNode | null)
    }

    const hasPrefer = fields.has('prefer') && fields.has('avoid')
    const hasEither = fields.has('either')
    if (hasPrefer === hasEither || (!hasPrefer && (fields.has('prefer') || fields.has('avoid')))) {
      fail('entry needs `prefer` and `avoid`, or `either`', item)
    }

    const text = (key: string): string | undefined => {
      const node = fields.get(key)
      if (node === undefined) return undefined
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') fail(`\`${key}\` must be text`, node ?? item)
      return String((node as {value: string}).value).trim()
    }
    const forms = (key: string): string[] => {
      const node = fields.get(key)
      if (node === undefined) return []
      const values = isSeq(node) ? node.items : [node]
      return values.map(function (value) {
        if (!isScalar(value) || typeof value.value !== 'string' || !formPattern.test(value.value.trim())) {
          fail(`\`${key}\` must be a word or phrase, or a list of them (letters, hyphens, apostrophes and spaces)`, value ?? node)
        }
        return String((value as {value: string}).value).trim().replace(/\s+/g, ' ')
      })
    }

    const common = {except: forms('except'), note: text('note'), source: text('source')}
    const entry: HouseStyleEntry = hasPrefer
      ? {kind: 'prefer', prefer: forms('prefer')[0] ?? '', avoid: forms('avoid'), ...common}
      : {kind: 'either', either: forms('either'), ...common}
    if (entry.kind === 'prefer' && isSeq(fields.get('prefer'))) fail('`prefer` must be one word or phrase', fields.get('prefer'))
    if (entry.kind === 'either' && entry.either.length < 2) fail('`either` needs at least two spellings', fields.get('either'))

    const line = lineOf(item)
    for (const form of entryForms(entry)) {
      const folded = foldForm(form)
      if (seen.has(folded)) fail(`\`${form}\` is already in the entry on line ${seen.get(folded) ?? '?'}`, item)
      seen.set(folded, line)
    }
    for (const exception of entry.except) {
      const words = foldForm(exception).split(/[\s\-]+/)
      const flagged = entry.kind === 'prefer' ? entry.avoid : entry.either
      if (!flagged.some((form) => containsRun(words, foldForm(form).split(/[\s\-]+/)))) {
        fail(`exception \`${exception}\` contains none of the entry's flagged forms`, fields.get('except'))
      }
    }
    entries.push(entry)
  }
  return entries
}

/**
 * Whether a list of words contains another as a run.
 *
 * @param words Words.
 * @param run Words to find in a row.
 * @returns Whether they are there.
 */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= words.length; start++) {
    if (run.every((word, index) => words[start + index] === word)) return true
  }
  return false
}

/**
 * Compare forms without case (`Kiev`, `KIEV`).
 *
 * @param form Form.
 * @returns Its lowercase.
 */
function foldForm(form: string): string {
  return form.toLowerCase()
}
