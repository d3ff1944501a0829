// What a Chinese reader should never meet in newsbot's output: English sentences and stack traces.

// Names that may appear in Chinese sentences: products, formats, settings' values.
const NAMES = /\b(?:newsbot|Telegram|OpenAI|SQLite|JSONL?|WAL|Asia\/Shanghai|token|webhook|gzip|auto|extractive|llm|HTTP|AI|MB|id|BotFather|npm|node|demo)\b/gi

/** Runs of three or more English words outside commands, paths, flags, variables and known names. */
export function englishSentences(transcript: string): string[] {
  const found: string[] = []
  for (const raw of transcript.split('\n')) {
    const line = raw
      .replace(/\x1b\[[\d;?]*[A-Za-z]|\x1b[78]/g, '') // terminal control sequences
      .trim()
    if (line.startsWith('$ ') || line.startsWith('> ')) continue // the commands typed, npm's echo of a script
    const text = line
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\S*[/\\]\S*/g, ' ') // paths
      .replace(/--?[\w-]+(?:\s+<[^>]*>)?/g, ' ') // flags and their placeholders
      .replace(/<[^>]*>|\[[^\]]*\]/g, ' ') // argument placeholders
      .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ') // environment variables
      .replace(/newsbot\s+\w+/g, ' ') // commands named in a sentence
      .replace(/\S+\.(?:txt|jsonl|db|md|json)\b/g, ' ')
      .replace(NAMES, ' ')
    const m = text.match(/[A-Za-z]{2,}(?:[ ,'’:]+[A-Za-z]{2,}){2,}|\b(?:Usage|Options|Commands|Arguments|error|Error|Invalid)\b\s*:/g)
    if (m) found.push(...m.map((s) => `${s}  ←  ${line}`))
  }
  return found
}

/** Lines that look like a JavaScript stack frame or an uncaught error's header. */
export function stackTraces(transcript: string): string[] {
  return transcript.split('\n').filter((l) => /^\s+at .+(?::\d+:\d+\)?|\(node:)/.test(l) || /^(?:\w*Error|Uncaught)\b.*:/.test(l.trim()))
}
