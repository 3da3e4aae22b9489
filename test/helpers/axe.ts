import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type Axe from 'axe-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

import { emulateColorScheme } from './browser.js';

/** The WCAG 2.0 and 2.1 levels A and AA, which the product promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Also run: axe's best practices, which hold the page structure (headings, landmarks). */
export const AUDIT_TAGS = [...WCAG_TAGS, 'best-practice'];

const BLOCKING: ImpactValue[] = ['serious', 'critical'];

/** Structure rules a page must pass whatever their impact: one h1, one main, all in landmarks. */
const STRUCTURE_RULES = ['page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'region'];

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

/** The violations a page must not have: impact serious or critical, or a structure rule. */
export function blockingViolations(violations: Result[]): Result[] {
  return violations.filter(
    (violation) =>
      BLOCKING.includes(violation.impact ?? 'minor') || STRUCTURE_RULES.includes(violation.id),
  );
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

const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/**
 * Runs axe on the page in the light and the dark theme and returns the serious and critical
 * findings, formatted; a dark theme that changes nothing is a finding too. Leaves it light.
 */
export async function auditBothThemes(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  const backgrounds: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateColorScheme(page, colorScheme);
    backgrounds.push(await pageBackground(page));
    const blocking = blockingViolations(await runAxe(page, { tags: AUDIT_TAGS }));
    if (blocking.length > 0) found.push(formatViolations(`${label} (${colorScheme})`, blocking));
  }
  if (backgrounds[0] === backgrounds[1]) found.push(`${label}: the dark theme did not apply`);
  await emulateColorScheme(page, 'light');
  return found;
}

/** Fails once with every finding collected, so one run lists all there is to fix. */
export function expectNoFindings(findings: string[]): void {
  if (findings.length > 0) throw new Error(`axe-core found:\n\n${findings.join('\n\n')}`);
}
