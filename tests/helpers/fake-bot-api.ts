import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types'

// A strict stand-in for the Telegram Bot API over real HTTP: it refuses what Telegram refuses, so
// tests catch unescaped HTML, over-long messages and bad buttons before production does.

// === Telegram HTML, parsed the way the Bot API does (stricter where Telegram is lenient)

const TAG_TYPES: Record<string, string> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', a: 'text_link', code: 'code',
  pre: 'pre', blockquote: 'blockquote', 'tg-spoiler': 'spoiler', span: 'spoiler',
}
const TAG_ATTRS: Record<string, string[]> = { a: ['href'], span: ['class'], code: ['class'], blockquote: ['expandable'] }
const TAG_RE = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>=]+))?)*)\s*>/y
const ATTR_RE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=]+)))?/g
const ENTITY_RE = /&(?:#(\d{1,7})|#x([\da-fA-F]{1,6})|(lt|gt|amp|quot));/y
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

export type ParsedText = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; error: string }
interface OpenTag { name: string; attrs: Record<string, string>; offset: number }

class HtmlError extends Error {}

/** Parses `parse_mode: 'HTML'` text into plain text and entities, or says why Telegram would refuse it. */
export function parseTelegramHtml(html: string): ParsedText {
  const out = { text: '', entities: [] as MessageEntity[] }
  const stack: OpenTag[] = []
  try {
    for (let i = 0; i < html.length; ) {
      if (html[i] === '<') i = readTag(html, i, stack, out)
      else [out.text, i] = readChar(html, i, out.text)
    }
    const open = stack.at(-1)
    if (open) throw new HtmlError(`Can't find end tag corresponding to start tag "${open.name}"`)
  } catch (err) {
    if (err instanceof HtmlError) return { ok: false, error: err.message }
    throw err
  }
  out.entities.sort((a, b) => a.offset - b.offset || b.length - a.length)
  return { ok: true, ...out }
}

function readTag(html: string, i: number, stack: OpenTag[], out: { text: string; entities: MessageEntity[] }): number {
  const at = () => byteOffset(html, i)
  TAG_RE.lastIndex = i
  const m = TAG_RE.exec(html)
  if (!m) throw new HtmlError(`Unexpected "<" ${at()}; escape it as &lt;`)
  const [raw, slash, rawName = '', attrText = ''] = m
  const name = rawName.toLowerCase()
  if (slash) {
    const top = stack.pop()
    if (!top || attrText) throw new HtmlError(`Unexpected end tag ${at()}`)
    if (top.name !== name) throw new HtmlError(`Unmatched end tag ${at()}, expected "</${top.name}>", found "</${name}>"`)
    closeEntity(top, out)
    return i + raw.length
  }
  const parent = stack.at(-1)?.name
  if (!TAG_TYPES[name]) throw new HtmlError(`Unsupported start tag "${name}" ${at()}`)
  if (parent === 'code' || (parent === 'pre' && name !== 'code')) throw new HtmlError(`Tag "${name}" can't be nested in "${parent}" ${at()}`)
  const attrs = readAttrs(name, attrText)
  if (name === 'a' && !attrs.href) throw new HtmlError(`Tag "a" must have an href ${at()}`)
  if (name === 'span' && attrs.class !== 'tg-spoiler') throw new HtmlError(`Tag "span" must have class "tg-spoiler" ${at()}`)
  stack.push({ name, attrs, offset: out.text.length })
  return i + raw.length
}

function readAttrs(tag: string, text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const [, key = '', ...values] of text.matchAll(ATTR_RE)) {
    if (!TAG_ATTRS[tag]?.includes(key.toLowerCase())) throw new HtmlError(`Unsupported attribute "${key}" in tag "${tag}"`)
    const value = values.find((v) => v !== undefined) ?? ''
    let decoded = ''
    for (let i = 0; i < value.length; ) [decoded, i] = readChar(value, i, decoded)
    attrs[key.toLowerCase()] = decoded
  }
  return attrs
}

/** Appends the character (or entity) at `i` to `text`; returns the new text and the index after it. */
function readChar(s: string, i: number, text: string): [string, number] {
  if (s[i] !== '&') return [text + s[i], i + 1]
  ENTITY_RE.lastIndex = i
  const m = ENTITY_RE.exec(s)
  const code = m?.[1] ? Number(m[1]) : m?.[2] ? parseInt(m[2], 16) : undefined
  if (m?.[3]) return [text + NAMED[m[3]], ENTITY_RE.lastIndex]
  if (code === undefined || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw new HtmlError(`Unescaped "&" ${byteOffset(s, i)}; escape it as &amp;`)
  }
  return [text + String.fromCodePoint(code), ENTITY_RE.lastIndex]
}

