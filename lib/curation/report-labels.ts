/** The coverage report's words, Vietnamese first with English after, shared by its Markdown and HTML forms. */
import { formatDateVi } from '../dates';

export const LABELS = {
  title: 'Báo cáo độ phủ bộ dữ liệu (Dataset coverage report)',
  summary: 'Tổng quan (Summary)',
  articles: 'Bài viết (Articles)',
  passages: 'Đoạn trích (Passages)',
  entities: 'Thực thể (Entities)',
  facts: 'Dữ kiện (Facts)',
  builds: 'Bộ dữ liệu build được (The dataset builds)',
  problems: 'Lỗi khi build (Build problems)',
  entity: 'Thực thể (Entity)',
  kind: 'Loại (Kind)',
  factCount: 'Dữ kiện (Facts)',
  fromArticles: 'Từ bài viết (From articles)',
  firstDate: 'Ngày đầu (First date)',
  lastDate: 'Ngày cuối (Last date)',
  dates: 'Ngày đầu – cuối (First – last date)',
  mentionedIn: 'Đoạn nêu tên (Passages naming it)',
  description: 'Mô tả (Description)',
  openRoles: 'Vai trò chưa kết thúc (Roles without an end)',
  unseenAliases: 'Tên gọi chưa gặp trong bài nào (Aliases never seen in an article)',
  passage: 'Đoạn (Passage)',
  article: 'Bài viết (Article)',
  date: 'Ngày (Date)',
  text: 'Nội dung (Text)',
  factsByEntity: 'Dữ kiện theo thực thể (Facts by entity)',
  withoutFacts: 'Thực thể chưa có dữ kiện (Entities without facts)',
  withoutEntities: 'Bài viết không nêu thực thể nào (Articles that name no entity)',
  recurring: 'Tên chưa biết lặp lại ở nhiều bài (Unknown names recurring across articles)',
  recurringNote: 'Ứng viên cho thực thể mới, có trong ít nhất 2 bài (candidates for new entities, in 2 articles or more).',
  name: 'Tên (Name)',
  articleCount: 'Số bài (Articles)',
  passageCount: 'Số đoạn (Passages)',
  yes: 'có (yes)',
  no: 'không (no)',
  none: 'Không có (None).',
  noDate: 'không ghi ngày (no date)',
  missingPassage: 'không có đoạn này (no such passage)',
} as const;

export const dateLabel = (date: string | null) => (date ? `${formatDateVi(date)}` : LABELS.noDate);

export const roleLabel = (r: { title: string; from: string }) => `${r.title} (${formatDateVi(r.from)} –)`;
