import request from 'supertest';
import { bearer, createAdmin, createCurator, registerBuyer, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { apiKey, createPartnerKey, partnerNeedBody } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Needs, introductions and wins by source and partner (issue 20), on a database of this file's own. */
describe('stats by source and partner', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;
  let partnerId: string;
  let partnerName: string;
  let partnerNeedId: string;
  let directNeedId: string;

  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body).expect(200);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
    const admin = await createAdmin(t);
    const pair = await eligiblePair(t, curator);
    directNeedId = pair.needId;

    const key = await createPartnerKey(t, admin);
    partnerId = key.partnerId;
    partnerName = (await t.dataSource.query('SELECT name FROM partner WHERE id = $1', [partnerId]))[0].name;
    const body = partnerNeedBody();
    partnerNeedId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id;
    await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(partnerNeedBody()).expect(201); // never claimed
    const token = /app\/invitations\/([A-Za-z0-9_-]{43})/.exec(smtp.to(body.contactEmail)[0].text ?? '')![1];
    const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
    await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${partnerNeedId}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${partnerNeedId}/publish`).set(bearer(curator)).send({}).expect(200);

    const intro = await proposeIntroduction(t, curator, { needId: partnerNeedId, offeringId: pair.offeringId });
    await act(pair.vendor, intro.id, 'accept');
    await act(buyer, intro.id, 'accept');
    await act(buyer, intro.id, 'meeting-held');
    await act(curator, intro.id, 'outcome', { outcome: 'won' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('counts needs, introductions and wins by source, every source listed, and by partner', async () => {
    const res = await request(t.server).get('/stats/sources').set(bearer(curator)).expect(200);
    const zero = { needs: 0, submitted: 0, published: 0, introductions: 0, won: 0, winsPerPublishedNeed: null };
    expect(res.body).toEqual({
      period: { from: null, to: null },
      bySource: [
        {
          source: 'direct',
          label: 'Saisi par l’acheteur',
          needs: 1,
          submitted: 1,
          published: 1,
          introductions: 0,
          won: 0,
          winsPerPublishedNeed: 0,
        },
        {
          source: 'partner',
          label: 'Apporté par un partenaire',
          needs: 2,
          submitted: 1,
          published: 1,
          introductions: 1,
          won: 1,
          winsPerPublishedNeed: 1,
        },
        { source: 'diagnostic', label: 'Issu d’un diagnostic Data IA', ...zero },
        { source: 'event', label: 'Recueilli lors d’un événement', ...zero },
        { source: 'curator', label: 'Saisi par un curateur', ...zero },
      ],
      byPartner: [
        {
          partnerId,
          name: partnerName,
          kind: 'cci',
          needs: 2,
          submitted: 1,
          published: 1,
          introductions: 1,
          won: 1,
          winsPerPublishedNeed: 1,
        },
      ],
    });
  });

  it('leaves out needs created outside the period', async () => {
    const res = await request(t.server)
      .get('/stats/sources')
      .query({ from: '2020-01-01', to: '2020-12-31' })
      .set(bearer(curator))
      .expect(200);
    expect(res.body.byPartner).toEqual([]);
    expect(res.body.bySource.every((s: { needs: number }) => s.needs === 0)).toBe(true);
  });

  it('adds the source and the partner to the CSV export, and to the need itself', async () => {
    const res = await request(t.server)
      .get('/stats/export.csv')
      .query({ columns: 'id,source,partnerName,won' })
      .set(bearer(curator))
      .expect(200);
    const lines = res.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,source,partnerName,won');
    expect(lines).toContain(`${partnerNeedId},partner,${partnerName},1`);
    expect(lines).toContain(`${directNeedId},direct,,0`);
    expect(lines).toHaveLength(3); // the unclaimed draft is not exported
    const need = await request(t.server).get(`/needs/${partnerNeedId}`).set(bearer(curator)).expect(200);
    expect(need.body).toMatchObject({ source: 'partner', partnerId });
  });
});
