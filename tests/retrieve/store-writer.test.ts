import { describe, expect, it } from 'vitest'
import { createQuestionIndex, createStoreWriter } from '../../src/retrieve/index.js'
import { useBackends, writeSamples } from '../helpers/stores.js'

describe('the store writer', () => {
  describe.each(useBackends())('on $name', ({ open }) => {
    it('corrects a headline so questions find it, and removes an article from the answers', async () => {
      const store = await open()
      try {
        await writeSamples(store)
        const writer = createStoreWriter(store)
        const [a, b] = await store.listArticles({ limit: 2 })
        expect(await writer.correct(a!.id, { title: '火星基地奠基' })).toMatchObject({ id: a!.id, title: '火星基地奠基' })
        const index = createQuestionIndex(store)
        expect((await index.search('火星基地什么时候奠基', { k: 3 })).hits[0]?.id).toBe(a!.id)
        const road = (await index.search('郑大二附院周边道路', { k: 1 })).hits[0]!
        expect(await writer.remove(road.id)).toBe(true)
        expect((await index.search('郑大二附院周边道路', { k: 5 })).hits.map((h) => h.id)).not.toContain(road.id)
        expect(await writer.remove(b!.id)).toBe(true)
        expect(await store.getArticle(b!.id)).toBeUndefined()
        expect(await writer.remove(b!.id)).toBe(false)
        expect(await writer.correct(b!.id, { title: 'x' })).toBeUndefined()
      } finally {
        await store.close()
      }
    })
  })
})
