import type { Article, Store } from '../../store/index.js'
import { encodeCallbackData } from './callback-data.js'

/**
 * How every button (answers' sources, /search, digests, article pages) names an article: its id,
 * or `#pk` when the id is too long for 64 bytes of callback data (ids from JSONL exports are kept
 * as given). Undefined for an article no longer stored.
 */
export async function articleRef(store: Store, id: string): Promise<string | undefined> {
  if (fitsRef(id)) return id
  const pk = (await store.getArticle(id))?.pk
  return pk === undefined ? undefined : `#${pk}`
}

/** articleRef over the async store, for many ids at once (a digest's items); ids no longer stored are left out. */
export async function articleRefs(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const refs = await Promise.all(ids.map(async (id) => {
    const ref = await articleRef(store, id)
    return ref === undefined ? undefined : ([id, ref] as const)
  }))
  return new Map(refs.filter((r) => r !== undefined))
}

/** The reference of an article at hand (no lookup needed). */
export function refOfArticle(article: Pick<Article, 'id' | 'pk'>): string {
  return fitsRef(article.id) ? article.id : `#${article.pk}`
}

/** The article a button's reference names, if it is still stored. */
export async function resolveArticleRef(store: Store, ref: string): Promise<Article | undefined> {
  return (await store.getArticle(ref)) ?? (/^#\d+$/.test(ref) ? store.getArticleByPk(Number(ref.slice(1))) : undefined)
}

/** True when the id fits in callback data with the longest kind and page. */
function fitsRef(id: string): boolean {
  return encodeCallbackData({ kind: 'page', articleId: id, page: 999_999 }) !== null
}
