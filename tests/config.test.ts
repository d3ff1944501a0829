import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { InputError } from '../src/errors.js'

describe('loadConfig', () => {
  it('defaults to the extractive answerer, the bundled database path and Shanghai time', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ db: 'data/newsbot.db', llm: null, admins: [], timezone: 'Asia/Shanghai' })
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org')
  })

  it('keeps chat turns and questions 90 days unless NEWSBOT_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).telegram.retentionDays).toBe(90)
    expect(loadConfig({ NEWSBOT_RETENTION_DAYS: '7' }).telegram.retentionDays).toBe(7)
    expect(() => loadConfig({ NEWSBOT_RETENTION_DAYS: '0' })).toThrow(/NEWSBOT_RETENTION_DAYS/)
  })

  it('serves the web page on 8080 with 20 questions a minute per address unless told otherwise', () => {
    expect(loadConfig({}).web).toEqual({ port: 8080, perMinute: 20, publicUrl: undefined, embedOrigins: ['*'], adminPassword: undefined })
    expect(loadConfig({ NEWSBOT_PORT: '9000', NEWSBOT_WEB_RATE_PER_MINUTE: '0' }).web).toMatchObject({ port: 9000, perMinute: Infinity })
    expect(() => loadConfig({ NEWSBOT_PORT: '70000' })).toThrow(/NEWSBOT_PORT/)
  })

  it('reads the public address, the sites that may embed, and the console password', () => {
    const web = loadConfig({
      NEWSBOT_PUBLIC_URL: 'https://news.example.cn/wenda/', NEWSBOT_EMBED_ORIGINS: 'https://www.a.cn/news http://b.cn:8080', NEWSBOT_ADMIN_PASSWORD: 'long enough secret',
    }).web
    expect(web).toMatchObject({ publicUrl: 'https://news.example.cn/wenda', embedOrigins: ['https://www.a.cn', 'http://b.cn:8080'], adminPassword: 'long enough secret' })
    expect(() => loadConfig({ NEWSBOT_EMBED_ORIGINS: 'www.a.cn' })).toThrow(/NEWSBOT_EMBED_ORIGINS/)
    const short = (() => {
      try {
        loadConfig({ NEWSBOT_ADMIN_PASSWORD: 'short-pw' })
      } catch (err) {
        return (err as Error).message
      }
    })()
    expect(short).toMatch(/NEWSBOT_ADMIN_PASSWORD.*至少 10 个字符/)
    expect(short).not.toContain('short-pw')
  })

  it('treats empty variables as unset and trims the API root', () => {
    const c = loadConfig({ OPENAI_API_KEY: '', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/', NEWSBOT_DB: ' ' })
    expect(c.llm).toBeNull()
    expect(c.telegram.apiRoot).toBe('http://127.0.0.1:8081')
    expect(c.db).toBe('data/newsbot.db')
  })

  it('enables the LLM with a base URL alone (local servers need no key)', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'qwen2.5' })
    expect(c.llm).toEqual({
      baseURL: 'http://127.0.0.1:9/v1',
      apiKey: 'unused',
      model: 'qwen2.5',
      timeoutMs: 30_000,
      maxRetries: 2,
      firstTokenMs: 15_000,
      totalMs: 45_000,
      structured: false,
    })
  })

  it('parses admins and prefers NEWSBOT_TIMEZONE over TZ', () => {
    const c = loadConfig({ NEWSBOT_ADMINS: '1, 22,333', TZ: 'UTC', NEWSBOT_TIMEZONE: 'Asia/Tokyo' })
    expect(c.admins).toEqual([1, 22, 333])
    expect(c.timezone).toBe('Asia/Tokyo')
  })

  it('reads the e-paper address with its day placeholders, and the crawler\'s manners with their defaults', () => {
    const url = 'http://epaper.example.cn/html/{yyyy}-{mm}/{dd}/node_1.htm'
    expect(loadConfig({ NEWSBOT_EPAPER_URL: url, NEWSBOT_FETCH_DELAY_MS: '0' }).epaper).toEqual({ url, delayMs: 0, timeoutMs: 20_000 })
    expect(loadConfig({}).epaper).toEqual({ url: undefined, delayMs: 1000, timeoutMs: 20_000 })
  })

  it('ignores a TZ that is not an IANA zone name', () => {
    expect(loadConfig({ TZ: ':/etc/localtime' }).timezone).toBe('Asia/Shanghai')
  })

  it.each([
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, /TELEGRAM_BOT_TOKEN/],
    [{ OPENAI_BASE_URL: 'not a url' }, /OPENAI_BASE_URL/],
    [{ NEWSBOT_ADMINS: '12,abc' }, /NEWSBOT_ADMINS/],
    [{ NEWSBOT_LLM_TIMEOUT_MS: '-5' }, /NEWSBOT_LLM_TIMEOUT_MS/],
    [{ NEWSBOT_TIMEZONE: 'Mars/Olympus' }, /NEWSBOT_TIMEZONE/],
    [{ NEWSBOT_EPAPER_URL: 'epaper.example.cn/node_1.htm' }, /NEWSBOT_EPAPER_URL/],
    [{ NEWSBOT_FETCH_DELAY_MS: '-1' }, /NEWSBOT_FETCH_DELAY_MS/],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(InputError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})
