import type { Config } from '../config.js'
import { UpstreamError } from '../errors.js'
import { createOpenAiSdk, toUpstreamError } from './client.js'

/** Turns texts into vectors, one per text, in order. */
export type Embed = (texts: string[]) => Promise<number[][]>

/** An embeddings endpoint and the model whose vectors it makes (vectors of different models never mix). */
export interface Embedder {
  model: string
  embed: Embed
}

/**
 * The embeddings endpoint for dense retrieval, or null when it is off: it needs an OpenAI-compatible
 * endpoint (OPENAI_BASE_URL or OPENAI_API_KEY) and NEWSBOT_EMBED_MODEL. Every failure is an UpstreamError.
 */
export function createEmbedder(config: Pick<Config, 'llm' | 'embedModel'>): Embedder | null {
  const { llm, embedModel: model } = config
  if (!llm || !model) return null
  const client = createOpenAiSdk(llm)
  return {
    model,
    async embed(texts) {
      try {
        // 'float' explicitly: the SDK's default (base64) is not understood by every compatible server.
        const res = await client.embeddings.create({ model, input: texts, encoding_format: 'float' })
        return [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding)
      } catch (err) {
        const cause = toUpstreamError(err, { ...llm, model })
        throw new UpstreamError(`向量模型 ${model}：${cause.message}`, { cause: err, retryable: cause.retryable })
      }
    },
  }
}
