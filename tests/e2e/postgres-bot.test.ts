import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgresStore } from '../../src/store/index.js'
import { spawnBot, type BotProcess } from '../channels/telegram/bot-process.js'
import { ADMIN, openFixtureDb } from '../channels/telegram/harness.js'
import { runCli } from '../helpers/cli.js'
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.js'
import { usePostgres } from '../helpers/postgres.js'

// `newsbot bot` on PostgreSQL (NEWSBOT_DATABASE_URL), long polling the project's fake Bot API.

const QUESTION = '经开区已经分配了多少套安置房？'
const TOKEN = '123:pg'
const server = usePostgres()

describe.skipIf(!server.available)('newsbot bot on PostgreSQL', () => {
  let fake: FakeBotApi
  let dir: string
  let url: string
  beforeAll(async () => {
    fake = await startFakeBotApi({ token: TOKEN })
    dir = mkdtempSync(join(tmpdir(), 'newsbot-pg-bot-'))
    const file = join(dir, 'bot.db')
    ;(await openFixtureDb(file)).close()
    url = await server.createDatabase()
    expect((await runCli(['migrate-store', '--from', file, '--to', url])).code).toBe(0)
  }, 60_000)
  afterAll(async () => {
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const env = () => ({
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, NEWSBOT_DB: '', NEWSBOT_DATABASE_URL: url,
    NEWSBOT_ADMINS: String(ADMIN), NEWSBOT_RATE_PER_MINUTE: '2', NEWSBOT_LOG_LEVEL: 'info', NEWSBOT_ANSWER_THREADS: '1',
  })
  const nthReply = async (chatId: number, n: number) => {
    await fake.waitFor(() => fake.messagesTo(chatId).length >= n, 20_000)
    return fake.messagesTo(chatId)[n - 1]!.text ?? ''
  }

  it('answers with sources, remembers the turn in PostgreSQL, and counts the rate limit there across a restart', async () => {
    let bot: BotProcess = spawnBot(env())
    await bot.waitForLog('bot started (long polling)')
    const { update_id } = fake.sendText(1, 1, QUESTION)
    await bot.waitForLog('answered', { where: (l) => l.update === update_id })
    const answer = await nthReply(1, 1)
    expect(answer).toContain('3636套')
    expect(answer).toContain('来源\n[1] 经开区安置房分配工作全面完成 · 经开时报 · 2023-11-15')
    fake.sendText(1, 1, '/sources')
    expect(await nthReply(1, 2)).toContain('经开区安置房分配工作全面完成')
    bot.child.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })

    // A second process (another replica) sees the turn and the request already counted this minute.
    bot = spawnBot(env())
    await bot.waitForLog('bot started (long polling)')
    const second = fake.sendText(1, 1, QUESTION)
    await bot.waitForLog('answered', { where: (l) => l.update === second.update_id })
    expect(await nthReply(1, 3)).toContain('3636套')
    fake.sendText(1, 1, QUESTION)
    expect(await nthReply(1, 4)).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/)
    fake.sendText(ADMIN, ADMIN, '/stats')
    expect(await nthReply(ADMIN, 1)).toMatch(/今天提问 2 个/)
    fake.sendText(1, 1, '/forget')
    expect(await nthReply(1, 5)).toMatch(/已删除/)
    bot.child.kill('SIGTERM')
    expect(await bot.exited).toEqual({ code: 0, signal: null })
    expect(bot.stderr()).toBe('')

    const store = await openPostgresStore(url)
    try {
      expect(await store.listChatTurns(1)).toEqual([])
    } finally {
      await store.close()
    }
  })
})
