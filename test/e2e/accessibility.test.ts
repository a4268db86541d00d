// Every page of the app scanned with axe-core, against `vetted serve --demo` in Chromium, in the
// light and in the dark colour scheme: the register (also with rows selected and the Add provider
// dialog open), each tab of a provider (with the questionnaire's Create finding and shortcuts
// dialogs, New finding and Accept risk, Add window and Add incident), Compare, the maintenance
// calendar (week and month), Templates (with a preview) and Settings. Every finding is printed; a
// serious or critical one fails the page's test (the rule, the elements and why are in the
// assertion message). Needs `npm run build:renderer` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { graveAxeViolations, type AxeFinding } from '../helpers/axe';
import { callApi, launchBrowser, openApp, screenshot, startServe, type OpenedPage } from './harness';

// Started at the top level: the harness stops both in after() hooks of the file's root (from a
// before() hook, they would be stopped as soon as that hook ends).
const served = await startServe({ demo: true });
await launchBrowser();
const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
const idOf = (name: string): string => {
  const vendor = vendors.find((v) => v.name === name);
  assert.ok(vendor, `${name} is in the demo register`);
  return vendor.id;
};

// A decided review: the questionnaire reads differently (frozen, with its banner). The demo's are all drafts.
const decided = await callApi<{ review: { id: string } }>(served, 'review.current', { vendorId: idOf('StatusHarbor') });
for (const to of ['in_review', 'approved']) await callApi(served, 'review.transition', { reviewId: decided.review.id, to, by: 'Setup Script' });

/** Every text the app shows while it fetches ("Loading findings…", "Loading the audit trail…"). */
const LOADING = /^Loading\b.*…$/;

/** The loading texts in view (run in the page: self-contained). */
function loadingTexts(source: string): string[] {
  const loading = new RegExp(source);
  return Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.childElementCount === 0 && el.checkVisibility() && loading.test((el.textContent ?? '').trim()))
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent}`);
}

/** Tracks the page's API calls in flight (those it saw start), and says when there is none. */
function trackApiCalls(page: Page): { idle(): Promise<void> } {
  const inFlight = new Set<Request>();
  let waiting: (() => void)[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) inFlight.add(request);
  });
  const finished = (request: Request) => {
    if (!inFlight.delete(request) || inFlight.size > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return { idle: () => (inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}

/**
 * Waits until what the last navigation or click asked for is on screen: no "Loading …" text in
 * view, no API call in flight, and two frames painted (axe reads the colours the user would see).
 * Twice: an answer may start the next call.
 */
async function settled(page: Page, api: { idle(): Promise<void> }): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const deadline = Date.now() + 15_000;
    for (let texts = await page.evaluate(loadingTexts, LOADING.source); texts.length > 0; texts = await page.evaluate(loadingTexts, LOADING.source)) {
      if (Date.now() > deadline) throw new Error(`still loading after 15 s: ${texts.join('; ')}`);
      await page.waitForTimeout(50);
    }
    await api.idle();
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** A provider's tab, once its tab is the current one. */
async function providerTab(page: Page, name: string, tab: string, label: string): Promise<void> {
  await go(page, tab === 'questionnaire' ? `#/vendor/${encodeURIComponent(idOf(name))}` : `#/vendor/${encodeURIComponent(idOf(name))}/${tab}`);
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await page.locator('.tab[aria-current="page"]', { hasText: label }).waitFor();
}

