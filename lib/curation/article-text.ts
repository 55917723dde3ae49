/** Checks on an article's text before it joins the dataset: encoding, emptiness, sameness. */

/** The text of strict UTF-8 bytes (a leading BOM dropped, as the build reads it), or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The line (from 1) of the first byte that is not UTF-8, for the message. */
export function firstBadLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\ufffd');
  return lenient.slice(0, Math.max(bad, 0)).split('\n').length;
}

/** The form two texts are compared in: NFC, one kind of line ending, no outer whitespace. */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
}

/** Whether `value` is a real day written YYYY-MM-DD (2021-02-30 is not). */
export function isRealDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
