import { basename } from 'node:path'
import cliProgress from 'cli-progress'

/** Progress callbacks for ingest: a bar on a TTY (stderr, so --json stdout stays clean), nothing otherwise. */
export function createIngestProgress(enabled: boolean) {
  // Without a bar, a note is still worth a line on stderr (a second ingest waiting its turn).
  const plainNote = (text: string) => void process.stderr.write(`newsbot: ${text}\n`)
  if (!enabled || !process.stderr.isTTY) return { onFile: undefined, onBytes: undefined, note: plainNote, stop() {} }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {file} [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  const mb = (n: number) => Math.round(n / 1e5) / 10
  let started = false
  let file = ''
  return {
    onFile(path: string) {
      if (started) bar.stop()
      started = false
      file = basename(path)
    },
    // Only streamed (JSONL) files report bytes, so only they get a bar.
    onBytes(read: number, total: number) {
      if (!started) bar.start(mb(total), 0, { file })
      started = true
      bar.update(mb(read))
    },
    note(text: string) {
      if (started) process.stderr.write('\n')
      plainNote(text)
    },
    /** Ends the bar and shows the cursor again (cli-progress hides it while drawing). */
    stop() {
      if (started) bar.stop()
      started = false
      process.stderr.write('\x1b[?25h')
    },
  }
}