/** One view worth scanning: how to get there from wherever the previous one left the page. */
interface View {
  name: string;
  open(page: Page): Promise<void>;
  /** A view that is a dialog: closed once scanned (the Add provider dialog outlives a navigation). */
  dialog?: boolean;
  /** What to scroll into view for axe and the screenshot, when it is not at the top. */
  show?: string;
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

const VIEWS: readonly View[] = [
  {
    name: 'register',
    open: async (page) => {
      await go(page, '#/');
      await h1(page, 'Providers');
      await page.getByRole('table').getByRole('link', { name: 'Gaugeworks' }).waitFor();
    },
  },
  {
    name: 'register-selected-rows',
    open: async (page) => {
      for (const name of ['Gaugeworks', 'Burrow MQ']) {
        const box = page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
        if (!(await box.isChecked())) await box.check();
      }
      await page.locator('.register-body-row.selected').nth(1).waitFor();
    },
    // In view: axe reads a colour only where it can see what lies under the text.
    show: '.register-body-row.selected',
  },
  {
    name: 'register-add-provider-dialog',
    open: async (page) => {
      await page.getByTestId('add-provider').click();
      await page.getByRole('dialog', { name: 'Add provider' }).waitFor();
    },
    dialog: true,
  },
  // Each provider tab on a provider whose demo data fills it.
  { name: 'questionnaire', open: (page) => providerTab(page, 'PagerPigeon', 'questionnaire', 'Questionnaire'), show: '[data-testid="record-note"]' },
  {
    name: 'questionnaire-finding-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Create finding…', exact: true }).first().click();
      await page.getByRole('dialog', { name: 'New finding from this answer' }).waitFor();
    },
    dialog: true,
  },
  {
    name: 'questionnaire-shortcuts-dialog',
    open: async (page) => {
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
    dialog: true,
  },
  {
    name: 'questionnaire-decided',
    open: async (page) => {
      await providerTab(page, 'StatusHarbor', 'questionnaire', 'Questionnaire');
      await page.getByRole('region', { name: 'Decided review' }).waitFor();
    },
  },
  { name: 'profile', open: (page) => providerTab(page, 'Tidewater Postgres', 'profile', 'Profile'), show: '.hint > a' },
  { name: 'findings', open: (page) => providerTab(page, 'PagerPigeon', 'findings', 'Findings') },
  {
    name: 'findings-new-finding-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'New finding', exact: true }).click();
      await page.getByRole('dialog', { name: 'New finding' }).waitFor();
    },
    dialog: true,
  },
  {
    name: 'findings-accept-risk-dialog',
    open: async (page) => {
      // Found by its visible words: whether its accessible name contains them is axe's to judge.
      await page.getByRole('table', { name: 'Findings' }).getByRole('button').filter({ hasText: 'Accept risk' }).first().click();
      await page.getByRole('dialog', { name: 'Accept risk' }).waitFor();
    },
    dialog: true,
  },
  { name: 'findings-accepted', open: (page) => providerTab(page, 'StatusHarbor', 'findings', 'Findings') },
  { name: 'evidence', open: (page) => providerTab(page, 'StatusHarbor', 'evidence', 'Evidence') },
  { name: 'evidence-expired', open: (page) => providerTab(page, 'Logjam Cloud', 'evidence', 'Evidence') },
  { name: 'maintenance', open: (page) => providerTab(page, 'Tidewater Postgres', 'maintenance', 'Maintenance'), show: 'a[href*="/vendor/"]:not([class])' },
  {
    name: 'maintenance-add-window-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Add window', exact: true }).click();
      await page.getByRole('dialog', { name: 'Add maintenance window' }).waitFor();
    },
    dialog: true,
  },
  { name: 'incidents', open: (page) => providerTab(page, 'Burrow MQ', 'incidents', 'Incidents') },
  {
    name: 'incidents-add-incident-dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Add incident', exact: true }).click();
      await page.getByRole('dialog', { name: 'Add incident' }).waitFor();
    },
    dialog: true,
  },
  { name: 'history', open: (page) => providerTab(page, 'Logjam Cloud', 'history', 'History') },
  {
    name: 'compare',
    open: async (page) => {
      const ids = ['Tidewater Postgres', 'Burrow MQ', 'PagerPigeon'].map((name) => encodeURIComponent(idOf(name)));
      await go(page, `#/compare?ids=${ids.join(',')}`);
      await h1(page, 'Compare providers');
      await page.getByTestId('compare-count').waitFor();
    },
  },
  {
    name: 'calendar-week',
    open: async (page) => {
      await go(page, '#/calendar');
      await h1(page, 'Maintenance calendar');
      await page.getByRole('radio', { name: 'Week' }).and(page.locator(':checked')).waitFor();
    },
  },
  {
    name: 'calendar-month',
    open: async (page) => {
      await go(page, '#/calendar?view=month');
      await h1(page, 'Maintenance calendar');
      await page.getByRole('radio', { name: 'Month' }).and(page.locator(':checked')).waitFor();
    },
  },
  {
    name: 'templates-preview',
    open: async (page) => {
      await go(page, '#/templates');
      await h1(page, 'Templates');
      const preview = page.getByRole('button', { name: /^Preview / }).first();
      await preview.click();
      await page.locator('button[aria-pressed="true"]', { hasText: 'Preview' }).waitFor();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await go(page, '#/settings');
      await h1(page, 'Settings');
      await page.getByRole('heading', { level: 2, name: 'Blackout periods' }).waitFor();
    },
  },
];

/** WCAG contrast ratio of two opaque rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** One line per finding, for the assertion message. */
function describeFindings(findings: readonly AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.id} (${f.help}): ${f.nodes.map((n) => `${n.target} — ${n.summary}`).join(' | ')}`).join('\n');
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`every page passes axe-core in the ${scheme} colour scheme`, () => {
    let opened: OpenedPage;
    let api: { idle(): Promise<void> };

    before(async () => {
      opened = await openApp(served, { colorScheme: scheme });
      // No transitions: axe must read the colours at rest, not halfway through a fade.
      await opened.page.emulateMedia({ reducedMotion: 'reduce' });
      api = trackApiCalls(opened.page);
    });
    after(async () => {
      await opened?.context.close();
    });

    for (const view of VIEWS) {
      it(`${view.name}: no serious or critical violation`, async () => {
        const { page } = opened;
        await view.open(page);
        await settled(page, api);
        if (view.show) await page.locator(view.show).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await screenshot(page, `a11y-${scheme}-${view.name}`);
        const grave = await graveAxeViolations(page, `${view.name} (${scheme})`);
        if (view.dialog) await closeDialog(page);
        assert.deepEqual(grave, [], `serious or critical accessibility violations on ${view.name} (${scheme}):\n${describeFindings(grave)}`);
      });
    }

    // axe stopped reporting this contrast once the register became a sideways-scrolling table: measured here.
    it('secondary text on a selected register row is at least 4.5:1', async () => {
      const { page } = opened;
      await go(page, '#/');
      const service = page.locator('.register-body-row.selected .name-service').first();
      await service.waitFor();
      const [fg, bg] = await service.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('tr')!).backgroundColor]);
      const ratio = contrast(fg!, bg!);
      assert.ok(ratio >= 4.5, `the service under a selected provider's name is ${ratio.toFixed(2)}:1 (${fg} on ${bg})`);
    });

    it('met no console error on the way', () => {
      assert.deepEqual(opened.problems, [], 'no console errors, page errors or CSP violations');
    });
  });
}
