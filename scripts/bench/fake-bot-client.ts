// The benchmarks' side of scripts/bench/fake-bot-server.ts: start it as a child process and talk to it over IPC.
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export type Fake = { child: ChildProcess; apiRoot: string; token: string }

/** Sends one IPC request to the fake and resolves with its reply. */
export function askFake<T>(child: ChildProcess, msg: object): Promise<T> {
  return new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T))
    child.send(msg)
  })
}

/** The fake Bot API with `count` private chats from `firstChat` on. */
export async function startFake(firstChat: number, count: number): Promise<Fake> {
  const child = fork(join(import.meta.dirname, 'fake-bot-server.ts'), { execArgv: ['--import', 'tsx'] })
  const { apiRoot, token } = await new Promise<{ apiRoot: string; token: string }>((resolve) => child.once('message', (m) => resolve(m as never)))
  await askFake(child, { addChats: [firstChat, count] })
  return { child, apiRoot, token }
}
