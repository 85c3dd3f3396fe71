import {describe, expect, test} from 'vitest'
import {compileIgnorePattern} from '../src/config/ignore-patterns.js'
import {jsonFrontMatterEnd, tomlHeadlineSpans} from '../src/parse/front-matter.js'
import {maskTemplateCode} from '../src/parse/template-code.js'
import {lintText} from '../src/lint.js'
import {findings, makeTree, runCli} from './helpers.js'

/**
 * Lint a story with no config, its format from the path.
 *
 * @param path Path of the story (its extension gives the format).
 * @param text The story.
 * @param config Settings, if any.
 * @returns Its findings as `findings` gives them.
 */
async function lint(path: string, text: string, config: Record<string, unknown> | false = false): Promise<string[]> {
  return findings(await lintText(text, {path, config}))
}

/** The text of each span, to read the expectations by. */
function texts(source: string, spans: ReadonlyArray<readonly [number, number]>): string[] {
  return spans.map(([start, end]) => source.slice(start, end))
}

describe('template code is not prose', () => {
  test.each([
    ['a Liquid output tag in a link destination', 'See [the desk]({{ "/author/jhunter/" | url }}) for teh rota.\n', ['1:52-1:55 error teh']],
    ['a Liquid output tag with trimming', 'The {{- page.slugline -}} ferry left with teh tide.\n', ['1:43-1:46 error teh']],
    ['a Liquid tag in an HTML attribute', '<img src="{{ "/img/quay.png" | url }}" alt="x">\n\nThe quay closed and teh port too.\n', ['3:21-3:24 error teh']],
    ['a Nunjucks comment over lines', '{# jhunter: chek\n   the iframe #}\nThe port opened and teh ferries sailed.\n', ['3:21-3:24 error teh']],
    ['a Liquid tag with trimming', '{%- include "promo-iframe.html" -%}\n\nThe harbour and teh quay.\n', ['3:17-3:20 error teh']],
    ['a raw block', '{% raw %}{{ jhunter }} iframe wrongg{% endraw %} Then teh tide turned.\n', ['1:55-1:58 error teh']],
    ['a comment block', '{% comment %}\njhunter, fix teh iframe\n{% endcomment %}\n\nThe tide and teh moon.\n', ['5:14-5:17 error teh']],
    ['a highlight block', '{% highlight ruby %}\nputs srcz\n{% endhighlight %}\n\nThe pier and teh boats.\n', ['5:14-5:17 error teh']],
    ['a kramdown attribute list on its line', 'The ferry left with teh tide.\n{: .lede #top}\n', ['1:21-1:24 error teh']],
    ['a kramdown attribute list after a span', 'The *quay*{:.hilite} and teh pier.\n', ['1:26-1:29 error teh']],
    ['a kramdown extension', '{::options parse_block_html="true" /}\n\nThe pier and teh boats.\n', ['3:14-3:17 error teh']]
  ])('in Markdown: %s', async (_name, text, expected) => {
    expect(await lint('story.md', text)).toEqual(expected)
  })

  test('a Hugo shortcode pair: the tags are code, the prose between them is checked at its place', async () => {
    const text = '{{< note variant="srcset" >}}\nThe ferry left with teh tide.\n{{< /note >}}\n\n{{% notice imgz %}}The quay and thier pier.{{% /notice %}}\n'
    expect(await lint('story.md', text)).toEqual(['2:21-2:24 error teh', '5:33-5:38 error thier'])
  })

  test('a line that opens with a tag and goes on with prose is still a paragraph, not indented code', async () => {
    expect(await lint('story.md', '{{< callout kind="warn" >}}Ferries wait for teh tide.{{< /callout >}}\n')).toEqual([
      '1:45-1:48 error teh'
    ])
  })

  test('the content of a Hugo highlight shortcode is code', async () => {
    expect(await lint('story.md', '{{< highlight go >}}\nfmt.Printn(srcz)\n{{< /highlight >}}\n\nThe pier and teh boats.\n')).toEqual([
      '5:14-5:17 error teh'
    ])
  })

  test.each([
    ['HTML', 'story.html', '<p>The {{ page.slug }} ferry and {% if x %}teh{% endif %} quay.</p>\n<p>{{< img src="pierr" >}} The ferrys left.</p>\n', ['1:44-1:47 error teh', '2:32-2:38 error ferrys']],
    ['plain text', 'story.txt', 'The {{ page.slug }} ferry left.\n\n{% include "byline" %} Then teh tide turned.\n', ['3:29-3:32 error teh']]
  ])('in %s as in Markdown', async (_name, path, text, expected) => {
    expect(await lint(path, text)).toEqual(expected)
  })

  test('an unclosed `{{` in prose does not swallow the rest of the story', async () => {
    const text = 'Use {{ to open a tag, wrote teh editor.\nThe next line has }} and thier quay.\n\n{% a stray tag opener, recieve it\n\nLater: wierd pier. %}\n'
    expect(await lint('story.md', text)).toEqual([
      '1:29-1:32 error teh',
      '2:26-2:31 error thier',
      '4:24-4:31 error recieve',
      '6:8-6:13 error wierd'
    ])
  })

  test.each([
    ['unclosed raw blocks', ('{% raw %}' + 'x'.repeat(10)).repeat(20_000)],
    ['unclosed tags', '{%'.repeat(200_000)],
    ['unclosed output tags on one line', '{{'.repeat(200_000)],
    ['many tags on one line', '{{ a }}'.repeat(100_000)]
  ])('%s are read in one pass, not once for each opener', (_name, doc) => {
    // A search that went back to the line's start or on to the document's end for each tag would take minutes here.
    const {source} = maskTemplateCode(doc)
    expect(source.length).toBe(doc.length)
  })

  test('blanking keeps every offset and line break, and a story without template code is the same string', () => {
    const doc = 'A {{ x }}\r\nB {% if y\n %} C {#\nz #}\n'
    const {source} = maskTemplateCode(doc)
    expect(source).toBe('A' + ' '.repeat(8) + '\r\nB' + ' '.repeat(8) + '\n    C   \n    \n')
    const plain = 'No tags here, only {braces} and {: a smile'
    expect(maskTemplateCode(plain).source).toBe(plain)
  })
})

