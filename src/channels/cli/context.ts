import { loadConfig, type Config } from '../../config.js'
import { openDb, type Db } from '../../store/index.js'

/** Options every command accepts (set on the program, readable after the subcommand). */
export interface GlobalOptions {
  db?: string
  verbose?: boolean
}

export interface CliContext {
  config: Config
  db: Db
}

/** Builds what a command needs: config from the environment, then the database (--db wins over NEWSBOT_DB). */
export function openContext(opts: GlobalOptions): CliContext {
  const config = loadConfig()
  const db = openDb(opts.db ?? config.db)
  return { config, db }
}
