/**
 * Interface text, Vietnamese first. Every visible string comes from here: `VI` is the
 * reference, `EN` must give the same keys (the type says so), and `T` is the one the
 * browser's language picks — English for an English browser, Vietnamese otherwise.
 */
import type { EntityKind } from '../lib/artifacts';
import type { InactiveReason } from '../lib/messages';

const VI = {
  lang: 'vi',
  kinds: {
    person: 'Nhân vật',
    treaty: 'Hiệp ước',
    organization: 'Tổ chức',
    event: 'Sự kiện',
    process: 'Tiến trình',
  } satisfies Record<EntityKind, string>,
  reasons: {
    'site-disabled': 'Đã tắt trên trang này.',
    'not-vietnamese': 'Trang này không phải tiếng Việt nên Bối cảnh không quét.',
    'no-highlight-api': 'Trình duyệt này chưa hỗ trợ tô sáng văn bản (CSS Custom Highlight API).',
    'editable-page': 'Trang đang ở chế độ chỉnh sửa nên Bối cảnh không quét.',
  } satisfies Record<InactiveReason, string>,
  appName: 'Bối cảnh',
  close: 'Đóng',
  pin: 'Ghim thẻ',
  pinHint: 'Ghim thẻ để thẻ không tự đóng (phím P)',
  whyMatched: 'Được đánh dấu vì trang viết',
  notThis: 'Không phải tên này? Ẩn trên trang web này',
  hidden: (name: string, host: string) => `Đã ẩn “${name}” trên ${host}. Bật lại trong cửa sổ Bối cảnh.`,
  cardOpened: (name: string) => `Bối cảnh: ${name}`,
  facts: 'Dữ kiện',
  seeMore: 'Xem đầy đủ trong Bối cảnh',
  moreFacts: (n: number) => `và ${n} dữ kiện khác`,
  untitled: 'Tin tổng hợp (không có tiêu đề)',
  noDate: 'không rõ ngày',
  alsoWritten: 'Còn được viết',
  related: 'Liên quan',
  roleSince: (from: string) => `từ ${from}`,
  roleOn: (day: string) => `vào ${day}`,
  /** A role phrase resolved to its holder: "Ngoại trưởng Nga (6/2021): Sergei Lavrov". */
  roleMeant: (role: string, when: string | null, name: string) => (when ? `${role} (${when}): ${name}` : `${role}: ${name}`),
  inForceUntil: (day: string) => `Có hiệu lực đến ${day}`,
  expiredOn: (day: string) => `Đã hết hiệu lực từ ${day}`,
  quoteFrom: 'Trích từ',
  // Popup
  searchLabel: 'Tìm trong dữ liệu Bối cảnh',
  searchPlaceholder: 'Tìm hiệp ước, nhân vật… (gõ không dấu cũng được)',
  noResults: (q: string) => `Không tìm thấy “${q}”.`,
  otherPassages: 'Đoạn trích khác',
  onThisPage: 'Trên trang này',
  nothingOnPage: 'Chưa thấy tên nào trong dữ liệu trên trang này.',
  notAPage: 'Bối cảnh chỉ làm việc trên các trang web (http, https).',
  pageUnreachable: 'Không liên lạc được với trang này. Hãy tải lại trang.',
  siteSwitch: (host: string) => `Bật trên ${host}`,
  back: 'Quay lại',
  mentionCount: (n: number) => `${n} lần`,
  resultsLabel: 'Kết quả tìm kiếm',
};

export type Strings = typeof VI;

const EN: Strings = {
  lang: 'en',
  kinds: {
    person: 'Person',
    treaty: 'Treaty',
    organization: 'Organisation',
    event: 'Event',
    process: 'Process',
  },
  reasons: {
    'site-disabled': 'Turned off on this site.',
    'not-vietnamese': 'This page is not in Vietnamese, so Bối cảnh does not read it.',
    'no-highlight-api': 'This browser cannot highlight text yet (CSS Custom Highlight API).',
    'editable-page': 'This page is being edited, so Bối cảnh does not read it.',
  },
  appName: 'Bối cảnh',
  close: 'Close',
  pin: 'Pin card',
  pinHint: 'Pin the card so that it stays open (key P)',
  whyMatched: 'Marked because the page says',
  notThis: 'Not this? Hide it on this site',
  hidden: (name: string, host: string) => `“${name}” is hidden on ${host}. Show it again from the Bối cảnh popup.`,
  cardOpened: (name: string) => `Bối cảnh: ${name}`,
  facts: 'Facts',
  seeMore: 'See all in Bối cảnh',
  moreFacts: (n: number) => `and ${n} more ${n === 1 ? 'fact' : 'facts'}`,
  untitled: 'News digest (untitled)',
  noDate: 'date unknown',
  alsoWritten: 'Also written',
  related: 'Related',
  roleSince: (from: string) => `since ${from}`,
  roleOn: (day: string) => `on ${day}`,
  roleMeant: (role: string, when: string | null, name: string) => (when ? `${role} (${when}): ${name}` : `${role}: ${name}`),
  inForceUntil: (day: string) => `In force until ${day}`,
  expiredOn: (day: string) => `Expired on ${day}`,
  quoteFrom: 'Quoted from',
  searchLabel: 'Search the Bối cảnh dataset',
  searchPlaceholder: 'Search treaties, people… (diacritics optional)',
  noResults: (q: string) => `Nothing found for “${q}”.`,
  otherPassages: 'Other passages',
  onThisPage: 'On this page',
  nothingOnPage: 'No name from the dataset found on this page yet.',
  notAPage: 'Bối cảnh works only on web pages (http, https).',
  pageUnreachable: 'Cannot reach this page. Please reload it.',
  siteSwitch: (host: string) => `On for ${host}`,
  back: 'Back',
  mentionCount: (n: number) => `${n}×`,
  resultsLabel: 'Search results',
};

export const LOCALES = { vi: VI, en: EN } as const;

/** English for a browser whose first language is English; Vietnamese for every other. */
export function stringsFor(languages: readonly string[]): Strings {
  return /^en\b/iu.test(languages[0] ?? '') ? EN : VI;
}

export const T: Strings = stringsFor(typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);
export const KIND_LABELS = T.kinds;
export const REASONS = T.reasons;
