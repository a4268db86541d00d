// The questionnaire at the sizes a security lead works at (#18): at 1024×700 a question is on
// screen without scrolling (its text and its answer controls), at 1440×900 too; screenshots of
// both, for docs/screenshots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshot, startServe } from './harness';

for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
  test(`at ${width}×${height} the questionnaire shows a question and its answers above the fold`, async () => {
    const served = await startServe({ demo: true });
    const { page, problems } = await openApp(served);
    await page.setViewportSize({ width, height });
    await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres', exact: true }).click();
    await page.getByRole('heading', { name: 'Tidewater Postgres', level: 1 }).waitFor();
    const firstRadio = page.getByRole('radio').first();
    await firstRadio.waitFor();
    await screenshot(page, `questionnaire-${width}x${height}`);
    const box = await firstRadio.boundingBox();
    assert.ok(box && box.y + box.height <= height, `the first answer control is above the fold (${JSON.stringify(box)})`);
    const horizontal = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(horizontal, 0, 'the page does not scroll sideways');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  });
}
