import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createEmbedder, type Embedder } from '../../src/llm/index.js'
import { createQuestionIndex, type QuestionIndex } from '../../src/retrieve/index.js'
import { createSqliteStore, openDb, openPostgresStore, type Store } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { startEmbeddingsStub, type EmbeddingsStub } from '../helpers/embeddings-stub.js'
import { usePostgres } from '../helpers/postgres.js'
import { useSuiteTmpDir } from '../helpers/tmp.js'

// The samples ingested with the stand-in embedding model into a SQLite file and a PostgreSQL
// database by the real CLI, then asked the dev set's questions with dense retrieval on both.
const MODEL = 'stub-embed'
// What the stand-in "knows" that bigrams cannot: 回迁房 and 回迁楼 mean 安置房.
const SYNONYMS = { 回迁房: '安置房', 回迁楼: '安置房' }
const QUESTIONS = readFileSync('data/dev-questions.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question)

const server = usePostgres()
const tmp = useSuiteTmpDir()

describe.skipIf(!server.available)('dense retrieval on PostgreSQL against SQLite (sample bulletins)', () => {
  let stub: EmbeddingsStub
  let env: Record<string, string>
  let locations: string[] = []
  let ingested: { embeddings: { model: string; embedded: number; pending: number } }[] = []
  let stores: Store[] = []
  let indexes: QuestionIndex[] = []
  let embedder: Embedder

  beforeAll(async () => {
    stub = await startEmbeddingsStub(SYNONYMS)
    env = { OPENAI_BASE_URL: stub.baseURL, NEWSBOT_EMBED_MODEL: MODEL, NEWSBOT_EMBED_BATCH: '16', NEWSBOT_LLM_MAX_RETRIES: '0' }
    embedder = createEmbedder(loadConfig(env))!
    locations = [join(tmp(), 'n.db'), await server.createDatabase()]
    const runs = await Promise.all(locations.map((db) => runCli(['ingest', 'data/samples', '--db', db, '--json'], env)))
    for (const r of runs) expect(r.stderr.replace(/^newsbot: 新建.*\n/m, '')).toBe('')
    ingested = runs.map((r) => JSON.parse(r.stdout))
    stores = [createSqliteStore(openDb(locations[0]!, { readonly: true })), await openPostgresStore(locations[1]!)]
    indexes = stores.map((s) => createQuestionIndex(s))
  }, 120_000)
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()))
    await stub.close()
  })

  it('embeds every passage at ingest into either store, and keeps the same vectors', async () => {
    const [lite, pg] = ingested
    expect(lite!.embeddings).toMatchObject({ model: MODEL, pending: 0 })
    expect(lite!.embeddings.embedded).toBeGreaterThan(31)
    expect(pg!.embeddings).toEqual(lite!.embeddings)
    const [a, b] = await Promise.all(stores.map((s) => s.loadEmbeddingMatrix(MODEL)))
    expect(b!.rows).toBe(lite!.embeddings.embedded)
    expect(b).toEqual(a)
  })

  it('ranks the same hybrid hits, with the same scores and leading passages, for every dev question', async () => {
    for (const q of QUESTIONS) {
      const [lite, pg] = await Promise.all(indexes.map((i) => i.searchWithEmbedder(q, { k: 5, embedder })))
      expect(pg!.notice, q).toEqual([])
      expect(pg!.hits.map((h) => [h.id, h.score, h.snippet]), q).toEqual(lite!.hits.map((h) => [h.id, h.score, h.snippet]))
    }
  })

  it('answers a search whose words match nothing from the vectors, through the CLI, the same on both', async () => {
    const question = '回迁楼分下去多少了'
    expect((await indexes[1]!.search(question, { k: 5 })).hits).toEqual([])
    const runs = await Promise.all(locations.map((db) => runCli(['search', question, '-k', '3', '--db', db, '--json'], env)))
    for (const r of runs) expect(r.stderr).toBe('')
    const [lite, pg] = runs.map((r) => JSON.parse(r.stdout) as { id: string }[])
    expect(pg).toHaveLength(3)
    expect(pg).toEqual(lite)
  })
})
