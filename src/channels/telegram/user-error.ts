import { GrammyError, HttpError } from 'grammy'
import { InputError } from '../../errors.js'
import { texts } from './messages.js'
import { redactForUser } from './user-text.js'

/**
 * The one sentence a user sees for an error: an InputError says what to fix (without addresses or
 * setting names), anything else gets an apology. Null when the user cannot be reached anyway (they blocked the bot, or left the group).
 */
export function userErrorText(err: unknown): string | null {
  if (err instanceof InputError) return redactForUser(err.message) || texts.generic
  if (err instanceof GrammyError && err.error_code === 403) return null
  // The Bot API could not be reached or its answer was lost: an apology would fare no better, or
  // would follow an answer that did arrive.
  if (err instanceof HttpError) return null
  return texts.generic
}

/** True for Telegram's refusal of an edit that changes nothing: the message already shows what we want. */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && err.description.includes('message is not modified')
}
