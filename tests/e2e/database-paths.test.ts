import { chmodSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { runCliAsReader } from '../helpers/cli-reader.js'
import { writeSampleDb } from '../helpers/sample-db.js'
import { useTmpDir, writeFiles } from '../helpers/tmp.js'

const tmp = useTmpDir()

/** How many articles a database file holds, read directly. */
function countArticles(path: string): number {
  const db = new Database(path, { readonly: true })
  const n = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  db.close()
  return n
}

describe('the database a command is given', () => {
  it('is never filled with the sample articles: questions on an empty database say how to fill it', async () => {
    const dir = tmp()
    const path = join(dir, 'mine.db')
    new Database(path).close()
    for (const args of [['ask', '郑大二附院周边的路什么时候通车？'], ['search', '安置房'], ['digest'], ['chat']]) {
      const r = await runCli([...args, '--db', path], {}, '安置房有多少套？\n')
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/还没有文章：先用 newsbot ingest 导入/)
    }
    expect(countArticles(path)).toBe(0)
  })

  it('is an error when it or its folder does not exist, except for ingest, which creates it and says so', async () => {
    const dir = tmp()
    const nested = join(dir, 'no', 'such', 'x.db')
    for (const cmd of [['stats'], ['articles'], ['ask', '问题'], ['bot']]) {
      const r = await runCli([...cmd, '--db', nested], { TELEGRAM_BOT_TOKEN: '1:x' })
      expect(r.code, cmd[0]).toBe(2)
      expect(r.stderr).toMatch(/所在的文件夹 .+ 不存在；请检查 --db 或 NEWSBOT_DB 的路径/)
    }
    expect(existsSync(join(dir, 'no'))).toBe(false)
    const missing = await runCli(['stats', '--db', join(dir, 'x.db')])
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/x\.db 不存在：先用 newsbot ingest 导入文章/) })
    expect(existsSync(join(dir, 'x.db'))).toBe(false)

    const made = await runCli(['ingest', 'data/samples', '--db', nested])
    expect(made.code).toBe(0)
    expect(made.stderr).toContain(`新建文件夹 ${join(dir, 'no', 'such')} 和数据库 ${nested}`)
    expect(countArticles(nested)).toBeGreaterThan(0)
  })

  it('says in Chinese what is wrong with a file that is not a database', async () => {
    const { 'x.db': path } = writeFiles(tmp(), { 'x.db': '这不是数据库'.repeat(100) })
    const r = await runCli(['stats', '--db', path!])
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/不是 newsbot 的数据库（不是 SQLite 文件）/) })
  })
})

describe('a database the user may only read', () => {
  it('answers stats, articles, search and ask without writing', async () => {
    const dir = tmp()
    const db = await writeSampleDb(join(dir, 'ro.db'))
    chmodSync(db, 0o444)
    for (const args of [['stats'], ['articles', '--limit', '3'], ['search', '安置房'], ['ask', '经开区已经分配了多少套安置房？']]) {
      const r = await runCliAsReader([...args, '--db', db], dir)
      expect(r.stderr, args[0]).toBe('')
      expect(r.code, args[0]).toBe(0)
    }
  })

  it('explains that an older schema needs one run with write access', async () => {
    const dir = tmp()
    const db = await writeSampleDb(join(dir, 'old.db'))
    const raw = new Database(db)
    raw.exec('DROP TABLE learned_names') // as a database made before migration 7
    raw.pragma('user_version = 6')
    raw.close()
    chmodSync(db, 0o444)
    const r = await runCliAsReader(['stats', '--db', db], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/结构是旧版（第 6 版，本程序需要第 \d+ 版），升级需要写入，但文件是只读的/)
  })
})
