import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type Axe from 'axe-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 levels A and AA, which the product promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BLOCKING: ImpactValue[] = ['serious', 'critical'];

let axeSource: string | null = null;
const loadAxeSource = () =>
  (axeSource ??= readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  ));

export interface AxeOptions {
  /** Rule tags to run; WCAG 2.0/2.1 A and AA when left out. */
  tags?: string[];
  /** Limits the scan to this CSS selector (the whole document otherwise). */
  include?: string;
}

/** Injects axe-core into the page once and runs it; returns the violations it found. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<Result[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.addScriptTag({ content: loadAxeSource() });

  const results = await page.evaluate(
    ({ tags, include }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      return axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
    },
    { tags: options.tags ?? WCAG_TAGS, include: options.include },
  );
  return (results as AxeResults).violations;
}

/** The violations a page must not have: impact serious or critical. */
export function blockingViolations(violations: Result[]): Result[] {
  return violations.filter((violation) => BLOCKING.includes(violation.impact ?? 'minor'));
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Renders violations for a failing test: rule, impact, help, and each node's target. */
export function formatViolations(label: string, violations: Result[]): string {
  const lines = [`${label}: ${violations.length} violation(s)`];
  for (const violation of violations) {
    lines.push(`  [${violation.impact}] ${violation.id}: ${violation.help}`);
    lines.push(`    ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 5)) {
      lines.push(`    - ${node.target.join(' ')}`);
      lines.push(`      ${clip(node.html.replace(/\s+/g, ' '))}`);
      const why = node.failureSummary?.split('\n').slice(1).join('; ').trim();
      if (why) lines.push(`      ${clip(why, 240)}`);
    }
    if (violation.nodes.length > 5) lines.push(`    … and ${violation.nodes.length - 5} more`);
  }
  return lines.join('\n');
}
