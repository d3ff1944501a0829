// Loaded into a process under benchmark with NODE_OPTIONS=--import: records its event-loop delay and
// writes the longest stall (ms) to NEWSBOT_BENCH_LOOP_OUT twice a second; SIGUSR2 starts a new phase.
import { writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const out = process.env.NEWSBOT_BENCH_LOOP_OUT
if (out) {
  const h = monitorEventLoopDelay({ resolution: 10 })
  h.enable()
  const write = () => writeFileSync(out, JSON.stringify({ maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 }))
  setInterval(write, 500).unref()
  process.on('SIGUSR2', () => {
    h.reset()
    write()
  })
}
