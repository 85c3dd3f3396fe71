import {describe, expect, test} from 'vitest'
import {fixesInDiff} from '../bench/fix-diff.js'
import {fixColumns, formatFixVerdicts, judgeFixes, parseFixVerdicts, withUnjudgedFixes} from '../bench/fix-verdicts.js'
import {mulberry32} from '../bench/inject.js'
import {notProseMask, proseTokens, proseWordCount} from '../bench/repo-prose.js'
import {slipStory, type SlipSources} from '../bench/repo-inject.js'
import {readRepoOptions, reproduceRepoCommand} from '../bench/repos-options.js'
import {templatePlace, templateSpans} from '../bench/template-spans.js'
import {
  formatVerdicts,
  type JudgeableError,
  judgedPrecision,
  parseVerdicts,
  sampleErrors,
  verdictColumns,
  withUnjudged
} from '../bench/verdicts.js'

/**
 * The text of every template span of a story.
 *
 * @param text Story.
 * @returns Span texts in order.
 */
function spanTexts(text: string): string[] {
  return templateSpans(text).map((span) => text.slice(span.start, span.end))
}

describe('template spans', () => {
  test('finds Liquid output and tags, with and without whitespace control', () => {
    const story = 'Read [the guide]({{ "/guides/" | url }}) first.\n{%- if draft -%}Draft{% endif %}\n'
    expect(spanTexts(story)).toEqual(['{{ "/guides/" | url }}', '{%- if draft -%}', '{% endif %}'])
  })

  test('finds Hugo shortcodes of both kinds, leaving the prose between a pair outside', () => {
    const story = '{{< note variant="tip" >}}\nThe ferry runs at noon.\n{{< /note >}}\n{{% aside %}}Calm seas.{{% /aside %}}\n'
    expect(spanTexts(story)).toEqual(['{{< note variant="tip" >}}', '{{< /note >}}', '{{% aside %}}', '{{% /aside %}}'])
  })

  test('finds Nunjucks comments and a Liquid comment block whole', () => {
    const story = 'Before {# a note to editors #} after.\n{% comment %}\nold caption\n{% endcomment %}\nEnd.\n'
    expect(spanTexts(story)).toEqual(['{# a note to editors #}', '{% comment %}\nold caption\n{% endcomment %}'])
  })

  test('reads the content of a raw block as text, its two tags as code', () => {
    const story = 'Type {% raw %}{{{% endraw %} your name }} here.\n'
    expect(spanTexts(story)).toEqual(['{% raw %}', '{% endraw %}'])
  })

  test('finds kramdown attribute lists and extensions on their line', () => {
    const story = 'A lead paragraph.\n{: .lead #intro}\n\n{::comment}\nhidden\n{:/comment}\n'
    expect(spanTexts(story)).toEqual(['{: .lead #intro}', '{::comment}\nhidden\n{:/comment}'])
  })

  test('skips a closer inside a quoted argument', () => {
    const story = '{% image "a.jpg" "Sales up 40%}" %} and more text.\n'
    expect(spanTexts(story)).toEqual(['{% image "a.jpg" "Sales up 40%}" %}'])
  })

  test('takes braces that open nothing for text', () => {
    expect(spanTexts('A set {a, b} and a brace { alone, and {{ never closed.\n')).toEqual([])
  })

  test('tells reader text of template arguments from code', () => {
    const story = '{% image "assets/harbour.jpg" "Two ferries at the quay" %} {{< img src="quay-photo" alt="The quay at dawn" >}}\n'
    const spans = templateSpans(story)
    const at = (word: string): number => story.indexOf(word)
    expect(templatePlace(spans, at('assets'))).toBe('code')
    expect(templatePlace(spans, at('ferries'))).toBe('reader-text')
    expect(templatePlace(spans, at('quay-photo'))).toBe('code')
    expect(templatePlace(spans, at('dawn'))).toBe('reader-text')
    expect(templatePlace(spans, at('img'))).toBe('code')
    expect(templatePlace(spans, story.length - 1)).toBeUndefined()
  })
})

