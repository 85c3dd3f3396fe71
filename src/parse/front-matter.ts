import type {Paragraph} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {Location} from 'vfile-location'
import {isMap, isScalar, parseDocument, Scalar} from 'yaml'
import {relocate} from './relocate.js'

/** Front-matter keys whose values are headline copy and so are checked. */
export const headlineKeys: ReadonlySet<string> = new Set([
  'title',
  'headline',
  'subtitle',
  'description',
  'summary',
  'dek'
])

/**
 * Parse the headline-like fields of YAML front matter as prose.
 *
 * Each value is read from the source as written, not as YAML decodes it, so
 * that a finding in `title: "Jiangshu port deal"` points at the real column.
 *
 * @param yamlSource The front matter between its `---` fences.
 * @param yamlStart Offset of `yamlSource` in the whole document.
 * @param place Location index of the whole document.
 * @param english English parser.
 * @returns One paragraph per checked field, positioned in the whole document.
 */
export function parseFrontMatterHeadlines(
  yamlSource: string,
  yamlStart: number,
  place: Location,
  english: ParseEnglish
): Paragraph[] {
  const document = parseDocument(yamlSource, {keepSourceTokens: false})
  // Broken front matter is the site generator's to report; there is no prose to find in it.
  if (document.errors.length > 0 || !isMap(document.contents)) return []

  const paragraphs: Paragraph[] = []
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !headlineKeys.has(String(pair.key.value).toLowerCase())) continue
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') continue
    const span = sourceSpan(pair.value, yamlSource)
    if (!span) continue
    const root = english.parse(yamlSource.slice(span[0], span[1]))
    relocate(root, yamlStart + span[0], place)
    for (const child of root.children) {
      if (child.type === 'ParagraphNode') paragraphs.push(child)
    }
  }
  return paragraphs
}

/**
 * Find where the text of a scalar stands in the source, without its quotes
 * or block header.
 *
 * @param scalar YAML scalar with its source range.
 * @param source The YAML source.
 * @returns Start and end offsets, or `undefined` when the range is unknown.
 */
function sourceSpan(scalar: Scalar, source: string): [number, number] | undefined {
  if (!scalar.range) return undefined
  const [start, end] = scalar.range
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return [start + 1, Math.max(start + 1, end - 1)]
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: {
      // "summary: >-\n  Talks in Jiangsu...": the text starts on the line after the header.
      const lineEnd = source.indexOf('\n', start)
      return lineEnd === -1 || lineEnd >= end ? undefined : [lineEnd + 1, end]
    }
    default:
      return [start, end]
  }
}
