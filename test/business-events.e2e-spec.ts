import request from 'supertest';
import { bearer, createStaffUser, registerBuyer, type TestSession } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 19: a curator drafts a business-meetings event and walks it through its lifecycle. */
describe('business-meetings events', () => {
  let t: TestApp;
  let curator: TestSession;
  let buyer: TestSession;

  const draft = {
    title: "Osez l'IA — rendez-vous d'affaires Côte d'Azur",
    date: '2027-03-18',
    communeCode: '06088',
    venue: 'CCI Nice Côte d’Azur',
    opensAt: '09:00',
    closesAt: '12:10',
    meetingMinutes: 20,
    tables: 40,
    capacity: 300,
    registrationDeadline: '2027-03-11T18:00:00.000Z',
  };

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createStaffUser(t, 'curator');
    buyer = await registerBuyer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a draft with its slots, hidden from the public until published, and audits each step', async () => {
    const created = await request(t.server).post('/events').set(bearer(curator)).send(draft).expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      communeName: 'Nice',
      wishesPerAttendee: 8,
      slots: ['09:00', '09:20', '09:40', '10:00', '10:20', '10:40', '11:00', '11:20', '11:40'],
      allowedActions: ['publish'],
      version: 1,
    });
    const id = created.body.id as string;
    await request(t.server).get(`/public/events/${id}`).expect(404);
    expect((await request(t.server).get('/public/events').expect(200)).body.map((e: { id: string }) => e.id)).not.toContain(id);

    const opened = await request(t.server).post(`/events/${id}/publish`).set(bearer(curator)).send({ version: 1 }).expect(200);
    expect(opened.body).toMatchObject({ status: 'open', version: 2, allowedActions: ['close'] });
    const page = await request(t.server).get(`/public/events/${id}`).expect(200);
    expect(page.body).toMatchObject({ title: draft.title, status: 'open', registrationOpen: true, communeCode: '06088' });
    expect(page.body).not.toHaveProperty('version');
    expect((await request(t.server).get('/public/events').expect(200)).body.map((e: { id: string }) => e.id)).toContain(id);

    await request(t.server).post(`/events/${id}/close`).set(bearer(curator)).send({ version: 1 }).expect(409);
    await request(t.server).post(`/events/${id}/close`).set(bearer(curator)).send({}).expect(200);
    const refused = await request(t.server).post(`/events/${id}/archive`).set(bearer(curator)).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'EVENT_INVALID_TRANSITION', details: { status: 'closed', allowed: ['schedule'] } });

    const audit = await request(t.server)
      .get('/audit')
      .query({ entityType: 'business_event', entityId: id })
      .set(bearer(curator))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'business_event.close',
      'business_event.created',
      'business_event.publish',
    ]);
    expect(audit.body.items.find((e: { action: string }) => e.action === 'business_event.publish')).toMatchObject({
      before: { status: 'draft' },
      after: { status: 'open' },
    });
  });

  it.each([
    ['an unknown commune', { communeCode: '99999' }, 'VALIDATION_FAILED'],
    ['a malformed opening time', { opensAt: '9h' }, 'VALIDATION_FAILED'],
    ['hours too short for one meeting', { opensAt: '09:00', closesAt: '09:10' }, 'EVENT_INVALID_HOURS'],
    // ISO 8601 forms that neither Date nor PostgreSQL reads (they were 500s).
    ['a week-date deadline', { registrationDeadline: '2027-W10-1' }, 'VALIDATION_FAILED'],
    ['an ordinal-date deadline', { registrationDeadline: '2027-070' }, 'VALIDATION_FAILED'],
    ['a week-date day', { date: '2027-W11-4' }, 'VALIDATION_FAILED'],
    ['a day that does not exist', { date: '2027-02-30' }, 'VALIDATION_FAILED'],
    ['a past day', { date: '2020-03-18', registrationDeadline: '2020-03-11T18:00:00.000Z' }, 'EVENT_INVALID_DATES'],
    ['registration closing after the event day', { registrationDeadline: '2028-03-11T18:00:00.000Z' }, 'EVENT_INVALID_DATES'],
    // 09:00 in Paris is 08:00 UTC in March (winter time): one minute after the first meeting starts.
    ['registration closing after the first meeting', { registrationDeadline: '2027-03-18T08:01:00.000Z' }, 'EVENT_INVALID_DATES'],
  ])('refuses %s with 400', async (_label, change, code) => {
    const res = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({ ...draft, ...change })
      .expect(400);
    expect(res.body.code).toBe(code);
  });

  it('lets registration close right when the first meeting starts', async () => {
    await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({ ...draft, registrationDeadline: '2027-03-18T09:00:00+01:00' })
      .expect(201);
  });

  it('keeps drafting to curators', async () => {
    await request(t.server).post('/events').set(bearer(buyer)).send(draft).expect(403);
  });
});