describe('prose of a story', () => {
  const story = [
    '---',
    'title: Harbour reopens',
    'author: someone',
    '---',
    '',
    'The harbour reopened after the storm, said [the mayor](https://example.org/mayor "Mayor").',
    '',
    '```sh',
    'ferry --start morning',
    '```',
    '',
    '    indented code words',
    '',
    'Boats <span class="note">returned</span> with `fresh catch` and {{ site.name }} cheered.',
    '{{< img src="harbour-boats" >}}',
    '',
    '[mayor]: https://example.org/people/mayor'
  ].join('\n')

  test('never offers front matter, code, template code, tags or addresses for a slip', () => {
    const words = proseTokens(story).map((token) => token.word)
    expect(words).toEqual(
      expect.arrayContaining(['The', 'harbour', 'reopened', 'storm', 'said', 'Boats', 'with', 'and', 'cheered'])
    )
    for (const word of ['title', 'Harbour', 'author', 'ferry', 'morning', 'indented', 'fresh', 'catch', 'site', 'name', 'img', 'src', 'class']) {
      expect(words).not.toContain(word)
    }
    expect(words.some((word) => word.includes('example'))).toBe(false)
  })

  test('never offers a word glued to markup', () => {
    // `mayor](https://…)` touches a link destination, `class="note">returned</span>` a tag: each is left out whole.
    const words = proseTokens(story).map((token) => token.word)
    expect(words).not.toContain('mayor')
    expect(words).not.toContain('returned')
  })

  test('counts the words of prose, the linked word with them', () => {
    // The harbour reopened after the storm, said [the mayor] = 9; Boats, returned (between tags), with, and, cheered = 5.
    expect(proseWordCount(story)).toBe(9 + 5)
  })

  test('marks a fence never closed to the end of the story', () => {
    const text = 'Intro line.\n\n~~~\nunclosed code\n'
    const mask = notProseMask(text)
    expect(mask[text.indexOf('unclosed')]).toBe(1)
    expect(mask[text.indexOf('Intro')]).toBe(0)
  })
})

describe('slips in a story', () => {
  const sources: SlipSources = {
    isDictionaryWord: (word) => ['the', 'harbour', 'boats', 'returned', 'quay', 'morning', 'ferry', 'caption'].includes(word),
    commonWords: new Set(['harbour', 'boats', 'returned', 'morning', 'ferry', 'caption'])
  }
  const story = [
    '---',
    'title: ferry morning caption',
    '---',
    '{% image "ferry.jpg" "ferry morning caption" %}',
    '',
    'The boats returned.',
    '',
    '```',
    'ferry morning',
    '```'
  ].join('\n')

  test('puts slips on prose words, never in front matter, template code or code, and one a line', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const {text, injections} = slipStory('story.md', story, [], sources, 2, mulberry32(seed))
      // Both prose words are on line 6: one slip goes there, the second finds no line free.
      expect(injections).toHaveLength(1)
      const [injection] = injections
      if (!injection) continue
      expect(['boats', 'returned']).toContain(injection.original)
      expect(injection.line).toBe(6)
      expect(text.slice(injection.offset, injection.offset + injection.injected.length)).toBe(injection.injected)
      expect(text.slice(0, injection.offset) + injection.original + text.slice(injection.offset + injection.injected.length)).toBe(story)
      expect(sources.isDictionaryWord(injection.injected)).toBe(false)
    }
  })

  test('puts slips on different lines, each where it says', () => {
    const twoParagraphs = story + '\n\nThe ferry returned.\n'
    const {text, injections} = slipStory('story.md', twoParagraphs, [], sources, 2, mulberry32(3))
    expect(injections.map((injection) => injection.line)).toEqual([6, 12])
    for (const injection of injections) {
      expect(text.slice(injection.offset, injection.offset + injection.injected.length)).toBe(injection.injected)
    }
  })

  test('leaves a word with a finding of the clean run alone', () => {
    const boats = story.indexOf('boats')
    const returned = story.indexOf('returned')
    const clean = [
      {start: boats, end: boats + 5},
      {start: returned, end: returned + 8}
    ]
    expect(slipStory('story.md', story, clean, sources, 2, mulberry32(7))).toEqual({text: story, injections: []})
  })
})

