/** The one message router: it answers what it has a handler for, through sendResponse, and never throws. */
import { describe, expect, it, vi } from 'vitest';
import { router, type Handlers } from '../../../lib/messages';

type Test = {
  echo: { request: { value: number }; response: number };
  maybe: { request: { answer: boolean }; response: string };
  fails: { request: object; response: string };
  throws: { request: object; response: string };
};

const handlers: Handlers<Test, string> = {
  echo: ({ value }, sender) => Promise.resolve(sender === 'tab' ? value * 2 : value),
  maybe: ({ answer }) => (answer ? 'yes' : undefined),
  fails: () => Promise.reject(new Error('no card')),
  throws: () => {
    throw new Error('broken');
  },
};

/** Sends one message; resolves with [what the listener returned, what it answered]. */
function send(message: unknown, sender = 'tab') {
  const report = vi.fn();
  const listen = router<Test, string>(handlers, report);
  return new Promise<{ returned: unknown; answer: unknown; reported: string[] }>((done) => {
    let returned: unknown;
    const respond = (answer?: unknown) => done({ returned, answer, reported: report.mock.calls.map((c) => String(c[0])) });
    returned = listen(message, sender, respond);
    // Not answered at all: nothing will call sendResponse.
    if (returned === undefined) done({ returned, answer: 'not answered', reported: report.mock.calls.map((c) => String(c[0])) });
    // A listener that promised an answer and never gave one: said so, not left to the test's timeout.
    else
      setTimeout(() => done({ returned, answer: 'promised, never answered', reported: report.mock.calls.map((c) => String(c[0])) }), 500);
  });
}

describe('router', () => {
  it('answers through sendResponse and returns true, with the sender passed on', async () => {
    expect(await send({ type: 'echo', value: 21 })).toEqual({ returned: true, answer: 42, reported: [] });
    expect(await send({ type: 'echo', value: 21 }, 'popup')).toEqual({ returned: true, answer: 21, reported: [] });
  });

  it('leaves unanswered what it has no handler for, what is not a message, and what a handler declines', async () => {
    for (const message of [{ type: 'unknown' }, { type: 'toString' }, null, 'echo', { type: 7 }, { type: 'maybe', answer: false }]) {
      expect(await send(message)).toEqual({ returned: undefined, answer: 'not answered', reported: [] });
    }
    expect(await send({ type: 'maybe', answer: true })).toEqual({ returned: true, answer: 'yes', reported: [] });
  });

  it('reports a handler that fails or throws, answers undefined to a failure, and never throws', async () => {
    expect(await send({ type: 'fails' })).toEqual({ returned: true, answer: undefined, reported: ['message fails'] });
    expect(await send({ type: 'throws' })).toEqual({ returned: undefined, answer: 'not answered', reported: ['message throws'] });
  });
});
