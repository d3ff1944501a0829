import { describe, expect, it } from 'vitest'
import { redactForUser } from '../../../src/channels/telegram/user-text.js'

describe('redactForUser', () => {
  it.each([
    ['大模型暂不可用（无法连接大模型服务 https://user:pw@llm.example.cn/v1?key=abc），以下为摘录式回答。', '大模型暂不可用，以下为摘录式回答。'],
    ['大模型暂不可用（大模型服务拒绝了密钥（HTTP 401），请检查 OPENAI_API_KEY），以下为摘录式回答。', '大模型暂不可用，以下为摘录式回答。'],
    ['大模型服务拒绝了密钥（HTTP 401），请检查 OPENAI_API_KEY', '大模型服务拒绝了密钥（HTTP 401）'],
    ['向量检索暂不可用 http://10.0.0.5:8000/v1/embeddings', '向量检索暂不可用'],
    ['大模型请求超时（30 秒，已重试 2 次）', '大模型请求超时（30 秒，已重试 2 次）'],
    ['问题太长了（600 字），请精简到 500 字以内。', '问题太长了（600 字），请精简到 500 字以内。'],
  ])('%s', (input, expected) => {
    expect(redactForUser(input)).toBe(expected)
  })
})
