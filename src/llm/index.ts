export { createLlmClient, createOpenAiSdk, toUpstreamError, type ChatMessage, type CompleteOptions, type LlmClient } from './client.js'
export { createEmbedder, type Embed, type Embedder } from './embedder.js'
