import request from 'supertest';
import { bearer, createCurator, createStaffUser, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { forecastScenario, publishForecastNeed, type ForecastScenario } from './support/forecast-scenario.js';
import { proposeIntroduction } from './support/introductions.js';
import { createPartner } from './support/partners.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 19, found by an outside review: a pair that already had an introduction in progress met at
 * the event, and check-in linked the introduction but left it where it was (the funnel and the
 * report then missed the meeting); and a meeting could still be cancelled once the event was held
 * or archived, changing its figures and mailing agendas again.
 */
describe('business meetings on the day: check-in and a held event', () => {
  let t: TestApp;
  let curator: TestSession;
  let s: ForecastScenario;
  let otherBuyer: RegisteredSession;
  let eventId: string;
  let introductionId: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    otherBuyer = await registerBuyer(t, {
      organisation: { name: 'Fournil du Port', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' },
    });
    const otherNeedId = await publishForecastNeed(t, otherBuyer, curator, { title: 'Prévoir les ventes du fournil' });
    // The CCI brought this need in (as its intake would have recorded it).
    partnerId = (await createPartner(t, await createStaffUser(t, 'admin'))).id;
    await t.dataSource.query("UPDATE need SET partner_id = $1, source = 'partner' WHERE id = $2", [partnerId, otherNeedId]);

    // The curator introduced the bakery and the vendor before the event; only the vendor accepted.
    introductionId = (await proposeIntroduction(t, curator, { needId: s.needId, offeringId: s.specialistId })).id;
    await request(t.server).post(`/introductions/${introductionId}/accept`).set(bearer(s.vendor)).send({}).expect(200);

    eventId = (
      await request(t.server)
        .post('/events')
        .set(bearer(curator))
        .send({
          title: "Osez l'IA — Antibes",
          date: '2027-06-17',
          communeCode: '06004',
          opensAt: '09:00',
          closesAt: '10:00',
          meetingMinutes: 20,
          tables: 2,
          capacity: 10,
          registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .expect(201)
    ).body.id;
    await request(t.server).post(`/events/${eventId}/publish`).set(bearer(curator)).send({}).expect(200);
    const register = (who: TestSession, body: Record<string, unknown>) =>
      request(t.server)
        .post(`/events/${eventId}/registrations`)
        .set(bearer(who))
        .send({ availableSlots: [0, 1, 2], ...body })
        .expect(201);
    await register(s.buyer, { needId: s.needId });
    await register(otherBuyer, { needId: otherNeedId });
    // More meetings asked for than slots offered: capped at the slots (it was stored as given).
    const vendorRow = await register(s.vendor, { offeringIds: [s.specialistId], maxMeetings: 100 });
    expect(vendorRow.body.maxMeetings).toBe(3);
    await request(t.server).post(`/events/${eventId}/close`).set(bearer(curator)).send({}).expect(200);
    await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const grid = async () =>
    (await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body as {
      id: string;
      buyerName: string;
    }[];
  /** Checks in the meeting of `buyerName` as held: the meeting and the introduction it now has. */
  const checkInHeld = async (buyerName: string): Promise<{ meetingId: string; introductionId: string }> => {
    const meeting = (await grid()).find((m) => m.buyerName === buyerName)!;
    const marked = await request(t.server)
      .post(`/events/${eventId}/meetings/${meeting.id}/check-in`)
      .set(bearer(curator))
      .send({ outcome: 'held' })
      .expect(200);
    return { meetingId: meeting.id, introductionId: marked.body.introductionId as string };
  };
  const auditedStep = async (id: string): Promise<unknown> => {
    const audit = await request(t.server)
      .get('/audit')
      .query({ entityType: 'introduction', entityId: id })
      .set(bearer(curator))
      .expect(200);
    return audit.body.items.find((e: { action: string }) => e.action === 'introduction.meeting_held');
  };

  it("moves the pair's introduction in progress on to meeting_held at check-in, audited", async () => {
    const marked = await checkInHeld('Boulangerie Test');
    expect(marked.introductionId).toBe(introductionId);

    const introduction = await request(t.server).get(`/introductions/${introductionId}`).set(bearer(s.buyer)).expect(200);
    expect(introduction.body.status).toBe('meeting_held');
    expect(await auditedStep(introductionId)).toMatchObject({
      before: { status: 'vendor_accepted' },
      after: { status: 'meeting_held', source: 'business_event', eventId, meetingId: marked.meetingId },
    });
    // Both sides now see each other, as after any meeting held; and the outcome can follow.
    await request(t.server)
      .post(`/introductions/${introductionId}/outcome`)
      .set(bearer(s.buyer))
      .send({ outcome: 'won', valueBand: 'under_5k', startDate: '2027-07-01' })
      .expect(200);
  });

  it('refuses a week-date start for the outcome with 400, not 500', async () => {
    const res = await request(t.server)
      .post(`/introductions/${introductionId}/outcome`)
      .set(bearer(s.vendor))
      .send({ outcome: 'won', valueBand: '5k_20k', startDate: '2027-W05-1' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('tells the partner who brought the need of an introduction born at the meeting', async () => {
    const { meetingId, introductionId: created } = await checkInHeld('Fournil du Port');
    expect(created).toBeTruthy();
    const introduction = await request(t.server).get(`/introductions/${created}`).set(bearer(otherBuyer)).expect(200);
    expect(introduction.body.status).toBe('meeting_held');
    const told = (await t.dataSource.query(
      "SELECT payload FROM outbox_event WHERE topic = 'partner.introduction_status' AND payload->>'introductionId' = $1",
      [created],
    )) as { payload: Record<string, string> }[];
    expect(told.map((r) => r.payload)).toEqual([expect.objectContaining({ partnerId, status: 'meeting_held' })]);
    expect(await auditedStep(created)).toMatchObject({
      before: null,
      after: { status: 'meeting_held', source: 'business_event', eventId, meetingId },
    });
  });

  it('keeps the meetings of a held event: cancelling one is refused and the figures stay', async () => {
    const seated = (await grid()).find((m) => m.buyerName === 'Fournil du Port')!;
    await request(t.server).post(`/events/${eventId}/hold`).set(bearer(curator)).send({}).expect(200);
    const before = (await request(t.server).get(`/events/${eventId}/figures`).set(bearer(curator)).expect(200)).body;
    const refused = await request(t.server).post(`/events/${eventId}/meetings/${seated.id}/cancel`).set(bearer(curator)).expect(409);
    expect(refused.body.code).toBe('EVENT_INVALID_TRANSITION');
    await request(t.server).post(`/events/${eventId}/archive`).set(bearer(curator)).send({}).expect(200);
    await request(t.server).post(`/events/${eventId}/meetings/${seated.id}/cancel`).set(bearer(curator)).expect(409);
    expect((await request(t.server).get(`/events/${eventId}/figures`).set(bearer(curator)).expect(200)).body).toEqual(before);
  });
});
