/**
 * Browser tests: the whole app listening on a free port, Debian's Chromium driven by
 * playwright-core (never a browser download), axe-core for accessibility, screenshots under
 * test/artifacts/ (git-ignored).
 *
 *   const b = await startBrowserTest();
 *   const page = await b.newPage();
 *   await page.goto(`${b.baseUrl}/app/catalogue`);
 *   expect(await seriousA11yViolations(page)).toEqual([]);
 *   await screenshot(page, 'catalogue');
 *   await b.close();
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface BrowserTest {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (cookies of its own), like another person on another computer. */
  newContext(): Promise<BrowserContext>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserTest(options: TestAppOptions = {}): Promise<BrowserTest> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH.`,
    );
  }
  const t = await createTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // The flags keep Chromium off the network: this machine refuses outside connections.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contexts: BrowserContext[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  };
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newContext,
    newPage: async () => (await newContext()).newPage(),
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** A full-page screenshot in test/artifacts/<name>.png, for the README and for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Signs in through the login form of this browser context. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/app/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/connexion'));
}