/** Where Telegram says an error is: UTF-8 bytes into the text. */
function byteOffset(s: string, i: number): string {
  return `at byte offset ${Buffer.byteLength(s.slice(0, i))}`
}

function closeEntity(tag: OpenTag, out: { text: string; entities: MessageEntity[] }): void {
  const length = out.text.length - tag.offset
  if (length === 0) return
  const expandable = tag.name === 'blockquote' && 'expandable' in tag.attrs
  const type = expandable ? 'expandable_blockquote' : TAG_TYPES[tag.name]!
  const url = tag.name === 'a' ? { url: tag.attrs.href } : {}
  out.entities.push({ type, offset: tag.offset, length, ...url } as MessageEntity)
}

// === The server: state, methods, HTTP

export interface ApiCall { method: string; payload: Record<string, unknown>; at: number; status: number }
export interface Fault {
  method: string
  /** The status answered (default 500; ignored when the connection is dropped). */
  error_code?: number
  retry_after?: number
  description?: string
  /** The method runs first (the message arrives), then the fault answers: a response lost after delivery. */
  after?: boolean
  /** A Bot API JSON error (the default), a proxy's HTML error page, or the connection dropped without an answer. */
  as?: 'json' | 'html' | 'drop'
}
/** Random faults on every call of `method` (for benchmarks); `seed` makes a run repeatable. */
export interface Chaos { method: string; dropAfter: number; bad502: number; seed?: number }
export interface TextOptions {
  chatType?: 'private' | 'group' | 'supergroup'
  /** The id of a bot message in the chat to reply to, or true for the newest one. */
  replyToBotMessage?: number | true
  /** Defaults to the bot_command and mention entities Telegram would add. */
  entities?: MessageEntity[]
}

