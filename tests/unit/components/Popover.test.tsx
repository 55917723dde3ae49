// @vitest-environment happy-dom
/** The card's own parts for touch: the link a tap did not follow, offered first, and the sheet's handle. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popover, type MentionContext } from '../../../components/Popover';
import { T } from '../../../components/strings';
import type { CardView } from '../../../lib/card-view';

const view: CardView = {
  id: 'dmitry-peskov',
  kind: 'person',
  name: 'Dmitry Peskov',
  nameEn: 'Dmitry Peskov',
  description: 'Người phát ngôn của Tổng thống Nga.',
  role: null,
  status: null,
  aliases: [],
  facts: [],
  related: [],
};

function card(mention: MentionContext, sheet = false) {
  const calls: string[] = [];
  render(
    <Popover
      view={view}
      mention={mention}
      pinned={false}
      sheet={sheet}
      onClose={() => calls.push('close')}
      onPin={() => calls.push('pin')}
      onMore={() => calls.push('more')}
      onHide={() => calls.push('hide')}
      onFollowLink={() => calls.push('follow')}
    />,
  );
  return calls;
}

afterEach(cleanup);

describe('the link a tap did not follow', () => {
  it('is offered first, as a link to the same address, and taking it asks the page to follow its own link', () => {
    const calls = card({ found: 'Dmitry Peskov', meant: null, link: { href: 'https://tin.vn/tag/peskov', text: 'Dmitry Peskov' } });
    const link = screen.getByRole('link', { name: T.followLink('Dmitry Peskov') });
    expect(link.getAttribute('href')).toBe('https://tin.vn/tag/peskov');
    // Before the card's heading: the reader tapped a link.
    const heading = screen.getByRole('heading', { name: /Dmitry Peskov/ });
    expect(link.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented, 'the card’s copy never navigates by itself').toBe(true);
    expect(calls).toEqual(['follow']);
  });

  it('is a button when the page’s link is not a web address: its address is never copied into the card', () => {
    const calls = card({ found: 'Dmitry Peskov', meant: null, link: { href: null, text: 'Dmitry Peskov' } });
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: T.followLink('Dmitry Peskov') }));
    expect(calls).toEqual(['follow']);
  });

  it('is not there for a mention outside a link', () => {
    card({ found: 'Dmitry Peskov', meant: null });
    expect(screen.queryByText(T.followLink('Dmitry Peskov'), { exact: false })).toBeNull();
  });
});

describe('the sheet', () => {
  it('says it is one, shows its handle to screens only, and keeps its role and name', () => {
    card({ found: 'Dmitry Peskov', meant: null }, true);
    const dialog = screen.getByRole('dialog', { name: /Dmitry Peskov/ });
    expect(dialog.dataset.layout).toBe('sheet');
    expect(dialog.querySelector('.bc-grabber')?.getAttribute('aria-hidden')).toBe('true');
    cleanup();
    card({ found: 'Dmitry Peskov', meant: null }, false);
    expect(screen.getByRole('dialog').dataset.layout).toBe('popover');
    expect(screen.getByRole('dialog').querySelector('.bc-grabber')).toBeNull();
  });
});
