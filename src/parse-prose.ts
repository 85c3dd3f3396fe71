import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import retextEnglish from 'retext-english'
import type {Parser, Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {formatOf} from './formats.js'
import {parseHtml} from './prose/html.js'
import {parseMarkdown} from './prose/markdown.js'

/**
 * unified parser plugin: read a file as text, Markdown or HTML (by its
 * extension) and give the rules one natural-language tree of its prose,
 * positioned in the original file.
 *
 * Plain text goes through retext-english itself; Markdown and HTML prose goes
 * through the same English parser, with the same extensions (such as
 * retext-syntax-urls) that plugins register on the processor.
 */
const parseProse: Plugin<[], string, Root> = function () {
  const processor = this as unknown as Processor<Root>
  retextEnglish.call(processor as never)
  const parseEnglishText = processor.parser as Parser<Root>

  processor.parser = function (doc: string, file: VFile): Root {
    switch (formatOf(file.path ?? '')) {
      case 'markdown':
        return parseMarkdown(doc, file, englishParser(processor))
      case 'html':
        return parseHtml(doc, englishParser(processor), {file})
      default:
        return parseEnglishText(doc, file)
    }
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
  return parser
}

export default parseProse
