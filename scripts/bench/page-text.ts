/**
 * Generated news pages for the page benchmark: the dataset's sentences (which name the
 * treaties and officials) between filler sentences of ordinary Vietnamese news (which name
 * nothing), in one `<article>` of a page that says `lang="vi"`, as the content script wants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Everyday news that names no entity: most of a real page is text like this. */
export const FILLER = [
  'Thời tiết hôm nay ở Hà Nội có mưa rào và dông vài nơi, nhiệt độ thấp nhất từ 22 đến 24 độ.',
  'Giá xăng dầu trong nước được điều chỉnh giảm nhẹ từ 15 giờ chiều nay theo quyết định của liên bộ.',
  'Nhiều tuyến đường ở trung tâm thành phố ùn tắc kéo dài vào giờ cao điểm buổi sáng.',
  'Các trường đại học công bố điểm chuẩn, ngành công nghệ thông tin tiếp tục dẫn đầu.',
  'Người dân vùng lũ đã được hỗ trợ lương thực, nước sạch và thuốc men trong tuần qua.',
  'Thị trường chứng khoán khép lại phiên giao dịch với sắc xanh chiếm ưu thế ở nhóm ngân hàng.',
  'Đội tuyển bóng đá quốc gia hội quân chuẩn bị cho hai trận giao hữu cuối tháng.',
  'Lượng khách du lịch quốc tế đến các tỉnh ven biển miền Trung tăng mạnh so với cùng kỳ.',
];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The dataset's passages, from the compiled cards (the same build the extension carries). */
export function datasetSentences(generatedDir: string): string[] {
  const cards = JSON.parse(readFileSync(join(generatedDir, 'cards.json'), 'utf8')) as { passages: Record<string, { text: string }> };
  return Object.values(cards.passages).map((p) => p.text);
}

/** The nth paragraph: one dataset sentence, then two filler sentences. */
export function paragraph(sentences: string[], n: number): string {
  return `${sentences[n % sentences.length]} ${FILLER[n % FILLER.length]} ${FILLER[(n * 3 + 1) % FILLER.length]}`;
}

/** Paragraphs whose text adds up to `bytes` of UTF-8, starting at paragraph `from`. */
export function paragraphs(sentences: string[], bytes: number, from = 0): string[] {
  const out: string[] = [];
  for (let total = 0, n = from; total < bytes; n++) {
    const p = paragraph(sentences, n);
    out.push(p);
    total += Buffer.byteLength(p) + 1;
  }
  return out;
}

export interface GeneratedPage {
  html: string;
  /** UTF-8 bytes of the article's text. */
  textBytes: number;
  paragraphs: number;
}

export function newsPage(sentences: string[], bytes: number): GeneratedPage {
  const body = paragraphs(sentences, bytes);
  const html = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Thời sự — trang đo hiệu năng</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style></head>
<body>
<header><a href="/">Báo Thử</a> · <nav><a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a></nav></header>
<article>
<h1>Toàn cảnh kiểm soát vũ khí và thời sự trong ngày</h1>
<time datetime="2021-06-20">20/6/2021</time>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<footer>© Báo Thử</footer>
</body>
</html>
`;
  return { html, textBytes: body.reduce((sum, p) => sum + Buffer.byteLength(p) + 1, 0), paragraphs: body.length };
}
