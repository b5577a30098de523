import { jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import request from 'supertest';
import { bearer, createCurator, registerBuyer, registerVendor, TEST_PASSWORD, type TestSession } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { eligiblePair, proposeIntroduction, type Pair } from '../support/introductions.js';

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** WCAG relative luminance of an `rgb(…)`/`rgba(…)` colour. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const parseColour = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseColour(a)), luminance(parseColour(b))].sort((x, y) => y - x);
  return (la + 0.05) / (lb + 0.05);
}

/*
 * The two probes below run inside the page; they are kept as source text because this project's
 * TypeScript has no DOM types (server code must not see `document`).
 */

interface FocusRing {
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  behind: string;
}

/** What the keyboard focus shows on the focused element: its outline, and the colour behind it. */
const FOCUS_RING = `(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let behind = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { behind = bg; break; }
  }
  return { focusVisible: el.matches(':focus-visible'), outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth), outlineColor: style.outlineColor, behind };
})()`;

/** Null when the page fits the window; else how wide it is and its widest element, to say where to look. */
const OVERFLOW = `(() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  let widest = '';
  let right = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect().right;
    if (r > right) { right = r; widest = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : ''); }
  }
  return location.pathname + ': scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width + ' (widest: ' + widest + ' to ' + Math.round(right) + ' px)';
})()`;

/** A function of the element, from source text (Playwright sends functions to the page as their source). */
const onElement = <T>(body: string) => new Function('el', body) as (el: unknown) => T;

const focusRing = (page: Page): Promise<FocusRing> => page.evaluate<FocusRing>(FOCUS_RING);
const overflow = (page: Page): Promise<string | null> => page.evaluate<string | null>(OVERFLOW);
const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate(onElement<boolean>('return el === document.activeElement;'));
const display = (locator: Locator): Promise<string> => locator.evaluate(onElement<string>('return getComputedStyle(el).display;'));
const labelBefore = (locator: Locator): Promise<string> =>
  locator.evaluate(onElement<string>("return getComputedStyle(el, '::before').content;"));

