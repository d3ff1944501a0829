import type { Context } from 'grammy'

// What is released once an update's reply is out, before its handler has finished (saving the turn,
// logging): the update's claim, and the user's question in flight.
const hooks = new WeakMap<Context, (() => void)[]>()

/** Runs `release` when the update's reply has gone out (markReplied); the caller still runs it on failure. */
export function onReplied(ctx: Context, release: () => void): void {
  hooks.set(ctx, [...(hooks.get(ctx) ?? []), release])
}

/**
 * Call right after the reply went out. The claim is finished, so a crash in what is left of the
 * handler does not get the question answered again; and the user may ask the next question at once,
 * which the chat's order then holds until this handler is done.
 */
export function markReplied(ctx: Context): void {
  const release = hooks.get(ctx) ?? []
  hooks.delete(ctx)
  for (const r of release) r()
}
