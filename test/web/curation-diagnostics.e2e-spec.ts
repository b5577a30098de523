import { DIAGNOSTIC_CSV_COLUMNS } from '../../src/partners/diagnostic-csv.js';
import { createAdmin, createCurator, randomSiren, uniqueEmail } from '../support/auth.js';
import { createPartner } from '../support/partners.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, type WebClient, webSignIn } from '../support/web.js';

const useCase = (code: string, priority: number, over: Record<string, unknown> = {}) => ({
  code,
  priority,
  title: `Cas ${code}`,
  useCaseCodes: ['SALES_FORECAST'],
  dataSensitivity: 'none',
  horizon: '6_months',
  budgetMinEur: 5000,
  budgetMaxEur: 15000,
  ...over,
});

const diagnostic = (over: Record<string, unknown> = {}) => ({
  diagnosticId: `MIA-DIAG-${randomSiren()}`,
  date: '2026-11-30',
  expert: { name: 'Camille Martin', email: 'camille.martin@maison-ia.example.fr' },
  company: { name: 'Scierie du Jura', siren: randomSiren(), nafCode: '16.10A', communeCode: '39300', buyerType: 'pme' },
  contactEmail: uniqueEmail('dirigeant'),
  useCases: [useCase('UC-1', 1), useCase('UC-2', 2)],
  ...over,
});