describe('browser: phones, focus and the new pages (issue 23)', () => {
  let b: BrowserTest;
  let curator: TestSession;
  let pair: Pair;
  let introductionId: string;
  let unverified: TestSession;
  /** A vendor a curator asked a question (issue 23): its dashboard shows the answer form. */
  let asked: TestSession & { organisationId: string | null };

  beforeAll(async () => {
    b = await startBrowserTest();
    curator = await createCurator(b.t);
    pair = await eligiblePair(b.t, curator, {
      vendor: { organisation: { name: 'Société Anonyme des Solutions Documentaires Intelligentes de la Côte' } },
      buyer: { organisation: { name: 'Communauté d’agglomération Sophia Antipolis (test)', buyerType: 'collectivite' } },
    });
    introductionId = (await proposeIntroduction(b.t, curator, pair)).id;
    unverified = await registerBuyer(b.t, { verify: false });
    asked = await registerVendor(b.t, { organisation: { name: 'Fournisseur Questionné' } });
    await request(b.t.server)
      .post(`/vendors/${asked.organisationId}/request-information`)
      .set(bearer(curator))
      .send({ message: 'Pouvez-vous citer une référence client ?' })
      .expect(200);
    await b.t.app.get(OutboxWorker).drain();
  });
  afterAll(() => b?.close());

  const pagesOf = (): Record<string, { who: TestSession | null; paths: string[] }> => ({
    anonymous: {
      who: null,
      paths: [
        '/app',
        '/app/catalogue',
        `/app/offres/${pair.offeringId}`,
        '/app/connexion',
        '/app/inscription',
        '/app/inscription?profil=acheteur',
        '/app/mot-de-passe-oublie',
        '/app/nouveau-mot-de-passe',
        '/app/mentions-legales',
        '/app/donnees-personnelles',
        '/app/accessibilite',
      ],
    },
    buyer: {
      who: pair.buyer,
      paths: [
        '/app/acheteur',
        '/app/acheteur/besoins/nouveau',
        `/app/acheteur/besoins/${pair.needId}`,
        '/app/mises-en-relation',
        `/app/mises-en-relation/${introductionId}`,
      ],
    },
    vendor: {
      who: pair.vendor,
      paths: [
        '/app/fournisseur',
        `/app/fournisseur/offres/${pair.offeringId}/pistes`,
        '/app/fournisseur/organisation',
        '/app/fournisseur/offres/nouvelle',
        `/app/fournisseur/offres/${pair.offeringId}`,
        `/app/mises-en-relation/${introductionId}`,
      ],
    },
    curator: {
      who: curator,
      paths: [
        '/app/curation',
        `/app/curation/besoins/${pair.needId}`,
        '/app/curation/mises-en-relation',
        '/app/curation/indicateurs',
        '/app/curation/fournisseurs',
        '/app/curation/preuves',
        `/app/curation/fournisseurs/${asked.organisationId}`,
      ],
    },
    asked: { who: asked, paths: ['/app/fournisseur'] },
    unverified: { who: unverified, paths: ['/app/acheteur', '/app/confirmer-adresse'] },
  });

  it.each([
    ['1280 px', DESKTOP],
    ['390 px', PHONE],
  ])('no page scrolls sideways at %s, for any role', async (_, viewport) => {
    const problems: string[] = [];
    let visited = 0;
    for (const [role, { who, paths }] of Object.entries(pagesOf())) {
      const page = await b.newPage();
      await page.setViewportSize(viewport);
      if (who) await signIn(page, b.baseUrl, who.email, TEST_PASSWORD);
      for (const path of paths) {
        const res = await page.goto(`${b.baseUrl}${path}`);
        expect({ path, role, status: res?.status() }).toEqual({ path, role, status: 200 });
        const problem = await overflow(page);
        if (problem) problems.push(`${role} ${problem}`);
        visited++;
      }
      if (viewport === PHONE && role === 'curator') await screenshot(page, 'telephone-curation');
      await page.context().close();
    }
    expect(visited).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('folds the signed-in header behind a Menu button under 600 px, which opens and closes by keyboard', async () => {
    const page = await b.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, b.baseUrl, curator.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/app/curation`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const signOut = page.getByRole('button', { name: 'Se déconnecter' });
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await signOut.isVisible()).toBe(false);

    // Keyboard only: Tab from the top of the page to the button, Enter to open.
    await page.locator('body').focus();
    for (let i = 0; i < 6 && !(await isFocused(menu)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(menu)).toBe(true);
    expect((await focusRing(page)).focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await signOut.isVisible()).toBe(true);
    const box = await signOut.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'telephone-menu-ouvert');

    // The next Tab goes into the menu's links; Escape closes it and gives the focus back.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>("document.activeElement.closest('#menu-principal') !== null")).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(menu)).toBe(true);
    expect(await signOut.isVisible()).toBe(false);

    // Space opens it too (a real button).
    await page.keyboard.press('Space');
    expect(await signOut.isVisible()).toBe(true);

    await page.setViewportSize(DESKTOP);
    expect(await menu.isVisible()).toBe(false);
    expect(await signOut.isVisible()).toBe(true);
  });

  it('shows match and score tables as cards on a phone, each value labelled', async () => {
    const page = await b.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, b.baseUrl, curator.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/app/curation/besoins/${pair.needId}`);
    const row = page.locator('table.criteria tbody tr').first();
    expect(await display(row)).toBe('block');
    const cell = page.locator('table.criteria td[data-label="Points"]').first();
    expect(await labelBefore(cell)).toContain('Points');
    await page.locator('#correspondances').scrollIntoViewIfNeeded();
    await screenshot(page, 'telephone-correspondances');

    await page.setViewportSize(DESKTOP);
    expect(await display(row)).toBe('table-row');
  });

  it('draws a keyboard focus ring of at least 3:1 on a button and on a checkbox', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/app/inscription?profil=acheteur`);
    const measured: { what: string; ratio: number }[] = [];
    for (const [what, before, target] of [
      ['checkbox', '#f-organisation-website', '#f-acceptTerms'],
      ['button', '#f-acceptTerms', 'button[type="submit"]'],
    ] as const) {
      await page.locator(before).focus();
      await page.keyboard.press('Tab');
      // The consent label holds two links after the box: Tab on until the target.
      for (let i = 0; i < 4 && !(await isFocused(page.locator(target).first())); i++) {
        await page.keyboard.press('Tab');
      }
      expect({ what, focused: await isFocused(page.locator(target).first()) }).toEqual({ what, focused: true });
      const ring = await focusRing(page);
      expect({ what, focusVisible: ring.focusVisible, style: ring.outlineStyle }).toEqual({ what, focusVisible: true, style: 'solid' });
      expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
      measured.push({ what, ratio: contrast(ring.outlineColor, ring.behind) });
    }
    for (const m of measured) expect(m.ratio).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'focus-bouton');
  });

  it('finds nothing serious or critical with axe on the new pages, at both widths', async () => {
    const anonymous = await b.newPage();
    const signedIn = await b.newPage();
    await signIn(signedIn, b.baseUrl, unverified.email, TEST_PASSWORD);
    const problems: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      await anonymous.setViewportSize(viewport);
      await signedIn.setViewportSize(viewport);
      for (const path of [
        '/app/mot-de-passe-oublie',
        `/app/nouveau-mot-de-passe?jeton=${'x'.repeat(43)}`,
        '/app/nouveau-mot-de-passe',
        '/app/verifier-email?jeton=inconnu',
        '/app/mentions-legales',
        '/app/donnees-personnelles',
        '/app/accessibilite',
      ]) {
        await anonymous.goto(`${b.baseUrl}${path}`);
        problems.push(...(await seriousA11yViolations(anonymous)));
      }
      await signedIn.goto(`${b.baseUrl}/app/confirmer-adresse`);
      problems.push(...(await seriousA11yViolations(signedIn)));
      await signedIn.goto(`${b.baseUrl}/app/acheteur`);
      problems.push(...(await seriousA11yViolations(signedIn)));
    }
    // The forgotten-password form, refused then sent.
    await anonymous.setViewportSize(PHONE);
    await anonymous.goto(`${b.baseUrl}/app/mot-de-passe-oublie`);
    await anonymous.getByRole('button', { name: 'Recevoir le lien' }).click();
    await anonymous.getByRole('alert').waitFor();
    expect(await anonymous.getByRole('alert').textContent()).toContain('Ce champ est obligatoire.');
    problems.push(...(await seriousA11yViolations(anonymous)));
    await anonymous.getByLabel('Adresse e-mail').fill(unverified.email);
    await anonymous.getByRole('button', { name: 'Recevoir le lien' }).click();
    await anonymous.getByText('un e-mail vient de lui être envoyé').waitFor();
    problems.push(...(await seriousA11yViolations(anonymous)));
    await screenshot(anonymous, 'mot-de-passe-oublie');
    expect(problems).toEqual([]);
  });
});
