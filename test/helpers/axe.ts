// axe-core in a Playwright page: injected from the installed package (nothing fetched, so it also
// runs in pages that block every request), run with its default rules (WCAG 2.x A and AA, best
// practices), every finding printed, so a failing assertion on the grave ones comes with all of them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  /** The rule, e.g. color-contrast, label-content-name-mismatch, link-in-text-block. */
  id: string;
  impact: string | null;
  help: string;
  /** The first few offending elements: their selector, and what axe says about each. */
  nodes: { target: string; summary: string }[];
}

let axeSource: string | undefined;

/** Every axe-core violation on the page as it is now, printed under `label` when there is any. */
export async function axeFindings(page: Page, label = page.url()): Promise<AxeFinding[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Injected once per document: the app is one page, so a hash change keeps it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const findings = await page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResults {
      violations: { id: string; impact?: string | null; help: string; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  });
  if (findings.length > 0) console.log(`axe findings on ${label}:`, JSON.stringify(findings, null, 2));
  return findings;
}

/** Only the serious and critical findings (all of them are printed). */
export async function graveAxeViolations(page: Page, label?: string): Promise<AxeFinding[]> {
  return (await axeFindings(page, label)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
