import {type NameEntry, type RunSpelling, type StoryUse, total} from '../across/names-index.js'
import {counted, fileCount, nameReason, reasonWords} from './name-facts.js'
import {reportGeneratorTag} from '../files/own-reports.js'
import {wellFormed} from './printable.js'

/** Files listed openly in a cell; more go in a collapsed list, so that a name in hundreds of files keeps its row short. */
const filesShownOpen = 5

/**
 * Build the names report as one self-contained HTML page, for a copy chief
 * to open in a browser: a table with one row group per name (its spellings
 * one row each, variants marked), sortable by clicking a column header, and
 * each file use a link to the file and line, relative to the working
 * directory (where the page is meant to be saved). No external CSS, script
 * or font: the page works from a CI artifact or an email.
 *
 * @param entries The run's names (`buildNamesIndex`), in its order.
 * @param storyCount How many files the index covers.
 * @returns The page.
 */
export function namesHtml(entries: readonly NameEntry[], storyCount: number): string {
  const varied = entries.filter((entry) => entry.variants.length > 0).length
  const summary = `${counted(entries.length, 'name')} in ${counted(storyCount, 'file')}, ${varied} with variants`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${reportGeneratorTag}
<title>copydesk names: ${escapeHtml(summary)}</title>
<style>${style}</style>
</head>
<body>
<h1>Names</h1>
<p>${escapeHtml(summary)}. Most inconsistent first; click a column heading to sort, again to reverse.</p>
<p><label><input type="checkbox" id="only-variants"> Only names with variants</label></p>
<table id="names">
<thead>
<tr>
<th scope="col" aria-sort="ascending"><button type="button" data-key="rank" data-type="number" data-first="ascending">#</button></th>
<th scope="col"><button type="button" data-key="name" data-type="text" data-first="ascending">Name</button></th>
<th scope="col"><button type="button" data-key="spellings" data-type="number" data-first="descending">Spellings</button></th>
<th scope="col"><button type="button" data-key="count" data-type="number" data-first="descending">Uses</button></th>
<th scope="col"><button type="button" data-key="files" data-type="number" data-first="descending">Files</button></th>
<th scope="col"><button type="button" data-key="departing" data-type="number" data-first="descending">Files departing</button></th>
<th scope="col">Spelling chosen</th>
<th scope="col">First use in each file</th>
</tr>
</thead>
${entries.map((entry, index) => nameRows(entry, index + 1)).join('\n')}
</table>
<script>${script}</script>
</body>
</html>
`
}

/**
 * One name's row group: a row per spelling, the spelling to use first. The
 * group carries the name's sort keys, so that sorting moves the name whole.
 *
 * @param entry The name.
 * @param rank Its place in the index's order, from 1.
 * @returns The `tbody`.
 */
function nameRows(entry: NameEntry, rank: number): string {
  const span = entry.spellings.length
  const rowspan = span > 1 ? ` rowspan="${span}"` : ''
  const keys = {
    rank,
    name: entry.canonical.text,
    spellings: span,
    count: total(entry),
    files: fileCount(entry),
    departing: entry.departing
  }
  const attributes = Object.entries(keys)
    .map(([key, value]) => ` data-${key}="${escapeHtml(String(value))}"`)
    .join('')
  const rows = entry.spellings.map((spelling, index) => {
    const isVariant = spelling !== entry.canonical
    const groupCells =
      index === 0
        ? `<td${rowspan}>${rank}</td><th scope="rowgroup"${rowspan}>${escapeHtml(entry.canonical.text)}</th>`
        : ''
    const spellingCell = isVariant
      ? `<td class="spelling"><mark>${escapeHtml(spelling.text)}</mark> <span class="tag">variant</span></td>`
      : `<td class="spelling">${escapeHtml(spelling.text)}</td>`
    const nameCells =
      index === 0
        ? `<td${rowspan}>${entry.departing}</td><td${rowspan}>${escapeHtml(reasonWords[nameReason(entry)])}</td>`
        : ''
    const middle = `<td>${spelling.count}</td><td>${spelling.stories.length}</td>`
    return `<tr${isVariant ? ' class="variant"' : ''}>${groupCells}${spellingCell}${middle}${nameCells}<td>${fileList(spelling)}</td></tr>`
  })
  const kind = entry.variants.length > 0 ? 'varied' : 'consistent'
  return `<tbody class="${kind}"${attributes}>\n${rows.join('\n')}\n</tbody>`
}

/**
 * The files that use a spelling, each a link to its first use; past a few,
 * the rest in a collapsed list.
 *
 * @param spelling The spelling.
 * @returns HTML.
 */
function fileList(spelling: RunSpelling): string {
  const items = spelling.stories.map((use) => `<li>${fileLink(use)}</li>`)
  if (items.length <= filesShownOpen) return `<ul>${items.join('')}</ul>`
  const open = items.slice(0, filesShownOpen).join('')
  const rest = items.slice(filesShownOpen).join('')
  return `<ul>${open}</ul><details><summary>${items.length - filesShownOpen} more files</summary><ul>${rest}</ul></details>`
}

/**
 * A link to a file's first use of a spelling, with its uses in the file:
 * the href is the story's path relative to the working directory, each
 * part percent-encoded (`a&b.md` is `a%26b.md`), and `#L<line>`, the line
 * anchor GitHub-style viewers understand (a browser opening the file from
 * disk ignores it).
 *
 * @param use The file's use.
 * @returns HTML.
 */
function fileLink({story, spelling}: StoryUse): string {
  const {line, column} = spelling.first
  const href = story.path.split('/').map((part) => encodeURIComponent(wellFormed(part))).join('/') + '#L' + line
  const uses = spelling.count === 1 ? '' : ` <span class="uses">(${counted(spelling.count, 'use')})</span>`
  return `<a href="${escapeHtml(href)}">${escapeHtml(`${story.path}:${line}:${column}`)}</a>${uses}`
}

/**
 * Escape text for HTML content and quoted attribute values: names and
 * paths are the newsroom's text and may hold anything.
 *
 * @param text Text.
 * @returns Escaped text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character)
}

/** The characters `escapeHtml` replaces. */
const htmlEntities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** The page's style: system fonts only, variants marked by colour and by a word. */
const style = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
tbody { border-top: 2px solid #999; }
thead th { position: sticky; top: 0; background: #f3f3f3; }
thead button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
tr.variant td { background: #fff1c2; }
mark { background: #ffd54f; }
.tag { font-size: 0.8em; text-transform: uppercase; color: #7a4f00; }
.uses { color: #555; }
ul { margin: 0; padding: 0; list-style: none; }
.only-variants tbody.consistent { display: none; }
`

/**
 * The page's script: sort the row groups by the clicked column (each
 * column's first click in its natural direction, the next reversed; ties
 * keep the index's order), and hide the names without variants on demand.
 */
const script = `
const table = document.getElementById('names');
const compare = (a, b, type) => type === 'number' ? Number(a) - Number(b) : a.localeCompare(b);
for (const button of table.querySelectorAll('thead button')) {
  button.addEventListener('click', () => {
    const heading = button.parentElement;
    const {key, type, first} = button.dataset;
    const direction = heading.getAttribute('aria-sort') === first ? (first === 'ascending' ? 'descending' : 'ascending') : first;
    for (const other of table.querySelectorAll('thead th')) other.removeAttribute('aria-sort');
    heading.setAttribute('aria-sort', direction);
    const sign = direction === 'ascending' ? 1 : -1;
    const groups = [...table.tBodies];
    groups.sort((a, b) => sign * compare(a.dataset[key], b.dataset[key], type) || Number(a.dataset.rank) - Number(b.dataset.rank));
    table.append(...groups);
  });
}
document.getElementById('only-variants').addEventListener('change', (event) => {
  table.classList.toggle('only-variants', event.target.checked);
});
`
