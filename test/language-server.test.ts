import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DiagnosticSeverity, type Diagnostic, type TextEdit} from 'vscode-languageserver-protocol'
import {makeTree, runCli} from './helpers.js'
import {LspSession, textAt} from './language-server-client.js'

// The language server, spawned as an editor spawns it and spoken to over
// stdio by a real LSP client (./language-server-client.ts).

/** The diagnostic on a word, by its text. */
function on(text: string, diagnostics: Diagnostic[], word: string): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => textAt(text, diagnostic.range) === word)
}

describe('one story, without a workspace folder', () => {
  let folder: string
  let session: LspSession

  beforeAll(async () => {
    folder = await makeTree({'.copydeskrc.json': '{}\n'})
    session = new LspSession(folder)
    await session.initialize()
  })
  afterAll(async () => {
    expect(await session.close()).toBe(0)
  })

  test('diagnostics sit on the exact word, in UTF-16 units, past astral characters and CRLF', async () => {
    // Two astral characters (two UTF-16 units each) before the slip, on the third line, with CRLF line ends.
    const text = '# Harbour news\r\n\r\n\u{1F6A2}\u{1F30A} The ferry left teh harbour at noon.\r\n'
    const document = await session.open(path.join(folder, 'ferry.md'), text)
    const diagnostics = await session.diagnostics(document)
    const slip = on(text, diagnostics, 'teh')
    expect(slip?.range).toEqual({start: {line: 2, character: 20}, end: {line: 2, character: 23}})
    expect(slip?.severity).toBe(DiagnosticSeverity.Error)
    expect(slip?.code).toBe('spelling')
    expect(slip?.codeDescription?.href).toMatch(/#rule-spelling$/)
    expect(slip?.source).toBe('copydesk')
  })

  test('a consistency finding points at the first use, and its quick fix writes the expected spelling', async () => {
    const text = 'Marta Kowalczyk chairs the harbour board.\n\nKowalczyk said the vote was close, and Kowalcyzk later agreed to a recount.\n'
    const document = await session.open(path.join(folder, 'board.md'), text)
    const diagnostics = await session.diagnostics(document)
    const variant = on(text, diagnostics, 'Kowalcyzk')
    expect(variant?.code).toBe('name-consistency')
    expect(variant?.severity).toBe(DiagnosticSeverity.Error)
    const [first] = variant?.relatedInformation ?? []
    expect(first?.location.uri).toBe(document.uri)
    expect(textAt(text, first!.location.range)).toBe('Kowalczyk')
    expect(first?.location.range.start).toEqual({line: 0, character: 6})

    const actions = await session.codeActions(document, variant!.range)
    const [preferred] = actions
    expect(preferred?.title).toBe('Replace with `Kowalczyk`')
    expect(preferred?.isPreferred).toBe(true)
    await session.applyEdits(document, preferred!.edit!.changes![document.uri]!)
    expect(document.text).toBe(text.replace('Kowalcyzk', 'Kowalczyk'))
    const after = await session.diagnostics(document)
    expect(after.some((diagnostic) => diagnostic.code === 'name-consistency')).toBe(false)
  })

  test('each suggestion is a quick fix, the first preferred; an edit clears the diagnostic (live update)', async () => {
    const text = 'The council met on Tuesday and the mood was wierd.\n'
    const document = await session.open(path.join(folder, 'council.md'), text)
    const slip = on(text, await session.diagnostics(document), 'wierd')
    const actions = await session.codeActions(document, {start: slip!.range.start, end: slip!.range.start})
    const replacements = actions.filter((action) => action.title.startsWith('Replace with'))
    expect(replacements[0]?.title).toBe('Replace with `weird`')
    expect(replacements.map((action) => action.isPreferred)).toEqual([true, ...replacements.slice(1).map(() => false)])
    expect(replacements.length).toBeGreaterThan(1)
    // The writer types the fix by hand: the diagnostic goes with the next lint.
    await session.change(document, text.replace('wierd', 'weird'))
    expect(await session.diagnostics(document)).toEqual([])
    // And a new slip typed shows up.
    await session.change(document, document.text.replace('council', 'cuoncil'))
    const again = await session.diagnostics(document)
    expect(on(document.text, again, 'cuoncil')?.severity).toBe(DiagnosticSeverity.Error)
  })

  test('"Disable rule for this line" writes a marker that turns the finding off, inside a paragraph and above one', async () => {
    const text = 'The ferry left on time.\nThe crew said teh sea was calm.\n\nLater teh wind rose.\n'
    const document = await session.open(path.join(folder, 'markers.md'), text)
    const diagnostics = await session.diagnostics(document)
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'spelling')).toHaveLength(2)
    for (const line of [1, 3]) {
      const current = await session.diagnostics(document)
      const slip = current.find((diagnostic) => diagnostic.code === 'spelling' && textAt(document.text, diagnostic.range) === 'teh')
      const disable = (await session.codeActions(document, slip!.range)).find((action) => action.title === 'Disable `spelling` for this line')
      expect(disable, `line ${line}`).toBeDefined()
      await session.applyEdits(document, disable!.edit!.changes![document.uri]!)
      await session.diagnostics(document, (found) => found.filter((diagnostic) => diagnostic.code === 'spelling').length === (line === 1 ? 1 : 0))
    }
    // Inside the paragraph the marker ends the line above; before the paragraph it has a line of its own.
    expect(document.text).toBe(
      'The ferry left on time. <!-- copydesk-disable-next-line spelling -->\nThe crew said teh sea was calm.\n\n<!-- copydesk-disable-next-line spelling -->\nLater teh wind rose.\n'
    )
  })

  test('an HTML page gets diagnostics, and its disable marker goes on a line of its own in the line\'s indent', async () => {
    const text = '<html>\n  <body>\n    <p>The crew said teh sea was calm.</p>\n  </body>\n</html>\n'
    const document = await session.open(path.join(folder, 'page.html'), text, 'html')
    const slip = on(text, await session.diagnostics(document), 'teh')
    expect(slip?.range.start).toEqual({line: 2, character: 21})
    const disable = (await session.codeActions(document, slip!.range)).find((action) => action.title === 'Disable `spelling` for this line')
    await session.applyEdits(document, disable!.edit!.changes![document.uri]!)
    expect(document.text.split('\n')[2]).toBe('    <!-- copydesk-disable-next-line spelling -->')
    await session.diagnostics(document, (found) => on(document.text, found, 'teh') === undefined)
  })

  test('a byte order mark at the start of the text counts in the ranges', async () => {
    const text = '\uFEFFThe crew said teh sea was calm.\n'
    const document = await session.open(path.join(folder, 'bom.md'), text)
    const slip = on(text, await session.diagnostics(document), 'teh')
    expect(slip?.range).toEqual({start: {line: 0, character: 15}, end: {line: 0, character: 18}})
  })

  test('plain text has no comment markers, so no "Disable" action there', async () => {
    const text = 'The crew said teh sea was calm.\n'
    const document = await session.open(path.join(folder, 'wire.txt'), text, 'plaintext')
    const slip = on(text, await session.diagnostics(document), 'teh')
    const titles = (await session.codeActions(document, slip!.range)).map((action) => action.title)
    expect(titles).toContain('Replace with `the`')
    expect(titles.some((title) => title.startsWith('Disable'))).toBe(false)
  })

  test('"Fix all certain findings" makes exactly the edits `copydesk --fix` makes', async () => {
    const text =
      'Minister Ilse Vandenbroucke arrived on Monday. Vandenbroucke met union leaders, and Vandenbrouke spoke after.\n\n' +
      'Marta Kowalczyk chairs the board. Kowalczyk said the vote was close, and Kowalcyzk agreed to a recount.\n\n' +
      'The crew said teh sea was calm.\n'
    const document = await session.open(path.join(folder, 'fix-all.md'), text)
    await session.diagnostics(document)
    const [fixAll] = await session.codeActions(document, {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, ['source.fixAll'])
    expect(fixAll?.title).toBe('Fix all certain findings')
    expect(fixAll?.kind).toBe('source.fixAll.copydesk')
    const edits: TextEdit[] = fixAll!.edit!.changes![document.uri]!
    await session.applyEdits(document, edits)

    const cwd = await makeTree({'.copydeskrc.json': '{}\n', 'fix-all.md': text})
    await runCli(['--fix', 'fix-all.md'], {cwd})
    const fixed = await fs.readFile(path.join(cwd, 'fix-all.md'), 'utf8')
    expect(fixed).not.toBe(text)
    expect(document.text).toBe(fixed)
    // A guess among several suggestions (`teh`) is never fixed, by either.
    expect(document.text).toContain('teh')
  })

  test('a huge document is linted, and the server goes on answering', async () => {
    const paragraph = 'The harbour board met on Tuesday to discuss the ferry timetable and the cost of fuel.\n\n'
    const text = paragraph.repeat(12_000) + 'The crew said teh sea was calm.\n'
    expect(text.length).toBeGreaterThan(1_000_000)
    const document = await session.open(path.join(folder, 'huge.md'), text)
    const diagnostics = await session.diagnostics(document)
    expect(on(text, diagnostics, 'teh')?.range.start).toEqual({line: 24_000, character: 14})
    const small = await session.open(path.join(folder, 'after-huge.md'), 'A short note with teh slip.\n')
    expect(on(small.text, await session.diagnostics(small), 'teh')).toBeDefined()
  }, 120_000)
})

