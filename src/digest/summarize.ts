import { loadPrompt, MIN_SUPPORT, renderPrompt, support, withoutForeignContacts } from '../answer/index.js'
import type { Config } from '../config.js'
import type { Article } from '../store/index.js'
import { clipSentence, leadSentence, normalizeText, SUMMARY_MAX_CHARS } from './lead.js'
import { createLlmClient, type LlmClient } from '../llm/index.js'

/** One sentence about an article; never throws (a failed model falls back to the lead sentence). */
export type Summarizer = (article: Article) => Promise<string>

// Enough of the article for a one-sentence summary; keeps a long feature page cheap.
const ARTICLE_CHARS_FOR_LLM = 1500
// Summaries are per article, so a scheduler that builds a digest every day reuses them.
const CACHE_MAX = 2000

/** The extractive summary: the article's cleaned lead sentence. */
export const leadSummarizer: Summarizer = async (article) => leadSentence(article)

/**
 * Summaries from the configured model (prompt prompts/digest-summary.md), cached per article text;
 * a failure, an empty reply or one that is not a single short sentence gives the lead sentence
 * instead, cached the same way, so each article of an issue costs at most one model request.
 */
export function createLlmSummarizer(llm: LlmClient, opts: { onFallback?: (err: unknown, article: Article) => void } = {}): Summarizer {
  const cache = new Map<string, string>()
  return async (article) => {
    const key = `${article.id}:${article.text.length}`
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    let summary: string
    try {
      summary = checkSummary(await llm.complete(summaryMessages(article)), article)
    } catch (err) {
      opts.onFallback?.(err, article)
      // The fallback is kept like a summary: the article's issue is not asked of a failing model again.
      summary = leadSentence(article)
    }
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
    cache.set(key, summary)
    return summary
  }
}

/** The configured summarizer: the model when one is configured (with the lead as fallback), else the lead. */
export function createDigestSummarizer(llm: Config['llm'], onFallback?: (err: unknown, article: Article) => void): Summarizer {
  const client = createLlmClient(llm)
  return client ? createLlmSummarizer(client, { onFallback }) : leadSummarizer
}

function summaryMessages(article: Article) {
  const text = normalizeText(article.text).slice(0, ARTICLE_CHARS_FOR_LLM)
  const content = renderPrompt(loadPrompt('digest-summary'), {
    title: normalizeText(article.title) || '（无标题）',
    paper: article.paper || '未知报纸',
    date: article.date ?? '日期不详',
    text,
  })
  return [{ role: 'user' as const, content }]
}

/**
 * The reply as one clean sentence, or an error when it is not one or the article does not support
 * it: the checks an answer's sentences get (shared wording, no address the article does not print).
 */
function checkSummary(reply: string, article: Article): string {
  const s = normalizeText(reply).replace(/^[“"'「]+|[”"'」]+$/g, '').replace(/^(概要|摘要|总结)[：:]\s*/, '')
  if (!s) throw new Error('the model returned an empty summary')
  if (Array.from(s).length > SUMMARY_MAX_CHARS * 2) throw new Error('the model returned more than one sentence')
  const texts = [article.title, article.text]
  if (withoutForeignContacts(s, texts) !== s) throw new Error('the summary gives an address the article does not print')
  if (support(s, texts) < MIN_SUPPORT) throw new Error('the summary is not supported by the article')
  return clipSentence(s)
}
