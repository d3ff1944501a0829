import { inTransaction, type Pool } from './pool.js'

/**
 * Merges of the postings' segments (migration 010). Every index write appends a segment, so a
 * token's postings are one row per segment; segments are merged in tiers, as FTS5 merges its
 * segment b-trees: when MERGE_FANOUT segments of about the same size (the same power of the fanout)
 * exist, they become one, and out-of-date entries are dropped on the way. A search then reads at most
 * about MERGE_FANOUT rows per token and tier, and an entry is rewritten once per tier it climbs.
 */
const MERGE_FANOUT = 16

interface Segment {
  segment: number
  entries: number
}

/** The segments of the smallest size tier that has MERGE_FANOUT or more, or none. */
export function segmentsToMerge(segments: Segment[]): number[] {
  const tiers = new Map<number, number[]>()
  for (const s of segments) {
    const tier = Math.floor(Math.log(Math.max(s.entries, 1)) / Math.log(MERGE_FANOUT))
    tiers.set(tier, [...(tiers.get(tier) ?? []), s.segment])
  }
  const due = [...tiers].filter(([, list]) => list.length >= MERGE_FANOUT).sort(([a], [b]) => a - b)[0]
  return due?.[1] ?? []
}

// Live entries of the merged segments, regrouped by token into one new segment (the arrays stay
// aligned without sorting: see migration 010).
const MERGE = `
  WITH gone AS (DELETE FROM article_postings WHERE segment = ANY($1::int[]) RETURNING *),
  kept AS (
    SELECT g.token, e.pk, e.len, e.t, e.b
    FROM gone g CROSS JOIN LATERAL unnest(g.pks, g.lens, g.title_n, g.body_n) AS e (pk, len, t, b)
    WHERE NOT EXISTS (SELECT 1 FROM postings_stale s WHERE s.pk = e.pk AND g.segment < s.valid_from))
  INSERT INTO article_postings (token, segment, pks, lens, title_n, body_n)
    SELECT token, $2, array_agg(pk), array_agg(len), array_agg(t), array_agg(b)
    FROM kept GROUP BY token`

/**
 * Merges segments while a tier is due. Index writers are held off meanwhile (a SHARE ROW EXCLUSIVE
 * lock: searches go on), so no write can mark an article stale between the merge's read and its new
 * segment, whose number is newer than any write before it. The lock waits for other writers' open
 * files, so it is taken only when a merge is due.
 */
export async function mergeSegments(pool: Pool): Promise<void> {
  while (segmentsToMerge((await pool.query<Segment>('SELECT segment, entries FROM index_segments')).rows).length > 0) {
    await inTransaction(pool, async (client) => {
      await client.query('LOCK TABLE article_index IN SHARE ROW EXCLUSIVE MODE')
      const { rows } = await client.query<Segment>('SELECT segment, entries FROM index_segments')
      // Another process may have merged while this one waited for the lock.
      const due = segmentsToMerge(rows)
      if (due.length === 0) return
      const target = (await client.query<{ id: number }>("SELECT nextval('index_segment_ids')::int AS id")).rows[0]!.id
      await client.query(MERGE, [due, target])
      await client.query('DELETE FROM index_segments WHERE segment = ANY($1::int[])', [due])
      // Entries counted as written: out-of-date ones dropped here still count, which only delays the next merge.
      const entries = rows.filter((s) => due.includes(s.segment)).reduce((sum, s) => sum + s.entries, 0)
      await client.query('INSERT INTO index_segments (segment, entries) VALUES ($1, $2)', [target, entries])
    })
  }
}
