import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { useSuiteTmpDir } from '../helpers/tmp.js'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIndex, writeToStore } from '../../src/retrieve/index.js'
import { openDb, openPostgresStore } from '../../src/store/index.js'
import { startCli, type LiveCli } from '../helpers/live-cli.js'
import { usePostgres } from '../helpers/postgres.js'
import { startOpenAiStub, type OpenAiStub } from '../helpers/openai-stub.js'

// The reader's page and the console in Debian's Chromium, driven by playwright-core (no browser
// download), against a real `newsbot serve` whose model is a local stub that streams slowly.

export const CHROMIUM = process.env.NEWSBOT_TEST_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
]
const PASSWORD = 'browser-test-password'
const QUESTION = '郑大二附院周边的路什么时候通车？'
const ROAD = '郑大二附院周边道路9月底建成通车'
const SAMPLES = 'data/samples'
// Held back from the database, so the operator's upload adds it.
const UPLOADED = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().at(-1)!
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const hasChromium = existsSync(CHROMIUM)
// Under CI a missing browser is a failure, not a skip: .ci/run installs it.
const suite = hasChromium || process.env.CI === 'true' ? describe : describe.skip

// One folder for the whole suite (the served database, the browser profile), removed once the browser has quit.
const tmp = useSuiteTmpDir()
let stub: OpenAiStub
let cli: LiveCli
let url: string
let context: BrowserContext
const cspErrors: string[] = []

/** axe-core run in the page (evaluated, not injected as a tag: the page's CSP forbids inline script). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document)
    return result.violations
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function ask(page: Page, question: string): Promise<void> {
  await page.fill('#question', question)
  await page.click('#ask button[type=submit]')
}

/** The operator's round in the console: logs in, uploads a page, opens an article from the list and fixes its headline. */
async function checkConsole(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage()
  await page.goto(`${url}/admin`)
  await page.waitForURL(/\/admin\/login$/)
  expect(await seriousViolations(page)).toEqual([])
  await page.fill('#password', 'not the password')
  await page.click('button[type=submit]')
  expect(await page.locator('[role=alert]').textContent()).toBe('密码不对。')
  await page.fill('#password', PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin$/)
  expect(await seriousViolations(page)).toEqual([])

  await page.goto(`${url}/admin/ingest`)
  await page.setInputFiles('#files', join(SAMPLES, UPLOADED))
  // The upload goes through the page's script (progress shown), which then opens the results page.
  const upload = page.waitForRequest((r) => r.url().endsWith('/admin/ingest') && r.method() === 'POST' && r.resourceType() === 'xhr')
  await page.click('form[action="/admin/ingest"] button[type=submit]')
  await upload
  await page.waitForURL(/\/admin\/ingest\?done=1$/)
  const result = page.locator('table tbody tr').first()
  expect(await result.textContent()).toMatch(new RegExp(`^${UPLOADED}新增 [1-9]`))
  expect(await seriousViolations(page)).toEqual([])
  await page.click('text=查看文章')
  await page.waitForURL(/\/admin\/articles$/)
  expect(await seriousViolations(page)).toEqual([])
  const first = page.locator('table tbody tr a').first()
  const oldTitle = (await first.textContent())!
  await first.click()
  await page.waitForURL(/\/admin\/articles\/.+/)
  expect(await seriousViolations(page)).toEqual([])
  await page.fill('#title', `${oldTitle}（已更正）`)
  await page.click('form:has(#title) button[type=submit]')
  expect(await page.locator('[role=status]').textContent()).toBe('已保存。')
  const reader = page.locator('a', { hasText: '读者看到的页面' })
  await reader.click()
  expect(await page.locator('h1').textContent()).toBe(`${oldTitle}（已更正）`)

  // A form whose token was taken out is refused, and nothing changes.
  await page.goBack()
  await page.evaluate(() => document.querySelectorAll('input[name=_csrf]').forEach((i) => i.remove()))
  await page.fill('#title', '不该保存的标题')
  await page.click('form:has(#title) button[type=submit]')
  expect(await page.textContent('main')).toContain('CSRF')
  await page.goBack()
  await page.reload()
  expect(await page.inputValue('#title')).toBe(`${oldTitle}（已更正）`)
  await page.close()
}

// Setting up a suite ingests the samples, starts `serve` through tsx and launches Chromium: seconds each,
// more on a loaded machine (a 10 s default once ran out under CI beside other jobs).
const SETUP_MS = 60_000

