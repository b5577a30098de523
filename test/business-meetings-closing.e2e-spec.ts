import request from 'supertest';
import { RegistrationDeadlineJob } from '../src/meetings/registration-deadline.job.js';
import { bearer, createCurator, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { forecastScenario, type ForecastScenario } from './support/forecast-scenario.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { auditActions } from './support/audit.js';

/*
 * Issue 19 at scale: registration closes by itself at its deadline (audited as the system's step),
 * closing stores the proposals that vendors and the scheduler read afterwards, and a buyer may
 * register with a draft need created on the spot, in the registration's transaction.
 */
describe('business meetings: deadline, stored proposals, draft need at registration', () => {
  let t: TestApp;
  let curator: TestSession;
  let s: ForecastScenario;
  let walkIn: RegisteredSession;

  const draftNeed = {
    title: 'Prévoir les ventes du fournil',
    description: 'Nous voulons prévoir les ventes de chaque jour pour cuire juste assez de pain dans notre fournil.',
    communeCode: '06088',
    useCases: ['SALES_FORECAST'],
  };

  const createEvent = async (deadline: Date, capacity = 10): Promise<string> => {
    const created = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Cannes",
        date: '2027-05-20',
        communeCode: '06029',
        opensAt: '09:00',
        closesAt: '10:00',
        meetingMinutes: 20,
        tables: 2,
        capacity,
        registrationDeadline: deadline.toISOString(),
      })
      .expect(201);
    await request(t.server).post(`/events/${created.body.id}/publish`).set(bearer(curator)).send({}).expect(200);
    return created.body.id as string;
  };
  const register = async (eventId: string, who: TestSession, body: Record<string, unknown>, status = 201) =>
    request(t.server)
      .post(`/events/${eventId}/registrations`)
      .set(bearer(who))
      .send({ availableSlots: [0, 1, 2], ...body })
      .expect(status);
  const needCount = async (organisationId: string): Promise<number> =>
    ((await t.dataSource.query(`SELECT count(*)::int AS n FROM need WHERE organisation_id = $1`, [organisationId])) as { n: number }[])[0]
      .n;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    walkIn = await registerBuyer(t, {
      organisation: { name: 'Fournil des Remparts', buyerType: 'pme', communeCode: '06029', nafCode: '10.71C' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a buyer with a draft need created on the spot, checked as a new need, in one transaction', async () => {
    const full = await createEvent(new Date(Date.now() + 86_400_000), 2);
    await register(full, s.vendor, { offeringIds: [s.specialistId] });
    await register(full, s.offTopicVendor, { offeringIds: [s.offTopicId] });
    // The event is full: the registration fails, and the draft need it would have created does not exist.
    const refused = await register(full, walkIn, { draftNeed }, 409);
    expect(refused.body.code).toBe('EVENT_FULL');
    expect(await needCount(walkIn.organisationId!)).toBe(0);

    const eventId = await createEvent(new Date(Date.now() + 86_400_000));
    const badCommune = await register(eventId, walkIn, { draftNeed: { ...draftNeed, communeCode: '99999' } }, 400);
    expect(badCommune.body.code).toBe('VALIDATION_FAILED');
    await register(eventId, walkIn, { draftNeed: { ...draftNeed, useCases: [] } }, 400);
    await register(eventId, walkIn, { draftNeed: { title: 'Sans description' } }, 400);
    const both = await register(eventId, s.buyer, { needId: s.needId, draftNeed }, 400);
    expect(both.body.code).toBe('EVENT_REGISTRATION_INVALID');
    await register(eventId, s.vendor, { offeringIds: [s.specialistId], draftNeed }, 400);
    expect(await needCount(walkIn.organisationId!)).toBe(0);

    const attendee = (await register(eventId, walkIn, { draftNeed })).body;
    const need = await request(t.server).get(`/needs/${attendee.needId}`).set(bearer(walkIn)).expect(200);
    // Collected at the event: it counts as such in the indicators (it was 'direct', an outside review).
    expect(need.body).toMatchObject({
      status: 'draft',
      source: 'event',
      title: draftNeed.title,
      communeCode: '06088',
      useCases: ['SALES_FORECAST'],
    });
    expect(await auditActions(t, curator, 'need', attendee.needId)).toEqual(['need.create']);

    // The draft is ranked for the event like a published need: the forecast specialist is proposed.
    await register(eventId, s.vendor, { offeringIds: [s.specialistId] });
    const proposals = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(walkIn)).expect(200);
    expect(proposals.body.items.map((p: { vendorName: string }) => p.vendorName)).toEqual(['Prévi Ventes']);
  });

  it('closes registration at its deadline, as the system, storing the proposals read from then on', async () => {
    const deadline = new Date(Date.now() + 3_600_000);
    const eventId = await createEvent(deadline);
    const buyer = (await register(eventId, s.buyer, { needId: s.needId })).body.id as string;
    await register(eventId, s.vendor, { offeringIds: [s.specialistId] });
    const live = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.vendor)).expect(200);
    expect(live.body.items.map((p: { attendeeId: string }) => p.attendeeId)).toEqual([buyer]);

    const job = t.app.get(RegistrationDeadlineJob);
    expect(await job.runOnce(new Date(deadline.getTime() - 60_000))).not.toContain(eventId);
    // The deadline is past at this `now`: the job closes the event, once.
    const after = new Date(deadline.getTime() + 60_000);
    expect(await job.runOnce(after)).toContain(eventId);
    expect(await job.runOnce(after)).toEqual([]);
    const event = await request(t.server).get(`/events/${eventId}`).set(bearer(curator)).expect(200);
    expect(event.body).toMatchObject({ status: 'closed', registrationOpen: false });
    const audit = await request(t.server)
      .get('/audit')
      .query({ entityType: 'business_event', entityId: eventId })
      .set(bearer(curator))
      .expect(200);
    const close = audit.body.items.find((e: { action: string }) => e.action === 'business_event.close');
    expect(close).toMatchObject({
      actorId: null,
      actorRole: 'system',
      before: { status: 'open' },
      after: { status: 'closed', proposals: 1 },
    });

    const stored = (await t.dataSource.query(`SELECT buyer_attendee_id AS b, total FROM event_proposal WHERE event_id = $1`, [
      eventId,
    ])) as {
      b: string;
      total: number;
    }[];
    expect(stored).toEqual([{ b: buyer, total: live.body.items[0].total }]);
    // The buyer closes its need: ranked live, it would propose nothing; the stored proposals still do.
    const { version } = (await request(t.server).get(`/needs/${s.needId}`).set(bearer(s.buyer)).expect(200)).body;
    await request(t.server).post(`/needs/${s.needId}/close`).set(bearer(s.buyer)).send({ version, outcome: 'abandoned' }).expect(200);
    const read = await request(t.server).get(`/events/${eventId}/proposals`).set(bearer(s.vendor)).expect(200);
    expect(read.body.items).toEqual(live.body.items);
    // And the scheduler seats the stored pair.
    const run = await request(t.server).post(`/events/${eventId}/schedule`).set(bearer(curator)).expect(200);
    expect(run.body).toMatchObject({ meetings: 1, status: 'optimal' });
  });
});