describe('the curators’ diagnostic upload (issue 20): preview, French row errors, confirmation, idempotent', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let web: WebClient;
  let partner: { id: string; name: string };
  const count = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const contentOf = (html: string) =>
    (/name="contenu" value="([^"]*)"/.exec(html)?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    const admin = await createAdmin(t);
    partner = await createPartner(t, admin);
    const curator = await createCurator(t);
    web = await webSignIn(t, { email: curator.email, password: curator.password });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('shows the upload form with the partners to choose from, in the curators’ menu', async () => {
    const page = await web.get('/app/curation/diagnostics');
    expect(page.status).toBe(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain(`<option value="${partner.id}"`);
    expect(page.text).toContain('href="/app/curation/diagnostics" aria-current="page"');
  });

  it('refuses a bad row naming the row and the field in French, writing nothing; then imports a good file once', async () => {
    const before = {
      needs: await count('SELECT count(*)::int AS n FROM need'),
      diags: await count('SELECT count(*)::int AS n FROM diagnostic'),
    };
    const bad = diagnostic({ useCases: [useCase('UC-1', 1), useCase('UC-2', 2, { horizon: 'bientôt' })] });
    const refused = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'diag.json', content: JSON.stringify(bad) },
      { partenaire: partner.id },
    );
    expect(refused.status).toBe(400);
    const text = visibleText(refused.text);
    expect(text).toContain("Le diagnostic contient des erreurs : rien n'a été enregistré");
    expect(text).toMatch(/Cas d'usage n° 2\s+horizon\s+Cas d'usage n° 2 : l’horizon est l’un de/);
    expect(await count('SELECT count(*)::int AS n FROM need')).toBe(before.needs);
    expect(await count('SELECT count(*)::int AS n FROM diagnostic')).toBe(before.diags);

    // A good file: previewed (nothing written), then confirmed.
    const good = diagnostic();
    const preview = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'diag.json', content: JSON.stringify(good) },
      { partenaire: partner.id },
    );
    expect(preview.status).toBe(200);
    expect(visibleText(preview.text)).toContain('2 besoin(s) seront créés');
    expect(await count('SELECT count(*)::int AS n FROM diagnostic')).toBe(before.diags);
    const done = await web.post('/app/curation/diagnostics', { partenaire: partner.id, contenu: contentOf(preview.text) });
    expect(done.status).toBe(201);
    expect(visibleText(done.text)).toContain('Import terminé : 2 besoin(s) créé(s)');
    const rows = await t.dataSource.query(
      `SELECT n.status, n.source, n.partner_id AS "partnerId", d.id AS "diagnosticId" FROM need n JOIN diagnostic d ON d.id = n.diagnostic_id
        WHERE d.external_id = $1 ORDER BY n.diagnostic_use_case`,
      [good.diagnosticId],
    );
    expect(rows).toEqual([
      { status: 'draft', source: 'diagnostic', partnerId: partner.id, diagnosticId: expect.any(String) },
      { status: 'draft', source: 'diagnostic', partnerId: partner.id, diagnosticId: expect.any(String) },
    ]);
    expect(smtp.to(good.contactEmail)).toHaveLength(1);
    const audit = await t.dataSource.query(
      "SELECT actor_role, after FROM audit_event WHERE action = 'diagnostic.import' AND entity_id = $1",
      [rows[0].diagnosticId],
    );
    expect(audit).toEqual([{ actor_role: 'curator', after: expect.objectContaining({ partnerId: partner.id, via: 'curation_upload' }) }]);

    // Uploaded again: the preview and the import say what already existed; nothing twice, no second e-mail.
    const again = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'diag.json', content: JSON.stringify(good) },
      { partenaire: partner.id },
    );
    expect(visibleText(again.text)).toContain('0 besoin(s) seront créés, 2 existent déjà');
    const redone = await web.post('/app/curation/diagnostics', { partenaire: partner.id, contenu: contentOf(again.text) });
    expect(redone.status).toBe(201);
    expect(visibleText(redone.text)).toContain('Import terminé : 0 besoin(s) créé(s), 2 déjà existant(s)');
    expect(await count('SELECT count(*)::int AS n FROM need WHERE diagnostic_id = $1', [rows[0].diagnosticId])).toBe(2);
    expect(smtp.to(good.contactEmail)).toHaveLength(1);

    // The diagnostic's needs together, with their status.
    const page = await web.get(`/app/curation/diagnostics/${rows[0].diagnosticId}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toMatch(/UC-1\s+Cas UC-1\s+Brouillon\s+Pas encore/);
    expect(visibleText(page.text)).toMatch(/UC-2\s+Cas UC-2\s+Brouillon/);
  });

  it('imports the CSV variant for no partner, its errors naming the file’s line and column', async () => {
    const d = diagnostic();
    const line = (code: string, horizon: string) =>
      [
        d.diagnosticId,
        d.date,
        d.expert.name,
        d.expert.email,
        d.company.siren,
        d.company.name,
        d.company.nafCode,
        d.company.communeCode,
        'pme',
        d.contactEmail,
        code,
        '1',
        `Cas ${code}`,
        '',
        'SALES_FORECAST',
        'none',
        horizon,
        '',
        '',
      ].join(';');
    const header = DIAGNOSTIC_CSV_COLUMNS.join(';');
    const bad = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'diag.csv', content: `${header}\n${line('UC-1', '6_months')}\n${line('UC-2', 'jamais')}\n` },
      { partenaire: '' },
    );
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toMatch(/Ligne 3\s+horizon\s+Ligne 3 \(colonne horizon\)/);

    const csv = `${header}\n${line('UC-1', '6_months')}\n`;
    const preview = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'diag.csv', content: csv },
      { partenaire: '' },
    );
    expect(preview.status).toBe(200);
    const done = await web.post('/app/curation/diagnostics', { partenaire: '', contenu: contentOf(preview.text) });
    expect(done.status).toBe(201);
    expect(visibleText(done.text)).toContain('partenaire : aucun');
    const [row] = await t.dataSource.query('SELECT partner_id FROM diagnostic WHERE external_id = $1', [d.diagnosticId]);
    expect(row).toEqual({ partner_id: null });
    expect(smtp.to(d.contactEmail)[0].text).toContain("L'équipe Circuit IA a préparé");
  });

  it('refuses an upload without the CSRF token, and an unknown diagnostic is a 404', async () => {
    const res = await web.upload(
      '/app/curation/diagnostics/apercu',
      { field: 'fichier', name: 'd.json', content: '{}' },
      {},
      { csrf: false },
    );
    expect(res.status).toBe(403);
    const missing = await web.get('/app/curation/diagnostics/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });
});
