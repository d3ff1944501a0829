// The reader's chat page: posts to /api/ask, shows the answer as it streams, links [n] to the cited
// article with its quote highlighted, and keeps the conversation for follow-up questions.
// Text is only ever set with textContent, never as HTML.
'use strict'

const form = document.getElementById('ask')
const input = document.getElementById('question')
const conversation = document.getElementById('conversation')
const history = []
// In an outlet's iframe (/embed) articles open in a new window: no other page may be framed.
const embedded = document.body.classList.contains('embed')

function el(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function articleLink(text, id, quote) {
  const link = el('a', '', text)
  link.href = '/articles/' + encodeURIComponent(id) + (quote ? '?q=' + encodeURIComponent(quote.trim().slice(0, 120)) : '')
  if (embedded) {
    link.target = '_blank'
    link.rel = 'noopener'
  }
  return link
}

function renderAnswer(box, a) {
  box.textContent = ''
  for (const w of a.warnings) box.appendChild(el('p', 'warning', w))
  const text = el('div', 'answer')
  const byN = new Map(a.citations.map((c) => [c.n, c]))
  for (const part of a.answer.split(/(\[\d+\])/)) {
    const c = byN.get(Number((/^\[(\d+)\]$/.exec(part) || [])[1]))
    if (!c) { text.appendChild(document.createTextNode(part)); continue }
    const link = articleLink(part, c.id, c.quote)
    link.className = 'cite'
    text.appendChild(link)
  }
  box.appendChild(text)
  if (a.citations.length === 0) return
  const list = el('ol', 'sources')
  for (const c of a.citations) {
    const item = el('li')
    item.value = c.n
    const link = articleLink([c.title || '（无标题）', c.paper, c.date || '日期不详'].filter(Boolean).join(' · '), c.id, c.quote)
    item.append(link, el('blockquote', '', c.quote))
    list.appendChild(item)
  }
  box.appendChild(list)
}

/** Reads server-sent events from a fetch body: calls on(event, data) for each. */
async function readEvents(response, on) {
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    let end
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      let event = 'message'
      const data = []
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
      }
      // A block of only comments (the server's first line) carries no event.
      if (data.length > 0) on(event, JSON.parse(data.join('\n')))
    }
  }
}

async function ask(question) {
  const turn = el('section', 'turn')
  turn.appendChild(el('p', 'q', question))
  const box = el('div', 'pending', '正在查找报道…')
  turn.appendChild(box)
  conversation.appendChild(turn)
  let streamed = ''
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question, history: history.slice(-3) }),
    })
    if (!response.ok) {
      const body = await response.json().catch(() => ({}))
      box.textContent = body.error || '出错了，请稍后再试。'
      return
    }
    await readEvents(response, (event, data) => {
      if (event === 'token') box.textContent = streamed += data
      else if (event === 'answer') {
        renderAnswer(box, data)
        history.push({ question, answer: data.answer })
      } else if (event === 'error') box.textContent = data.error
    })
  } catch {
    box.textContent = '网络出错了，请稍后再试。'
  } finally {
    box.className = 'reply'
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault()
  const question = input.value.trim()
  if (!question) return
  input.value = ''
  const button = form.querySelector('button')
  button.disabled = true
  ask(question).finally(() => {
    button.disabled = false
    input.focus()
  })
})
