/** The Statement of Applicability's HTML in a real browser: self-contained, and printing to PDF as the README promises. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('clausewise coverage --format soa-html', () => {
  it('opens with no errors or requests and prints to A4 landscape pages without splitting a row', async () => {
    const file = join(outputDir, 'soa-samples.html');
    const result = runCli(['coverage', 'samples', '--format', 'soa-html', '--output', file, '--today', '2026-12-01']);
    expect(result.code, result.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => request.url() !== pathToFileURL(file).href && requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
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