describe('text readers see inside template code', () => {
  test('alt, caption and title arguments are checked at their place', async () => {
    const text = '{{< figure src="/img/quay-srcz.png" caption="Teh quay at dawn" >}}\n\n{% include pic.html alt="A ferrry at sea" title="Harbour" %}\n'
    expect(await lint('story.md', text)).toEqual(['1:46-1:49 error Teh', '3:28-3:34 error ferrry'])
  })

  test('a Liquid tag\'s quoted arguments after the first that hold a space are checked; paths and class names are not', async () => {
    const text = '{% image_with_class "assets/quay-imgz.jpg" "wide-srcz" "Ferries at teh quay" %}\n'
    expect(await lint('story.md', text)).toEqual(['1:68-1:71 error teh'])
  })

  test('a tag shown in a code sample is code, its caption too', async () => {
    const text = 'Write `{{< figure caption="Teh quay" >}}` to add one:\n\n```\n{% image "a.jpg" "Ferrys at dawn" %}\n```\n\nThe pier and thier boats.\n'
    expect(await lint('story.md', text)).toEqual(['7:14-7:19 error thier'])
  })

  test('the spans are those of the text between the quotes', () => {
    const doc = '{% image "a.jpg" "Boats at dawn" %} {{< img src="b" alt=\'Quay\' >}}'
    const {prose} = maskTemplateCode(doc)
    expect(texts(doc, prose)).toEqual(['Boats at dawn', 'Quay'])
  })
})

