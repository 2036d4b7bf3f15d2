/** The HTML coverage report and SoA in a real browser: self-contained, no console errors, no network, working search, printing to PDF. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { repoRoot } from '../helpers/paths';
import { runCli } from '../helpers/run';

const outputDir = join(repoRoot, 'test-output', 'browser');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Opens a report file in a new page, collecting console errors and any request for something other than the file. */
async function openWatched(file: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => request.url() !== pathToFileURL(file).href && requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, problems, requests };
}

describe('clausewise coverage --format html', () => {
  it.each([
    ['samples', 'coverage-samples'],
    ['samples/with-problems', 'coverage-with-problems'],
  ])('%s: opens with no console errors and no network requests, filters, and is saved as a screenshot', async (folder, name) => {
    const file = join(outputDir, `${name}.html`);
    const result = runCli(['coverage', folder, '--format', 'html', '--output', file, '--today', '2026-12-01']);
    expect(result.stderr).toBe('');
    const { page, problems, requests } = await openWatched(file);
    await page.waitForSelector('#soa tbody tr');
    expect(await page.locator('#soa tbody tr').count()).toBe(114);
    expect(await page.locator('#shown').textContent()).toBe('114');
    await page.fill('#search', 'backup');
    const shown = Number(await page.locator('#shown').textContent());
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(114);
    await page.fill('#search', '');
    await page.selectOption('#state', folder === 'samples' ? 'excluded' : 'partial');
    expect(await page.locator('#shown').textContent()).toBe(folder === 'samples' ? '1' : '2');
    await page.selectOption('#state', '');
    await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: false });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('blocks anything remote: the content security policy allows no outside resource', async () => {
    const file = join(outputDir, 'csp-check.html');
    const html = runCli(['coverage', 'samples', '--format', 'html', '--today', '2026-12-01']).stdout.replace('</body>', '<img src="http://127.0.0.1:9/x.png"><script>fetch("http://127.0.0.1:9/")</script></body>');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => message.type() === 'error' && blocked.push(message.text()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#soa');
    expect(blocked.join('\n')).toMatch(/Content Security Policy/);
    await page.close();
  });
});

describe('clausewise coverage --format soa-html', () => {
  it('opens with no errors or requests and prints to A4 landscape pages without splitting a row', async () => {
    const file = join(outputDir, 'soa-samples.html');
    const result = runCli(['coverage', 'samples', '--format', 'soa-html', '--output', file, '--today', '2026-12-01']);
    expect(result.code, result.stderr).toBe(0);
    const { page, problems, requests } = await openWatched(file);
    expect(await page.locator('#soa tbody tr:not(.category)').count()).toBe(114);
    await page.screenshot({ path: join(outputDir, 'soa-samples.png') });
    await page.emulateMedia({ media: 'print' });
    // Evaluated in the page (the test's TypeScript has no DOM types): a row is never split across pages.
    const style = (selector: string, property: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);
    expect(await style('#soa tbody tr', 'breakInside')).toBe('avoid');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(outputDir, 'soa-samples.pdf'), pdf);
    const text = pdf.toString('latin1');
    // A4 landscape is 842 × 595 points; the 114 rows need several pages.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    expect(boxes.every(([width, height]) => width === 842 && height === 595)).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
