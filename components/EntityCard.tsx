/** An entity's card: name, kind, role, status, description, and its facts quoted with their sources. */
import type { CardView, FactView, RoleView } from '../lib/card-view';
import { formatDateVi } from '../lib/dates';
import { KIND_LABELS, T } from './strings';

interface Props {
  view: CardView;
  /** How many facts to show; the rest are counted. */
  maxFacts?: number;
  /** id of the heading, for the dialog's accessible name. */
  headingId?: string;
  headingLevel?: 2 | 3;
}

function roleLine(role: RoleView): string {
  const span = role.to ? `${formatDateVi(role.from)}–${formatDateVi(role.to)}` : T.roleSince(formatDateVi(role.from));
  if (role.fromArticle && role.heldOn) return `${role.title} (${T.roleOn(formatDateVi(role.heldOn))})`;
  return `${role.title} (${span})`;
}

export function FactSource({ source }: { source: FactView['source'] }) {
  return (
    <cite class="bc-source" title={source.file}>
      {T.quoteFrom} {source.title ? `“${source.title}”` : T.untitled} · {source.date ? formatDateVi(source.date) : T.noDate}
    </cite>
  );
}

export function EntityCard({ view, maxFacts, headingId, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const facts = maxFacts === undefined ? view.facts : view.facts.slice(0, maxFacts);
  const hidden = view.facts.length - facts.length;
  return (
    <div class="bc-card" data-kind={view.kind}>
      <p class="bc-kind">
        <span class="bc-kind-icon" aria-hidden="true" />
        {KIND_LABELS[view.kind]}
      </p>
      <Heading class="bc-name" id={headingId}>
        {view.name}
      </Heading>
      {view.nameEn !== view.name && (
        <p class="bc-name-en" lang="en">
          {view.nameEn}
        </p>
      )}
      {view.role && <p class="bc-role">{roleLine(view.role)}</p>}
      {view.status && (
        <p class={view.status.ended ? 'bc-status bc-ended' : 'bc-status'}>
          {view.status.ended ? T.expiredOn(formatDateVi(view.status.endsOn)) : T.inForceUntil(formatDateVi(view.status.endsOn))}
        </p>
      )}
      <p class="bc-description">{view.description}</p>
      <ul class="bc-facts" aria-label={T.facts}>
        {facts.map((fact) => (
          <li key={fact.passageId} class="bc-fact">
            <blockquote class="bc-quote">“{fact.text}”</blockquote>
            <FactSource source={fact.source} />
          </li>
        ))}
      </ul>
      {hidden > 0 && <p class="bc-more-count">{T.moreFacts(hidden)}</p>}
    </div>
  );
}
