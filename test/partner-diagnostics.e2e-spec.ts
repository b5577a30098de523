import request from 'supertest';
import { bearer, createAdmin, randomSiren, registerBuyer, uniqueEmail, type TestSession } from './support/auth.js';
import { DIAGNOSTIC_CSV_COLUMNS } from '../src/partners/diagnostic-csv.js';
import { apiKey, createPartnerKey } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const useCase = (code: string, priority: number, over: Record<string, unknown> = {}) => ({
  code,
  priority,
  title: `Cas ${code}`,
  description: 'Issu du diagnostic Data IA.',
  useCaseCodes: ['SALES_FORECAST'],
  dataSensitivity: 'none',
  horizon: '6_months',
  budgetMinEur: 5000,
  budgetMaxEur: 15000,
  ...over,
});

describe('diagnostic import (issue 20): one draft per prioritised use case, checked row by row, idempotent', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestSession;
  let key: string;

  const diagnostic = (over: Record<string, unknown> = {}) => ({
    diagnosticId: `BPI-DIAG-${randomSiren()}`,
    date: '2026-11-30',
    expert: { name: 'Camille Martin', email: 'camille.martin@bpifrance.example.fr' },
    company: { name: 'Boulangerie Niçoise', siren: randomSiren(), nafCode: '10.71C', communeCode: '06088', buyerType: 'tpe' },
    contactEmail: uniqueEmail('dirigeante'),
    useCases: [useCase('UC-2', 2), useCase('UC-1', 1, { useCaseCodes: ['DOC_PROCESSING'], horizon: 'immediate' })],
    ...over,
  });
  const count = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await createAdmin(t);
    key = (await createPartnerKey(t, admin, ['needs:write'])).secret;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('creates one draft per use case, linked to the diagnostic and its expert, and invites the contact once', async () => {
    const body = diagnostic();
    const res = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(body).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      diagnosticId: body.diagnosticId,
      needs: [
        { code: 'UC-1', needId: expect.any(String), created: true },
        { code: 'UC-2', needId: expect.any(String), created: true },
      ],
      invitationExpiresAt: expect.any(String),
    });
    const needs = await t.dataSource.query(
      `SELECT n.status, n.source, n.diagnostic_use_case AS code, n.use_cases, n.desired_start::text, n.min_budget_eur, d.expert_name, d.diagnosed_on::text
         FROM need n JOIN diagnostic d ON d.id = n.diagnostic_id WHERE d.id = $1 ORDER BY n.diagnostic_use_case`,
      [res.body.id],
    );
    expect(needs).toEqual([
      {
        status: 'draft',
        source: 'diagnostic',
        code: 'UC-1',
        use_cases: ['DOC_PROCESSING'],
        desired_start: '2026-11-30',
        min_budget_eur: 5000,
        expert_name: 'Camille Martin',
        diagnosed_on: '2026-11-30',
      },
      {
        status: 'draft',
        source: 'diagnostic',
        code: 'UC-2',
        use_cases: ['SALES_FORECAST'],
        desired_start: '2027-05-30',
        min_budget_eur: 5000,
        expert_name: 'Camille Martin',
        diagnosed_on: '2026-11-30',
      },
    ]);
    const mails = smtp.to(body.contactEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Diagnostic Data IA du 30/11/2026 : 2 cas d'usage à relire");

    // One claim gives the buyer every draft of the diagnostic.
    const token = /app\/invitations\/([A-Za-z0-9_-]{43})/.exec(mails[0].text ?? '')![1];
    const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
    const claimed = await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(200);
    expect([...claimed.body.needIds].sort()).toEqual(res.body.needs.map((n: { needId: string }) => n.needId).sort());
    for (const n of res.body.needs as { needId: string }[])
      await request(t.server).get(`/needs/${n.needId}`).set(bearer(buyer)).expect(200);
  });

  it('creates nothing twice on a re-import, only the use cases not imported yet', async () => {
    const body = diagnostic();
    const first = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(body).expect(201);
    const again = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(body).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.needs).toEqual(first.body.needs.map((n: object) => ({ ...n, created: false })));
    expect(again.body.invitationExpiresAt).toBeNull();
    expect(smtp.to(body.contactEmail)).toHaveLength(1);

    const more = await request(t.server)
      .post('/partner/diagnostics')
      .set(apiKey(key))
      .send({ ...body, useCases: [...body.useCases, useCase('UC-3', 3)] })
      .expect(201);
    expect(more.body.needs.map((n: { code: string; created: boolean }) => [n.code, n.created])).toEqual([
      ['UC-1', false],
      ['UC-2', false],
      ['UC-3', true],
    ]);
    expect(await count('SELECT count(*)::int AS n FROM need WHERE diagnostic_id = $1', [first.body.id])).toBe(3);
    expect(await count('SELECT count(*)::int AS n FROM diagnostic WHERE external_id = $1', [body.diagnosticId])).toBe(1);
  });

  it('refuses a file with bad rows naming each row and field in French, and writes nothing', async () => {
    const needs = await count('SELECT count(*)::int AS n FROM need');
    const diagnostics = await count('SELECT count(*)::int AS n FROM diagnostic');
    const organisations = await count('SELECT count(*)::int AS n FROM organisation');
    const body = diagnostic({
      useCases: [useCase('UC-1', 1), useCase('UC-2', 2, { horizon: 'bientôt' }), useCase('UC-3', 3, { title: '' })],
    });
    const res = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(body).expect(400);
    expect(res.body.message).toBe("Le diagnostic contient des erreurs : rien n'a été enregistré.");
    expect(res.body.details).toEqual([
      { field: 'useCases[1].horizon', messages: [expect.stringMatching(/^Cas d'usage n° 2 : l’horizon est l’un de/)] },
      { field: 'useCases[2].title', messages: [expect.stringMatching(/^Cas d'usage n° 3 : le titre est obligatoire/)] },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM need')).toBe(needs);
    expect(await count('SELECT count(*)::int AS n FROM diagnostic')).toBe(diagnostics);
    expect(await count('SELECT count(*)::int AS n FROM organisation')).toBe(organisations);
    expect(smtp.to(body.contactEmail)).toHaveLength(0);
  });

  it.each([
    // Found by an outside review: each was a 500 and wrote nothing by luck.
    ['no expert', { expert: undefined }, 'expert'],
    ['an expert given as a list', { expert: [] }, 'expert'],
    ['a company given as a list', { company: [[]] }, 'company'],
    ['no company', { company: undefined }, 'company'],
    ['a date in the year 9999 (its horizon overflowed the database)', { date: '9999-12-31' }, 'date'],
    ['a date still to come', { date: '2099-01-15' }, 'date'],
    ['a week date', { date: '2026-W48-1' }, 'date'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_label, over, field) => {
    const needs = await count('SELECT count(*)::int AS n FROM need');
    const res = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(diagnostic(over)).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await count('SELECT count(*)::int AS n FROM need')).toBe(needs);
  });

  it('refuses a CSV file that is not UTF-8 with a French 400, where its accents used to be stored as U+FFFD', async () => {
    const siren = randomSiren();
    const line = `CCI-LATIN1-${siren};2026-11-30;Camille Martin;camille@cci.example.fr;${siren};Boulangerie du Port;10.71C;06088;tpe;${uniqueEmail('latin')};UC-1;1;Prévision des ventes;;SALES_FORECAST;none;6_months;;`;
    const latin1 = Buffer.from(`${DIAGNOSTIC_CSV_COLUMNS.join(';')}\r\n${line}\r\n`, 'latin1');
    const needs = await count('SELECT count(*)::int AS n FROM need');
    const res = await request(t.server)
      .post('/partner/diagnostics/csv')
      .set(apiKey(key))
      .set('content-type', 'text/csv')
      .send(latin1)
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body', messages: [expect.stringContaining('UTF-8')] }],
    });
    expect(await count('SELECT count(*)::int AS n FROM need')).toBe(needs);
  });

  it('imports the CSV variant, naming the file’s line and column on a bad row, and re-imports it without duplicates', async () => {
    const siren = randomSiren();
    const id = `CCI-CSV-${siren}`;
    const contact = uniqueEmail('dirigeante');
    const diag = `${id};2026-11-30;Camille Martin;camille@cci.example.fr;${siren};Boulangerie du Port;10.71C;06088;tpe;${contact}`;
    const header = DIAGNOSTIC_CSV_COLUMNS.join(';');
    const csv = (lines: string[]) => `\uFEFF${header}\r\n${lines.map((l) => `${diag};${l}`).join('\r\n')}\r\n`;
    const post = (text: string) =>
      request(t.server).post('/partner/diagnostics/csv').set(apiKey(key)).set('content-type', 'text/csv').send(text);

    const needs = await count('SELECT count(*)::int AS n FROM need');
    const bad = await post(
      csv(['UC-1;1;"Prévision; ventes";;SALES_FORECAST;none;6_months;5000;15000', 'UC-2;2;Tri;;DOC_PROCESSING;personal;bientôt;;']),
    ).expect(400);
    expect(bad.body.details).toEqual([
      { field: 'ligne 3.horizon', messages: [expect.stringMatching(/^Ligne 3 \(colonne horizon\) : l’horizon/)] },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM need')).toBe(needs);

    const good = csv([
      'UC-1;1;"Prévision; ventes";;SALES_FORECAST|PRICING_CRM_ANALYTICS;none;6_months;5000;15000',
      'UC-2;2;Tri;;DOC_PROCESSING;personal;immediate;;',
    ]);
    const first = await post(good).expect(201);
    expect(first.body.needs.map((n: { code: string; created: boolean }) => [n.code, n.created])).toEqual([
      ['UC-1', true],
      ['UC-2', true],
    ]);
    const [need] = await t.dataSource.query('SELECT title, use_cases FROM need WHERE id = $1', [first.body.needs[0].needId]);
    expect(need).toEqual({ title: 'Prévision; ventes', use_cases: ['SALES_FORECAST', 'PRICING_CRM_ANALYTICS'] });
    const again = await post(good).expect(201);
    expect(again.body.needs.every((n: { created: boolean }) => !n.created)).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM need WHERE diagnostic_id = $1', [first.body.id])).toBe(2);
  });

  it('refuses a diagnosticId already imported for another company', async () => {
    const body = diagnostic();
    await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(body).expect(201);
    const other = { ...body, company: { ...body.company, siren: randomSiren() } };
    const res = await request(t.server).post('/partner/diagnostics').set(apiKey(key)).send(other).expect(409);
    expect(res.body.code).toBe('DIAGNOSTIC_OTHER_COMPANY');
  });
});
