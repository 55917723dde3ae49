/**
 * The coverage report as one self-contained HTML page: inline CSS, no script, nothing
 * fetched, every dataset string escaped. Readable at a phone's width and in dark mode.
 */
import type { Coverage, EntityCoverage } from './coverage';
import { dateLabel, LABELS, roleLabel } from './report-labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ESCAPES[ch]!);
}

const CSS = `
:root{color-scheme:light dark;--bg:#fbfbfa;--fg:#1d2327;--muted:#5c6670;--line:#d9dde1;--card:#fff;--accent:#0b5cad;--warn:#9a4a00;--chip:#eef2f6}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--fg:#e4e6e9;--muted:#a3abb4;--line:#343a41;--card:#1d2126;--accent:#8fc1f5;--warn:#f0b46a;--chip:#272d34}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0 .6em}
h2{font-size:1.2rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0}
td:first-child{min-width:11em}
.totals{display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0;list-style:none}
.totals li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:8.5em}
.totals b{display:block;font-size:1.4rem}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px;background:var(--card)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{font-size:.85rem;color:var(--muted);font-weight:600}
tr:last-child td{border-bottom:0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.id,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;color:var(--muted)}
.warn{color:var(--warn)}
.chip{display:inline-block;background:var(--chip);border-radius:4px;padding:0 5px;margin:1px 2px 1px 0;font-size:.88em}
.chip.nowrap{white-space:nowrap}
details{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}
summary h3{display:inline}
.meta{margin:.4em 0;color:var(--muted);font-size:.9rem}
ul.plain{padding-left:1.2em}
@media (max-width:600px){main{padding:10px}body{font-size:14px}th,td{padding:5px 6px}.totals li{min-width:0;flex:1 1 40%}}
`;

const td = (html: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;
const chips = (items: readonly string[], nowrap = false) =>
  items.map((i) => `<span class="chip${nowrap ? ' nowrap' : ''}">${escapeHtml(i)}</span>`).join(' ');
const table = (head: readonly string[], rows: readonly string[]) =>
  `<div class="scroll"><table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;

function entityRow(e: EntityCoverage): string {
  const dates = e.firstDate
    ? escapeHtml(e.firstDate === e.lastDate ? dateLabel(e.firstDate) : `${dateLabel(e.firstDate)} – ${dateLabel(e.lastDate)}`)
    : '';
  return `<tr>${[
    td(`${escapeHtml(e.name)}<br><span class="id">${escapeHtml(e.id)} · ${escapeHtml(e.kind)}</span>`),
    td(String(e.facts.length), e.facts.length ? 'num' : 'num warn'),
    td(chips(e.articles, true)),
    td(dates),
    td(String(e.mentionedIn), 'num'),
    td(escapeHtml(e.hasDescription ? LABELS.yes : LABELS.no), e.hasDescription ? '' : 'warn'),
    td(chips(e.openRoles.map(roleLabel))),
    td(chips(e.aliasesNeverSeen)),
  ].join('')}</tr>`;
}

function entityDetails(e: EntityCoverage): string {
  const facts = e.facts.length
    ? table(
        [LABELS.passage, LABELS.article, LABELS.date, LABELS.text],
        e.facts.map(
          (f) =>
            `<tr>${td(`<code>${escapeHtml(f.passage)}</code>`)}${td(escapeHtml(f.articleTitle ?? f.articleId))}${td(escapeHtml(dateLabel(f.date)))}${td(f.text === null ? `<span class="warn">${escapeHtml(LABELS.missingPassage)}</span>` : escapeHtml(f.text))}</tr>`,
        ),
      )
    : `<p class="warn">${escapeHtml(LABELS.none)}</p>`;
  return `<details><summary><h3>${escapeHtml(e.name)}</h3> <span class="id">${escapeHtml(e.id)} · ${e.facts.length}</span></summary><div class="meta">${escapeHtml(LABELS.kind)}: ${escapeHtml(e.kind)}</div>${facts}</details>`;
}

const list = (items: readonly string[]) =>
  items.length ? `<ul class="plain">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${escapeHtml(LABELS.none)}</p>`;

export function coverageHtml(c: Coverage): string {
  const t = c.totals;
  const totals = [
    [LABELS.articles, t.articles],
    [LABELS.passages, t.passages],
    [LABELS.entities, t.entities],
    [LABELS.facts, t.facts],
  ]
    .map(([label, n]) => `<li><b>${n}</b>${escapeHtml(String(label))}</li>`)
    .join('');
  const status = c.problems.length
    ? `<h2>${escapeHtml(LABELS.problems)}</h2>${list(c.problems.map((p) => `<code>${escapeHtml(p)}</code>`))}`
    : `<p>✓ ${escapeHtml(LABELS.builds)}</p>`;
  const body = [
    `<h1>${escapeHtml(LABELS.title)}</h1>`,
    `<h2>${escapeHtml(LABELS.summary)}</h2><ul class="totals">${totals}</ul>`,
    status,
    `<h2>${escapeHtml(LABELS.entities)}</h2>`,
    table(
      [
        LABELS.entity,
        LABELS.factCount,
        LABELS.fromArticles,
        LABELS.dates,
        LABELS.mentionedIn,
        LABELS.description,
        LABELS.openRoles,
        LABELS.unseenAliases,
      ],
      c.entities.map(entityRow),
    ),
    `<h2>${escapeHtml(LABELS.factsByEntity)}</h2>`,
    ...c.entities.map(entityDetails),
    `<h2>${escapeHtml(LABELS.withoutFacts)}</h2>`,
    list(c.entitiesWithoutFacts.map((id) => `<code>${escapeHtml(id)}</code>`)),
    `<h2>${escapeHtml(LABELS.withoutEntities)}</h2>`,
    list(
      c.articlesWithoutEntities.map(
        (a) => `<code>${escapeHtml(a.id)}</code> ${escapeHtml(a.title ?? '')} (${escapeHtml(dateLabel(a.date))})`,
      ),
    ),
    `<h2>${escapeHtml(LABELS.recurring)}</h2><p class="meta">${escapeHtml(LABELS.recurringNote)}</p>`,
    c.recurringUnknown.length
      ? table(
          [LABELS.name, LABELS.kind, LABELS.articleCount, LABELS.passageCount, LABELS.articles],
          c.recurringUnknown.map(
            (r) =>
              `<tr>${td(escapeHtml(r.text))}${td(escapeHtml(r.kind))}${td(String(r.articles.length), 'num')}${td(String(r.passages), 'num')}${td(chips(r.articles, true))}</tr>`,
          ),
        )
      : `<p>${escapeHtml(LABELS.none)}</p>`,
  ].join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(LABELS.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
