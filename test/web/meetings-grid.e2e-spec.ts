import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerBuyer, type RegisteredSession, type TestSession } from '../support/auth.js';
import { forecastScenario, publishForecastNeed, type ForecastScenario } from '../support/forecast-scenario.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn, type WebClient } from '../support/web.js';
import { auditActions } from '../support/audit.js';

/*
 * Issue 19's curator grid by form: close, schedule, move, swap and cancel a meeting, add or remove a
 * pair. Every change passes the scheduler's validator; refusals name the rule in French; a re-run
 * after a cancellation keeps the other meeting where it was; an attendee left with no meeting is told.
 */
describe("business meetings: the curator's grid by form", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;
  let s: ForecastScenario;
  let port: RegisteredSession;
  let web: WebClient;
  let eventId: string;

  interface GridMeeting {
    id: string;
    slot: number;
    table: number;
    buyerName: string;
  }
  const grid = async (): Promise<GridMeeting[]> =>
    (await request(t.server).get(`/events/${eventId}/meetings`).set(bearer(curator)).expect(200)).body as GridMeeting[];
  const gridUrl = () => `/app/rendez-vous/${eventId}/grille`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    port = await registerBuyer(t, { organisation: { name: 'Fournil du Port', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' } });
    const portNeed = await publishForecastNeed(t, port, curator, {
      title: 'Prévoir les ventes du fournil',
      description: 'Nous voulons prévoir les ventes de chaque jour pour réduire les invendus de nos commerces de boulangerie.',
    });
    const created = await request(t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Antibes",
        date: '2027-05-20',
        communeCode: '06004',
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
    await request(t.server).post(`/events/${eventId}/publish`).set(bearer(curator)).send({}).expect(200);
    const register = (who: TestSession, body: object) =>
      request(t.server).post(`/events/${eventId}/registrations`).set(bearer(who)).send(body).expect(201);
    await register(s.buyer, { needId: s.needId, availableSlots: [0, 1, 2] });
    // The port's bakery cannot stay for the last slot (09:40).
    await register(port, { needId: portNeed, availableSlots: [0, 1] });
    await register(s.vendor, { offeringIds: [s.specialistId], availableSlots: [0, 1, 2] });
    web = await webSignIn(t, curator);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('closes registration and schedules from the grid, showing the state in French', async () => {
    const open = visibleText((await web.get(gridUrl())).text);
    expect(open).toContain('état : Inscriptions ouvertes');
    expect(open).not.toMatch(/\bopen\b/);
    expect(await web.post(`/app/rendez-vous/${eventId}/planification`)).toMatchObject({ status: 409 });
    expect(await web.post(`/app/rendez-vous/${eventId}/cloture`)).toMatchObject({
      status: 303,
      location: `${gridUrl()}?message=meeting-registration-closed`,
    });
    expect(await web.post(`/app/rendez-vous/${eventId}/planification`)).toMatchObject({
      status: 303,
      location: `${gridUrl()}?message=meetings-scheduled`,
    });
    const page = visibleText((await web.get(gridUrl())).text);
    expect(page).toContain('état : Rendez-vous programmés');
    expect(page).not.toMatch(/\bscheduled\b/);
    expect(page).toContain('Modifier un rendez-vous');
    expect((await grid()).map((m) => m.buyerName).sort()).toEqual(['Boulangerie Test', 'Fournil du Port']);
  });

  it('moves and swaps meetings by form, refusing in French what the validator refuses', async () => {
    const byName = async () => {
      const meetings = await grid();
      return {
        bakery: meetings.find((m) => m.buyerName === 'Boulangerie Test')!,
        port: meetings.find((m) => m.buyerName === 'Fournil du Port')!,
      };
    };
    const move = (id: string, slot: number, table: number) => web.post(`${gridUrl()}/${id}/deplacer`, { slot, table });
    let { bakery, port: portMeeting } = await byName();

    // The port's bakery is not there at 09:40.
    const unavailable = await move(portMeeting.id, 2, 1);
    expect(unavailable.status).toBe(409);
    expect(visibleText(unavailable.text)).toContain(
      "Ce changement est refusé : un des deux participants n'est pas disponible à ce créneau",
    );
    // The vendor meets both bakeries: never two meetings in one slot.
    const doubleBooked = await move(bakery.id, portMeeting.slot, 2);
    expect(doubleBooked.status).toBe(409);
    expect(visibleText(doubleBooked.text)).toContain('un des deux participants a déjà un rendez-vous à ce créneau');
    expect((await move(bakery.id, 7, 1)).status).toBe(409);
    expect(visibleText((await web.post(`${gridUrl()}/${bakery.id}/deplacer`, { slot: 'x' })).text)).toContain(
      'Le formulaire est incomplet',
    );
    expect(await byName()).toEqual({ bakery, port: portMeeting });

    // A free seat: accepted.
    const free = 1 - portMeeting.slot;
    expect(await move(bakery.id, free, 2)).toMatchObject({ status: 303, location: `${gridUrl()}?message=meeting-moved` });
    ({ bakery, port: portMeeting } = await byName());
    expect(bakery).toMatchObject({ slot: free, table: 2 });

    // Swapping puts each where the other was; the port's bakery cannot take 09:40.
    expect(await web.post(`${gridUrl()}/${bakery.id}/echanger`, { otherId: portMeeting.id })).toMatchObject({ status: 303 });
    const swapped = await byName();
    expect(swapped.bakery).toMatchObject({ slot: portMeeting.slot, table: portMeeting.table });
    expect(swapped.port).toMatchObject({ slot: bakery.slot, table: bakery.table });
    expect(await move(swapped.bakery.id, 2, 1)).toMatchObject({ status: 303 });
    const late = await web.post(`${gridUrl()}/${swapped.bakery.id}/echanger`, { otherId: swapped.port.id });
    expect(late.status).toBe(409);
    expect(visibleText(late.text)).toContain("n'est pas disponible à ce créneau");
    expect((await web.post(`${gridUrl()}/${swapped.bakery.id}/echanger`, { otherId: swapped.bakery.id })).status).toBe(409);

    const actions = await auditActions(t, curator, 'business_event', eventId);
    expect(actions.filter((a: string) => a === 'business_event.meeting_moved')).toHaveLength(2);
    expect(actions).toContain('business_event.meetings_swapped');
  });

  it('cancels a meeting by form, tells the attendee left with none, and a re-run keeps the other meeting where it is', async () => {
    const worker = t.app.get(OutboxWorker);
    await worker.drain();
    const before = await grid();
    const portMeeting = before.find((m) => m.buyerName === 'Fournil du Port')!;
    const bakery = before.find((m) => m.buyerName === 'Boulangerie Test')!;
    expect(smtp.to(port.email).filter((m) => m.subject?.includes('Vos rendez-vous du'))).not.toHaveLength(0);

    expect(await web.post(`${gridUrl()}/${portMeeting.id}/annuler`)).toMatchObject({
      status: 303,
      location: `${gridUrl()}?message=meeting-cancelled`,
    });
    expect((await web.post(`${gridUrl()}/${portMeeting.id}/annuler`)).status).toBe(404);
    await worker.drain();
    const cancelled = smtp.to(port.email).filter((m) => m.subject?.includes('sont annulés'));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0].text).toContain("vous n'avez plus de rendez-vous");
    // The bakery's agenda did not change: no cancellation mail, no new agenda.
    expect(smtp.to(s.buyer.email).filter((m) => m.subject?.includes('sont annulés'))).toHaveLength(0);

    expect(await web.post(`/app/rendez-vous/${eventId}/planification`)).toMatchObject({ status: 303 });
    expect(await grid()).toEqual([expect.objectContaining({ id: bakery.id, slot: bakery.slot, table: bakery.table })]);
    await worker.drain();
    expect(smtp.to(port.email).filter((m) => m.subject?.includes('sont annulés'))).toHaveLength(1);
  });

  it('adds and removes a pair from the console, audited', async () => {
    const page = (await web.get(gridUrl())).text;
    const option = (name: string) => new RegExp(`<option value="([0-9a-f-]{36})">${name}</option>`).exec(page)![1];
    const pair = { buyerAttendeeId: option('Fournil du Port'), vendorAttendeeId: option('Prévi Ventes') };
    expect(await web.post(`${gridUrl()}/binomes`, { ...pair, kind: 'removed' })).toMatchObject({
      status: 303,
      location: `${gridUrl()}?message=meeting-pair-removed`,
    });
    expect(await web.post(`${gridUrl()}/binomes`, { ...pair, kind: 'added' })).toMatchObject({ status: 303 });
    const wrongSides = await web.post(`${gridUrl()}/binomes`, {
      buyerAttendeeId: pair.vendorAttendeeId,
      vendorAttendeeId: pair.buyerAttendeeId,
      kind: 'added',
    });
    expect(wrongSides.status).toBe(400);
    expect(visibleText(wrongSides.text)).toContain('Un binôme réunit un acheteur et un fournisseur inscrits');
    expect((await web.post(`${gridUrl()}/binomes`, { kind: 'added' })).status).toBe(400);
    const actions = await auditActions(t, curator, 'business_event', eventId);
    expect(actions).toEqual(expect.arrayContaining(['business_event.pair_removed', 'business_event.pair_added']));
  });

  it('moves and swaps through the API with the same rules, naming the broken ones in `details`', async () => {
    const [bakery] = await grid();
    const api = (path: string, body: object) =>
      request(t.server).post(`/events/${eventId}/meetings/${bakery.id}/${path}`).set(bearer(curator)).send(body);
    const refused = await api('move', { slot: 3, table: 3 }).expect(409);
    expect(refused.body).toMatchObject({
      code: 'EVENT_SEAT_REFUSED',
      details: { violations: expect.arrayContaining(['slot_out_of_range', 'table_out_of_range']) },
    });
    await api('move', { slot: -1, table: 1 }).expect(400);
    await api('swap', { otherMeetingId: bakery.id }).expect(409);
    await api('swap', { otherMeetingId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await api('move', { slot: 0, table: 1 }).expect(204);
    expect(await grid()).toEqual([expect.objectContaining({ id: bakery.id, slot: 0, table: 1 })]);
  });
});
