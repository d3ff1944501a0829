export type { ArticleInput, PageMeta, ParsedArticle } from './types.js'
export type { Span } from './passages.js'
export type { JsonlItem } from './jsonl.js'
export type { ManifestEntries } from './manifest.js'
export { splitPassages, splitSentences } from './passages.js'
export { contentHash, deriveArticleId, sha1Hex } from './ids.js'
export { isJsonlPath, parseJsonlLine, readJsonl } from './jsonl.js'
export { parseLooseDate } from './record-date.js'
export { manifestMetaFor, readManifest, MANIFEST_NAME } from './manifest.js'
export { expandPaths } from './files.js'
export { decodeText } from './decode.js'
export { parsePageText } from './page-text.js'
export { findEventDate, inferIssueDate, parseIsoDate, resolveMonthDay } from './dates.js'
export { stripDateline } from './dateline.js'
export { inferPaper, metaFromFileName, readMasthead } from './page-origin.js'
export {
  listSources,
  mapArticles,
  MAX_PAGE_BYTES,
  type OpenedSource,
  type ReadSourcesOptions,
  type SourceFile,
  type SourceList,
  type SourceRecord,
} from './sources.js'
export { SAMPLES_DIR } from './samples.js'
