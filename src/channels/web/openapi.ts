import { z } from '../../zod.js'
import { AskBody, ArticleReply, AskReply, DigestQuery, DigestReply, ErrorReply, HealthReply, SearchQuery, SearchReply } from './schemas.js'

type Schema = z.ZodType

// Requests are described as clients send them (k as a string is coerced), replies as the server writes them.
const input = (s: Schema) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
const output = (s: Schema) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' })

const json = (s: Schema) => ({ 'application/json': { schema: output(s) } })
const reply = (description: string, s: Schema) => ({ description, content: json(s) })
const error = (description: string) => reply(description, ErrorReply)
const limited = { ...error('提问或检索太频繁（带 Retry-After 头）'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: '几秒后可再试' } } }

/** Query parameters of a GET route, from the zod object that checks them. */
function queryParameters(schema: z.ZodObject) {
  const json = input(schema) as { properties: Record<string, object>; required?: string[] }
  return Object.entries(json.properties).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }))
}

/** The OpenAPI 3.1 document of the JSON API, generated from the zod schemas that check its requests and replies. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'newsbot 新闻问答接口', version: '1', description: '与命令行 --json 输出相同的结构；错误为 {"error": "一句话"}。' },
    paths: {
      '/api/ask': {
        post: {
          summary: '提问（Accept: text/event-stream 时以 SSE 流式返回：token 事件，最后一个 answer 事件）',
          requestBody: { required: true, content: { 'application/json': { schema: input(AskBody) } } },
          responses: {
            200: { description: '带引用的回答', content: { ...json(AskReply), 'text/event-stream': { schema: { type: 'string' } } } },
            400: error('问题或请求体不合格'),
            413: error('请求体太大'),
            429: limited,
          },
        },
      },
      '/api/search': {
        get: {
          summary: '检索文章',
          parameters: queryParameters(SearchQuery),
          responses: { 200: reply('按相关度排列的文章', SearchReply), 400: error('查询不合格'), 429: limited },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: '一篇文章全文',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: reply('文章', ArticleReply), 404: error('没有这篇文章') },
        },
      },
      '/api/digest': {
        get: {
          summary: '某一天的每日简报（默认最新一期）',
          parameters: queryParameters(DigestQuery),
          responses: { 200: reply('简报', DigestReply), 400: error('日期格式不对') },
        },
      },
      '/api/openapi.json': {
        get: { summary: '本文档', responses: { 200: { description: 'OpenAPI 3.1 文档', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/healthz': {
        get: { summary: '健康检查', responses: { 200: reply('服务正常，附文章数', HealthReply) } },
      },
    },
  }
}