export interface FakeBotApi {
  apiRoot: string
  token: string
  botInfo: UserFromGetMe
  /** Every request answered, in order of answering; `at` is when it arrived. */
  calls: ApiCall[]
  /** The commands of the last setMyCommands. */
  commands: unknown[]
  pushUpdate(update: Omit<Update, 'update_id'>): Update
  sendText(chatId: number, fromId: number, text: string, opts?: TextOptions): Update
  /** Presses a button the bot put on its message; throws when there is no such button. */
  pressButton(chatId: number, fromId: number, messageId: number, data: string): Update
  /** The bot's messages in a chat as they stand now (edits applied, deletions gone). */
  messagesTo(chatId: number): Message[]
  /** The first call, past or future, that matches. */
  waitFor(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>
  /** From now on every call to this chat answers 403, as when the user blocked the bot. */
  block(chatId: number): void
  /** Makes private chats known as if each user had started the bot, without queueing updates (for thousands of subscribers). */
  addPrivateChats(chatIds: Iterable<number>): void
  /** The next call of `fault.method` fails with this error (429 carries `parameters.retry_after`). */
  queueFault(fault: Fault): void
  /** From now on: a share of `chaos.method` calls is delivered and then dropped, another answered 502 (half of them after delivery). */
  setChaos(chaos: Chaos | null): void
  /** For `ms` from now the API is unreachable: requests are held unanswered, then their connections dropped, nothing delivered. */
  startOutage(ms: number): void
  /** From now on each call of `method` waits `ms` before it runs, as over a slow network (0: none). */
  setLatency(method: string, ms: number): void
  /** Makes these users the group's administrators (getChatMember); everyone else is a member. */
  setChatAdmins(chatId: number, userIds: number[]): void
  close(): Promise<void>
}

interface Stored { message: Message; fromBot: boolean; deleted: boolean }
type Payload = Record<string, unknown>

interface State {
  token: string
  botInfo: UserFromGetMe
  calls: ApiCall[]
  commands: unknown[]
  listeners: Set<(call: ApiCall) => void>
  chats: Map<number, Chat>
  messages: Map<number, Map<number, Stored>>
  blocked: Set<number>
  admins: Map<number, Set<number>>
  faults: Fault[]
  chaos: (Chaos & { random: () => number; n: number }) | null
  outageUntil: number
  latency: Map<string, number>
  openQueries: Set<string>
  queue: Update[]
  nextUpdateId: number
  nextQueryId: number
  webhookUrl: string
  poller: { finish: (err?: ApiError) => void } | null
}

class ApiError extends Error {
  constructor(readonly code: number, description: string, readonly parameters?: object) {
    super(description)
  }
}

const bad = (what: string) => new ApiError(400, `Bad Request: ${what}`)
const num = (v: unknown) => (v === undefined || v === '' ? undefined : Number(v))
const nowSec = () => Math.floor(Date.now() / 1000)
const CHAT_ACTIONS = ['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note']
const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'

/** Starts the fake on 127.0.0.1 at a free port; point grammY's `client.apiRoot` at `apiRoot`. */
export async function startFakeBotApi(opts: { token?: string } = {}): Promise<FakeBotApi> {
  const s = createState(opts.token ?? '123456:TEST-token')
  const server = createServer((req, res) => {
    serve(s, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiRoot: `http://127.0.0.1:${port}`, token: s.token, botInfo: s.botInfo, calls: s.calls, commands: s.commands,
    pushUpdate: (update) => pushUpdate(s, update),
    sendText: (chatId, fromId, text, o) => sendText(s, chatId, fromId, text, o),
    pressButton: (chatId, fromId, messageId, data) => pressButton(s, chatId, fromId, messageId, data),
    messagesTo: (chatId) => [...chatMessages(s, chatId).values()].filter((m) => m.fromBot && !m.deleted).map((m) => m.message),
    waitFor: (predicate, timeoutMs) => waitFor(s, predicate, timeoutMs),
    block: (chatId) => void s.blocked.add(chatId),
    addPrivateChats(chatIds) {
      for (const id of chatIds) s.chats.set(id, { id, type: 'private', first_name: makeUser(id).first_name })
    },
    queueFault: (fault) => void s.faults.push(fault),
    setChaos: (chaos) => void (s.chaos = chaos && { ...chaos, random: seededRandom(chaos.seed ?? 1), n: 0 }),
    startOutage: (ms) => void (s.outageUntil = Date.now() + ms),
    setLatency: (method, ms) => void s.latency.set(method, ms),
    setChatAdmins: (chatId, userIds) => void s.admins.set(chatId, new Set(userIds)),
    async close() {
      s.poller?.finish()
      await new Promise((resolve) => setImmediate(resolve)) // let a held poll answer before the sockets go
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

function createState(token: string): State {
  const botInfo: UserFromGetMe = {
    id: Number(token.split(':')[0]), is_bot: true, first_name: 'Newsbot', username: 'newsbot_test_bot',
    can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
    can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
    allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
  }
  return {
    token, botInfo, calls: [], commands: [], listeners: new Set(), chats: new Map(), messages: new Map(),
    blocked: new Set(), admins: new Map(), faults: [], chaos: null, outageUntil: 0, latency: new Map(), openQueries: new Set(), queue: [], nextUpdateId: 1, nextQueryId: 1,
    webhookUrl: '', poller: null,
  }
}

const METHODS: Record<string, (s: State, p: Payload, signal: AbortSignal) => unknown> = {
  getMe: (s) => s.botInfo,
  getUpdates,
  sendMessage(s, p) {
    const chat = requireChat(s, p)
    const content = readContent(p)
    const replyId = num((p.reply_parameters as Payload | undefined)?.message_id ?? p.reply_to_message_id)
    const replyTo = replyId === undefined ? undefined : chatMessages(s, chat.id).get(replyId)
    if (replyId !== undefined && (!replyTo || replyTo.deleted)) throw bad('message to be replied not found')
    const message = { message_id: nextMessageId(s, chat.id), date: nowSec(), chat, from: s.botInfo, ...content }
    return remember(s, { ...message, ...(replyTo && { reply_to_message: replyTo.message }) } as Message, true)
  },
  editMessageText(s, p) {
    if (p.inline_message_id !== undefined) throw bad('the fake Bot API does not support inline messages')
    const entry = requireBotMessage(s, p, 'edit')
    const content = readContent(p)
    const { entities, reply_markup, ...rest } = entry.message
    if (JSON.stringify(content) === JSON.stringify({ text: rest.text, ...(entities && { entities }), ...(reply_markup && { reply_markup }) })) {
      throw bad(NOT_MODIFIED)
    }
    // Like Telegram, an edit without reply_markup removes the inline keyboard.
    entry.message = { ...rest, ...content, edit_date: nowSec() } as Message
    return entry.message
  },
  sendChatAction(s, p) {
    requireChat(s, p)
    if (!CHAT_ACTIONS.includes(String(p.action))) throw bad('wrong parameter action in request')
    return true
  },
  getChatMember(s, p) {
    const chat = requireChat(s, p)
    const userId = num(p.user_id)
    if (userId === undefined) throw bad('user_id is empty')
    const user = makeUser(userId)
    if (!s.admins.get(chat.id)?.has(userId)) return { status: 'member', user }
    return { status: 'administrator', user, can_be_edited: false, is_anonymous: false, can_manage_chat: true }
  },
  answerCallbackQuery(s, p) {
    if (!s.openQueries.delete(String(p.callback_query_id))) throw bad('query is too old and response timeout expired or query ID is invalid')
    return true
  },
  setMyCommands(s, p) {
    const list = Array.isArray(p.commands) ? (p.commands as Payload[]) : []
    if (list.some((c) => !/^[a-z0-9_]{1,32}$/.test(String(c.command)))) throw bad('BOT_COMMAND_INVALID')
    s.commands.splice(0, s.commands.length, ...list)
    return true
  },
  deleteWebhook(s, p) {
    s.webhookUrl = ''
    if (p.drop_pending_updates === true || p.drop_pending_updates === 'true') s.queue = []
    return true
  },
  setWebhook(s, p) {
    s.webhookUrl = String(p.url ?? '')
    return true
  },
  getWebhookInfo: (s) => ({ url: s.webhookUrl, has_custom_certificate: false, pending_update_count: s.queue.length }),
  deleteMessage(s, p) {
    requireBotMessage(s, p, 'delete').deleted = true
    return true
  },
}

/** Long polling: answers at once when updates wait, else holds the request up to `timeout` seconds. */
async function getUpdates(s: State, p: Payload, signal: AbortSignal): Promise<Update[]> {
  if (s.webhookUrl) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
  s.poller?.finish(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'))
  const offset = num(p.offset) ?? 0
  if (offset > 0) s.queue = s.queue.filter((u) => u.update_id >= offset) // an offset confirms every earlier update
  const timeout = num(p.timeout) ?? 0
  if (s.queue.length === 0 && timeout > 0) await holdPoll(s, timeout * 1000, signal)
  return s.queue.slice(0, Math.min(Math.max(num(p.limit) ?? 100, 1), 100))
}

function holdPoll(s: State, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const poller = {
      finish(err?: ApiError) {
        clearTimeout(timer)
        if (s.poller === poller) s.poller = null
        if (err) reject(err)
        else resolve()
      },
    }
    const timer = setTimeout(() => poller.finish(), ms)
    s.poller = poller
    signal.addEventListener('abort', () => poller.finish(), { once: true })
  })
}

async function serve(s: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = Date.now()
  if (at < s.outageUntil) {
    await new Promise((resolve) => setTimeout(resolve, s.outageUntil - at))
    req.socket.destroy()
    return
  }
  const aborted = new AbortController()
  res.on('close', () => aborted.abort()) // the client gave up on a held poll
  const route = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)
  const method = route?.[2] ?? ''
  const payload = await readPayload(req).catch((err: ApiError) => err)
  const valid = route !== null && route[1] === s.token && !(payload instanceof ApiError)
  const fault = valid ? takeFault(s, method) : undefined
  const latency = s.latency.get(method) ?? 0
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
  let [status, body] =
    payload instanceof ApiError ? reply(payload)
    : !route ? reply(new ApiError(404, 'Not Found'))
    : route[1] !== s.token ? reply(new ApiError(401, 'Unauthorized'))
    : fault && !fault.after ? [0, {}] as [number, object]
    : await callMethod(s, method, payload, aborted.signal)
  if (fault) status = answerFault(res, fault)
  else if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  const call = { method, payload: payload instanceof ApiError ? {} : payload, at, status }
  s.calls.push(call)
  for (const listener of s.listeners) listener(call)
}

/** The next queued fault for `method`, else a chaos one; undefined for a normal answer. */
function takeFault(s: State, method: string): Fault | undefined {
  const at = s.faults.findIndex((f) => f.method === method)
  if (at >= 0) return s.faults.splice(at, 1)[0]!
  const c = s.chaos
  if (!c || c.method !== method) return undefined
  const r = c.random()
  if (r < c.dropAfter) return { method, as: 'drop', after: true }
  if (r < c.dropAfter + c.bad502) return { method, error_code: 502, as: c.n++ % 2 === 0 ? 'json' : 'html', after: c.random() < 0.5 }
  return undefined
}

/** Answers with the fault; returns the status recorded (0: no answer at all). */
function answerFault(res: ServerResponse, fault: Fault): number {
  if (fault.as === 'drop') {
    res.socket?.destroy()
    return 0
  }
  const [status, body] = reply(faultError(fault))
  if (fault.as === 'html') {
    const page = `<html><head><title>${status} ${STATUS_CODES[status] ?? ''}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`
    res.writeHead(status, { 'content-type': 'text/html' }).end(page)
  } else {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
  return status
}

async function callMethod(s: State, method: string, payload: Payload, signal: AbortSignal): Promise<[number, object]> {
  try {
    const run = METHODS[method]
    if (!run) throw new ApiError(404, 'Not Found')
    return [200, { ok: true, result: await run(s, payload, signal) }]
  } catch (err) {
    if (err instanceof ApiError) return reply(err)
    throw err
  }
}

/** mulberry32: a small seeded generator, so a chaos run can be repeated. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function reply(err: ApiError): [number, object] {
  return [err.code, { ok: false, error_code: err.code, description: err.message, ...(err.parameters && { parameters: err.parameters }) }]
}

function faultError(f: Fault): ApiError {
  const code = f.error_code ?? 500
  if (code !== 429) return new ApiError(code, f.description ?? STATUS_CODES[code] ?? 'Error')
  const after = f.retry_after ?? 1
  return new ApiError(429, f.description ?? `Too Many Requests: retry after ${after}`, { retry_after: after })
}

// === Chats and messages

function chatMessages(s: State, chatId: number): Map<number, Stored> {
  return s.messages.get(chatId) ?? s.messages.set(chatId, new Map()).get(chatId)!
}

/** Message ids count up per chat, shared by the user's and the bot's messages, as in private chats. */
function nextMessageId(s: State, chatId: number): number {
  return Math.max(0, ...chatMessages(s, chatId).keys()) + 1
}

function remember(s: State, message: Message, fromBot: boolean): Message {
  s.chats.set(message.chat.id, message.chat)
  chatMessages(s, message.chat.id).set(message.message_id, { message, fromBot, deleted: false })
  return message
}

function requireChat(s: State, p: Payload): Chat {
  const id = num(p.chat_id)
  if (id === undefined) throw bad('chat_id is empty')
  const chat = s.chats.get(id)
  if (!chat) throw bad('chat not found')
  if (s.blocked.has(id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user')
  return chat
}

function requireBotMessage(s: State, p: Payload, verb: 'edit' | 'delete'): Stored {
  const chat = requireChat(s, p)
  const entry = chatMessages(s, chat.id).get(num(p.message_id) ?? 0)
  if (!entry || entry.deleted) throw bad(`message to ${verb} not found`)
  if (!entry.fromBot) throw bad(`message can't be ${verb === 'edit' ? 'edited' : 'deleted'}`)
  return entry
}

/** text and entities (per parse_mode) plus reply_markup, checked as Telegram checks them. */
function readContent(p: Payload): { text: string; entities?: MessageEntity[]; reply_markup?: InlineKeyboardMarkup } {
  const raw = typeof p.text === 'string' ? p.text : ''
  if (raw === '') throw bad('message text is empty')
  if (p.parse_mode !== undefined && p.parse_mode !== 'HTML') throw bad(`the fake Bot API only parses HTML, not ${String(p.parse_mode)}`)
  const parsed = p.parse_mode === 'HTML' ? parseTelegramHtml(raw) : { ok: true as const, text: raw, entities: [] }
  if (!parsed.ok) throw bad(`can't parse entities: ${parsed.error}`)
  if (parsed.text.trim() === '') throw bad('message text is empty')
  if (parsed.text.length > 4096) throw bad('message is too long')
  const markup = p.reply_markup as InlineKeyboardMarkup | undefined
  for (const button of markup?.inline_keyboard?.flat() ?? []) {
    const data = 'callback_data' in button ? button.callback_data : undefined
    if (data !== undefined && (data === '' || Buffer.byteLength(data) > 64)) throw bad('BUTTON_DATA_INVALID')
  }
  return { text: parsed.text, ...(parsed.entities.length > 0 && { entities: parsed.entities }), ...(markup && { reply_markup: markup }) }
}

/** JSON or form-encoded body, merged over the query string; grammY sends JSON when there are no files. */
async function readPayload(req: IncomingMessage): Promise<Payload> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks).toString('utf8')
  const type = req.headers['content-type'] ?? ''
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams)
  if (type.startsWith('multipart/')) throw bad('the fake Bot API does not accept multipart bodies (file uploads)')
  if (type.startsWith('application/json')) {
    try {
      return { ...query, ...(JSON.parse(body || '{}') as Payload) }
    } catch {
      throw bad('the request body is not valid JSON')
    }
  }
  // Form values are strings; objects (reply_markup, entities) arrive as JSON text.
  const form = Object.entries({ ...query, ...Object.fromEntries(new URLSearchParams(body)) })
  return Object.fromEntries(form.map(([k, v]) => [k, /^[[{]/.test(v) ? parseJsonOr(v) : v]))
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

// === What the test does as a user

function pushUpdate(s: State, partial: Omit<Update, 'update_id'>): Update {
  const update = { update_id: s.nextUpdateId++, ...partial } as Update
  if (update.message) remember(s, update.message, false)
  if (update.callback_query) s.openQueries.add(update.callback_query.id)
  s.queue.push(update)
  s.poller?.finish()
  return update
}

function sendText(s: State, chatId: number, fromId: number, text: string, o: TextOptions = {}): Update {
  const type = o.chatType ?? 'private'
  if (type === 'private' && chatId !== fromId) throw new Error('a private chat has the id of its user')
  const from = makeUser(fromId)
  const chat = type === 'private' ? { id: chatId, type, first_name: from.first_name } : { id: chatId, type, title: '测试群' }
  const ours = [...chatMessages(s, chatId).values()].filter((m) => m.fromBot && !m.deleted)
  const reply = o.replyToBotMessage === true ? ours.at(-1) : ours.find((m) => m.message.message_id === o.replyToBotMessage)
  if (o.replyToBotMessage !== undefined && !reply) throw new Error(`no bot message to reply to in chat ${chatId}`)
  const entities = o.entities ?? detectEntities(text)
  const message = {
    message_id: nextMessageId(s, chatId), date: nowSec(), chat, from, text,
    ...(entities.length > 0 && { entities }), ...(reply && { reply_to_message: reply.message }),
  }
  return pushUpdate(s, { message } as Omit<Update, 'update_id'>)
}

function pressButton(s: State, chatId: number, fromId: number, messageId: number, data: string): Update {
  const entry = chatMessages(s, chatId).get(messageId)
  const buttons = (entry?.message.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat() ?? []
  if (!entry?.fromBot || entry.deleted || !buttons.some((b) => 'callback_data' in b && b.callback_data === data)) {
    throw new Error(`bot message ${messageId} in chat ${chatId} has no button with data ${JSON.stringify(data)}`)
  }
  const query = { id: String(s.nextQueryId++), from: makeUser(fromId), chat_instance: `ci${chatId}`, data, message: entry.message }
  return pushUpdate(s, { callback_query: query })
}

function waitFor(s: State, predicate: (call: ApiCall) => boolean, timeoutMs = 2000): Promise<ApiCall> {
  const seen = s.calls.find(predicate)
  if (seen) return Promise.resolve(seen)
  return new Promise((resolve, reject) => {
    const listener = (call: ApiCall) => {
      if (!predicate(call)) return
      s.listeners.delete(listener)
      clearTimeout(timer)
      resolve(call)
    }
    const timer = setTimeout(() => {
      s.listeners.delete(listener)
      const seen = s.calls.map((c) => `${c.method} ${c.status}`).join(', ')
      reject(new Error(`no matching Bot API call within ${timeoutMs} ms; calls so far: ${seen}`))
    }, timeoutMs)
    s.listeners.add(listener)
  })
}

function makeUser(id: number): User {
  return { id, is_bot: false, first_name: `用户${id}`, language_code: 'zh-hans' }
}

/** The bot_command and mention entities Telegram adds to a user's text. */
function detectEntities(text: string): MessageEntity[] {
  const re = /(?<![\w/@])(?:\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z]\w{3,31})?|@[A-Za-z]\w{3,31})/g
  return [...text.matchAll(re)].map((m) => ({
    type: m[0].startsWith('/') ? 'bot_command' : 'mention', offset: m.index, length: m[0].length,
  }))
}
