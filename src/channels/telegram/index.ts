export { createBot, type BotOptions, type NewsBot } from './bot.js'
export type { Answerer, BotDeps } from './context.js'
export { startBot, type BackgroundJob, type JobStarter, type LaunchOptions, type RunningBot } from './launch.js'
export { createLogger, type Logger } from './logger.js'
