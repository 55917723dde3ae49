/**
 * What a card shows for an entity, computed from the compiled dataset: its facts with their
 * sources, the role it held on a given day, the status of a treaty today, related entities.
 * Used by the popover (through the background) and by the popup.
 */
import type { CardData, EntityKind, Role } from './artifacts';
import { heldOn } from './dates';

export interface FactView {
  passageId: string;
  /** The passage, quoted exactly. */
  text: string;
  source: { articleId: string; title: string | null; date: string | null; file: string };
}

export interface RoleView {
  title: string;
  from: string;
  to?: string;
  /** The day it was held on: the article's date, or today; null for a past role. */
  heldOn: string | null;
  /** True when `heldOn` is the article's date rather than today. */
  fromArticle: boolean;
}

export interface CardView {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn: string;
  description: string;
  role: RoleView | null;
  /** For entities with an end date: whether it has passed today. */
  status: { endsOn: string; ended: boolean } | null;
  aliases: string[];
  facts: FactView[];
  related: Array<{ id: string; name: string; kind: EntityKind }>;
}

export interface CardViewOptions {
  /** YYYY-MM-DD */
  today: string;
  /** The article's date, when the card opens from a dated page. */
  asOf?: string | null;
}

/** The role held on `day`; an end date is exclusive (the successor holds it that day). */
function roleOn(roles: Role[], day: string): Role | null {
  return roles.find((r) => heldOn(r.from, r.to, day)) ?? null;
}

export function cardView(data: CardData, entityId: string, options: CardViewOptions): CardView | null {
  const card = data.cards[entityId];
  if (!card) return null;
  const asOf = options.asOf ?? null;
  let role: RoleView | null = null;
  const onArticleDay = asOf ? roleOn(card.roles, asOf) : null;
  const today = roleOn(card.roles, options.today);
  if (onArticleDay) role = { ...onArticleDay, heldOn: asOf, fromArticle: true };
  else if (today) role = { ...today, heldOn: options.today, fromArticle: false };
  else if (card.roles.length > 0) {
    const latest = [...card.roles].sort((a, b) => b.from.localeCompare(a.from))[0]!;
    role = { ...latest, heldOn: null, fromArticle: false };
  }
  const facts: FactView[] = card.facts.flatMap((passageId) => {
    const passage = data.passages[passageId];
    const article = passage && data.articles[passage.articleId];
    if (!passage || !article) return [];
    return [
      { passageId, text: passage.text, source: { articleId: article.id, title: article.title, date: article.date, file: article.source } },
    ];
  });
  return {
    id: card.id,
    kind: card.kind,
    name: card.name,
    nameEn: card.nameEn,
    description: card.description,
    role,
    status: card.endsOn ? { endsOn: card.endsOn.date, ended: card.endsOn.date < options.today } : null,
    aliases: card.aliases,
    facts,
    related: card.related.flatMap((id) => {
      const other = data.cards[id] ?? data.names?.[id];
      return other ? [{ id, name: other.name, kind: other.kind }] : [];
    }),
  };
}
