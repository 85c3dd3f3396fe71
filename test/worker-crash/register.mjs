// Test only: preloaded with `node --import` (worker threads inherit the
// flag), it swaps the built Markdown parser for one that throws on a story
// mentioning Parsetown, in a worker thread only.
import {register} from 'node:module'

register('./hooks.mjs', import.meta.url)
