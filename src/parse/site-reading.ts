import type {Paragraph, Root, RootContent} from 'nlcst'
import type {Format} from '../files/formats.js'
import {headlineKeys, type OwnFrontMatter, ownFrontMatter} from './front-matter.js'
import {type LinearPattern, type MaskedSource, maskTemplateCode} from './template-code.js'

/**
 * How to read the stories of a site: what config says about its front
 * matter and its own syntax. Parsers read it from `file.data.siteReading`.
 */
export interface SiteReading {
  /** Front-matter fields that are headline copy, in lower case (config `frontMatterFields`). */
  frontMatterFields: ReadonlySet<string>
  /** The config's `ignorePatterns`, compiled for a linear-time engine. */
  ignorePatterns: readonly LinearPattern[]
}

/** Reading without config: the usual headline fields, no patterns of a newsroom's own. */
export const defaultSiteReading: SiteReading = {frontMatterFields: headlineKeys, ignorePatterns: []}

/** A story's source as its format's parser is to read it, and the spans to read as prose on their own. */
export interface SiteSource extends MaskedSource {
  /** Front matter the format's parser would not read as such (see `ownFrontMatter`), blanked out of `source`. */
  frontMatter: OwnFrontMatter | undefined
}

/**
 * Blank out what is site code rather than prose: template tags, Hugo
 * shortcodes, kramdown attribute lists, text `ignorePatterns` match, and
 * (in Markdown and HTML, as Hugo allows) JSON front matter and YAML or TOML
 * front matter after blank lines, whose headline fields are then read on
 * their own.
 *
 * @param doc The story.
 * @param format Its format.
 * @param reading How to read the site.
 * @returns The source to parse and the spans to read as prose on their own.
 */
export function siteSource(doc: string, format: Format, reading: SiteReading): SiteSource {
  const masked = maskTemplateCode(doc, reading.ignorePatterns)
  const frontMatter = format === 'text' ? undefined : ownFrontMatter(doc)
  if (frontMatter === undefined) return {...masked, frontMatter}
  const {end} = frontMatter
  const blank = doc.slice(0, end).replace(/[^\r\n]/g, ' ')
  return {source: blank + masked.source.slice(end), prose: masked.prose.filter((span) => span[0] >= end), frontMatter}
}

/**
 * Put paragraphs read on their own among a tree's children, in document
 * order, so that "first use" means what a reader sees first.
 *
 * @param root The story's tree.
 * @param paragraphs Paragraphs positioned in the story.
 * @returns The tree with them.
 */
export function withParagraphs(root: Root, paragraphs: readonly Paragraph[]): Root {
  if (paragraphs.length === 0) return root
  const children: RootContent[] = [...root.children, ...paragraphs]
  children.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0))
  return {...root, children}
}

declare module 'vfile' {
  interface DataMap {
    /** How to read the story's site syntax, from its config; the defaults when unset. */
    siteReading: SiteReading
  }
}
