import type { Context } from 'grammy'
import type { AnswerResult, Turn } from '../../answer/index.js'
import type { Config } from '../../config.js'
import type { QuestionIndex } from '../../retrieve/index.js'
import type { Store } from '../../store/index.js'
import type { Logger } from './logger.js'
import type { Embedder } from '../../llm/index.js'

/** Answers one question; the bot passes the chat's earlier turns and, in private chats, a token sink. */
export type Answerer = (question: string, opts: { history: Turn[]; onToken?: (token: string) => void }) => Promise<AnswerResult>

/** What the bot needs from the outside, built once by the `bot` command (or a test). */
export interface BotDeps {
  config: Config
  /** The SQLite file or PostgreSQL database every replica shares. */
  store: Store
  /** The store's question index: /search reads it, and `answer` should be built on the same one. */
  index: QuestionIndex
  answer: Answerer
  logger: Logger
  /** The embeddings endpoint /search fuses with the lexical ranking, when one is configured. */
  embedder?: Embedder | null
  /** The clock; tests move it to cross a minute or a day. */
  now?: () => number
}

/** A command in a message: its name, whom it was addressed to, and the text after it. */
export interface ParsedCommand {
  name: string
  target: string | undefined
  args: string
}

// The name ends where Telegram's bot_command entity ends, so `/ask王庄村` is /ask with 王庄村.
const COMMAND_RE = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z]\w{3,31}))?(?![\w@])\s*([\s\S]*)$/

/** The command a message starts with, or undefined for ordinary text. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = COMMAND_RE.exec(text.trim())
  return m ? { name: m[1]!.toLowerCase(), target: m[2], args: (m[3] ?? '').trim() } : undefined
}

/**
 * The question an update asks the bot, or null when it asks none: `/ask …` anywhere (the text after
 * the command, possibly ''), plain text in a private chat, and in groups a reply to the bot or a
 * message that mentions it (the mention removed).
 */
export function questionOf(ctx: Context): string | null {
  const msg = ctx.message
  if (msg?.text === undefined) return null
  const me = ctx.me.username
  const command = parseCommand(msg.text)
  if (command) return isOurCommand(ctx) && command.name === 'ask' ? command.args : null
  if (msg.chat.type === 'private') return msg.text.trim()
  const text = msg.text
  const handle = `@${me}`.toLowerCase()
  const mentioned = (msg.entities ?? []).some(
    (e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle,
  )
  if (!mentioned && msg.reply_to_message?.from?.id !== ctx.me.id) return null
  return text.replace(new RegExp(`@${me}\\b`, 'gi'), ' ').trim()
}

/** True when a message is a command for this bot (no @target, or @ours). */
export function isOurCommand(ctx: Context): boolean {
  const command = ctx.message?.text === undefined ? undefined : parseCommand(ctx.message.text)
  return command !== undefined && (command.target === undefined || command.target.toLowerCase() === ctx.me.username.toLowerCase())
}
