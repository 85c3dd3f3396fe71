import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Data, type Plugin, type Processor} from 'unified'
import type {Node, Parent} from 'unist'

/** A Markdown parser: remark-parse with front matter and GFM. */
type MarkdownParser = Processor<Root>

/**
 * GFM constructs that a piece of Markdown may do without, each with the test
 * that a piece can have none.
 *
 * - An e-mail autolink literal (`desk@example.com`) needs an `@` in the
 *   source. micromark tries one at the start of every word (GFM registers
 *   it on every letter and digit): a quarter of its time on stories with no
 *   address at all.
 * - A table needs a `|` or a delimiter cell with a colon (`:-`, `-:`: a
 *   table of one column can do without pipes). micromark tries one at the
 *   start of every paragraph, reading its first line twice.
 */
const droppable = [
  {name: 'emailAutolink', needed: (source: string): boolean => source.includes('@')},
  {name: 'table', needed: (source: string): boolean => /\||:-|-:/.test(source)}
] as const

/** Parsers by the constructs they leave out (`droppable` names joined), made when first needed. */
const parsers = new Map<string, MarkdownParser>()

/**
 * Emphasis marks (`*`, `_`, `~`) one block may hold before its emphasis is
 * left unparsed. micromark matches each run of marks against the runs
 * before it in the paragraph, a time that grows with the square of their
 * count: a 40 KB paragraph of `a*a*a…` took 7 s, one of 80 KB 35 s, so a
 * story anyone can commit could stall a CI run. Prose holds a few dozen;
 * a results table a few hundred. Past this many, the marks of the piece
 * are read as the characters they are, which moves no word: `*Jiangshu*` is
 * still `Jiangshu` between two symbols, at its place.
 */
const mostEmphasisMarks = 2048

/** Blank lines, which end a paragraph. */
const blankLine = /\n[ \t]*(?:\r?\n|$)/y

/**
 * Whether any block of a piece, between blank lines, holds more than
 * `mostEmphasisMarks` emphasis marks.
 *
 * @param source Markdown.
 * @returns Whether one does.
 */
function hasCrowdedEmphasis(source: string): boolean {
  let marks = 0
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at)
    // `*`, `_`, `~`
    if (code === 0x2a || code === 0x5f || code === 0x7e) {
      if (++marks > mostEmphasisMarks) return true
    } else if (code === 0x0a) {
      blankLine.lastIndex = at
      if (blankLine.test(source)) marks = 0
    }
  }
  return false
}

/**
 * The Markdown parser for a piece of source: remark-parse with front matter
 * and GFM, without the GFM constructs the piece cannot hold. It builds the
 * same tree as the full parser: a construct left out would have failed at
 * every place it was tried, and a failed try leaves no trace.
 *
 * @param source The Markdown to parse.
 * @returns The parser.
 */
export function markdownParserFor(source: string): MarkdownParser {
  const left: string[] = droppable.filter((construct) => !construct.needed(source)).map((construct) => construct.name)
  const crowded = hasCrowdedEmphasis(source)
  if (crowded) left.push('strikethrough')
  const key = left.join(',') + (crowded ? ';attention' : '')
  let parser = parsers.get(key)
  if (!parser) {
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(withoutConstructs, left)
    // Not `.use(withoutEmphasis, crowded)`: unified reads a boolean as turning a plugin on or off.
    if (crowded) processor.use(withoutEmphasis)
    parser = processor.use(autolinkLiteralsWhereAddresses).freeze() as unknown as MarkdownParser
    parsers.set(key, parser)
  }
  return parser
}

/**
 * unified plugin: leave CommonMark's emphasis (`attention`) out of the
 * parse, through micromark's own switch for its constructs (see
 * `mostEmphasisMarks`).
 */
const withoutEmphasis: Plugin<[]> = function () {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), {disable: {null: ['attention']}}]
}

