/**
 * Which source modules each built file holds: a build plugin (wxt.config.ts) writes them beside
 * the build, never into it (.output/chrome-mv3.modules.json next to .output/chrome-mv3, so
 * neither store zip carries it), and `builtModules` reads them back for a shipped file, checked
 * against that file's bytes so that a list from an older build is never taken for this one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface BuiltModule {
  /** "content/scanner/scanner.ts", "node_modules/preact/dist/preact.mjs", "components/card.css?inline". */
  id: string;
  /** Bytes of the module in the file, after tree shaking (0: imported, nothing kept; or a style sheet's CSS). */
  renderedLength: number;
}

export interface BuiltFile {
  sha256: string;
  modules: BuiltModule[];
  /** The style sheets this chunk imports ("assets/popup-….css"); none for a style sheet. */
  css: string[];
}

/** File name in the build ("gate.js") → what it holds. */
export type ModuleReport = Record<string, BuiltFile>;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Where the report of the build in `outDir` is written: beside it. */
export const reportPath = (outDir: string) => `${resolve(outDir)}.modules.json`;

/** A module id as a path from the project root (its query kept: "?inline" CSS is in the script); packages from their node_modules folder on. */
function sourceId(id: string, root: string): string {
  const path = id
    .replace(/\\/g, '/')
    .replace(/^\0/, '')
    .replaceAll(`${root.replace(/\\/g, '/')}/`, '');
  const inPackage = path.lastIndexOf('node_modules/');
  return inPackage >= 0 ? path.slice(inPackage) : path;
}

/**
 * The build plugin. WXT runs one build per group of entrypoints, one after another, into the
 * same folder: each adds its files to the report and drops the files that are no longer
 * there or have changed since.
 */
export function moduleReport(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'boi-canh:module-report',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const file = reportPath(outDir);
      const report: ModuleReport = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ModuleReport) : {};
      for (const [name, entry] of Object.entries(report)) {
        const built = join(outDir, name);
        if (!existsSync(built) || sha256(readFileSync(built)) !== entry.sha256) delete report[name];
      }
      type Chunk = Extract<(typeof bundle)[string], { type: 'chunk' }>;
      const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
      const cssOf = (chunk: Chunk) => [...((chunk as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss ?? [])];
      const modulesOf = (chunk: Chunk) =>
        chunk.moduleIds.map((id) => ({ id: sourceId(id, root), renderedLength: chunk.modules[id]?.renderedLength ?? 0 }));
      for (const chunk of chunks) {
        report[chunk.fileName] = {
          sha256: sha256(readFileSync(join(outDir, chunk.fileName))),
          modules: modulesOf(chunk),
          css: cssOf(chunk),
        };
      }
      // A style sheet holds the CSS modules of the chunks that import it; a content script's
      // sheet (WXT emits it beside the script, imported by no chunk) those of its build's chunks.
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const importers = chunks.filter((c) => cssOf(c).includes(asset.fileName));
        const modules = (importers.length > 0 ? importers : chunks).flatMap(modulesOf).filter((m) => /\.css$/.test(m.id));
        report[asset.fileName] = { sha256: sha256(readFileSync(join(outDir, asset.fileName))), modules, css: [] };
      }
      writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
    },
  };
}

/** The source modules of `file` in the build in `outDir`; throws if the report is missing or older than the file. */
export function builtModules(outDir: string, file: string): BuiltFile {
  const path = reportPath(outDir);
  if (!existsSync(path)) throw new Error(`No module report at ${path}: build with the plugin of wxt.config.ts (npm run build).`);
  const entry = (JSON.parse(readFileSync(path, 'utf8')) as ModuleReport)[file];
  if (!entry) throw new Error(`${path} does not list ${file}`);
  if (sha256(readFileSync(join(outDir, file))) !== entry.sha256) throw new Error(`${path} describes another build of ${file}: rebuild`);
  return entry;
}
