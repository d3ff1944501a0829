import type { Store } from '../../store/index.js'

const PRUNE_EVERY_MS = 3_600_000
const DAY_MS = 86_400_000

/**
 * While the console is on, the web logs questions: they are deleted after the retention period at
 * start and then hourly, as the bot does, so a server running without the bot keeps the promise too.
 */
export function startRetention(store: Store, retentionDays: number, onError: (err: unknown) => void): () => void {
  return pruneHourly(() => store.pruneConversations(new Date(Date.now() - retentionDays * DAY_MS).toISOString()), onError)
}

/**
 * Where the web counts each address's requests in the store (PostgreSQL), the counts older than two
 * days go at start and then hourly, as the bot's do: an address never seen again leaves no rows behind
 * in a deployment that runs no bot.
 */
export function startQuotaPruning(store: Pick<Store, 'pruneQuotaTakes'>, onError: (err: unknown) => void): () => void {
  return pruneHourly(() => store.pruneQuotaTakes(Date.now() - 2 * DAY_MS), onError)
}

/** Runs `prune` now and then every hour until the returned function is called; failures go to `onError`. */
function pruneHourly(prune: () => Promise<unknown>, onError: (err: unknown) => void): () => void {
  const run = () => void prune().catch(onError)
  run()
  const timer = setInterval(run, PRUNE_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
