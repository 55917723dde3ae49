/**
 * The demo news page: the dataset's articles laid out as a Vietnamese news site would
 * (header, menu, articles, sidebar, footer), made from data/articles so it always shows
 * the dataset as it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Article {
  id: string;
  title: string | null;
  date: string | null;
  paragraphs: string[];
}

function readArticles(dataDir: string): Article[] {
  const dir = join(dataDir, 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const meta = parse(readFileSync(join(dir, file), 'utf8')) as {
        id: string;
        title: string | null;
        date: string | null;
        titleIsFirstLine?: boolean;
        source: string;
      };
      const lines = readFileSync(join(dir, meta.source), 'utf8').split(/\r?\n/);
      const body = (meta.titleIsFirstLine ? lines.slice(1) : lines).filter((l) => l.trim());
      return { id: meta.id, title: meta.title, date: meta.date, paragraphs: body };
    });
}

export function renderDemoPage(dataDir: string): string {
  const articles = readArticles(dataDir);
  const sections = articles
    .map((a) => {
      // An untitled article (a run of news items) gets the page's own section heading.
      const heading = a.title ?? 'Điểm tin kiểm soát vũ khí';
      const paragraphs = a.paragraphs;
      const [y, m, d] = (a.date ?? '').split('-');
      const byline = a.date ? `<time datetime="${a.date}">${Number(d)}/${Number(m)}/${y}</time>` : 'Tin tổng hợp';
      return `<article id="${a.id}">
  <p class="kicker">Thế giới</p>
  <h1>${escapeHtml(heading)}</h1>
  <p class="byline">${byline}</p>
${paragraphs.map((p) => `  <p>${escapeHtml(p)}</p>`).join('\n')}
</article>`;
    })
    .join('\n<hr>\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thời sự quốc tế — trang thử Bối cảnh</title>
<style>
*{box-sizing:border-box}body{margin:0;font:18px/1.65 Georgia,'Times New Roman',serif;color:#222;background:#fff}
.site-header{border-bottom:3px solid #1a5490;padding:12px 24px;display:flex;gap:32px;align-items:center;flex-wrap:wrap}
.brand{font:bold 26px/1 Arial,sans-serif;color:#1a5490;text-decoration:none}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:18px;flex-wrap:wrap}
nav a{font:600 14px Arial,sans-serif;color:#333;text-decoration:none}
.layout{display:flex;gap:40px;max-width:1100px;margin:24px auto;padding:0 24px}
main{flex:1 1 680px;min-width:0}
article h1{font:bold 28px/1.3 Arial,sans-serif;margin:0 0 8px}
.kicker{font:600 13px Arial,sans-serif;color:#1a5490;margin:0 0 4px;text-transform:uppercase}
.byline{font:13px Arial,sans-serif;color:#757575;margin:0 0 16px}
hr{border:0;border-top:1px solid #ddd;margin:32px 0}
aside{flex:0 0 260px;border-top:2px solid #ddd;padding-top:8px;font:15px/1.4 Arial,sans-serif}
aside h2{font:bold 15px Arial,sans-serif;text-transform:uppercase;margin:0 0 8px}
aside ul{list-style:none;margin:0;padding:0}aside li{padding:8px 0;border-bottom:1px solid #eee}
.site-footer{border-top:1px solid #ddd;margin-top:40px;padding:16px 24px;font:13px Arial,sans-serif;color:#666}
@media (max-width:800px){.layout{flex-direction:column}aside{flex:none}}
</style>
</head>
<body>
<header class="site-header">
  <a class="brand" href="#">Thời sự quốc tế</a>
  <nav aria-label="Chuyên mục"><ul><li><a href="#">Thời sự</a></li><li><a href="#">Thế giới</a></li><li><a href="#">Kinh doanh</a></li><li><a href="#">Thể thao</a></li></ul></nav>
</header>
<div class="layout">
<main>
${sections}
</main>
<aside>
  <h2>Đọc nhiều</h2>
  <ul><li>Giá vàng hôm nay biến động nhẹ</li><li>Thời tiết cuối tuần: miền Bắc se lạnh</li><li>Đội tuyển bóng đá chuẩn bị vòng loại</li></ul>
</aside>
</div>
<footer class="site-footer">Trang thử của Bối cảnh, dựng từ các bài viết trong bộ dữ liệu.</footer>
</body>
</html>
`;
}
