import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
// For its types: the `nlcst…Extensions` keys it declares on processor data.
import type {} from 'retext-english'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {CopydeskError} from '../errors.js'
import {formatOf} from '../files/formats.js'
import {useLinearBreaks} from './break-sentences.js'
import {parseFrontMatterHeadlines, parseProseSpans} from './front-matter.js'
import {parseHtml} from './html.js'
import {hasInvisibleCharacters, joinWordsAcrossInvisibles} from './invisible-characters.js'
import {parseMarkdown} from './markdown.js'
import {maxNestingDepth, NestedTooDeep} from './nesting-limit.js'
import {parsePlainText} from './plain-text.js'
import {defaultSiteReading, siteSource, withParagraphs} from './site-reading.js'
import {hasStylisedWord, joinStylisedWords} from './stylised-words.js'
import type {Span} from './template-code.js'
import {inStage} from '../stage.js'

/**
 * unified parser plugin: read a file as text, Markdown or HTML (by its
 * extension) and give the rules one natural-language tree of its prose,
 * positioned in the original file.
 *
 * Plain text, Markdown and HTML prose go through retext-english's parser, with
 * the extensions (such as retext-syntax-urls) that plugins register on the
 * processor. Plain text is parsed a run of paragraphs at a time, so that a
 * big file costs time in proportion to its length, and with its character
 * references decoded (`caf&#233;` is `café`), placed in the source.
 *
 * Site code (template tags, shortcodes, JSON front matter, front matter after blank lines, what config
 * `ignorePatterns` match) is blanked out of the source first, in every
 * format, and the text readers see inside it (an image's `alt`, a JSON
 * headline field) is read on its own at its place.
 */
const parseProse: Plugin<[], string, Root> = function () {
  const processor = this as unknown as Processor<Root>
  processor.parser = function (doc: string, file: VFile): Root {
    // A parser that throws is reported as `story.md: parsing failed: …`.
    return inStage('parsing', function () {
      const format = formatOf(file.path ?? '')
      const reading = file.data.siteReading ?? defaultSiteReading
      const site = siteSource(doc, format, reading)
      const english = englishParser(processor, doc)
      let root: Root
      // A tag shown in a code sample ("`{{< figure caption=\"…\" >}}`") is code, its caption too.
      const codeSpans: Span[] | undefined = site.prose.length > 0 ? [] : undefined
      try {
        switch (format) {
          case 'markdown':
            root = parseMarkdown(site.source, file, english, reading.frontMatterFields, codeSpans)
            break
          case 'html':
            root = parseHtml(site.source, english, {file})
            break
          default:
            root = parsePlainText(site.source, english)
        }
      } catch (error) {
        if (!(error instanceof NestedTooDeep)) throw error
        // A limit of copydesk's, the same in every thread: one line naming the file and line, not a crash.
        const line = location(doc).toPoint(error.offset)?.line
        throw new CopydeskError(`nested more than ${maxNestingDepth.toLocaleString('en-US')} levels deep: not linted`, {file: file.path, line}, error)
      }
      if (site.prose.length === 0 && site.frontMatter === undefined) return root
      const place = location(doc)
      const prose = codeSpans ? site.prose.filter((span) => !codeSpans.some(([start, end]) => start <= span[0] && span[1] <= end)) : site.prose
      const paragraphs = parseProseSpans(doc, prose, 0, place, english)
      if (site.frontMatter !== undefined) {
        const {body, syntax} = site.frontMatter
        const source = doc.slice(body[0], body[1])
        paragraphs.push(...parseFrontMatterHeadlines(source, body[0], place, english, syntax, reading.frontMatterFields))
      }
      return withParagraphs(root, paragraphs)
    })
  }
}

/**
 * Make an English parser with the extensions registered on the processor,
 * as retext-english does for plain text; for a story with an invisible
 * character in it, one that reads a word across such characters as one
 * word (`a\u200Bnd` is `and`), first of all, before parse-latin's own
 * plugins take a soft hyphen for a mark inside a word; and for a story
 * with a symbol for a letter in a word, one that reads it as one word
 * (`In$ane`).
 *
 * @param processor The processor whose data holds the extensions.
 * @param doc The story's source.
 * @returns A configured parser.
 */
function englishParser(processor: Processor<Root>, doc: string): ParseEnglish {
  const parser = new ParseEnglish()
  parser.tokenizeParagraphPlugins.unshift(...(processor.data('nlcstParagraphExtensions') ?? []))
  parser.tokenizeRootPlugins.unshift(...(processor.data('nlcstRootExtensions') ?? []))
  parser.tokenizeSentencePlugins.unshift(...(processor.data('nlcstSentenceExtensions') ?? []))
  // "In$ane", "f*cking": before the extensions too, and after the invisible characters.
  if (hasStylisedWord(doc)) parser.tokenizeSentencePlugins.unshift(joinStylisedWords)
  if (hasInvisibleCharacters(doc)) parser.tokenizeSentencePlugins.unshift(joinWordsAcrossInvisibles)
  useLinearBreaks(parser)
  return parser
}

export default parseProse
