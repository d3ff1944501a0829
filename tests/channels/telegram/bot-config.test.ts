import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config.js'
import { InputError } from '../../../src/errors.js'

describe('the bot’s settings', () => {
  it('long-polls with default limits unless told otherwise', () => {
    expect(loadConfig({}).telegram).toMatchObject({ webhook: null, perMinute: 5, perDay: 100 })
  })

  it('turns on the webhook with a URL, and reads 0 as no limit', () => {
    const c = loadConfig({
      NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_SECRET: 'abc_DEF-1', NEWSBOT_WEBHOOK_PORT: '9000',
      NEWSBOT_RATE_PER_MINUTE: '0', NEWSBOT_DAILY_QUOTA: '20',
    })
    expect(c.telegram).toMatchObject({
      webhook: { url: 'https://bot.example.cn/hook', secret: 'abc_DEF-1', port: 9000, leaseMs: 10_000 }, perMinute: Infinity, perDay: 20,
    })
    expect(loadConfig({ NEWSBOT_WEBHOOK_URL: 'https://bot.example.cn/hook', NEWSBOT_WEBHOOK_LEASE_SECONDS: '3' }).telegram.webhook?.leaseMs).toBe(3000)
  })

  it.each([
    [{ NEWSBOT_WEBHOOK_SECRET: 'has space' }, /NEWSBOT_WEBHOOK_SECRET/],
    [{ NEWSBOT_WEBHOOK_PORT: '70000' }, /NEWSBOT_WEBHOOK_PORT/],
    [{ NEWSBOT_RATE_PER_MINUTE: '-1' }, /NEWSBOT_RATE_PER_MINUTE/],
    [{ NEWSBOT_WEBHOOK_URL: 'not a url' }, /NEWSBOT_WEBHOOK_URL/],
    [{ NEWSBOT_WEBHOOK_LEASE_SECONDS: '0' }, /NEWSBOT_WEBHOOK_LEASE_SECONDS/],
  ])('refuses %j, naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(InputError)
    expect(() => loadConfig(env)).toThrow(name)
  })
})