suite('in Chromium', () => {
  beforeAll(async () => {
    if (!hasChromium) throw new Error(`没有找到 ${CHROMIUM}：请安装 Debian 的 chromium 软件包`)
    stub = await startOpenAiStub()
    // The road article's sentences arrive slowly, so the page is seen mid-answer; other questions get an
    // empty reply and fall back to the extractive answer.
    stub.script = (req) => {
      const prompt = req.body.messages.at(-1)!.content
      const m = new RegExp(`<source n="(\\d+)" title="${ROAD}"`).exec(prompt)
      if (!m || !prompt.includes(QUESTION)) return { text: '' }
      return { text: `郑大二附院周边道路确保9月底前全部建成通车[${m[1]}]。施工单位要加快建设进度[${m[1]}]。`, chunkDelayMs: 150 }
    }
    const dbPath = join(tmp(), 'browser.db')
    const db = openDb(dbPath)
    await createIndex(db).write(readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && f !== UPLOADED).map((f) => join(SAMPLES, f)))
    db.close()
    cli = startCli(['serve', '--db', dbPath, '--port', '0'], {
      env: { NEWSBOT_ADMIN_PASSWORD: PASSWORD, OPENAI_BASE_URL: stub.baseURL, OPENAI_MODEL: 'stub', NEWSBOT_WEB_RATE_PER_MINUTE: '0' },
    })
    await cli.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/)
    url = /listening on (\S+)/.exec(cli.output())![1]!
    context = await chromium.launchPersistentContext(join(tmp(), 'chromium-profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, locale: 'zh-CN', viewport: { width: 1280, height: 900 },
    })
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text())
    })
  }, SETUP_MS)
  afterAll(async () => {
    await context?.close()
    cli?.child.kill('SIGTERM')
    await cli?.exited
    await stub?.close()
  })

  it('streams an answer, then a citation opens the article with the quote highlighted', async () => {
    const page = await context.newPage()
    await page.goto(url)
    expect(await seriousViolations(page)).toEqual([])
    await ask(page, QUESTION)
    // Mid-answer: the first checked sentence is shown while the second is still being written.
    await page.waitForFunction(() => {
      const box = document.querySelector('#conversation .turn:last-child .pending')
      return box?.textContent?.includes('9月底') && !box.textContent.includes('施工单位')
    })
    const answer = page.locator('#conversation .turn').last().locator('.answer')
    await answer.waitFor()
    expect(await answer.textContent()).toContain('施工单位要加快建设进度')
    expect(await page.locator('.sources li').count()).toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
    const quote = (await page.locator('.sources blockquote').first().textContent())!
    await answer.locator('a.cite').first().click()
    await page.waitForURL(/\/articles\//)
    expect(await page.locator('h1').textContent()).toBe(ROAD)
    const marked = (await page.locator('mark').allTextContents()).join('')
    expect(marked.length).toBeGreaterThan(5)
    expect(quote).toContain(marked)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it('keeps the conversation for a follow-up, and says when the bulletins do not tell', async () => {
    const page = await context.newPage()
    const sent: { question: string; history?: { question: string; answer: string }[] }[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ask')) sent.push(r.postDataJSON() as (typeof sent)[number])
    })
    await page.goto(url)
    await ask(page, QUESTION)
    await page.locator('#conversation .turn').nth(0).locator('.answer').waitFor()
    await ask(page, '那条路什么时候开工的？')
    await page.locator('#conversation .turn').nth(1).locator('.reply').waitFor()
    expect(sent[1]!.history).toEqual([{ question: QUESTION, answer: expect.stringContaining('9月底') }])
    await ask(page, '火星基地什么时候建成？')
    const refused = page.locator('#conversation .turn').nth(2).locator('.reply')
    await refused.waitFor()
    expect(await refused.textContent()).toMatch(/未找到.*相关报道：《/)
    expect(await page.locator('#conversation .turn').count()).toBe(3)
    await page.close()
  })

  it('fits a 360-px phone screen without sideways scrolling', async () => {
    const page = await context.newPage()
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(url)
    await ask(page, QUESTION)
    await page.locator('#conversation .answer').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await seriousViolations(page)).toEqual([])
    await page.locator('.sources a').first().click()
    await page.waitForURL(/\/articles\//)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await page.close()
  })

  it('lets the operator log in, upload a page, see its articles and fix a headline', () => checkConsole(context, url))

  it('sent every page without a CSP violation, and axe does report what it should', async () => {
    expect(cspErrors).toEqual([])
    const page = await context.newPage()
    await page.setContent('<html><body><img src="data:,"><button></button></body></html>')
    expect((await seriousViolations(page)).map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']))
    await page.close()
  })
})

// The same round on PostgreSQL: the console reads and writes through the store (`serve --db postgres://…`).
const pg = usePostgres()
const pgSuite = pg.available ? suite : describe.skip
pgSuite('the console in Chromium on PostgreSQL', () => {
  let served: LiveCli
  let pgContext: BrowserContext
  const pgCspErrors: string[] = []
  beforeAll(async () => {
    const location = await pg.createDatabase()
    const store = await openPostgresStore(location)
    await writeToStore(store, readdirSync(SAMPLES).filter((f) => f.endsWith('.txt') && f !== UPLOADED).map((f) => join(SAMPLES, f)))
    await store.close()
    served = startCli(['serve', '--db', location, '--port', '0'], {
      env: { NEWSBOT_ADMIN_PASSWORD: PASSWORD, NEWSBOT_DB: join(tmp(), 'pg', 'unused.db'), NEWSBOT_WEB_RATE_PER_MINUTE: '0' },
    })
    await served.waitFor(/console on http:\/\/127\.0\.0\.1:\d+\/admin\n/)
    pgContext = await chromium.launchPersistentContext(join(tmp(), 'chromium-profile-pg'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, locale: 'zh-CN', viewport: { width: 1280, height: 900 },
    })
    pgContext.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) pgCspErrors.push(m.text())
    })
  }, SETUP_MS)
  afterAll(async () => {
    await pgContext?.close()
    served?.child.kill('SIGTERM')
    await served?.exited
  })

  it('lets the operator log in, upload a page, see its articles and fix a headline', async () => {
    await checkConsole(pgContext, /listening on (\S+)/.exec(served.output())![1]!)
    expect(pgCspErrors).toEqual([])
  })
})
