/**
 * Opens the report in a real browser (Debian's headless Chromium, installed by .ci/run) and checks
 * what a manager would see: no console errors, every chart drawn with a size, the hostile id as text.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.ts';
import { HOSTILE_ID, sampleReportInput } from '../fixtures/report-input.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const suite = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.log(`skipped "report in a browser": ${CHROMIUM} is absent (apt-get install chromium)`);

suite('report in a browser', () => {
  it('renders every chart without console errors and shows the hostile id as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderHtmlReport(sampleReportInput()));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(pathToFileURL(file).href);

      const sizes = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(sizes).toHaveLength(5);
      for (const [w, h] of sizes) {
        expect(w).toBeGreaterThan(100);
        expect(h).toBeGreaterThan(50);
      }
      const marks = await page.$$eval('figure.chart svg path, figure.chart svg rect', (els) => els.length);
      expect(marks).toBeGreaterThan(20);
      expect(await page.locator('body').innerText()).toContain(HOSTILE_ID);
      expect(await page.$$('body script')).toHaveLength(0);
      expect(errors).toEqual([]);

      const shots = join(REPO_ROOT, 'runs', 'test-artifacts');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
