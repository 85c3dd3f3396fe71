import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {formatOf} from './formats.js'
import {parseHtml} from './prose/html.js'
import {parseMarkdown} from './prose/markdown.js'
import {parseText} from './prose/text.js'

/**
 * unified parser plugin: read a file as text, Markdown or HTML (by its
 * extension) and give the rules one natural-language tree of its prose,
 * positioned in the original file.
 */
const parseProse: Plugin<[], string, Root> = function () {
  this.parser = function (doc: string, file: VFile): Root {
    switch (formatOf(file.path ?? '')) {
      case 'markdown':
        return parseMarkdown(doc, file)
      case 'html':
        return parseHtml(doc)
      default:
        return parseText(doc)
    }
  }
}

export default parseProse
