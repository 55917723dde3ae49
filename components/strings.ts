/** Interface text. Vietnamese first; every visible string comes from here. */
import type { EntityKind } from '../lib/artifacts';
import type { InactiveReason } from '../lib/messages';

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Nhân vật',
  treaty: 'Hiệp ước',
  organization: 'Tổ chức',
  event: 'Sự kiện',
  process: 'Tiến trình',
};

export const REASONS: Record<InactiveReason, string> = {
  'site-disabled': 'Đã tắt trên trang này.',
  'not-vietnamese': 'Trang này không phải tiếng Việt nên Bối cảnh không quét.',
  'no-highlight-api': 'Trình duyệt này chưa hỗ trợ tô sáng văn bản (CSS Custom Highlight API).',
  'editable-page': 'Trang đang ở chế độ chỉnh sửa nên Bối cảnh không quét.',
};

export const T = {
  appName: 'Bối cảnh',
  close: 'Đóng',
  facts: 'Dữ kiện',
  seeMore: 'Xem đầy đủ trong Bối cảnh',
  moreFacts: (n: number) => `và ${n} dữ kiện khác`,
  untitled: 'Tin tổng hợp (không có tiêu đề)',
  noDate: 'không rõ ngày',
  alsoWritten: 'Còn được viết',
  related: 'Liên quan',
  roleSince: (from: string) => `từ ${from}`,
  roleOn: (day: string) => `vào ${day}`,
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
} as const;
