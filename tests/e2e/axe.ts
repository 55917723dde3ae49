/** axe-core in a page's own world, for the end-to-end accessibility checks: the violations it finds, one line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './helpers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

export interface AxeScope {
  /** Only inside this element of an open shadow root: [host selector, selector inside]; the whole document otherwise. */
  inShadow?: [string, string];
  /** Only violations of these impacts; all of them otherwise. */
  impacts?: string[];
  /** axe's rule tags; WCAG 2.0 and 2.1, A and AA, unless said. */
  tags?: string[];
}

export async function violations(page: TestPage, scope: AxeScope = {}): Promise<string[]> {
  // Evaluated through the debugging protocol, which neither an extension page's CSP nor the page's governs.
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    async ({ inShadow, tags }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, options: object) => Promise<{ violations: Violation[] }> } }).axe;
      const context = inShadow ? { include: [{ fromShadowDom: inShadow }] } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations;
    },
    { inShadow: scope.inShadow ?? null, tags: scope.tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  );
  return found
    .filter((v) => !scope.impacts || scope.impacts.includes(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