test('started without a transport, the server says how to start it and exits 2', async () => {
  const bin = path.join(import.meta.dirname, '..', 'bin', 'copydesk-language-server.js')
  const run = await new Promise<{code: number | null; stderr: string}>((resolve) => {
    execFile(process.execPath, [bin], (error, _stdout, stderr) => resolve({code: error ? (error.code as number) : 0, stderr}))
  })
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/^Usage: copydesk-language-server --stdio/)
})

describe('config and word list', () => {
  let folder: string
  let session: LspSession

  beforeAll(async () => {
    folder = await makeTree({'.copydeskrc.json': '{}\n', 'stories/.keep': ''})
    session = new LspSession(folder)
    await session.initialize(folder)
  })
  afterAll(async () => {
    expect(await session.close()).toBe(0)
  })

  test('"Add to the word list" writes .copydesk/words.txt as `copydesk words add` does, and the open stories are linted again', async () => {
    const text = 'The Zorbulat festival opened on Friday.\n'
    const first = await session.open(path.join(folder, 'stories', 'festival.md'), text)
    const second = await session.open(path.join(folder, 'stories', 'festival-2.md'), 'Crowds came to Zorbulat again.\n')
    const unknown = on(text, await session.diagnostics(first), 'Zorbulat')
    expect(unknown?.code).toBe('spelling')
    expect(on(second.text, await session.diagnostics(second), 'Zorbulat')).toBeDefined()
    const add = (await session.codeActions(first, unknown!.range)).find((action) => action.title === 'Add `Zorbulat` to the word list')
    expect(add?.command?.command).toBe('copydesk.addWord')
    await session.connection.sendRequest('workspace/executeCommand', {command: add!.command!.command, arguments: add!.command!.arguments})

    const list = await fs.readFile(path.join(folder, '.copydesk', 'words.txt'), 'utf8')
    // The list `copydesk words add Zorbulat` writes in a fresh copy of the folder.
    const cli = await makeTree({'.copydeskrc.json': '{}\n'})
    await runCli(['words', 'add', 'Zorbulat'], {cwd: cli})
    expect(list).toBe(await fs.readFile(path.join(cli, '.copydesk', 'words.txt'), 'utf8'))
    // Both open stories, not only the one the action came from.
    await session.diagnostics(first, (found) => on(text, found, 'Zorbulat') === undefined)
    await session.diagnostics(second, (found) => on(second.text, found, 'Zorbulat') === undefined)
  })

  test("a story the config's `ignore` leaves out gets no findings, as in the CLI", async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{"ignore": ["drafts/**"]}\n', 'drafts/note.md': 'A draft with teh slip.\n', 'note.md': 'A story with teh slip.\n'})
    const other = new LspSession(cwd)
    await other.initialize(cwd)
    const draft = await other.open(path.join(cwd, 'drafts', 'note.md'), 'A draft with teh slip.\n')
    const story = await other.open(path.join(cwd, 'note.md'), 'A story with teh slip.\n')
    expect(on(story.text, await other.diagnostics(story), 'teh')).toBeDefined()
    expect(await other.diagnostics(draft)).toEqual([])
    const cli = await runCli(['--format', 'json', '.'], {cwd})
    expect(JSON.parse(cli.stdout).map((file: {path: string}) => file.path)).toEqual(['note.md'])
    expect(await other.close()).toBe(0)
  })

  test('a config change is picked up without a restart, and a bad config is one diagnostic, never a crash', async () => {
    const text = 'The Quillimore regatta starts today.\n'
    const document = await session.open(path.join(folder, 'stories', 'regatta.md'), text)
    expect(on(text, await session.diagnostics(document), 'Quillimore')).toBeDefined()
    const config = path.join(folder, '.copydeskrc.json')
    const changed = async (): Promise<void> => {
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(config).href, type: 2}]})
    }

    await fs.writeFile(config, '{"words": ["Quillimore"]}\n')
    await changed()
    await session.diagnostics(document, (found) => found.length === 0)

    await fs.writeFile(config, '{"words": ["Quillimore"],\n')
    await changed()
    const broken = await session.diagnostics(document, (found) => found.length === 1 && String(found[0]?.message).includes('.copydeskrc.json'))
    expect(broken[0]?.severity).toBe(DiagnosticSeverity.Error)
    expect(broken[0]?.range.start).toEqual({line: 0, character: 0})
    expect(broken[0]?.message).toMatch(/^copydesk cannot lint this story: .*\.copydeskrc\.json/)
    await session.until(() => (session.shown.some((message) => message.includes('.copydeskrc.json')) ? true : undefined))

    // Mended, even without a notification: the config is found afresh for every lint.
    await fs.writeFile(config, '{}\n')
    await session.change(document, text + '\n')
    await session.diagnostics(document, (found) => on(document.text, found, 'Quillimore') !== undefined)
  })
})

