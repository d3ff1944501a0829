import { z } from 'zod'

// zod's own messages (a wrong type, a bad URL) reach users through config and record errors: in Chinese.
z.config(z.locales.zhCN())

export { z }
