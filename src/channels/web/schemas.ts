import { MAX_QUESTION_CHARS } from '../../answer/index.js'
import { z } from '../../zod.js'

// The edges of the web API: what a request may hold. Messages are the Chinese sentence the client gets.

export const AskBody = z.object({
  question: z.string({ error: '请在 question 中给出问题。' }),
  history: z
    .array(z.object({ question: z.string().max(MAX_QUESTION_CHARS), answer: z.string().max(4000) }), { error: 'history 应为 [{question, answer}] 数组。' })
    .max(20, 'history 最多 20 轮。')
    .optional(),
})

export const SearchQuery = z.object({
  q: z.string({ error: '请在 q 中给出要检索的内容。' }).refine((q) => /[\p{L}\p{N}]/u.test(q), '查询是空的，请输入要检索的内容。'),
  k: z.coerce.number({ error: 'k 应为 1 到 100 之间的整数。' }).int('k 应为 1 到 100 之间的整数。').min(1, 'k 应为 1 到 100 之间的整数。').max(100, 'k 应为 1 到 100 之间的整数。').default(10),
})

export const DigestQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，例如 2023-12-06。').optional(),
})

/** The first problem zod found, as the one sentence the client is shown. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? '请求格式不对。'
}

// What the API answers: the --json shapes of DESIGN.md, for the OpenAPI document and its test.

const Citation = z.object({ n: z.number().int(), id: z.string(), title: z.string(), paper: z.string(), date: z.string().nullable(), quote: z.string() })

export const AskReply = z.strictObject({
  answer: z.string(),
  mode: z.enum(['extractive', 'llm']),
  abstained: z.boolean(),
  citations: z.array(Citation),
  warnings: z.array(z.string()),
})

export const SearchReply = z.array(
  z.strictObject({ id: z.string(), title: z.string(), date: z.string().nullable(), paper: z.string(), score: z.number(), snippet: z.string() }),
)

export const ArticleReply = z.strictObject({
  id: z.string(),
  title: z.string(),
  paper: z.string(),
  date: z.string().nullable(),
  page: z.string().nullable(),
  byline: z.string().nullable(),
  text: z.string(),
  subtitle: z.string().nullable(),
  introTitle: z.string().nullable(),
  section: z.string().nullable(),
  dateline: z.string().nullable(),
  dateInferred: z.boolean(),
  paperInferred: z.boolean(),
  eventDate: z.string().nullable(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  url: z.string().nullable(),
  /** Lines OCR read with low confidence, as the text prints them. */
  uncertain: z.array(z.string()),
  /** Where on its page a PDF or image article was read from, as shares of the page's width and height. */
  region: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
})

export const DigestReply = z.strictObject({
  date: z.string(),
  sections: z.array(z.strictObject({ heading: z.string(), items: z.array(z.strictObject({ id: z.string(), title: z.string(), summary: z.string() })) })),
})

export const HealthReply = z.strictObject({ ok: z.literal(true), articles: z.number().int() })

export const ErrorReply = z.strictObject({ error: z.string() })