describe('names across the stories of a workspace', () => {
  /**
   * A folder of three stories: two spell a name one way, `c.md` another.
   *
   * @param first The person's first name.
   * @param name The name as two stories spell it.
   * @param variant The name as `c.md` spells it.
   * @returns The folder.
   */
  async function storiesOfOneName(first: string, name: string, variant: string): Promise<string> {
    return makeTree({
      '.copydeskrc.json': '{}\n',
      'a.md': `The board met ${first} ${name} on Tuesday. ${name} said the plan would pass.\n`,
      'b.md': `${first} ${name} signed the lease, the port said.\n`,
      'c.md': `Later, ${first} ${variant} thanked the crews.\n`
    })
  }

  test('the index is built in the background with progress, and a saved change updates it', async () => {
    const folder = await storiesOfOneName('Marta', 'Kowalczyk', 'Kowalczik')
    const session = new LspSession(folder)
    await session.initialize(folder)
    const text = await fs.readFile(path.join(folder, 'c.md'), 'utf8')
    const document = await session.open(path.join(folder, 'c.md'), text)
    const across = await session.diagnostics(document, (found) => found.some((diagnostic) => diagnostic.code === 'names-across-files'))
    const variant = on(text, across, 'Kowalczik')
    expect(variant?.code).toBe('names-across-files')
    expect(variant?.severity).toBe(DiagnosticSeverity.Warning)
    const [first] = variant?.relatedInformation ?? []
    expect(first?.location.uri).toBe(pathToFileURL(path.join(folder, 'a.md')).href)
    expect(first?.location.range).toEqual({start: {line: 0, character: 20}, end: {line: 0, character: 29}})
    expect(session.progress.map((value) => value.kind)).toContain('begin')
    expect(session.progress.at(-1)?.kind).toBe('end')

    // The other stories change on disk to the story's spelling: the finding goes.
    for (const name of ['a.md', 'b.md']) {
      const other = path.join(folder, name)
      await fs.writeFile(other, (await fs.readFile(other, 'utf8')).replaceAll('Kowalczyk', 'Kowalczik'))
    }
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: ['a.md', 'b.md'].map((name) => ({uri: pathToFileURL(path.join(folder, name)).href, type: 2}))
    })
    await session.diagnostics(document, (found) => !found.some((diagnostic) => diagnostic.code === 'names-across-files'))
    expect(await session.close()).toBe(0)
  })

  test('a folder added to the workspace while the server runs is indexed, and one removed leaves', async () => {
    const first = await makeTree({'.copydeskrc.json': '{}\n', 'a.md': 'The ferry left at noon.\n'})
    const added = await storiesOfOneName('Tomasz', 'Wierzbicki', 'Wierzbiki')
    const session = new LspSession(first)
    await session.initialize(first)
    const text = await fs.readFile(path.join(added, 'c.md'), 'utf8')
    const document = await session.open(path.join(added, 'c.md'), text)
    // Outside every folder of the workspace, the story has no index to be weighed against.
    const alone = await session.diagnostics(document)
    expect(alone.some((diagnostic) => diagnostic.code === 'names-across-files')).toBe(false)

    const folder = {uri: pathToFileURL(added).href, name: path.basename(added)}
    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', {event: {added: [folder], removed: []}})
    const across = await session.diagnostics(document, (found) => found.some((diagnostic) => diagnostic.code === 'names-across-files'))
    expect(on(text, across, 'Wierzbiki')?.relatedInformation?.[0]?.location.uri).toBe(pathToFileURL(path.join(added, 'a.md')).href)

    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', {event: {added: [], removed: [folder]}})
    await session.diagnostics(document, (found) => !found.some((diagnostic) => diagnostic.code === 'names-across-files'))
    expect(await session.close()).toBe(0)
  })
})