describe('fixes in a dry-run diff', () => {
  test('lists each changed word with its file and line', () => {
    const patch = [
      '===================================================================',
      '--- a/news/port.md',
      '+++ b/news/port.md',
      '@@ -2,4 +2,4 @@',
      ' Calm day.',
      '-Jiangshu ships left Jiangsu. Jiangshu again.',
      '+Jiangsu ships left Jiangsu. Jiangsu again.',
      ' ',
      '-Bye from Kowalczik and _Jiangshu_.',
      '+Bye from Kowalczyk and _Jiangsu_.',
      '\\ No newline at end of file'
    ].join('\n')
    expect(fixesInDiff(patch)).toEqual([
      {file: 'news/port.md', line: 3, before: 'Jiangshu', after: 'Jiangsu'},
      {file: 'news/port.md', line: 3, before: 'Jiangshu', after: 'Jiangsu'},
      {file: 'news/port.md', line: 5, before: 'Kowalczik', after: 'Kowalczyk'},
      {file: 'news/port.md', line: 5, before: 'Jiangshu', after: 'Jiangsu'}
    ])
  })

  test('finds no fix in an empty diff', () => {
    expect(fixesInDiff('')).toEqual([])
  })
})

describe('verdicts', () => {
  /**
   * An error as a run reports it.
   *
   * @param line Line.
   * @param actual Word.
   * @param ruleId Rule.
   * @returns Error.
   */
  function error(line: number, actual: string, ruleId = 'spelling'): JudgeableError {
    return {repo: 'blog', file: 'posts/a.md', line, column: 4, actual, ruleId, expected: ['fixed']}
  }

  const file = [
    verdictColumns.join('\t'),
    'blog\tposts/a.md\t1\t4\tharbuor\tspelling\tharbour\tright\ta slip',
    'blog\tposts/a.md\t2\t4\tKwong\tname-consistency\tKong\twrong\ta correct name',
    'blog\tposts/a.md\t3\t4\tquay\tspelling\t\t\t',
    'other\tposts/a.md\t1\t4\tharbuor\tspelling\t\twrong\tanother repository'
  ].join('\n')

  test('match a finding reported again, whatever its rule and suggestions say now', () => {
    const rows = parseVerdicts(file, 'v.tsv').filter((row) => row.repo === 'blog')
    const sample = [error(1, 'harbuor', 'name-consistency'), error(2, 'Kwong'), error(3, 'quay'), error(9, 'new')]
    const result = judgedPrecision(sample, sample, rows)
    expect(result.judged).toBe(2)
    expect(result.right).toBe(1)
    expect(result.precision).toBe(0.5)
    expect(result.unjudged.map((item) => item.actual)).toEqual(['quay', 'new'])
    expect(result.wrong.map((item) => item.note)).toEqual(['a correct name'])
  })

  test('do not match a finding that moved or flags other text', () => {
    const rows = parseVerdicts(file, 'v.tsv')
    const moved = {...error(1, 'harbuor'), column: 5}
    const wider = error(1, 'harbuor-side')
    const result = judgedPrecision([moved, wider], [moved, wider], rows)
    expect(result.judged).toBe(0)
    expect(result.unjudged).toHaveLength(2)
  })

  test('match a repeat across a line break to its row, which the file writes on one line', () => {
    const rows = parseVerdicts(verdictColumns.join('\t') + '\nblog\tposts/a.md\t5\t4\tthe the\trepeated-words\tthe\tright\t', 'v.tsv')
    const repeat = error(5, 'the\nthe', 'repeated-words')
    expect(judgedPrecision([repeat], [repeat], rows).judged).toBe(1)
  })

  test('count verdicts on errors still reported outside the sample apart', () => {
    const rows = parseVerdicts(file, 'v.tsv').filter((row) => row.repo === 'blog')
    const result = judgedPrecision([error(3, 'quay')], [error(1, 'harbuor'), error(2, 'Kwong'), error(3, 'quay')], rows)
    expect(result.judged).toBe(0)
    expect(result.alsoJudged).toEqual({judged: 2, right: 1})
  })

  test('refuse a verdict that is not right, wrong or empty', () => {
    expect(() => parseVerdicts(verdictColumns.join('\t') + '\nblog\ta.md\t1\t1\tx\tspelling\t\tmaybe\t', 'v.tsv')).toThrow(
      'v.tsv:2: verdict must be `right`, `wrong` or empty, not `maybe`'
    )
  })

  test('write unjudged errors once, after the rows there, and read them back', () => {
    const rows = parseVerdicts(file, 'v.tsv')
    const added = withUnjudged(rows, [error(3, 'quay'), error(7, 'wharff')])
    expect(added).toHaveLength(rows.length + 1)
    expect(parseVerdicts(formatVerdicts(added), 'v.tsv')).toEqual(added)
    expect(added.at(-1)).toMatchObject({line: 7, actual: 'wharff', verdict: undefined, expected: 'fixed'})
  })

  test('draw a sample that keeps its members when other errors go', () => {
    const errors = Array.from({length: 200}, (_, index) => error(index + 1, `word${index}`))
    const sample = sampleErrors(errors, 40, 1)
    expect(sample).toHaveLength(40)
    expect(sampleErrors(errors, 40, 1)).toEqual(sample)
    // Drop half of the errors outside the sample: the sample stays the same.
    const kept = errors.filter((item, index) => sample.includes(item) || index % 2 === 0)
    expect(sampleErrors(kept, 40, 1)).toEqual(sample)
    expect(sampleErrors(errors, 40, 2)).not.toEqual(sample)
  })
})

