/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight, in order of index; stops
 * starting new ones once `signal` aborts. The one worker pool of the digest builder and the sender.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length && !signal?.aborted; i = next++) await fn(items[i]!, i)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

/** `fn` over `items`, at most `concurrency` at once, results in input order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  await runPool(items, concurrency, async (item, i) => {
    out[i] = await fn(item)
  })
  return out
}
