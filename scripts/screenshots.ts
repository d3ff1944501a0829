// Makes the README's screenshots (docs/*.png) with Debian's Chromium: the reader's page on a phone and a
// desktop after a question, an article with its quote highlighted, and the operator console, served by
// `newsbot serve` over the bundled samples. Needs /usr/bin/chromium (apt install chromium fonts-wqy-zenhei).
// Usage: npm run screenshots
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createIndex } from '../src/retrieve/index.js'
import { openDb } from '../src/store/index.js'

const ROOT = join(import.meta.dirname, '..')
const DOCS = join(ROOT, 'docs')
const PASSWORD = 'screenshot-password'
const QUESTION = '郑大二附院周边的路什么时候通车？'

const dir = mkdtempSync(join(tmpdir(), 'newsbot-screenshots-'))
const dbPath = join(dir, 'samples.db')
const db = openDb(dbPath)
await createIndex(db).write([join(ROOT, 'data/samples')])
db.close()

const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/channels/cli/main.ts'), 'serve', '--db', dbPath, '--port', '0'], {
  cwd: ROOT,
  env: { ...process.env, NEWSBOT_ADMIN_PASSWORD: PASSWORD, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NEWSBOT_WEB_RATE_PER_MINUTE: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise<string>((resolve, reject) => {
  let out = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d
    const m = /listening on (\S+)/.exec(out)
    if (m) resolve(m[1]!)
  })
  child.once('exit', (code) => reject(new Error(`newsbot serve exited with ${code}`)))
})

const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  locale: 'zh-CN',
})

async function asked(page: Page): Promise<void> {
  await page.goto(url)
  await page.fill('#question', QUESTION)
  await page.click('#ask button[type=submit]')
  await page.locator('#conversation .answer').waitFor()
}

try {
  mkdirSync(DOCS, { recursive: true })
  const phone = await context.newPage()
  await phone.setViewportSize({ width: 360, height: 740 })
  await asked(phone)
  await phone.screenshot({ path: join(DOCS, 'reader-phone.png') })
  await phone.locator('a.cite').first().click()
  await phone.waitForURL(/\/articles\//)
  await phone.locator('mark').first().scrollIntoViewIfNeeded()
  await phone.screenshot({ path: join(DOCS, 'article-phone.png') })

  const desktop = await context.newPage()
  await desktop.setViewportSize({ width: 1280, height: 860 })
  await asked(desktop)
  await desktop.screenshot({ path: join(DOCS, 'reader-desktop.png') })

  await desktop.goto(`${url}/admin/login`)
  await desktop.fill('#password', PASSWORD)
  await desktop.click('button[type=submit]')
  await desktop.waitForURL(/\/admin$/)
  await desktop.goto(`${url}/admin/articles`)
  await desktop.screenshot({ path: join(DOCS, 'console-articles.png') })
  console.log(`wrote docs/reader-phone.png, docs/article-phone.png, docs/reader-desktop.png, docs/console-articles.png`)
} finally {
  await context.close()
  child.kill('SIGTERM')
}
