export { tokenize, tokenizeForIndex } from './tokenize.js'
export { searchArticles, toMatchExpression, type SearchHit, type SearchOptions } from './search.js'
