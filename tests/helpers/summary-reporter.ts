import type { Reporter, TestModule } from 'vitest/node'

/** Ends a run with one plain line, `tests: N passed, N failed, N skipped`, that CI logs can read. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const m of modules) {
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) counts.failed++
      for (const t of m.children.allTests()) {
        const state = t.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
