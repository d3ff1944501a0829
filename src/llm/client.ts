import OpenAI from 'openai'
import { zodResponseFormat } from 'openai/helpers/zod'
import type { z } from 'zod'
import type { Config } from '../config.js'
import { UpstreamError } from '../errors.js'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface CompleteOptions {
  /** Receives the reply's text piece by piece as it arrives. */
  onToken?: (token: string) => void
  signal?: AbortSignal
}

/** The one door to an OpenAI-compatible chat model; every failure comes out as UpstreamError. */
export interface LlmClient {
  readonly model: string
  /** True when the server is configured to honour response_format json_schema. */
  readonly structured: boolean
  /** The reply as plain text. */
  complete(messages: ChatMessage[], opts?: CompleteOptions): Promise<string>
  /** The reply as JSON checked against a schema (only when `structured`). */
  completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, name: string, opts?: CompleteOptions): Promise<T>
}

export type LlmConfig = NonNullable<Config['llm']>

/** Builds the client for the configured endpoint, or null when none is configured (extractive only). */
export function createLlmClient(config: Config['llm']): LlmClient | null {
  if (!config) return null
  // The SDK retries 408/409/429/5xx and timeouts itself, with backoff and retry-after; no second loop here.
  const client = createOpenAiSdk(config)
  const run = (messages: ChatMessage[], opts: CompleteOptions, format?: ReturnType<typeof zodResponseFormat>) =>
    streamReply(client, config, messages, opts, format)
  return {
    model: config.model,
    structured: config.structured,
    complete: (messages, opts = {}) => run(messages, opts),
    async completeJson(messages, schema, name, opts = {}) {
      const text = await run(messages, { signal: opts.signal }, zodResponseFormat(schema, name))
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        throw new UpstreamError('大模型返回的不是有效的 JSON', { cause: err })
      }
      const parsed = schema.safeParse(value)
      if (!parsed.success) throw new UpstreamError('大模型返回的 JSON 不符合约定的格式', { cause: parsed.error })
      return parsed.data
    },
  }
}

/** The SDK client for the configured endpoint, shared by the chat model and the embedder (answer/embedder.ts). */
export function createOpenAiSdk(config: LlmConfig): OpenAI {
  return new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: config.maxRetries })
}

/**
 * Always streams, under three bounds that end in an UpstreamError (so the caller falls back): the first
 * token within `firstTokenMs`, the whole reply, retries included, within `totalMs`, and no pause between
 * chunks longer than `timeoutMs` (the SDK's own timeout only covers the wait for response headers).
 */
async function streamReply(
  client: OpenAI,
  config: LlmConfig,
  messages: ChatMessage[],
  opts: CompleteOptions,
  format?: ReturnType<typeof zodResponseFormat>,
): Promise<string> {
  const controller = new AbortController()
  const abort = () => controller.abort()
  if (opts.signal?.aborted) abort()
  else opts.signal?.addEventListener('abort', abort, { once: true })
  let bound: Bound | undefined
  const stop = (why: Bound) => () => ((bound ??= why), abort())
  const total = setTimeout(stop('total'), config.totalMs)
  let idle = setTimeout(stop('firstToken'), config.firstTokenMs)
  const arm = () => {
    clearTimeout(idle)
    idle = setTimeout(stop('stalled'), config.timeoutMs)
  }
  try {
    // No temperature: reasoning models refuse any but their default, and the prompt already asks for sober answers.
    const stream = await client.chat.completions.create(
      { model: config.model, messages, stream: true, ...(format ? { response_format: format } : {}) },
      { signal: controller.signal },
    )
    let text = ''
    for await (const chunk of stream) {
      arm() // any chunk, reasoning included, shows the model is at work
      const piece = chunk.choices?.[0]?.delta?.content
      if (typeof piece !== 'string' || piece === '') continue
      text += piece
      opts.onToken?.(piece)
    }
    // The SDK's stream ends quietly when aborted; an aborted reply is a failure, not a short answer.
    if (controller.signal.aborted) throw new OpenAI.APIUserAbortError()
    return text
  } catch (err) {
    throw toUpstreamError(err, config, bound)
  } finally {
    clearTimeout(total)
    clearTimeout(idle)
    opts.signal?.removeEventListener('abort', abort)
  }
}

/** Which time bound ended a reply. */
type Bound = 'firstToken' | 'total' | 'stalled'

/** Maps the SDK's errors to one Chinese sentence that names the cause, keeping the original as `cause`. */
export function toUpstreamError(err: unknown, config: LlmConfig, bound?: Bound): UpstreamError {
  if (err instanceof UpstreamError) return err
  const secs = (ms: number) => Math.round(ms / 100) / 10
  const seconds = secs(config.timeoutMs)
  const where = config.baseURL ?? 'OpenAI'
  const make = (message: string, retryable: boolean) => new UpstreamError(message, { cause: err, retryable })
  if (bound === 'firstToken') return make(`大模型 ${secs(config.firstTokenMs)} 秒内没有开始回答`, true)
  if (bound === 'total') return make(`大模型 ${secs(config.totalMs)} 秒内没有答完`, true)
  if (bound === 'stalled') return make(`大模型超过 ${seconds} 秒没有返回新内容`, true)
  if (err instanceof OpenAI.APIUserAbortError) return make('请求已取消', false)
  if (err instanceof OpenAI.APIConnectionTimeoutError) return make(`大模型请求超时（${seconds} 秒，已重试 ${config.maxRetries} 次）`, true)
  if (err instanceof OpenAI.APIConnectionError) return make(`无法连接大模型服务 ${where}`, true)
  if (err instanceof OpenAI.RateLimitError) return make(`大模型服务限流（HTTP 429，已重试 ${config.maxRetries} 次）`, true)
  if (err instanceof OpenAI.AuthenticationError) return make('大模型服务拒绝了密钥（HTTP 401），请检查 OPENAI_API_KEY', false)
  if (err instanceof OpenAI.NotFoundError) return make(`大模型服务找不到模型或接口（HTTP 404），请检查 OPENAI_BASE_URL 与 OPENAI_MODEL（${config.model}）`, false)
  if (err instanceof OpenAI.APIError && err.status !== undefined && err.status >= 500) {
    return make(`大模型服务出错（HTTP ${err.status}，已重试 ${config.maxRetries} 次）`, true)
  }
  if (err instanceof OpenAI.APIError && err.status !== undefined) return make(`大模型请求失败（HTTP ${err.status}）`, false)
  return make('大模型返回了无法解析的内容', false)
}
