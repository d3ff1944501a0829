// The fake Telegram Bot API in a process of its own, so a benchmark measures only the sender's memory.
// IPC: { addChats: [from, count] } → { added }; { stats: true } → { sendMessage, ok, status429 }.
import { startFakeBotApi } from '../../tests/helpers/fake-bot-api.js'

const fake = await startFakeBotApi()
process.on('message', (m: { addChats?: [number, number]; stats?: boolean; close?: boolean }) => {
  if (m.addChats) {
    const [from, count] = m.addChats
    fake.addPrivateChats(Array.from({ length: count }, (_, i) => from + i))
    process.send?.({ added: count })
  } else if (m.stats) {
    const sends = fake.calls.filter((c) => c.method === 'sendMessage')
    process.send?.({ sendMessage: sends.length, ok: sends.filter((c) => c.status === 200).length, status429: sends.filter((c) => c.status === 429).length })
  } else if (m.close) {
    void fake.close().then(() => process.exit(0))
  }
})
process.send?.({ apiRoot: fake.apiRoot, token: fake.token })
