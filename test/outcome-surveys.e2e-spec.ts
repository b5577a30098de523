import request from 'supertest';
import { OutcomeSurveyJob } from '../src/outcome-surveys/outcome-survey.job.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { unsubscribeToken } from '../src/lead-alerts/unsubscribe-token.js';
import { JWT_SIGNING_SECRET } from '../src/credentials/jwt-secret.js';
import { createCurator, type TestSession } from './support/auth.js';
import { wonIntroduction as won } from './support/introductions.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { visibleText, WebClient, webSignIn } from './support/web.js';

const DAY = 24 * 3600 * 1000;
/** A little over three months ahead: every deal won today is due. */
const threeMonthsOn = (): Date => new Date(Date.now() + 93 * DAY);

/*
 * Issue 24, decision 033: three months after a won deal the buyer gets one e-mail (real SMTP) with
 * a signed link; the answer is stored once; a buyer confirming use shows as « confirmé par un
 * client » on the offering, in the API and on its public page.
 */
describe('outcome surveys', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The default public address (http): the console's cookies are Secure under https, which the test client does not speak.
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const drain = () => t.app.get(OutboxWorker).drain();
  const job = () => t.app.get(OutcomeSurveyJob);
  const wonIntroduction = () => won(t, curator);
  /** The survey link of the last survey e-mail the buyer got, as a path. */
  const surveyLinkOf = (email: string): string => {
    const mail = smtp.to(email).find((m) => m.subject?.startsWith('Trois mois après'));
    if (!mail) throw new Error(`no survey e-mail to ${email}`);
    const url = /https?:\/\/[^/\s]+(\/app\/enquete\/[^\s]+)/.exec(mail.text ?? '')?.[1];
    if (!url) throw new Error('no survey link');
    return url;
  };
  const answers = { inUse: 'yes', asDeclared: 'yes', satisfaction: '5', wouldRecommend: 'yes', comment: 'Utilisé chaque jour.' };

  it('e-mails the buyer once, three months after the win, even with several instances running the job', async () => {
    const { pair } = await wonIntroduction();
    expect(await job().runOnce()).toBe(0);
    expect(await job().runOnce(new Date(Date.now() + 80 * DAY))).toBe(0);
    const runs = await Promise.all([job().runOnce(threeMonthsOn()), job().runOnce(threeMonthsOn()), job().runOnce(threeMonthsOn())]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await job().runOnce(threeMonthsOn())).toBe(0);
    await drain();
    const mails = smtp.to(pair.buyer.email).filter((m) => m.subject?.startsWith('Trois mois après'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Trois mois après : la solution retenue vous sert-elle ? (Tri automatique des courriers entrants)');
    expect(mails[0].text).toContain('Solution retenue :');
    expect(smtp.to(pair.vendor.email).filter((m) => m.subject?.startsWith('Trois mois après'))).toHaveLength(0);
  });

  it('never surveys a deal won long before the feature landed (outside the 30-day window)', async () => {
    const old = await wonIntroduction();
    await t.dataSource.query("UPDATE introduction SET outcome_at = now() - interval '8 months' WHERE id = $1", [old.id]);
    expect(await job().runOnce(threeMonthsOn())).toBe(0);
    const [row] = await t.dataSource.query('SELECT survey_sent_at FROM introduction WHERE id = $1', [old.id]);
    expect(row.survey_sent_at).toBeNull();
  });

  it('stores the answers once, shows « confirmé par un client » in the API and on the public page', async () => {
    const { pair, id } = await wonIntroduction();
    const before = (await request(t.server).get(`/offerings/${pair.offeringId}`).expect(200)).body;
    expect(before.references.confirmedByClients).toBe(0);
    expect(before.sovereigntyScore.clientConfirmations).toMatchObject({ count: 0, pointsAdded: 0 });
    const storedScore = async () =>
      (await t.dataSource.query('SELECT sovereignty_score, sovereignty_grade FROM offering WHERE id = $1', [pair.offeringId]))[0];
    const scoreBefore = await storedScore();
    await job().runOnce(threeMonthsOn());
    await drain();
    const link = surveyLinkOf(pair.buyer.email);
    const browser = new WebClient(t);
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('La solution est-elle en service chez vous ?');

    const missing = await browser.post(link, { inUse: 'yes' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Satisfaction : Choisissez une réponse.');

    const done = await browser.post(link, answers);
    expect(done.status).toBe(200);
    expect(visibleText(done.text)).toContain('Merci pour votre réponse');
    const [stored] = await t.dataSource.query(
      'SELECT in_use, as_declared, satisfaction, would_recommend, comment FROM outcome_survey WHERE introduction_id = $1',
      [id],
    );
    expect(stored).toEqual({ in_use: true, as_declared: 'yes', satisfaction: 5, would_recommend: true, comment: 'Utilisé chaque jour.' });

    const again = await browser.post(link, { ...answers, satisfaction: '1' });
    expect(again.status).toBe(409);
    expect(visibleText(again.text)).toContain('Ce questionnaire a déjà reçu une réponse');
    expect(visibleText((await browser.get(link)).text)).toContain('Questionnaire déjà rempli');

    const after = (await request(t.server).get(`/offerings/${pair.offeringId}`).expect(200)).body;
    expect(after.references.confirmedByClients).toBe(1);
    // Counted in the grade's explanation, never raising the score by itself: same total, grade, blocks and stored score.
    expect(after.sovereigntyScore.clientConfirmations).toEqual({
      count: 1,
      pointsAdded: 0,
      text: 'Confirmé par un client trois mois après la signature ; ces confirmations ne modifient pas la note, qui ne dépend que des déclarations et de leurs vérifications.',
    });
    const { clientConfirmations: _, ...scoreAfter } = after.sovereigntyScore;
    const { clientConfirmations: __, ...scoreBeforeAnswer } = before.sovereigntyScore;
    expect(scoreAfter).toEqual(scoreBeforeAnswer);
    expect(await storedScore()).toEqual(scoreBefore);
    const publicPage = visibleText((await new WebClient(t).get(`/app/offres/${pair.offeringId}`)).text);
    expect(publicPage).toContain('Confirmé par un client');
    expect(publicPage).toContain('ces confirmations ne modifient pas la note');
    // The vendor reads the same sentence beside the grade on its own offering page.
    const vendorWeb = await webSignIn(t, pair.vendor);
    const own = await vendorWeb.get(`/app/fournisseur/offres/${pair.offeringId}`);
    expect(own.status).toBe(200);
    expect(visibleText(own.text)).toContain('ces confirmations ne modifient pas la note');
  });

  it('does not count a buyer whose solution is no longer in use', async () => {
    const { pair } = await wonIntroduction();
    await job().runOnce(threeMonthsOn());
    await drain();
    const browser = new WebClient(t);
    const link = surveyLinkOf(pair.buyer.email);
    await browser.get(link);
    expect((await browser.post(link, { ...answers, inUse: 'no', satisfaction: '2', wouldRecommend: 'no' })).status).toBe(200);
    expect((await request(t.server).get(`/offerings/${pair.offeringId}`).expect(200)).body.references.confirmedByClients).toBe(0);
  });

  it('refuses forged links, links of another purpose, and answers without the form token', async () => {
    const { pair, id } = await wonIntroduction();
    await job().runOnce(threeMonthsOn());
    await drain();
    const link = surveyLinkOf(pair.buyer.email);
    const browser = new WebClient(t);
    expect((await browser.get(`${link.slice(0, -3)}xyz`)).status).toBe(404);
    expect((await browser.get('/app/enquete/not-a-token')).status).toBe(404);
    // A genuine token signed for the unsubscribe link, over the same id, is not a survey link.
    const secret = t.app.get<string>(JWT_SIGNING_SECRET);
    expect((await browser.get(`/app/enquete/${unsubscribeToken(secret, id)}`)).status).toBe(404);
    await browser.get(link);
    expect((await browser.post(`${link.slice(0, -3)}xyz`, answers)).status).toBe(404);
    expect((await browser.post(link, answers, { csrf: false })).status).toBe(403);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM outcome_survey WHERE introduction_id = $1', [id]);
    expect(count).toBe(0);
  });
});
