import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {isOwnReport} from '../src/files/own-reports.js'
import {makeTree, runCli} from './helpers.js'

describe('copydesk\'s own HTML reports are not stories', () => {
  test('a names report saved in the repository is not linted on the next run; other HTML pages are', async () => {
    const cwd = await makeTree({
      'news/ferry.md': 'The harbour master Ewa Brzezinska opened the quay. Later Brzezinska said teh tide was late.\n',
      'news/quay.md': 'Ewa Brzezinski spoke at the quay.\n',
      'news/page.html': '<!doctype html>\n<html><head><title>Quay</title></head><body><p>Ferries and thier crews.</p></body></html>\n'
    })
    const names = await runCli(['names', '--no-config', '--format', 'html'], {cwd})
    expect(names.code).toBe(0)
    await fs.writeFile(path.join(cwd, 'news/names.html'), names.stdout)
    const run = await runCli(['--no-config', '--format', 'json', 'news'], {cwd})
    const report = JSON.parse(run.stdout) as Array<{path: string; messages: Array<{actual: string}>}>
    const found = Object.fromEntries(report.map((file) => [file.path, file.messages.map((message) => message.actual)]))
    expect(found['news/names.html'] ?? []).toEqual([])
    expect(found['news/page.html']).toEqual(['thier'])
    expect(found['news/ferry.md']).toContain('teh')
  })

  test('a page is copydesk\'s only with the generator tag in its head, and only as HTML', () => {
    const page = '<!doctype html>\n<html lang="en">\n<head>\n<meta name="generator" content="copydesk">\n</head><body></body></html>\n'
    expect(isOwnReport('names.html', page)).toBe(true)
    expect(isOwnReport('names.txt', page)).toBe(false)
    expect(isOwnReport('story.html', '<!doctype html>\n<p>Our site uses a meta tag such as &lt;meta name="generator"&gt;.</p>')).toBe(false)
  })
})
