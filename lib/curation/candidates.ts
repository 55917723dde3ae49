/**
 * Names in an article that the dataset does not know, as candidates for new entities:
 * - people: capitalised words after a title or an honorific ("Tổng thống X Y", "ông X",
 *   "Ngoại trưởng Mỹ X"), places and offices between them skipped ("Bộ trưởng Quốc phòng Mỹ");
 * - treaties: a capitalised name after "Hiệp ước", "Hiệp định", "Công ước"…, up to the first
 *   word that ends the name ("vẫn", "đã"…) or punctuation, with an acronym in parentheses;
 * - acronyms: two or more Latin capitals ("CTBT", "IAEA").
 * Text any alias or role name covers is known, and is never a candidate.
 */
import { fold } from '../normalize';
import type { ArticlePassage } from './article-passages';
import type { Span } from './mentions';

export type CandidateKind = 'person' | 'treaty' | 'acronym';

export interface Candidate {
  kind: CandidateKind;
  /** As first written. */
  text: string;
  /** The title or honorific before a person's name, as first written. */
  cue?: string;
  /** Passage ids, in order, each once. */
  passages: string[];
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

const words = (list: string) => list.split(',').map((phrase) => fold(phrase).split(' '));

/** Titles and honorifics that stand before a person's name. */
const PERSON_CUES = words(
  'ông,bà,ngài,Tổng thống,Phó Tổng thống,Thủ tướng,Phó Thủ tướng,Ngoại trưởng,Bộ trưởng,Thứ trưởng,Chủ tịch,Tổng thư ký,Đại sứ,Người phát ngôn,Phát ngôn viên,Thượng nghị sĩ,Hạ nghị sĩ,Nghị sĩ,Giáo sư,Tiến sĩ,Tướng,Đại tướng,Đô đốc,Cố vấn,Giám đốc,Đặc phái viên,Trưởng đoàn,chuyên gia,nhà phân tích,nhà nghiên cứu',
);
/** Places, organisations and ministries written between a title and the name. */
const QUALIFIERS = words(
  'Liên bang Nga,LB Nga,Nga,Hoa Kỳ,Mỹ,Vương quốc Anh,Anh,Pháp,Đức,Trung Quốc,Nhật Bản,Hàn Quốc,Triều Tiên,Ấn Độ,Pakistan,Iran,Israel,Ukraine,Belarus,Thổ Nhĩ Kỳ,Việt Nam,Liên hợp quốc,LHQ,NATO,EU,Liên minh châu Âu,Điện Kremlin,Nhà Trắng,Lầu Năm Góc,Bộ Ngoại giao,Bộ Quốc phòng,Ngoại giao,Quốc phòng,An ninh Quốc gia,Quốc gia,Thường trực,của',
);
const TREATY_CUES = words('Hiệp ước,Hiệp định,Công ước,Nghị định thư,Thỏa thuận');
/**
 * Lower-case words that end a treaty's name: what follows is the sentence, not the name.
 * Compared with their marks: "khi" (when) ends a name, "khí" (in "vũ khí") does not.
 */
const TREATY_STOPS = new Set(
  'và,với,của,là,đã,sẽ,được,bị,vẫn,đang,cũng,mà,thì,khi,vào,năm,ngày,tháng,ký,tại,ở,từ,giữa,này,đó,ấy,nhằm,để,cho,sau,trước,nhưng,hay,hoặc,có,không,nay'.split(
    ',',
  ),
);
const marked = (t: Token) => t.text.normalize('NFC').toLowerCase();
/** Abbreviations in capitals that are not names (TP. Hồ Chí Minh, GS., TS.). */
const NOT_ACRONYMS = new Set(['TP', 'GS', 'PGS', 'TS', 'BS', 'ThS']);
const MAX_NAME_WORDS = 5;
const MAX_TREATY_WORDS = 10;

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], folded: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

const capitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
const isAcronym = (t: Token) =>
  /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/u.test(t.text) &&
  (t.text.match(/[A-Z]/gu)?.length ?? 0) >= 2 &&
  t.text.length <= 10 &&
  !/^[IVXLCDM]+$/u.test(t.text) &&
  !NOT_ACRONYMS.has(t.text);

