// The fake Telegram Bot API in a process of its own, so a benchmark measures only the sender's memory.
// IPC: { addChats: [from, count] } → { added }; { stats: true } → { sendMessage, ok, status429 };
// { chaos: Chaos } → { chaos }; { outage: ms } → { outage }; { latency: ms } → { latency } (each sendMessage waits that long); { digests: [from, count] } → { perChat: number[] }
// (how many digests, i.e. messages headed 📰 每日简报, each chat received).
import { startFakeBotApi, type Chaos } from '../../tests/helpers/fake-bot-api.js'

interface Request { addChats?: [number, number]; stats?: boolean; chaos?: Chaos; outage?: number; latency?: number; digests?: [number, number]; close?: boolean }

const fake = await startFakeBotApi()
process.on('message', (m: Request) => {
  if (m.addChats) {
    const [from, count] = m.addChats
    fake.addPrivateChats(Array.from({ length: count }, (_, i) => from + i))
    process.send?.({ added: count })
  } else if (m.stats) {
    const sends = fake.calls.filter((c) => c.method === 'sendMessage')
    process.send?.({ sendMessage: sends.length, ok: sends.filter((c) => c.status === 200).length, status429: sends.filter((c) => c.status === 429).length })
  } else if (m.chaos) {
    fake.setChaos(m.chaos)
    process.send?.({ chaos: true })
  } else if (m.outage) {
    fake.startOutage(m.outage)
    process.send?.({ outage: m.outage })
  } else if (m.latency !== undefined) {
    fake.setLatency('sendMessage', m.latency)
    process.send?.({ latency: m.latency })
  } else if (m.digests) {
    const [from, count] = m.digests
    const perChat = Array.from({ length: count }, (_, i) => fake.messagesTo(from + i).filter((msg) => msg.text?.startsWith('📰 每日简报')).length)
    process.send?.({ perChat })
  } else if (m.close) {
    void fake.close().then(() => process.exit(0))
  }
})
process.send?.({ apiRoot: fake.apiRoot, token: fake.token })
