import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
// For its types: the `nlcst…Extensions` keys it declares on processor data.
import type {} from 'retext-english'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {formatOf} from '../files/formats.js'
import {useLinearBreaks} from './break-sentences.js'
import {parseTextInChunks} from './chunks.js'
import {parseHtml} from './html.js'
import {parseMarkdown} from './markdown.js'
import {inStage} from '../stage.js'

/**
 * unified parser plugin: read a file as text, Markdown or HTML (by its
 * extension) and give the rules one natural-language tree of its prose,
 * positioned in the original file.
 *
 * Plain text, Markdown and HTML prose go through retext-english's parser, with
 * the extensions (such as retext-syntax-urls) that plugins register on the
 * processor. Plain text is parsed a run of paragraphs at a time, so that a
 * big file costs time in proportion to its length.
 */
const parseProse: Plugin<[], string, Root> = function () {
  const processor = this as unknown as Processor<Root>
  processor.parser = function (doc: string, file: VFile): Root {
    // A parser that throws is reported as `story.md: parsing failed: …`.
    return inStage('parsing', function () {
      switch (formatOf(file.path ?? '')) {
        case 'markdown':
          return parseMarkdown(doc, file, englishParser(processor))
        case 'html':
          return parseHtml(doc, englishParser(processor), {file})
        default:
          return parseTextInChunks(doc, englishParser(processor))
      }
    })
  }
}

/**
 * Make an English parser with the extensions registered on the processor,
 * as retext-english does for plain text.
 *
 * @param processor The processor whose data holds the extensions.
 * @returns A configured parser.
 */
function englishParser(processor: Processor<Root>): ParseEnglish {
  const parser = new ParseEnglish()
  parser.tokenizeParagraphPlugins.unshift(...(processor.data('nlcstParagraphExtensions') ?? []))
  parser.tokenizeRootPlugins.unshift(...(processor.data('nlcstRootExtensions') ?? []))
  parser.tokenizeSentencePlugins.unshift(...(processor.data('nlcstSentenceExtensions') ?? []))
  useLinearBreaks(parser)
  return parser
}

export default parseProse