/**
 * unified plugin, after remark-gfm: take micromark constructs out of the
 * syntax extensions, by name.
 *
 * @param names Names of the constructs (`emailAutolink`, `table`).
 */
const withoutConstructs: Plugin<[readonly string[]]> = function (names) {
  if (names.length === 0) return
  const data = this.data()
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => withoutNamed(extension, names))
}

/**
 * Copy a micromark extension without the constructs of some names.
 *
 * @param extension Syntax extension: fields (`text`, `flow`…) of constructs by character code.
 * @param names Names of the constructs to leave out.
 * @returns The copy.
 */
function withoutNamed<T extends object>(extension: T, names: readonly string[]): T {
  const copy: Record<string, unknown> = {}
  for (const [field, record] of Object.entries(extension)) {
    if (record === null || typeof record !== 'object') {
      copy[field] = record
      continue
    }
    const kept: Record<string, unknown> = {}
    for (const [code, value] of Object.entries(record as Record<string, unknown>)) {
      // Lists of codes (`attentionMarkers`) or names (`disable`) have no constructs to drop.
      const list: unknown[] = Array.isArray(value) ? value : [value]
      const left = list.filter((item) => !isNamed(item, names))
      if (left.length > 0) kept[code] = left
    }
    copy[field] = kept
  }
  return copy as T
}

/**
 * Whether a value is a construct of one of some names.
 *
 * @param value A construct, or another value of an extension.
 * @param names Names.
 * @returns Whether it is.
 */
function isNamed(value: unknown, names: readonly string[]): boolean {
  if (value === null || typeof value !== 'object' || !('name' in value)) return false
  return typeof value.name === 'string' && names.includes(value.name)
}

/** What the GFM autolink-literal transform looks for in text: an address, or the start of a URL. */
const addressLike = /@|https?:\/\/|www\./i

/**
 * unified plugin, after remark-gfm: run the transform that finds addresses
 * and URLs in text (`desk@example.com`, `www.belta.by` once the parser is
 * done, for those it did not find) only on trees whose text could hold one.
 *
 * The transform walks every node with `unist-util-visit-parents`, which
 * names a function for each, and tries four patterns on each text: most
 * stories have no address or bare URL in their text (their links are
 * links). Each pattern needs an `@`, `http://`, `https://` or `www.`.
 */
const autolinkLiteralsWhereAddresses: Plugin<[]> = function () {
  const data = this.data()
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((extension) =>
    Array.isArray(extension) ? extension.map(gateAutolinkLiterals) : gateAutolinkLiterals(extension)
  )
}

/** A from-markdown extension, as remark-gfm adds them. */
type FromMarkdownExtension = Exclude<NonNullable<Data['fromMarkdownExtensions']>[number], unknown[]>

/**
 * Gate the transforms of the GFM autolink-literal extension (see
 * `autolinkLiteralsWhereAddresses`); other extensions stay as they are.
 *
 * @param extension A from-markdown extension.
 * @returns It, or a copy with gated transforms.
 */
function gateAutolinkLiterals(extension: FromMarkdownExtension): FromMarkdownExtension {
  // The extension of GFM autolink literals: the one that reads `literalAutolink` tokens.
  if (!extension.enter || !('literalAutolink' in extension.enter) || !extension.transforms) return extension
  const transforms = extension.transforms.map((transform) => (tree: Root) => (hasAddressLikeText(tree) ? transform(tree) : undefined))
  return {...extension, transforms}
}

/**
 * Whether any text in a tree could hold an address or bare URL.
 *
 * @param tree Markdown tree.
 * @returns Whether one does.
 */
function hasAddressLikeText(tree: Node): boolean {
  const stack: Node[] = [tree]
  let node: Node | undefined
  while ((node = stack.pop())) {
    if (node.type === 'text' && addressLike.test((node as {value?: string}).value ?? '')) return true
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) stack.push(child)
  }
  return false
}
