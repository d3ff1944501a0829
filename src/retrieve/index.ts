export { tokenize, tokenizeForIndex } from './tokenize.js'
