import { GrammyError } from 'grammy'
import { describe, expect, it } from 'vitest'
import { createLogger, logSecrets } from '../../../src/channels/telegram/logger.js'
import { loadConfig } from '../../../src/config.js'

function capture(secrets: (string | undefined)[] = []) {
  const lines: string[] = []
  return { log: createLogger({ level: 'info', secrets, write: (l) => void lines.push(l) }), lines }
}

describe('the bot logger', () => {
  it('blanks the LLM API key, the bot token and the webhook secret', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', OPENAI_API_KEY: 'sk-live-0123456789abcdef',
      NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_SECRET: 'hook_secret_value',
    })
    const { log, lines } = capture(logSecrets(config))
    log.error({ err: new Error('401 Incorrect API key provided: sk-live-0123456789abcdef') }, 'token AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw hook_secret_value')
    const line = lines.join('')
    for (const secret of ['sk-live-0123456789abcdef', 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', 'hook_secret_value']) expect(line).not.toContain(secret)
    expect(line).toContain('[secret]')
  })

  it('strips credentials and query strings from URLs, and any bot token in a Bot API path', () => {
    const { log, lines } = capture()
    log.warn({ url: 'https://admin:hunter22@llm.example.cn/v1/chat?api_key=zzz&sig=1' }, 'fetch https://api.telegram.org/bot999:ABCdefGHIjklMNOpqrSTUvwxYZ123456789/sendMessage failed')
    const line = lines.join('')
    expect(line).not.toMatch(/hunter22|api_key|zzz|ABCdefGHI/)
    expect(line).toContain('llm.example.cn/v1/chat')
  })

  it('logs a failed sendMessage without its payload: no chat id, no text', () => {
    const { log, lines } = capture()
    const payload = { chat_id: 55501234, text: '王庄村改造的完整回答全文' }
    const err = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: 'Bad Request: message is too long' }, 'sendMessage', payload)
    log.error({ err }, 'handler failed')
    const line = lines.join('')
    expect(line).toContain('message is too long')
    expect(line).not.toContain('55501234')
    expect(line).not.toContain('王庄村改造的完整回答全文')
  })
})