/** Whether tokens a and b (b right after a) are separated by spaces only. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \u00a0]+$/u.test(text.slice(a.end, b.start));
}

/** The length, in tokens, of the longest phrase of `phrases` starting at token i, or 0. */
function phraseAt(text: string, tokens: Token[], i: number, phrases: string[][]): number {
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best || i + phrase.length > tokens.length) continue;
    const fits = phrase.every((w, k) => tokens[i + k]!.folded === w && (k === 0 || joined(text, tokens[i + k - 1]!, tokens[i + k]!)));
    if (fits) best = phrase.length;
  }
  return best;
}

const overlaps = (spans: readonly Span[], start: number, end: number) => spans.some((s) => s.start < end && start < s.end);

interface Found {
  kind: CandidateKind;
  text: string;
  cue?: string;
  start: number;
  end: number;
}

/** The candidates in one passage's text, `known` being the spans the dataset's names cover. */
export function candidatesIn(text: string, known: readonly Span[]): Found[] {
  const tokens = tokenize(text);
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const treatyCue = phraseAt(text, tokens, i, TREATY_CUES);
    if (treatyCue > 0) {
      const treaty = treatyAt(text, tokens, i, treatyCue);
      if (treaty && !overlaps(known, tokens[i + treatyCue]!.start, treaty.end)) found.push(treaty);
      continue;
    }
    const personCue = phraseAt(text, tokens, i, PERSON_CUES);
    if (personCue === 0) continue;
    let j = i + personCue;
    const follows = (k: number) => k < tokens.length && joined(text, tokens[k - 1]!, tokens[k]!);
    while (follows(j)) {
      const q = phraseAt(text, tokens, j, QUALIFIERS);
      if (q === 0) break;
      j += q;
    }
    const first = j;
    while (j < tokens.length && j - first < MAX_NAME_WORDS && follows(j) && capitalised(tokens[j]!)) j++;
    if (j === first) continue;
    const start = tokens[first]!.start;
    const end = tokens[j - 1]!.end;
    if (!overlaps(known, start, end)) {
      found.push({
        kind: 'person',
        text: text.slice(start, end),
        cue: text.slice(tokens[i]!.start, tokens[i + personCue - 1]!.end),
        start,
        end,
      });
    }
    i = j - 1;
  }
  for (const t of tokens) {
    if (isAcronym(t) && !overlaps(known, t.start, t.end) && !overlaps(found, t.start, t.end)) {
      found.push({ kind: 'acronym', text: t.text, start: t.start, end: t.end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A treaty's name after its cue (tokens i .. i + cue - 1), with "(ACRONYM)" after it. */
function treatyAt(text: string, tokens: Token[], i: number, cue: number): Found | null {
  const first = i + cue;
  const head = tokens[first];
  if (!head || !joined(text, tokens[first - 1]!, head) || !capitalised(head)) return null;
  let j = first + 1;
  while (
    j < tokens.length &&
    j - first < MAX_TREATY_WORDS &&
    joined(text, tokens[j - 1]!, tokens[j]!) &&
    (capitalised(tokens[j]!) || !TREATY_STOPS.has(marked(tokens[j]!)))
  )
    j++;
  let end = tokens[j - 1]!.end;
  const acronym = tokens[j];
  if (acronym && isAcronym(acronym) && /^[ \u00a0]*\($/u.test(text.slice(end, acronym.start)) && text[acronym.end] === ')') {
    end = acronym.end + 1;
  }
  return { kind: 'treaty', text: text.slice(tokens[i]!.start, end), start: tokens[i]!.start, end };
}

/** Candidates over an article's passages, each name once (compared folded) with every passage it is in. */
export function findCandidates(
  passages: readonly Pick<ArticlePassage, 'id' | 'text'>[],
  known: ReadonlyMap<string, readonly Span[]>,
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const passage of passages) {
    for (const f of candidatesIn(passage.text, known.get(passage.id) ?? [])) {
      const key = `${f.kind}:${fold(f.text)}`;
      const candidate = byKey.get(key);
      if (!candidate) byKey.set(key, { kind: f.kind, text: f.text, ...(f.cue ? { cue: f.cue } : {}), passages: [passage.id] });
      else if (!candidate.passages.includes(passage.id)) candidate.passages.push(passage.id);
    }
  }
  return [...byKey.values()];
}
