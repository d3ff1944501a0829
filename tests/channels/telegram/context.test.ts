import { Api, Context } from 'grammy'
import type { Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { parseCommand, questionOf } from '../../../src/channels/telegram/context.js'

const ME = { id: 99, is_bot: true, first_name: 'Newsbot', username: 'newsbot_test_bot' } as UserFromGetMe

function ctxFor(text: string, opts: { group?: boolean; entities?: MessageEntity[]; replyToBot?: boolean } = {}): Context {
  const chat = opts.group ? { id: -1, type: 'group' as const, title: '群' } : { id: 7, type: 'private' as const, first_name: 'x' }
  const from = { id: 7, is_bot: false, first_name: 'x' }
  const replied = opts.replyToBot ? { reply_to_message: { message_id: 1, date: 0, chat, from: ME, text: '答' } as Message } : {}
  const message = { message_id: 2, date: 0, chat, from, text, ...(opts.entities && { entities: opts.entities }), ...replied }
  return new Context({ update_id: 1, message } as Update, new Api('1:x'), ME)
}

const mention = (text: string, handle = '@newsbot_test_bot'): MessageEntity[] => [
  { type: 'mention', offset: text.indexOf(handle), length: handle.length },
]

describe('parseCommand', () => {
  it.each([
    ['/ask 王庄村', { name: 'ask', target: undefined, args: '王庄村' }],
    ['/ask王庄村', { name: 'ask', target: undefined, args: '王庄村' }],
    ['/ASK@Newsbot_test_bot  安置房 ', { name: 'ask', target: 'Newsbot_test_bot', args: '安置房' }],
    ['/source 2', { name: 'source', target: undefined, args: '2' }],
    ['/start', { name: 'start', target: undefined, args: '' }],
    ['你好 /ask', undefined],
    ['/', undefined],
    ['/ask@x 问题', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected)
  })
})

describe('questionOf', () => {
  it.each<[string, Parameters<typeof ctxFor>[1], string | null]>([
    ['王庄村改造到哪一步了？', {}, '王庄村改造到哪一步了？'],
    ['/ask  王庄村 ', {}, '王庄村'],
    ['/ask', {}, ''],
    ['/search 王庄村', {}, null],
    ['/ask@other_bot 王庄村', { group: true }, null],
    ['/ask@newsbot_test_bot 王庄村', { group: true }, '王庄村'],
    ['大家好', { group: true }, null],
    ['@newsbot_test_bot 王庄村呢', { group: true, entities: mention('@newsbot_test_bot 王庄村呢') }, '王庄村呢'],
    ['问一下@newsbot_test_bot王庄村', { group: true, entities: mention('问一下@newsbot_test_bot王庄村') }, '问一下 王庄村'],
    ['@someone_else 王庄村', { group: true, entities: mention('@someone_else 王庄村', '@someone_else') }, null],
    ['那它呢？', { group: true, replyToBot: true }, '那它呢？'],
  ])('%j %j → %j', (text, opts, expected) => {
    expect(questionOf(ctxFor(text, opts))).toBe(expected)
  })
})
