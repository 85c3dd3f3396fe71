import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {root} from './helpers.js'

/**
 * Whether this machine lets a test mount a small tmpfs of its own: in a
 * private mount namespace of a user namespace (`unshare -rm`), which needs
 * no privilege on Linux and leaves nothing mounted once the test is done.
 * A full disk (`ENOSPC`) is then real, not simulated.
 */
export const canMountTmpfs: boolean = (() => {
  if (process.platform !== 'linux') return false
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs "$1"', 'sh', os.tmpdir()], {encoding: 'utf8'})
  return probe.status === 0
})()

/** What a script run on a small disk printed, as JSON. */
export type FullDiskReport = Record<string, unknown>

/**
 * Run a script with a small tmpfs (64 KiB) mounted at a fresh folder, in a
 * mount namespace of its own. The script is an ES module; it gets the
 * folder as `process.argv[2]` and the copydesk command as `process.argv[3]`,
 * and prints one JSON object, which is returned.
 *
 * @param script The module's source.
 * @returns What it printed.
 */
export async function onSmallDisk(script: string): Promise<FullDiskReport> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-disk-'))
  const scriptPath = path.join(folder, 'script.mjs')
  const mount = path.join(folder, 'disk')
  await fs.writeFile(scriptPath, script)
  await fs.mkdir(mount)
  const run = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1" && exec "$2" "$3" "$1" "$4"', 'sh', mount, process.execPath, scriptPath, path.join(root, 'bin/copydesk.js')],
    {encoding: 'utf8', env: {...process.env, COPYDESK_CACHE_DIR: path.join(folder, 'cache')}}
  )
  if (run.status !== 0) throw new Error(`script failed (${run.status}): ${run.stderr}`)
  return JSON.parse(run.stdout) as FullDiskReport
}

/**
 * Source of a function, for a script, that fills the disk a folder is on,
 * leaving `free` bytes (whole pages) free: `fill(folder, free)`.
 */
export const fillSource = `
import fs from 'node:fs'
import path from 'node:path'
function fill(folder, free) {
  const filler = path.join(folder, 'filler')
  const fd = fs.openSync(filler, 'w')
  const page = Buffer.alloc(4096, 120)
  let size = 0
  try {
    for (;;) size += fs.writeSync(fd, page)
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error
  }
  fs.ftruncateSync(fd, Math.max(0, size - free))
  fs.closeSync(fd)
}
`
