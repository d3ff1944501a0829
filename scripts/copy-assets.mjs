// tsc copies only .ts output; the compiled store reads its migrations, and the web channel its
// static assets, beside itself.
import { cpSync, chmodSync } from 'node:fs'

cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true })
cpSync('src/store/postgres/migrations', 'dist/store/postgres/migrations', { recursive: true })
chmodSync('dist/channels/cli/main.js', 0o755)
cpSync('src/channels/web/static', 'dist/channels/web/static', { recursive: true })
