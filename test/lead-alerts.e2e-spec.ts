import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { LeadDigestJob } from '../src/lead-alerts/lead-digest.job.js';
import { LEADS_FOR_NEED } from '../src/outbox/lead-topics.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerBuyer, type TestSession } from './support/auth.js';
import { forecastOffering, forecastScenario, publishForecastNeed, type ForecastScenario } from './support/forecast-scenario.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 18: a published need reaches the vendors it fits, through the outbox, by e-mail over a
 * real SMTP server; digests at most once per period; unsubscribe without login; one-click answers
 * that curators see; nobody else reads or answers a lead.
 */

/** Lead mails only: a vendor also gets the account mails of its sign-up and verification. */
const LEAD_MAILS = /pour vos offres|pour votre offre/;
describe('lead alerts', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;
  let s: ForecastScenario;
  let drain: () => Promise<unknown>;
  const leadsOfNeed = (needId: string) =>
    t.dataSource.query(
      'SELECT id, vendor_id AS "vendorId", offering_id AS "offeringId", origin FROM lead WHERE need_id = $1 ORDER BY created_at, id',
      [needId],
    );
  /** The specialist's lead on the bakery's need (vendors whose offerings come later get leads on it too). */
  const specialistLead = async (): Promise<{ id: string }> =>
    (await t.dataSource.query('SELECT id FROM lead WHERE need_id = $1 AND vendor_id = $2', [s.needId, s.vendor.organisationId]))[0];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, APP_PUBLIC_URL: 'https://circuit-ia.example.fr' } });
    const worker = t.app.get(OutboxWorker);
    drain = () => worker.drain();
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('announces a published need to the vendor it fits, never to an off-topic one, through the outbox', async () => {
    expect(await leadsOfNeed(s.needId)).toEqual([]); // nothing computed in the request
    await drain();
    const leads = await leadsOfNeed(s.needId);
    expect(leads.map((l: { offeringId: string }) => l.offeringId)).toEqual([s.specialistId]);
    expect(leads.map((l: { offeringId: string }) => l.offeringId)).not.toContain(s.offTopicId);
    expect(leads[0]).toMatchObject({ vendorId: s.vendor.organisationId, origin: 'need_published' });
  });

  it('sends nothing at once to members on the default daily digest, then one digest per day', async () => {
    expect(smtp.to(s.vendor.email, LEAD_MAILS)).toHaveLength(0);
    const job = t.app.get(LeadDigestJob);
    const morning = nextParisMorning();
    // 05:30 UTC is 06:30 or 07:30 in Paris: before the digest hour (8 h).
    expect((await job.runOnce(new Date(morning.getTime() - 2.5 * 3_600_000))).daily.digests).toBe(0);
    const first = await job.runOnce(morning);
    expect(first.daily).toEqual({ digests: 1, leads: 1 });
    const [digest] = smtp.to(s.vendor.email, LEAD_MAILS);
    expect(digest.subject).toBe('1 nouveau besoin pour vos offres (résumé du jour)');
    expect(digest.text).toContain('« Prévoir les ventes de la boulangerie »');
    expect(digest.text).toContain('Votre offre concernée : Prévision des ventes pour commerces de proximité');
    expect(digest.text).toContain('Pourquoi ce besoin vous correspond');
    expect(digest.text).not.toContain('Boulangerie Test'); // the buyer is never named
    expect(digest.text).toMatch(/https:\/\/circuit-ia\.example\.fr\/app\/fournisseur\/pistes\/[0-9a-f-]{36}/);
    expect(rawHeader(digest, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(digest, 'list-unsubscribe')).toMatch(/^<https:\/\/circuit-ia\.example\.fr\/desabonnement\/[^>]+>$/);
    // Later the same day: the digest of this period is sent, nothing more.
    expect((await job.runOnce(new Date(morning.getTime() + 3_600_000))).daily.digests).toBe(0);
    expect(smtp.to(s.vendor.email, LEAD_MAILS)).toHaveLength(1);
    const [lead] = await t.dataSource.query('SELECT notified_at FROM lead WHERE need_id = $1', [s.needId]);
    expect(lead.notified_at).not.toBeNull();
  });

  it('e-mails members on instant alerts as soon as the outbox runs, once even when the event is redelivered', async () => {
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '69123', name: 'Prévi Lyon' } });
    await request(t.server).patch('/me/notifications').set(bearer(vendor)).send({ leadAlerts: 'instant' }).expect(200);
    await createPublishedOffering(t, vendor, forecastOffering({ title: 'Prévoir les ventes du jour en boulangerie' }));
    await drain(); // the new offering reaches the bakery's open need: one e-mail already
    expect(smtp.to(vendor.email, LEAD_MAILS).map((m) => m.subject)).toEqual([
      'Nouveau besoin pour votre offre : Prévoir les ventes de la boulangerie',
    ]);
    const buyer = await registerBuyer(t, { organisation: { buyerType: 'tpe', communeCode: '06088', nafCode: '10.71C' } });
    const needId = await publishedForecastNeed(t, buyer, curator, 'Prévoir les ventes de notre pâtisserie');
    await drain();
    const mails = smtp.to(vendor.email, LEAD_MAILS).slice(1);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Nouveau besoin pour votre offre : Prévoir les ventes de notre pâtisserie');
    expect(mails[0].text).toContain('Intéressé ou pas ? Répondez en un clic');
    expect(rawHeader(mails[0], 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The outbox delivers at least once: the same event again sends nothing more.
    await t.dataSource.query('INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)', [LEADS_FOR_NEED, JSON.stringify({ needId })]);
    await drain();
    expect(smtp.to(vendor.email, LEAD_MAILS)).toHaveLength(2);
  });

  it('unsubscribes in one click without logging in (RFC 8058), and refuses a forged link', async () => {
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '33063', name: 'Prévi Bordeaux' } });
    await request(t.server).patch('/me/notifications').set(bearer(vendor)).send({ leadAlerts: 'instant' }).expect(200);
    await createPublishedOffering(t, vendor, forecastOffering({ title: 'Prévision des ventes des commerces de bouche' }));
    const buyer = await registerBuyer(t, { organisation: { buyerType: 'tpe', communeCode: '06088', nafCode: '10.71C' } });
    await publishedForecastNeed(t, buyer, curator, 'Prévoir les ventes de la boulangerie du port');
    await drain();
    const mail = smtp.to(vendor.email, LEAD_MAILS).at(-1) as ParsedMail;
    const before = smtp.to(vendor.email, LEAD_MAILS).length;
    const url = new URL(rawHeader(mail, 'list-unsubscribe').slice(1, -1));
    // A GET (a link scanner) only shows the button.
    const page = await request(t.server).get(url.pathname).expect(200);
    expect(page.text).toContain('Me désabonner des alertes');
    expect((await request(t.server).get('/me/notifications').set(bearer(vendor))).body.leadAlerts).toBe('instant');
    await request(t.server).post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await request(t.server).get('/me/notifications').set(bearer(vendor))).body.leadAlerts).toBe('off');
    await request(t.server)
      .post(`${url.pathname.slice(0, -3)}xyz`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(404);
    await request(t.server).get('/desabonnement/not-a-token').expect(404);
    // Off: the next need reaches the vendor's lead list, not its mailbox.
    const leadsBefore = (await request(t.server).get('/leads').set(bearer(vendor)).expect(200)).body.total as number;
    await publishedForecastNeed(t, buyer, curator, 'Prévoir les ventes du marché couvert');
    await drain();
    expect(smtp.to(vendor.email, LEAD_MAILS)).toHaveLength(before);
    expect((await request(t.server).get('/leads').set(bearer(vendor)).expect(200)).body.total).toBe(leadsBefore + 1);
  });

  it('records the funnel: opened, then « intéressé » with a note that the curator reads', async () => {
    const { id } = await specialistLead();
    const read = await request(t.server).get(`/leads/${id}`).set(bearer(s.vendor)).expect(200);
    expect(read.body.openedAt).not.toBeNull();
    expect(read.body.need).not.toHaveProperty('organisationId');
    expect(read.body.criteria.length).toBeGreaterThan(0);
    const answered = await request(t.server)
      .post(`/leads/${id}/answer`)
      .set(bearer(s.vendor))
      .send({ answer: 'interested', message: 'Nous équipons déjà trois boulangeries.' })
      .expect(200);
    expect(answered.body).toMatchObject({ answer: 'interested', message: 'Nous équipons déjà trois boulangeries.' });
    const seen = await request(t.server).get(`/needs/${s.needId}/leads`).set(bearer(curator)).expect(200);
    expect(seen.body.interested).toBe(1);
    expect(seen.body.items[0]).toMatchObject({
      vendor: { name: 'Prévi Ventes' },
      answer: 'interested',
      message: 'Nous équipons déjà trois boulangeries.',
    });
  });

  it('requires a reason for « pas intéressé », and a comment for « autre »', async () => {
    const { id } = await specialistLead();
    const noReason = await request(t.server)
      .post(`/leads/${id}/answer`)
      .set(bearer(s.vendor))
      .send({ answer: 'not_interested' })
      .expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', messages: ['a reason is required when not interested'] }]);
    await request(t.server)
      .post(`/leads/${id}/answer`)
      .set(bearer(s.vendor))
      .send({ answer: 'not_interested', reason: 'other' })
      .expect(400);
    await request(t.server).post(`/leads/${id}/answer`).set(bearer(s.vendor)).send({ answer: 'maybe' }).expect(400);
    const declined = await request(t.server)
      .post(`/leads/${id}/answer`)
      .set(bearer(s.vendor))
      .send({ answer: 'not_interested', reason: 'too_small' })
      .expect(200);
    expect(declined.body).toMatchObject({
      answer: 'not_interested',
      reason: 'too_small',
      reasonLabel: 'Budget trop faible pour nous',
      message: null,
    });
  });

  it('lets no other vendor, buyer or stranger read or answer a lead', async () => {
    const { id } = await specialistLead();
    await request(t.server).get(`/leads/${id}`).set(bearer(s.offTopicVendor)).expect(404);
    await request(t.server).post(`/leads/${id}/answer`).set(bearer(s.offTopicVendor)).send({ answer: 'interested' }).expect(404);
    await request(t.server).get(`/leads/${id}`).set(bearer(s.buyer)).expect(403);
    await request(t.server).get(`/needs/${s.needId}/leads`).set(bearer(s.vendor)).expect(403);
    await request(t.server).get(`/needs/${s.needId}/leads`).set(bearer(s.buyer)).expect(403);
    await request(t.server).get(`/leads/${id}`).expect(401);
    expect((await request(t.server).get('/leads').set(bearer(s.offTopicVendor)).expect(200)).body.total).toBe(0);
  });

  it('announces an offering published later to the open needs it would reach in their top N', async () => {
    const late = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '13055', name: 'Prévi Marseille' } });
    const offering = await createPublishedOffering(
      t,
      late,
      forecastOffering({ title: 'Prévision des ventes de boulangerie au jour le jour' }),
    );
    await drain();
    const leads = await t.dataSource.query('SELECT need_id AS "needId", origin, rank FROM lead WHERE offering_id = $1 ORDER BY need_id', [
      offering.id,
    ]);
    expect(leads.map((l: { needId: string }) => l.needId)).toContain(s.needId);
    expect(leads.every((l: { origin: string; rank: number | null }) => l.origin === 'offering_changed' && l.rank === null)).toBe(true);
  });

  it('gives curators the figures: sent, open and interest rates, reasons, and a CSV per need', async () => {
    const figures = await request(t.server).get('/stats/leads').set(bearer(curator)).expect(200);
    const f = figures.body;
    expect(f.leads).toBeGreaterThanOrEqual(f.sent);
    expect(f.sent).toBeGreaterThanOrEqual(3);
    expect(f.notInterested).toBe(1); // the specialist's last answer on the bakery's need
    expect(f.openRate).toBeCloseTo(f.opened / f.sent, 3);
    expect(f.interestRate).toBeCloseTo(f.interested / f.sent, 3);
    expect(f.notInterestedReasons).toEqual([{ reason: 'too_small', label: 'Budget trop faible pour nous', count: 1 }]);
    // A period before any lead: nothing.
    const empty = await request(t.server).get('/stats/leads?from=2020-01-01&to=2020-12-31').set(bearer(curator)).expect(200);
    expect(empty.body).toMatchObject({ leads: 0, sent: 0, openRate: null, interestRate: null, medianHoursToFirstInterest: null });
    await request(t.server).get('/stats/leads?from=2026-12-31&to=2026-01-01').set(bearer(curator)).expect(400);
    await request(t.server).get('/stats/leads?from=yesterday').set(bearer(curator)).expect(400);
    await request(t.server).get('/stats/leads').set(bearer(s.vendor)).expect(403);
    const csv = await request(t.server).get('/stats/leads/export.csv').set(bearer(curator)).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFneedId,publishedAt,leads,notified,opened,interested,notInterested,firstInterestAt');
    expect(csv.text).toContain(s.needId);
  });

  it('filters the lead figures and their CSV by where the needs came from, as every indicator is', async () => {
    const all = (await request(t.server).get('/stats/leads').set(bearer(curator)).expect(200)).body;
    // Every need of this file was posted by its buyer on the site (source direct).
    const own = (await request(t.server).get('/stats/leads?source=direct').set(bearer(curator)).expect(200)).body;
    expect(own).toEqual(all);
    const partner = (await request(t.server).get('/stats/leads?source=partner').set(bearer(curator)).expect(200)).body;
    expect(partner).toMatchObject({ leads: 0, sent: 0, opened: 0, interested: 0, notInterested: 0, notInterestedReasons: [] });
    const csv = await request(t.server).get('/stats/leads/export.csv?source=partner').set(bearer(curator)).expect(200);
    expect(csv.text).not.toContain(s.needId);
    expect((await request(t.server).get('/stats/leads/export.csv?source=direct').set(bearer(curator)).expect(200)).text).toContain(
      s.needId,
    );
    const wrong = await request(t.server).get('/stats/leads?source=fax').set(bearer(curator)).expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'source' })]);
  });
});

/** A header as sent (mailparser structures List-* headers). */
function rawHeader(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name);
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : '';
}

const publishedForecastNeed = (t: TestApp, buyer: TestSession, curator: TestSession, title: string): Promise<string> =>
  publishForecastNeed(t, buyer, curator, { title });

/** The next 09:00 in Paris (08:00 UTC in winter, 07:00 in summer: 08:00 UTC is 9 or 10 h, after the digest hour). */
function nextParisMorning(): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(8, 0, 0, 0);
  return d;
}
