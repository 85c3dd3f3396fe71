// The package ships no types: its `words.js` exports the words of Wikipedia, commonest first.
declare module 'popular-english-words/words.js' {
  export const words: readonly string[]
}
