/**
 * A dataset at scale, for the benchmark: the real dataset plus generated entities and
 * articles, up to 10,000 articles and 1,000 entities, written in the project's own format
 * (data/articles/*.txt with their .yaml, data/entities.yaml) so that the real build reads it.
 * The names are invented (no real person or treaty is misdescribed), and every generated
 * sentence that names an entity is cited by it, as the build demands.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FILLER } from './page-text';

const GIVEN = [
  'Andrei',
  'Mikhail',
  'Pavel',
  'Oskar',
  'Henrik',
  'Lukas',
  'Tomas',
  'Viktor',
  'Marek',
  'Anton',
  'Elias',
  'Matteo',
  'Stefan',
  'Nikolai',
  'Ivan',
  'Karel',
];
const HEAD = ['Ka', 'Ve', 'Lo', 'Mi', 'Ro', 'Ta', 'Be', 'Du', 'Ze', 'Fa', 'No', 'Gri'];
const TAIL = [
  'rinsky',
  'lovar',
  'shenko',
  'barov',
  'dexter',
  'mondal',
  'vikane',
  'talberg',
  'gorin',
  'nessov',
  'zarek',
  'polano',
  'kinsey',
  'darvik',
  'velmont',
  'musetti',
];
const TREATY_TOPICS = [
  'Hợp tác Nghề cá',
  'Kiểm soát Tên lửa',
  'Phi hạt nhân hóa',
  'Bảo vệ Rạn san hô',
  'Thương mại Tự do',
  'Chống Khủng bố',
  'Hàng hải',
  'Cấm Thử hạt nhân',
];

const MID = ['', 'ri', 'za', 'mo', 'le', 'tu'];

/** Invented surnames, all distinct: HEAD × MID × TAIL gives 1,152. */
function surname(i: number): string {
  const mid = MID[Math.floor(i / (HEAD.length * TAIL.length)) % MID.length];
  return `${HEAD[i % HEAD.length]}${mid}${TAIL[Math.floor(i / HEAD.length) % TAIL.length]}`;
}

interface Generated {
  kind: 'person' | 'treaty';
  id: string;
  full: string;
  /** How a sentence names it: the full name, or for a person "ông Surname" (prefix + alias). */
  mentions: string[];
  cited: string[];
}

const PERSON_SENTENCES = [
  (n: string) => `${n} cho biết các bên sẽ tiếp tục thảo luận về vấn đề này trong tuần tới.`,
  (n: string) => `Phát biểu tại cuộc họp báo, ${n} nhấn mạnh tầm quan trọng của đối thoại khu vực.`,
  (n: string) => `Theo ${n}, tiến trình đàm phán đã có những bước tiến đáng kể trong năm qua.`,
];
const TREATY_SENTENCES = [
  (n: string) => `Các nước thành viên ${n} nhóm họp để rà soát việc thực hiện các cam kết.`,
  (n: string) => `Giới quan sát cho rằng ${n} vẫn giữ vai trò quan trọng đối với an ninh khu vực.`,
];

export interface ScaleOptions {
  articles: number;
  entities: number;
  paragraphsPerArticle: number;
}

/** Writes the dataset into `outDir` (which gets `articles/` and `entities.yaml`). */
export function writeScaleDataset(seedDir: string, outDir: string, options: ScaleOptions): void {
  const articlesDir = join(outDir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  for (const file of readdirSync(join(seedDir, 'articles'))) copyFileSync(join(seedDir, 'articles', file), join(articlesDir, file));
  const seed = parse(readFileSync(join(seedDir, 'entities.yaml'), 'utf8')) as { entities: unknown[]; roleNames?: unknown[] };
  const seedArticles = readdirSync(articlesDir).filter((f) => f.endsWith('.yaml')).length;

  const entities: Generated[] = Array.from({ length: options.entities - seed.entities.length }, (_, i) => {
    if (i % 3 === 0) {
      const place = surname(i + 1);
      const full = `Hiệp ước ${TREATY_TOPICS[i % TREATY_TOPICS.length]} ${place}`;
      return { kind: 'treaty', id: `scale-treaty-${i}`, full, mentions: [full], cited: [] };
    }
    const last = surname(i);
    const full = `${GIVEN[i % GIVEN.length]} ${last}`;
    return { kind: 'person', id: `scale-person-${i}`, full, mentions: [full, `ông ${last}`], cited: [] };
  });

  for (let a = 0; a < options.articles - seedArticles; a++) {
    const id = `scale-${String(a).padStart(5, '0')}`;
    const date = new Date(Date.UTC(2015, 0, 1) + (a % 3650) * 86_400_000).toISOString().slice(0, 10);
    const lines: string[] = [];
    for (let p = 0; p < options.paragraphsPerArticle; p++) {
      const entity = entities[(a * 7 + p * 13) % entities.length]!;
      const templates = entity.kind === 'person' ? PERSON_SENTENCES : TREATY_SENTENCES;
      const name = entity.mentions[Math.floor(a / 3) % entity.mentions.length]!;
      lines.push(`${templates[(a + p) % templates.length]!(name)} ${FILLER[(a + p) % FILLER.length]}`);
      // An entity cites its first few mentions (p1 is the first paragraph, s1 its first sentence).
      if (entity.cited.length < 3) entity.cited.push(`${id}/p${p + 1}s1`);
    }
    writeFileSync(join(articlesDir, `${id}.txt`), `${lines.join('\n')}\n`);
    writeFileSync(join(articlesDir, `${id}.yaml`), stringify({ id, source: `${id}.txt`, title: `Bản tin khu vực số ${a + 1}`, date }));
  }

  const generated = entities.map((e) => {
    if (e.cited.length === 0) throw new Error(`too few articles to cite ${e.id}`);
    const source = 'Tên giả lập cho phép đo hiệu năng';
    const common = {
      id: e.id,
      kind: e.kind,
      name: { vi: e.full, en: e.full, source },
      description: { text: `${e.full}: thực thể giả lập, được nhắc đến trong các bản tin khu vực.`, passages: [e.cited[0]!] },
      facts: e.cited.map((passage) => ({ passage })),
    };
    return e.kind === 'person'
      ? { ...common, aliases: [e.full, e.full.split(' ').at(-1)!], prefixes: ['ông'] }
      : { ...common, aliases: [e.full] };
  });
  writeFileSync(join(outDir, 'entities.yaml'), stringify({ ...seed, entities: [...seed.entities, ...generated] }, { lineWidth: 0 }));
}
