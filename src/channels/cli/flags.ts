import { InputError } from '../../errors.js'
import { parseIsoDate } from '../../ingest/index.js'

/** Checks a YYYY-MM-DD option names a real day (2023-02-30 does not); a clear InputError otherwise. */
export function checkDateFlag(name: string, value: string | undefined): void {
  if (value !== undefined && parseIsoDate(value) === undefined) {
    throw new InputError(`${name} 应为 YYYY-MM-DD 格式的日期，例如 2023-11-15`)
  }
}