describe('verdicts on fixes', () => {
  const file = [
    fixColumns.join('\t'),
    'blog\tnews/port.md\t3\tJiangshu\tJiangsu\tright\ta slip of a name the story spells six times',
    'blog\tnews/port.md\t9\tKwong\tKong\twrong\tthe reporter spells it Kwong'
  ].join('\n')

  test('match every fix that makes the same change on the same line', () => {
    const fixes = [
      {file: 'news/port.md', line: 3, before: 'Jiangshu', after: 'Jiangsu'},
      {file: 'news/port.md', line: 3, before: 'Jiangshu', after: 'Jiangsu'},
      {file: 'news/port.md', line: 9, before: 'Kwong', after: 'Kong'},
      {file: 'news/port.md', line: 9, before: 'Kwong', after: 'Kang'}
    ]
    const result = judgeFixes('blog', fixes, parseFixVerdicts(file, 'f.tsv'))
    expect(result).toMatchObject({judged: 3, right: 2})
    expect(result.wrong.map((fix) => fix.note)).toEqual(['the reporter spells it Kwong'])
    expect(result.unjudged).toEqual([fixes[3]])
    expect(judgeFixes('other', fixes, parseFixVerdicts(file, 'f.tsv')).judged).toBe(0)
  })

  test('write each unjudged fix once, and read the file back', () => {
    const rows = parseFixVerdicts(file, 'f.tsv')
    const fix = {file: 'news/dock.md', line: 4, before: 'wharff', after: 'wharf'}
    const added = withUnjudgedFixes(rows, [
      {repo: 'blog', fix},
      {repo: 'blog', fix}
    ])
    expect(added).toHaveLength(rows.length + 1)
    expect(parseFixVerdicts(formatFixVerdicts(added), 'f.tsv')).toEqual(added)
  })
})

describe('options of bench:repos', () => {
  test('read a selection of repositories and a sample size', () => {
    const options = readRepoOptions(['--repos', '18f-blog, digitalgov-news', '--sample', '25', '--json'])
    expect(options).toMatchObject({repos: ['18f-blog', 'digitalgov-news'], sample: 25, json: true, writeUnjudged: false})
    expect(reproduceRepoCommand(options)).toBe('npm run -s bench:repos -- --repos 18f-blog,digitalgov-news --sample 25 --json')
  })

  test('refuse a sample that is no positive whole number', () => {
    expect(() => readRepoOptions(['--sample', '0'])).toThrow('--sample: expected a whole number of 1 or more, not `0`')
  })
})
