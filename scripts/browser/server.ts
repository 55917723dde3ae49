/** A static file server on 127.0.0.1 for test and demo pages. */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves each directory's files at /; the first directory that has a path wins. */
export async function serveStatic(...dirs: string[]): Promise<StaticServer> {
  const roots = dirs.map((d) => resolve(d));
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    for (const root of roots) {
      let file = join(root, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (file.startsWith(root) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // Browsers keep idle connections open: close them too, or closing waits until they time out.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves `files` (name → content, written to a temporary folder that closing removes) and,
 * behind them, the files of `dirs`.
 */
export async function serveGenerated(files: Record<string, string>, ...dirs: string[]): Promise<StaticServer> {
  const generated = mkdtempSync(join(tmpdir(), 'boi-canh-pages-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(generated, name), content);
  const server = await serveStatic(generated, ...dirs);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(generated, { recursive: true, force: true });
    },
  };
}
