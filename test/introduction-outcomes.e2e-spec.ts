import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction, type Pair } from './support/introductions.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('introduction outcomes with their value (issue 24)', () => {
  let t: TestApp;
  let curator: TestSession;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const drain = () => t.app.get(OutboxWorker).drain();
  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body);

  /** An introduction both sides accepted and met on. */
  async function metIntroduction(): Promise<{ pair: Pair; id: string }> {
    const pair = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, pair);
    await act(pair.vendor, intro.id, 'accept').expect(200);
    await act(pair.buyer, intro.id, 'accept').expect(200);
    await act(pair.buyer, intro.id, 'meeting-held').expect(200);
    return { pair, id: intro.id };
  }

  const fieldsOf = (body: { details?: { field: string; messages: string[] }[] }) => (body.details ?? []).map((d) => d.field).sort();

  it.each<[string, Record<string, unknown>, string[]]>([
    ['won without value or start', { outcome: 'won' }, ['startDate', 'valueBand']],
    ['an amount outside its band', { outcome: 'won', valueBand: 'under_5k', amountEur: 8000, startDate: '2027-02-01' }, ['amountEur']],
    ['an unknown band', { outcome: 'won', valueBand: 'huge', startDate: '2027-02-01' }, ['valueBand']],
    ['a start that is no date', { outcome: 'won', valueBand: 'under_5k', startDate: 'mars 2027' }, ['startDate']],
    ['a negative amount', { outcome: 'won', amountEur: -5, startDate: '2027-02-01' }, ['amountEur']],
    ['lost without reason', { outcome: 'lost' }, ['lostReason']],
    ['lost for another reason, unexplained', { outcome: 'lost', lostReason: 'other' }, ['lostComment']],
    ['lost with a deal value', { outcome: 'lost', lostReason: 'price', valueBand: 'under_5k' }, ['valueBand']],
    ['won with a lost reason', { outcome: 'won', valueBand: 'under_5k', startDate: '2027-02-01', lostReason: 'price' }, ['lostReason']],
  ])('answers 400 naming the fields for %s, and changes nothing', async (_case, body, fields) => {
    const { pair, id } = await metIntroduction();
    const res = await act(pair.vendor, id, 'outcome', body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(res.body.details.every((d: { messages: string[] }) => d.messages.every((m) => m.length > 10))).toBe(true);
    expect((await request(t.server).get(`/introductions/${id}`).set(bearer(pair.vendor)).expect(200)).body.status).toBe('meeting_held');
  });

  it('records an exact amount with its band, a start and a public flag, shown to both sides', async () => {
    const { pair, id } = await metIntroduction();
    await act(pair.buyer, id, 'outcome', { outcome: 'won', amountEur: 64_000, startDate: '2027-03-01', public: true }).expect(200);
    const seen = (await request(t.server).get(`/introductions/${id}`).set(bearer(pair.vendor)).expect(200)).body;
    expect(seen.deal).toEqual({
      valueBand: '50k_150k',
      valueBandLabel: 'De 50 à 150 k€',
      amountEur: 64_000,
      startDate: '2027-03-01',
      public: true,
    });
    const [row] = await t.dataSource.query('SELECT deal_value_band, deal_amount_eur, lost_reason FROM introduction WHERE id = $1', [id]);
    expect(row).toEqual({ deal_value_band: '50k_150k', deal_amount_eur: 64_000, lost_reason: null });
  });

  it('records why a deal was lost', async () => {
    const { pair, id } = await metIntroduction();
    const res = await act(pair.vendor, id, 'outcome', {
      outcome: 'lost',
      lostReason: 'other',
      lostComment: 'Projet fusionné avec la métropole.',
    }).expect(200);
    expect(res.body).toMatchObject({
      deal: null,
      loss: { reason: 'other', reasonLabel: 'Autre raison', comment: 'Projet fusionné avec la métropole.' },
    });
  });

  it('lets a curator record an outcome heard second-hand without its figures', async () => {
    const { id } = await metIntroduction();
    const res = await act(curator, id, 'outcome', { outcome: 'won' }).expect(200);
    expect(res.body.deal).toEqual({ valueBand: null, valueBandLabel: null, amountEur: null, startDate: null, public: false });
  });

  describe('e-mails', () => {
    /** The e-mails about one introduction (its link is in each body) to some people. */
    const mailsOf = async (introductionId: string, people: Record<string, { userId: string }>, kinds: string[]) => {
      const names = new Map(Object.entries(people).map(([name, p]) => [p.userId, name]));
      const rows = (await t.dataSource.query(
        `SELECT user_id, kind, subject, body FROM mail_log
          WHERE user_id = ANY($1::uuid[]) AND kind = ANY($2::text[]) AND strpos(body, $3) > 0 ORDER BY created_at, id`,
        [[...names.keys()], kinds, `/app/mises-en-relation/${introductionId}`],
      )) as { user_id: string; kind: string; subject: string; body: string }[];
      return rows.map((r) => ({ to: names.get(r.user_id)!, kind: r.kind, subject: r.subject, body: r.body }));
    };
    const followUp = ['introduction_meeting_held', 'introduction_won', 'introduction_lost', 'introduction_cancelled'];

    it('tells the other side and the curator of a meeting held and a won deal, never the one who acted, once per event', async () => {
      const { pair, id } = await metIntroduction();
      await act(pair.vendor, id, 'outcome', { outcome: 'won', valueBand: '20k_50k', startDate: '2027-02-01' }).expect(200);
      await drain();
      await t.dataSource.query("UPDATE outbox_event SET processed_at = NULL, available_at = now() WHERE topic LIKE 'introduction.%'");
      await drain();
      const mails = await mailsOf(id, { vendor: pair.vendor, buyer: pair.buyer, curator }, followUp);
      expect(mails.map((m) => [m.kind, m.to]).sort()).toEqual([
        ['introduction_meeting_held', 'curator'],
        ['introduction_meeting_held', 'vendor'],
        ['introduction_won', 'buyer'],
        ['introduction_won', 'curator'],
      ]);
      const won = mails.find((m) => m.kind === 'introduction_won')!;
      expect(won.subject).toBe('Contrat signé : Tri automatique des courriers entrants');
      expect(won.body).toContain('Montant : De 20 à 50 k€ HT · début le 01/02/2027');
    });

    it('sends the follow-up through SMTP, and nothing of a kind its recipient muted', async () => {
      const { pair, id } = await metIntroduction();
      await request(t.server)
        .patch('/me/notifications')
        .set(bearer(pair.buyer))
        .send({ muted: ['introduction_won'] })
        .expect(200);
      await act(pair.vendor, id, 'outcome', { outcome: 'won', valueBand: 'under_5k', startDate: '2027-02-01' }).expect(200);
      await drain();
      const subjects = (email: string) => smtp.to(email).map((m) => m.subject);
      // The buyer recorded the meeting: the vendor is told of it; the vendor recorded the win: the buyer muted it.
      expect(subjects(pair.vendor.email)).toContain('Rendez-vous tenu : Tri automatique des courriers entrants');
      expect(subjects(pair.buyer.email).filter((s) => s?.startsWith('Contrat signé'))).toEqual([]);
      expect(subjects(pair.buyer.email).length).toBeGreaterThan(0); // other mails reach the buyer
      const toCurator = smtp.to(curator.email).filter((m) => m.text?.includes(`/app/mises-en-relation/${id}`));
      expect(toCurator.map((m) => m.subject).sort()).toEqual([
        'Contrat signé : Tri automatique des courriers entrants',
        'Rendez-vous tenu : Tri automatique des courriers entrants',
      ]);
      expect(toCurator.find((m) => m.subject?.startsWith('Contrat'))!.text).toContain('Montant : Moins de 5 k€ HT · début le 01/02/2027');
    });

    it('tells of a lost deal with its reason, and of a cancellation to both sides', async () => {
      const lost = await metIntroduction();
      await act(lost.pair.buyer, lost.id, 'outcome', { outcome: 'lost', lostReason: 'competitor' }).expect(200);
      const cancelled = await metIntroduction();
      await act(curator, cancelled.id, 'cancel').expect(200);
      await drain();
      const lostMails = await mailsOf(lost.id, { vendor: lost.pair.vendor, buyer: lost.pair.buyer, curator }, ['introduction_lost']);
      expect(lostMails.map((m) => m.to).sort()).toEqual(['curator', 'vendor']);
      expect(lostMails[0].body).toContain('Un autre prestataire a été retenu');
      const cancelMails = await mailsOf(cancelled.id, { vendor: cancelled.pair.vendor, buyer: cancelled.pair.buyer, curator }, [
        'introduction_cancelled',
      ]);
      expect(cancelMails.map((m) => m.to).sort()).toEqual(['buyer', 'vendor']);
    });
  });
});
