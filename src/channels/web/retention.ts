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

/**
 * Where the web counts each address's requests in the store (PostgreSQL), the counts older than two
 * days go at start and then hourly, as the bot's do: an address never seen again leaves no rows behind
 * in a deployment that runs no bot.
 */
export function startQuotaPruning(store: Pick<Store, 'pruneQuotaTakes'>, onError: (err: unknown) => void): () => void {
  const prune = () => void store.pruneQuotaTakes(Date.now() - 2 * DAY_MS).catch(onError)
  prune()
  const timer = setInterval(prune, PRUNE_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
