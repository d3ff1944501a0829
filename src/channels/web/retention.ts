import type { Store } from '../../store/index.js'

const PRUNE_EVERY_MS = 3_600_000
const DAY_MS = 86_400_000

/**
 * While the console is on, the web logs questions: they are deleted after the retention period at
 * start and then hourly, as the bot does, so a server running without the bot keeps the promise too.
 */
export function startRetention(store: Store, retentionDays: number, onError: (err: unknown) => void): () => void {
  const prune = () => {
    store.pruneConversations(new Date(Date.now() - retentionDays * DAY_MS).toISOString()).catch(onError)
  }
  prune()
  const timer = setInterval(prune, PRUNE_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