describe('TOML and JSON front matter', () => {
  test('TOML headline fields are checked at their place, other fields and tables are not', async () => {
    const text = '+++\ntitle = "Ferries sail at dawn"\nsummary = \'Teh port reopens\'\nslug = "ferrys-sail"\n[params]\ndek = "Not a headlinee here"\n+++\n\nThe story.\n'
    expect(await lint('story.md', text)).toEqual(['3:12-3:15 error Teh'])
  })

  test('a TOML multi-line string is read from the line after its quotes', () => {
    const source = 'description = """\nFerries sail\nagain"""\ntags = [\n  "title = \'x\'",\n]\n'
    expect(texts(source, tomlHeadlineSpans(source))).toEqual(['Ferries sail\nagain'])
  })

  test('broken TOML has no headline to check', () => {
    expect(tomlHeadlineSpans('title = "Ferries\nsail"\n')).toEqual([])
  })

  test('JSON front matter is not prose, and its headline fields are checked at their place', async () => {
    // Two different slips: `Teh` and `teh` in one story would be one word used twice.
    const text = '{\n  "title": "Teh port reopens",\n  "slug": "srcz-imgz",\n  "excerpt": "Ferries sail"\n}\n\nThe quay and the peir.\n'
    expect(await lint('story.md', text)).toEqual(['2:13-2:16 error Teh', '7:18-7:22 error peir'])
  })

  test('a story that opens with a brace but no JSON object is read as it is', () => {
    expect(jsonFrontMatterEnd('{ not json }\nText')).toBeUndefined()
    expect(jsonFrontMatterEnd('{"title": "x"} and more')).toBeUndefined()
    expect(jsonFrontMatterEnd('{"title": "x"}\nText')).toBe(14)
  })

  test('YAML or TOML front matter after blank lines is front matter, as Hugo reads it', async () => {
    const yaml = '\n\n---\ntitle: The porrt\nauthors:\n  - jdoe-smithz\n---\n\nThe quay and the peir.\n'
    expect(await lint('story.md', yaml)).toEqual(['4:12-4:17 error porrt', '9:18-9:22 error peir'])
    const toml = '\n+++\ntitle = "The porrt"\nslug = "srcz-imgz"\n+++\nThe quay.\n'
    expect(await lint('story.md', toml)).toEqual(['3:14-3:19 error porrt'])
  })

  test('a rule opening a story after a blank line is not front matter', async () => {
    const text = '\n---\nThe peir was busy.\n\n---\n\nThe quay.\n'
    expect(await lint('story.md', text)).toEqual(['3:5-3:9 error peir'])
  })

  test('`excerpt` is a headline field, and config `frontMatterFields` replaces the list', async () => {
    const text = '---\ntitle: The porrt\nexcerpt: Thier quay\nstandfirst: A wierd pier\n---\n\nBody.\n'
    expect(await lint('story.md', text)).toEqual(['2:12-2:17 error porrt', '3:10-3:15 error Thier'])
    expect(await lint('story.md', text, {frontMatterFields: ['Standfirst']})).toEqual(['4:15-4:20 error wierd'])
  })

  test('`frontMatterFields` of the wrong type is a config error at its place', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{\n  "frontMatterFields": "standfirst"\n}\n', 'story.md': 'The port.\n'})
    const result = await runCli([], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: .copydeskrc.json:2:24: `frontMatterFields`: expected a list\n')
  })

  test('HTML tags in a headline field are not words', async () => {
    const text = '---\ndescription: Our <a href="/srcz">harbour</a> guide, teh best\n---\n'
    expect(await lint('story.md', text)).toEqual(['2:53-2:56 error teh'])
  })

  test('character references in a headline field are read as their characters, and words keep their place', async () => {
    const text = '---\ntitle: "**Ferries**&mdash;The pier in Espa&ntilde;a reopens&#58; teh quay too"\n---\n'
    expect(await lint('story.md', text)).toEqual(['2:66-2:69 error teh'])
  })
})

describe('config `ignorePatterns`', () => {
  test('text a pattern matches is blanked out like template code, in every format', async () => {
    const config = {ignorePatterns: ['^SLUG: .*$', '\\[\\[[a-z]+\\]\\]']}
    const text = 'SLUG: ferrys-quay-tidez\nThe [[promoboxx]] ferry left with teh tide.\n'
    expect(await lint('story.txt', text, config)).toEqual(['2:35-2:38 error teh'])
    expect(await lint('story.md', text, config)).toEqual(['2:35-2:38 error teh'])
  })

  test('a pattern that would backtrack for ever on a backtracking engine runs in linear time and matches as it should', () => {
    const line = 'a'.repeat(50_000) + 'b'
    expect(compileIgnorePattern('(a+)+$').spans(line)).toEqual([])
    expect(compileIgnorePattern('(a+)+b$').spans(line)).toEqual([[0, 50_001]])
  })

  test('an invalid pattern is a config error at its place', async () => {
    const cwd = await makeTree({'.copydeskrc.yml': 'ignorePatterns:\n  - "^SLUG:"\n  - "(a+"\n', 'story.txt': 'The port.\n'})
    const result = await runCli([], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: .copydeskrc.yml:3:5: `ignorePatterns.1`: invalid regular expression: missing closing ): `(a+`\n')
  })
})
