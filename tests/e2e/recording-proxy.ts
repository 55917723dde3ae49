/**
 * An HTTP proxy that writes down every request a browser makes through it, from any page,
 * worker or extension context, and passes on only those to the test's own page server; any
 * other destination (and every HTTPS tunnel) is refused. Browsers are launched with it as
 * their proxy for loopback too, so nothing reaches the network unseen.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  /** "127.0.0.1:PORT", for the browser's proxy setting. */
  address: string;
  /** Every request seen: "GET http://127.0.0.1:8080/demo.html", "CONNECT example.com:443". */
  readonly seen: string[];
  /**
   * Resolves once `quietMs` have passed with no request at all; throws if the browser is
   * still asking for things after `timeoutMs`, naming the last request.
   */
  quiet(quietMs: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function recordingProxy(upstream: string): Promise<RecordingProxy> {
  const allowed = new URL(upstream).host;
  const seen: string[] = [];
  let lastAt = Date.now();
  const record = (line: string) => {
    seen.push(line);
    lastAt = Date.now();
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    record(`${req.method} ${url}`);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.host !== allowed) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const forward = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connect', (req, socket) => {
    record(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Refused\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    seen,
    quiet: async (quietMs, timeoutMs) => {
      const until = Date.now() + timeoutMs;
      // Quiet from now on, not only since the last request: a late request is what this waits for.
      const from = Date.now();
      for (;;) {
        const left = Math.max(lastAt, from) + quietMs - Date.now();
        if (left <= 0) return;
        if (Date.now() + left > until)
          throw new Error(`the proxy never went ${quietMs} ms without a request in ${timeoutMs} ms; the last: ${seen.at(-1)}`);
        await new Promise((done) => setTimeout(done, left));
      }
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
