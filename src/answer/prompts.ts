import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { NewsbotError } from '../errors.js'

/** The prompts/ folder at the repository root, two levels up from src/answer/ and dist/answer/ alike. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url))

const cache = new Map<string, string>()

/** Reads prompts/<name>.md once per process. */
export function loadPrompt(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    try {
      text = readFileSync(`${PROMPTS_DIR}${name}.md`, 'utf8')
    } catch (err) {
      throw new NewsbotError(`找不到提示词文件 prompts/${name}.md`, { cause: err })
    }
    cache.set(name, text)
  }
  return text
}

/**
 * Fills {{name}} slots in one pass, so a value that itself contains "{{question}}" (say, inside a
 * source) is left as text; a slot with no value is a bug in the caller, not something to send.
 */
export function renderPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined) throw new Error(`prompt slot {{${key}}} has no value`)
    return value
  })
}
