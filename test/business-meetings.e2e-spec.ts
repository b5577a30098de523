import request from 'supertest';
import { bearer, createCurator, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { forecastScenario, publishForecastNeed, type ForecastScenario } from './support/forecast-scenario.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { visibleText, webSignIn } from './support/web.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { auditActions } from './support/audit.js';

/*
 * Issue 19 from registration to the agenda: attendees register, the ranking proposes counterparts
 * (a vendor sees the buyer's need anonymised), they wish, the curator schedules, a cancellation and
 * a re-run keep the other meeting where it was, and the buyer is named once seated.
 */

/** The event's mails only: vendors also get the account mails of their sign-up and verification. */
const AGENDA_MAILS = /Osez l'IA — Nice/;
describe('business meetings: registration, wishes, scheduling, agenda', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;
  let s: ForecastScenario;
  let secondBuyer: RegisteredSession;
  let secondNeedId: string;
  let eventId: string;
  const attendee: Record<string, string> = {};

  const publishedNeed = (buyer: TestSession, title: string): Promise<string> =>
    publishForecastNeed(t, buyer, curator, {
      title,
      description: 'Nous voulons prévoir les ventes de chaque jour pour réduire les invendus de nos commerces de boulangerie.',
    });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    secondBuyer = await registerBuyer(t, {
      organisation: { name: 'Fournil du Port', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' },
    });
    secondNeedId = await publishedNeed(secondBuyer, 'Prévoir les ventes du fournil');
    const created = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Nice",
        date: '2027-03-18',
        communeCode: '06088',
        opensAt: '09:00',
        closesAt: '10:00',
        meetingMinutes: 20,
        tables: 2,
        capacity: 10,
        wishesPerAttendee: 2,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    eventId = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses registration before the event is open, then takes each side with what it brings', async () => {
    const buyerBody = { needId: s.needId, availableSlots: [0, 1, 2] };
    await request(t.server).post(`/events/${eventId}/registrations`).set(bearer(s.buyer)).send(buyerBody).expect(404);
    await request(t.server).post(`/events/${eventId}/publish`).set(bearer(curator)).send({}).expect(200);

    const bad = await request(t.server)
      .post(`/events/${eventId}/registrations`)
      .set(bearer(s.buyer))
      .send({ needId: s.needId, availableSlots: [3] })
      .expect(400);
    expect(bad.body.code).toBe('EVENT_REGISTRATION_INVALID');
    // A vendor cannot register with someone else's offering.
    await request(t.server)
      .post(`/events/${eventId}/registrations`)
      .set(bearer(s.offTopicVendor))
      .send({ offeringIds: [s.specialistId], availableSlots: [0] })
      .expect(400);

    // The public page announces it, with no attendee on it.
    const publicPage = await request(t.server).get(`/app/rendez-vous/${eventId}`).expect(200);
    expect(visibleText(publicPage.text)).toContain('ouvertes');
    expect(visibleText(publicPage.text)).toContain('Nice');
    expect((await request(t.server).get('/app/rendez-vous').expect(200)).text).toContain(`/app/rendez-vous/${eventId}`);

    attendee.buyer = (
      await request(t.server).post(`/events/${eventId}/registrations`).set(bearer(s.buyer)).send(buyerBody).expect(201)
    ).body.id;
    await request(t.server).post(`/events/${eventId}/registrations`).set(bearer(s.buyer)).send(buyerBody).expect(409);
    attendee.second = (
      await request(t.server)
        .post(`/events/${eventId}/registrations`)
        .set(bearer(secondBuyer))
        .send({ needId: secondNeedId, availableSlots: [0, 1, 2] })
        .expect(201)
    ).body.id;
    attendee.vendor = (
      await request(t.server)
        .post(`/events/${eventId}/registrations`)
        .set(bearer(s.vendor))
        .send({ offeringIds: [s.specialistId], availableSlots: [0, 1, 2] })
        .expect(201)
    ).body.id;
    attendee.offTopic = (
      await request(t.server)
        .post(`/events/${eventId}/registrations`)
        .set(bearer(s.offTopicVendor))
        .send({ offeringIds: [s.offTopicId], availableSlots: [0, 1, 2] })
        .expect(201)
    ).body.id;
  });

  it("proposes the ranking's counterparts: named vendors to buyers, anonymised needs to vendors", async () => {
    const forBuyer = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.buyer)).expect(200);
    expect(forBuyer.body.maxWishes).toBe(2);
    expect(forBuyer.body.items.map((p: { attendeeId: string }) => p.attendeeId)).toEqual([attendee.vendor]);
    expect(forBuyer.body.items[0]).toMatchObject({ vendorName: 'Prévi Ventes', need: null, wished: false });
    expect(forBuyer.body.items[0].criteria.length).toBeGreaterThan(0);

    const forVendor = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.vendor)).expect(200);
    expect(forVendor.body.items.map((p: { attendeeId: string }) => p.attendeeId).sort()).toEqual([attendee.buyer, attendee.second].sort());
    expect(forVendor.body.items.every((p: { vendorName: unknown }) => p.vendorName === null)).toBe(true);
    const text = JSON.stringify(forVendor.body);
    expect(text).toContain('Prévoir les ventes de la boulangerie');
    expect(text).not.toContain('Boulangerie Test');
    expect(text).not.toContain('Fournil du Port');
    expect(text).not.toContain(s.buyer.organisationId!);

    expect((await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.offTopicVendor)).expect(200)).body.items).toEqual([]);
  });

  it('takes wishes among the proposals only', async () => {
    const refused = await request(t.server)
      .put(`/events/${eventId}/wishes`)
      .set(bearer(s.buyer))
      .send({ attendeeIds: [attendee.offTopic] })
      .expect(400);
    expect(refused.body.code).toBe('EVENT_WISH_INVALID');
    const wished = await request(t.server)
      .put(`/events/${eventId}/wishes`)
      .set(bearer(s.buyer))
      .send({ attendeeIds: [attendee.vendor] })
      .expect(200);
    expect(wished.body.items[0].wished).toBe(true);
    await request(t.server)
      .put(`/events/${eventId}/wishes`)
      .set(bearer(s.vendor))
      .send({ attendeeIds: [attendee.buyer] })
      .expect(200);
  });

  it('schedules a closed event, names the buyer in the agenda, and keeps the other meeting on a re-run after a cancellation', async () => {
    await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(409);
    await request(t.server).post(`/events/${eventId}/close`).set(bearer(curator)).send({}).expect(200);
    await request(t.server).put(`/events/${eventId}/wishes`).set(bearer(s.buyer)).send({ attendeeIds: [] }).expect(409);

    const run = await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(200);
    expect(run.body).toMatchObject({ meetings: 2, kept: 0, status: 'optimal', gap: 0 });
    const grid = (await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body as {
      id: string;
      slot: number;
      table: number;
      buyerName: string;
    }[];
    expect(grid.map((m) => m.buyerName).sort()).toEqual(['Boulangerie Test', 'Fournil du Port']);
    // The vendor meets both buyers, so never twice in one slot.
    expect(new Set(grid.map((m) => m.slot)).size).toBe(2);

    const agenda = await request(t.server).get(`/events/${eventId}/agenda`).set(bearer(s.vendor)).expect(200);
    expect(agenda.body.map((m: { buyerName: string }) => m.buyerName).sort()).toEqual(['Boulangerie Test', 'Fournil du Port']);
    expect(agenda.body[0]).toMatchObject({
      vendorName: 'Prévi Ventes',
      offeringTitle: expect.any(String),
      startsAt: expect.stringMatching(/^09:[024]0$/),
    });
    expect((await request(t.server).get(`/events/${eventId}/agenda`).set(bearer(s.offTopicVendor)).expect(200)).body).toEqual([]);

    const ics = await request(t.server).get(`/events/${eventId}/agenda.ics`).set(bearer(s.buyer)).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('Rendez-vous avec Prévi Ventes');

    // The agendas leave through the outbox: the vendor's member gets one mail with the calendar file.
    await t.app.get(OutboxWorker).drain();
    const [mail] = smtp.to(s.vendor.email, AGENDA_MAILS);
    expect(mail.subject).toContain("Osez l'IA — Nice");
    expect(mail.text).toContain('Boulangerie Test');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['rendez-vous.ics']);
    expect(mail.attachments[0].content.toString()).toContain('BEGIN:VCALENDAR');
    expect(smtp.to(s.vendor.email, AGENDA_MAILS)).toHaveLength(1);
    expect(smtp.to(s.offTopicVendor.email, AGENDA_MAILS)).toHaveLength(0);

    const first = grid.find((m) => m.buyerName === 'Boulangerie Test')!;
    const cancelled = grid.find((m) => m.buyerName === 'Fournil du Port')!;
    await request(t.server).post(`/events/${eventId}/meetings/${cancelled.id}/cancel`).set(bearer(curator)).expect(204);
    await request(t.server).post(`/events/${eventId}/meetings/${cancelled.id}/cancel`).set(bearer(curator)).expect(404);
    const rerun = await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(200);
    expect(rerun.body).toMatchObject({ meetings: 1, kept: 1 });
    const after = (await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body;
    expect(after).toEqual([expect.objectContaining({ id: first.id, slot: first.slot, table: first.table })]);
    // Only the attendees whose agenda changed get it again: the vendor lost a meeting, the bakery's stayed put.
    const agendas = (email: string) => smtp.to(email, AGENDA_MAILS);
    expect(agendas(s.buyer.email)).toHaveLength(1);
    await t.app.get(OutboxWorker).drain();
    expect(agendas(s.vendor.email)).toHaveLength(2);
    expect(agendas(s.vendor.email)[1].text).toContain('Boulangerie Test');
    expect(agendas(s.vendor.email)[1].text).not.toContain('Fournil du Port');
    expect(agendas(s.vendor.email)[1].attachments[0].content.toString()).toContain('BEGIN:VEVENT');
    expect(agendas(s.buyer.email)).toHaveLength(1);

    const actions = await auditActions(t, curator, 'business_event', eventId);
    expect(actions.filter((a: string) => a === 'business_event.schedule')).toHaveLength(2);
    expect(actions).toContain('business_event.meeting_cancelled');
  });

  it('checks meetings in on the day: a held one becomes an introduction at meeting_held that counts in the figures', async () => {
    const [meeting] = (await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body;
    const marked = await request(t.server)
      .post(`/events/${eventId}/meetings/${meeting.id}/check-in`)
      .set(bearer(curator))
      .send({ outcome: 'held' })
      .expect(200);
    expect(marked.body).toMatchObject({ id: meeting.id, status: 'held', introductionId: expect.any(String) });
    await request(t.server)
      .post(`/events/${eventId}/meetings/${meeting.id}/check-in`)
      .set(bearer(curator))
      .send({ outcome: 'no_show' })
      .expect(404);

    const introduction = await request(t.server).get(`/introductions/${marked.body.introductionId}`).set(bearer(s.buyer)).expect(200);
    expect(introduction.body).toMatchObject({ status: 'meeting_held', need: { id: s.needId }, offering: { id: s.specialistId } });
    await request(t.server)
      .post(`/introductions/${marked.body.introductionId}/outcome`)
      .set(bearer(s.buyer))
      .send({ outcome: 'won', valueBand: 'under_5k', startDate: '2027-04-01' })
      .expect(200);

    // The console: the vendor's printable agenda and the curator's grid with the day's figures.
    const vendorPage = await (await webSignIn(t, s.vendor)).get(`/app/rendez-vous/${eventId}/agenda`);
    expect(vendorPage.status).toBe(200);
    expect(visibleText(vendorPage.text)).toContain('Boulangerie Test');
    expect(vendorPage.text).toContain(`/app/rendez-vous/${eventId}/agenda.ics`);
    const gridPage = await (await webSignIn(t, curator)).get(`/app/rendez-vous/${eventId}/grille`);
    expect(gridPage.status).toBe(200);
    expect(visibleText(gridPage.text)).toContain('Rendez-vous tenus : 1');
    expect(visibleText(gridPage.text)).toContain('Mises en relation issues des rendez-vous : 1, dont 1 gagnées');

    await request(t.server).post(`/events/${eventId}/hold`).set(bearer(curator)).send({}).expect(200);
    const figures = await request(t.server).get(`/events/${eventId}/figures`).set(bearer(curator)).expect(200);
    expect(figures.body).toEqual({ seated: 1, held: 1, noShows: 0, cancelled: 1, introductions: 1, won: 1 });
    // The held meeting keeps its seat in the grid.
    expect((await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body).toHaveLength(1);
  });

  it("seats a curator's added pair and never a removed one", async () => {
    const other = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Cannes",
        date: '2027-04-15',
        communeCode: '06029',
        opensAt: '14:00',
        closesAt: '15:00',
        meetingMinutes: 30,
        tables: 5,
        capacity: 10,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    const id = other.body.id as string;
    await request(t.server).post(`/events/${id}/publish`).set(bearer(curator)).send({}).expect(200);
    const register = async (who: TestSession, body: Record<string, unknown>) =>
      (
        await request(t.server)
          .post(`/events/${id}/registrations`)
          .set(bearer(who))
          .send({ availableSlots: [0, 1], ...body })
          .expect(201)
      ).body.id as string;
    const buyer = await register(s.buyer, { needId: s.needId });
    const vendor = await register(s.vendor, { offeringIds: [s.specialistId] });
    const offTopic = await register(s.offTopicVendor, { offeringIds: [s.offTopicId] });

    await request(t.server)
      .put(`/events/${id}/pairs`)
      .set(bearer(curator))
      .send({ buyerAttendeeId: vendor, vendorAttendeeId: buyer, kind: 'added' })
      .expect(400);
    await request(t.server)
      .put(`/events/${id}/pairs`)
      .set(bearer(curator))
      .send({ buyerAttendeeId: buyer, vendorAttendeeId: vendor, kind: 'removed' })
      .expect(204);
    await request(t.server)
      .put(`/events/${id}/pairs`)
      .set(bearer(curator))
      .send({ buyerAttendeeId: buyer, vendorAttendeeId: offTopic, kind: 'added' })
      .expect(204);
    await request(t.server).post(`/events/${id}/close`).set(bearer(curator)).send({}).expect(200);
    await request(t.server).post(`/events/${id}/schedule`).set(bearer(curator)).expect(200);

    const grid = (await request(t.server).get(`/events/${id}/meetings`).set(bearer(curator)).expect(200)).body;
    expect(grid).toEqual([expect.objectContaining({ vendorName: 'Anti Hameçon', buyerName: 'Boulangerie Test', score: 0 })]);
  });
});
