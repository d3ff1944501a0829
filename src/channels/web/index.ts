export { createWebApp, MAX_BODY_BYTES } from './app.js'
export { createWebDeps, type WebDeps } from './deps.js'
export { startWebServer, type RunningServer } from './server.js'
export { startQuotaPruning, startRetention } from './retention.js'
