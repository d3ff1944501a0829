// tsc copies no .sql files; the compiled store reads its migrations beside itself.
import { cpSync, chmodSync } from 'node:fs'

cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true })
chmodSync('dist/channels/cli/main.js', 0o755)
