#!/usr/bin/env node
// Entry point of the `copydesk` command. The CLI is compiled and bundled
// into one script, dist/copydesk.cjs (see scripts/bundle.js). This file
// runs it with a V8 code cache: compiling the script is a large part
// of a short run, and a hook runs it on every commit. The cache sits in
// copydesk's cache folder, named by the script's path and the SHA-256 of
// its contents (see `load` for why neither its time nor V8's own checks
// are enough); without one (or on a Node 20 older than 20.12, whose vm
// cannot import from a cached script) the script is compiled afresh. A
// cache that cannot be read, written or trusted only makes the run slower.
//
// This file is CommonJS (see bin/package.json): started as an ES module,
// Node sets up its module loader for it, which a hook paid for on every
// commit though the CLI itself is one CommonJS script.
'use strict'
const crypto = require('node:crypto')
const fs = require('node:fs')
const {createRequire} = require('node:module')
const os = require('node:os')
const path = require('node:path')
const process = require('node:process')
const v8 = require('node:v8')
const vm = require('node:vm')

/** Exit status after the reader closed the output: that of a process SIGPIPE ended. */
const closedPipeStatus = 141

const script = path.join(__dirname, '..', 'dist', 'copydesk.cjs')

/** What `load` compiled, to cache after the run (when more functions are compiled). */
let compiled

let source
try {
  source = fs.readFileSync(script)
} catch (error) {
  if (error && error.code === 'ENOENT') {
    process.stderr.write('copydesk: not built yet: run `npm install` (or `npm run build`) in the copydesk folder\n')
    process.exit(2)
  }
  throw error
}

const cli = load(script, source)
// A reader that stops early (`copydesk --format json news/ | head -1`)
// closes the pipe, and the next write fails with EPIPE: stop quietly, as
// git and grep do when SIGPIPE ends them, with the status a shell gives
// them (128 + 13). Node ignores SIGPIPE, so without this the failed write
// is an unhandled 'error' event and a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', function (error) {
    if (error.code === 'EPIPE') process.exit(closedPipeStatus)
    if (stream === process.stdout) process.stderr.write(`copydesk: cannot write the report: ${error.message}\n`)
    process.exit(2)
  })
}
// While a program allocates fast, V8 lets its heap grow to up to four times
// what outlived the last full collection. A run over many stories allocates
// fast and keeps little, so its peak memory was several times what it kept
// (the CI case of `npm run bench`). Growing by at most 60% kept the peak
// far lower for a few percent more time. V8 reads this setting at every
// collection, so it applies when set here. It is set after the code cache
// is read, and reset before one is written, since V8 turns down a cache
// made under other flags (set first, every hook run compiled afresh). It
// is the CLI's choice: programs using the library keep their own.
v8.setFlagsFromString('--heap-growing-percent=60')
// The code cache holds the functions compiled when it is written, but in a
// long run V8 drops the bytecode of functions not used for a while, such as
// those of start-up: a cache written after a long run held about half of
// them, and hook runs from it were slower. Kept for the run (and reset with
// the other flag before writing).
v8.setFlagsFromString('--no-flush-bytecode')
cli
  .main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    importModule: (specifier) => import(specifier)
  })
  .then(function (status) {
    saveCodeCache()
    exitOnceWritten(status)
  })

/**
 * End the process with a status once standard output and error have taken
 * everything written to them. Left to end by itself, Node first frees its
 * whole heap, which at the end of a short run costs more than the system
 * takes to reclaim the memory at once. Writes to a pipe are asynchronous
 * on some systems (macOS), so the last write to each stream is awaited. A
 * stream that failed is left to its 'error' listener (a closed pipe ends
 * the process with 141).
 *
 * @param {number} status Exit status.
 */
function exitOnceWritten(status) {
  process.exitCode = status
  let writing = 2
  for (const stream of [process.stdout, process.stderr]) {
    stream.write('', function (error) {
      if (!error && --writing === 0) process.exit(status)
    })
  }
}

/**
 * Run the bundled CLI script and give back its exports. The script is the
 * function `require` would wrap a CommonJS file in, called here as
 * `require` would call it.
 *
 * @param {string} file The script's path.
 * @param {Buffer} text Its source.
 * @returns {{main: Function}} Its exports.
 */
function load(file, text) {
  const module = {exports: {}}
  const run = (wrapper) => wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  const dynamicImports = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  if (!dynamicImports) {
    run(vm.runInThisContext(text.toString('utf8'), {filename: file}))
    return module.exports
  }
  // V8 checks that a code cache fits its own version and flags, but of the
  // source only its length: a cache made from another script of the same
  // length runs that script's code. So the entry is named by the SHA-256 of
  // the script's contents (not its time: npm gives every file it installs
  // the same time), and starts with the SHA-256 of that digest and the
  // cache's bytes: a few damaged bytes that V8 took made every run end in a
  // fatal error until the folder was deleted.
  const sourceDigest = crypto.createHash('sha256').update(text).digest()
  const folder = cacheFolder()
  const cacheFile = folder && path.join(folder, `code-${sha1(file)}-${sourceDigest.toString('hex').slice(0, 20)}.bin`)
  const cachedData = cacheFile && readCodeCache(cacheFile, sourceDigest)
  const wrapped = new vm.Script(text.toString('utf8'), {filename: file, cachedData, importModuleDynamically: dynamicImports})
  run(wrapped.runInThisContext())
  // V8 turns down a cache made by another version of Node or under other
  // flags: it is then written afresh after the run.
  compiled = cacheFile && {wrapped, cacheFile, sourceDigest, fresh: !cachedData || wrapped.cachedDataRejected}
  return module.exports
}

