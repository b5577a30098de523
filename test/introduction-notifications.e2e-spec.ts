import request from 'supertest';
import { IntroductionRemindersJob } from '../src/introductions/introduction-reminders.job.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerVendor, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

describe('introduction e-mails and reminders', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const drain = () => t.app.get(OutboxWorker).drain();
  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body);
  /** The introduction e-mails of some users in the mail log, oldest first. */
  const mailsTo = async (people: Record<string, { userId: string }>) => {
    const names = new Map(Object.entries(people).map(([name, p]) => [p.userId, name]));
    const rows = (await t.dataSource.query(
      'SELECT user_id, kind, subject, body FROM mail_log WHERE user_id = ANY($1::uuid[]) AND kind LIKE $2 ORDER BY created_at, id',
      [[...names.keys()], 'introduction_%'],
    )) as { user_id: string; kind: string; subject: string; body: string }[];
    return rows.map((r) => ({ to: names.get(r.user_id)!, kind: r.kind, subject: r.subject, body: r.body }));
  };

  it('mails both sides on proposal, the other side on one acceptance, and both on connection, in order', async () => {
    const pair = await eligiblePair(t, curator);
    const colleague = await registerVendor(t, { organisation: { siren: pair.vendor.organisation.siren } });
    const intro = await proposeIntroduction(t, curator, pair);
    await drain();
    await act(pair.vendor, intro.id, 'accept').expect(200);
    await drain();
    await act(pair.buyer, intro.id, 'accept').expect(200);
    await drain();
    const log = await mailsTo({ vendor: pair.vendor, buyer: pair.buyer, curator, colleague });
    const proposal = log
      .slice(0, 2)
      .map((m) => [m.to, m.kind])
      .sort();
    expect(proposal).toEqual([
      ['buyer', 'introduction_proposed'],
      ['vendor', 'introduction_proposed'],
    ]);
    expect(log.slice(2, 3).map((m) => [m.to, m.kind])).toEqual([['buyer', 'introduction_accepted']]);
    expect(
      log
        .slice(3)
        .map((m) => [m.to, m.kind])
        .sort(),
    ).toEqual([
      ['buyer', 'introduction_connected'],
      ['vendor', 'introduction_connected'],
    ]);
    // The pending colleague is not a member yet; the proposal quotes the curator and links the introduction.
    expect(log.some((m) => m.to === 'colleague')).toBe(false);
    expect(log[0].body).toContain('Un premier échange vous serait utile.');
    expect(log[0].body).toContain(`/app/mises-en-relation/${intro.id}`);
    expect(log[0].subject).toBe('Proposition de mise en relation : Tri automatique des courriers entrants');
    // No e-mail body carries the other side's address before the connection.
    const beforeConnection = log.filter((m) => m.kind !== 'introduction_connected');
    for (const m of beforeConnection) expect(m.body).not.toContain(m.to === 'vendor' ? pair.buyer.email : pair.vendor.email);
  });

  it('mails a decline to the other side and the curators, with the reason', async () => {
    const pair = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, pair);
    await drain();
    await act(pair.vendor, intro.id, 'decline', { reason: 'no_capacity' }).expect(200);
    await drain();
    const declines = (await mailsTo({ vendor: pair.vendor, buyer: pair.buyer, curator })).filter((m) => m.kind === 'introduction_declined');
    expect(declines.map((m) => m.to).sort()).toEqual(['buyer', 'curator']);
    expect(declines[0].body).toContain('Pas de disponibilité');
  });

  it('sends nothing of a muted kind', async () => {
    const pair = await eligiblePair(t, curator);
    await request(t.server)
      .patch('/me/notifications')
      .set(bearer(pair.buyer))
      .send({ muted: ['introduction_proposed'] })
      .expect(200);
    await proposeIntroduction(t, curator, pair);
    await drain();
    expect((await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).map((m) => [m.to, m.kind])).toEqual([
      ['vendor', 'introduction_proposed'],
    ]);
  });

  it('sends nothing twice when an event is delivered again', async () => {
    const pair = await eligiblePair(t, curator);
    await proposeIntroduction(t, curator, pair);
    await drain();
    await t.dataSource.query("UPDATE outbox_event SET processed_at = NULL, available_at = now() WHERE topic LIKE 'introduction.%'");
    await drain();
    expect(await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).toHaveLength(2);
  });

  describe('reminders', () => {
    it('reminds each side that has not answered after REMINDER_DAYS days, once', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await act(pair.vendor, intro.id, 'accept').expect(200);
      await drain();
      const job = t.app.get(IntroductionRemindersJob);
      const [{ proposed_at: proposedAt }] = await t.dataSource.query('SELECT proposed_at FROM introduction WHERE id = $1', [intro.id]);
      const before = (await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).length;

      await job.runOnce(new Date(proposedAt.getTime() + 4 * DAY));
      await drain();
      expect(await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).toHaveLength(before);

      const later = new Date(proposedAt.getTime() + 6 * DAY);
      expect(await job.runOnce(later)).toBeGreaterThanOrEqual(1);
      await drain();
      await job.runOnce(new Date(later.getTime() + 30 * DAY));
      await drain();
      const reminders = (await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).filter((m) => m.kind === 'introduction_reminder');
      // The vendor answered: only the buyer is reminded, and only once.
      expect(reminders.map((m) => m.to)).toEqual(['buyer']);
      expect(reminders[0].subject).toBe('Rappel : une mise en relation attend votre réponse');
      const [row] = await t.dataSource.query('SELECT reminded_vendor_at, reminded_buyer_at FROM introduction WHERE id = $1', [intro.id]);
      expect(row.reminded_vendor_at).toBeNull();
      expect(row.reminded_buyer_at).toEqual(later);
    });

    it('never reminds twice when several instances run the job at once', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await drain();
      const job = t.app.get(IntroductionRemindersJob);
      const far = new Date(Date.now() + 365 * DAY);
      await Promise.all(Array.from({ length: 5 }, () => job.runOnce(far)));
      await drain();
      const reminders = (await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).filter((m) => m.kind === 'introduction_reminder');
      expect(reminders.map((m) => m.to).sort()).toEqual(['buyer', 'vendor']);
      expect(
        await t.dataSource.query(
          "SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'introduction.reminder' AND payload->>'introductionId' = $1",
          [intro.id],
        ),
      ).toEqual([{ n: 2 }]);
    });

    it('sends no reminder for a side that answered between the job and the delivery', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await drain();
      await t.app.get(IntroductionRemindersJob).runOnce(new Date(Date.now() + 365 * DAY));
      await act(pair.buyer, intro.id, 'decline', { reason: 'budget' }).expect(200);
      await drain();
      expect((await mailsTo({ vendor: pair.vendor, buyer: pair.buyer })).filter((m) => m.kind === 'introduction_reminder')).toEqual([]);
    });
  });
});