/**
 * The first 20 hex digits of a text's SHA-1: enough to tell one
 * installation's script from another's in a file name.
 *
 * @param {string} text The text.
 * @returns {string} Its digits.
 */
function sha1(text) {
  return crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)
}

/**
 * The digest that heads a code cache entry: the SHA-256 of the script's
 * digest and the cache's bytes.
 *
 * @param {Buffer} sourceDigest SHA-256 of the script.
 * @param {Uint8Array} data The code cache.
 * @returns {Buffer} The digest.
 */
function codeCacheDigest(sourceDigest, data) {
  return crypto.createHash('sha256').update(sourceDigest).update(data).digest()
}

/**
 * Read the code cache of a script if it is there, trusted and intact.
 * Trusted as src/words/disk-cache.ts trusts its entries (which this
 * CommonJS file cannot import without loading the ES module loader):
 * a regular file, not a symbolic link, that the current user owns and
 * that neither group nor others may write. Its digest tells a damaged
 * cache from an intact one, but anyone who can write the file can compute
 * the digest too, and a code cache is code this process would run.
 *
 * @param {string} cacheFile The entry's path.
 * @param {Buffer} sourceDigest SHA-256 of the script.
 * @returns {Buffer | undefined} The code cache, without its digest.
 */
function readCodeCache(cacheFile, sourceDigest) {
  let fd
  try {
    // Without waiting: a FIFO planted at the entry's name fails the checks below instead of hanging every run.
    fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0) | (fs.constants.O_NONBLOCK || 0))
  } catch {
    return undefined
  }
  try {
    const stats = fs.fstatSync(fd)
    const uid = process.getuid?.()
    if (!stats.isFile() || (uid !== undefined && (stats.uid !== uid || (stats.mode & 0o022) !== 0))) return undefined
    const bytes = fs.readFileSync(fd)
    const data = bytes.subarray(32)
    return bytes.length > 32 && codeCacheDigest(sourceDigest, data).equals(bytes.subarray(0, 32)) ? data : undefined
  } catch {
    return undefined
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * copydesk's cache folder, where src/words/disk-cache.ts keeps its data:
 * `COPYDESK_CACHE_DIR` when set, else the one env-paths gives, worked out
 * here as env-paths does. Importing the package (and the one it imports)
 * through the ES module loader, to resolve and compile them, cost every
 * run more than the code cache's own read.
 *
 * @returns {string | undefined} The folder, or `undefined` for none: a home
 *   or cache folder that is not an absolute path (`HOME=`) would put the
 *   cache under the working folder, that is in the repository being linted.
 */
function cacheFolder() {
  if (process.env.COPYDESK_CACHE_DIR) return path.resolve(process.env.COPYDESK_CACHE_DIR)
  const home = os.homedir()
  let folder
  if (process.platform === 'darwin') folder = path.join(home, 'Library', 'Caches', 'copydesk')
  else if (process.platform === 'win32') folder = path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'copydesk', 'Cache')
  else folder = path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'copydesk')
  return path.isAbsolute(folder) ? folder : undefined
}

/**
 * Write the code cache when there was none (or V8 turned it down): after
 * the run, so it holds every function the run compiled. Written to a
 * temporary file and renamed, so that a hook running beside this one never
 * reads half of it, and not writable by group or others whatever the
 * umask, so that `readCodeCache` trusts it. A cache that cannot be written
 * (no home folder, a file where the folder should be, a read-only or full
 * disk) is only a slower start: nothing here may throw.
 */
function saveCodeCache() {
  if (!compiled?.fresh) return
  v8.setFlagsFromString('--heap-growing-percent=0')
  v8.setFlagsFromString('--flush-bytecode')
  const temporary = compiled.cacheFile + '.' + process.pid + '.tmp'
  try {
    fs.mkdirSync(path.dirname(compiled.cacheFile), {recursive: true})
    const data = compiled.wrapped.createCachedData()
    fs.writeFileSync(temporary, Buffer.concat([codeCacheDigest(compiled.sourceDigest, data), data]), {flag: 'wx', mode: 0o644})
    fs.renameSync(temporary, compiled.cacheFile)
    // The caches of this script's earlier builds are of no more use. Those
    // of a copydesk installed elsewhere are: removing them made two
    // installations (a global one and a project's) remove each other's on
    // every run, and both compile afresh and write a cache every time.
    const folder = path.dirname(compiled.cacheFile)
    const own = path.basename(compiled.cacheFile)
    const script = own.slice(0, own.lastIndexOf('-') + 1)
    for (const name of fs.readdirSync(folder)) {
      if (name !== own && name.startsWith(script) && name.endsWith('.bin')) fs.rmSync(path.join(folder, name), {force: true})
    }
  } catch {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {}
  }
}
