import request from 'supertest';
import { RetentionJob } from '../src/retention/retention.job.js';
import { JWT_SIGNING_SECRET } from '../src/credentials/jwt-secret.js';
import { OutcomeSurveyJob } from '../src/outcome-surveys/outcome-survey.job.js';
import { OutcomeSurveysService } from '../src/outcome-surveys/outcome-surveys.service.js';
import { surveyToken } from '../src/outcome-surveys/survey-token.js';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction, wonIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('retention: old closed needs lose their free text, statistics stay', () => {
  let t: TestApp;
  let curator: TestSession;
  let job: RetentionJob;

  beforeAll(async () => {
    t = await createTestApp({ env: { RETENTION_MONTHS: '36' } });
    curator = await createCurator(t);
    job = t.app.get(RetentionJob);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('erases a need closed 37 months ago, its introductions and its marks, keeps the recent one and every statistic', async () => {
    const old = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, old);
    await request(t.server)
      .post(`/introductions/${intro.id}/decline`)
      .set(bearer(old.vendor))
      .send({ reason: 'other', comment: 'Nous ne travaillons pas avec Dupont SA.' })
      .expect(200);
    await request(t.server)
      .put(`/needs/${old.needId}/matches/${old.offeringId}/judgment`)
      .set(bearer(curator))
      .send({ verdict: 'not_relevant', reason: 'other', comment: 'Dupont SA travaille déjà avec eux.' })
      .expect(200);
    await request(t.server).post(`/needs/${old.needId}/close`).set(bearer(curator)).send({ outcome: 'no_fit' }).expect(200);
    const recent = await eligiblePair(t, curator);
    await request(t.server).post(`/needs/${recent.needId}/close`).set(bearer(curator)).send({ outcome: 'abandoned' }).expect(200);

    const now = new Date();
    const longAgo = new Date(now);
    longAgo.setMonth(longAgo.getMonth() - 37);
    await t.dataSource.query('UPDATE need SET closed_at = $2 WHERE id = $1', [old.needId, longAgo]);
    const statsBefore = (await request(t.server).get('/stats/overview').set(bearer(curator)).expect(200)).body;

    expect(await job.runOnce(now)).toBe(1);
    expect(await job.runOnce(now)).toBe(0); // nothing twice

    const [erased] = await t.dataSource.query(
      'SELECT title, description, status, use_cases, region_code, close_outcome, anonymised_at FROM need WHERE id = $1',
      [old.needId],
    );
    expect(erased).toMatchObject({
      title: 'Besoin archivé',
      description: null,
      status: 'closed',
      use_cases: ['DOC_PROCESSING'],
      region_code: '93',
      close_outcome: 'no_fit',
    });
    expect(erased.anonymised_at).not.toBeNull();
    const [introduction] = await t.dataSource.query(
      'SELECT message, decline_comment, status, decline_reason FROM introduction WHERE id = $1',
      [intro.id],
    );
    expect(introduction).toEqual({
      message: 'Message archivé.',
      decline_comment: 'Commentaire archivé.',
      status: 'vendor_declined',
      decline_reason: 'other',
    });
    const [mark] = await t.dataSource.query('SELECT verdict, reason, comment FROM relevance_judgment WHERE need_id = $1', [old.needId]);
    expect(mark).toEqual({ verdict: 'not_relevant', reason: 'other', comment: 'Commentaire archivé.' });
    const [kept] = await t.dataSource.query('SELECT title, anonymised_at FROM need WHERE id = $1', [recent.needId]);
    expect(kept.title).not.toBe('Besoin archivé');
    expect(kept.anonymised_at).toBeNull();

    expect((await request(t.server).get('/stats/overview').set(bearer(curator)).expect(200)).body).toEqual(statsBefore);
    const audit = await t.dataSource.query("SELECT actor_role, after FROM audit_event WHERE action = 'retention.anonymise_needs'");
    expect(audit).toEqual([{ actor_role: 'system', after: { needs: 1, olderThanMonths: 36 } }]);
  });

  it('archives the comment of a three-month survey with its need, and keeps the answers', async () => {
    const { pair, id } = await wonIntroduction(t, curator);
    await t.app.get(OutcomeSurveyJob).runOnce(new Date(Date.now() + 93 * 24 * 3600 * 1000));
    const token = surveyToken(t.app.get<string>(JWT_SIGNING_SECRET), id);
    await t.app
      .get(OutcomeSurveysService)
      .answer(token, { inUse: true, asDeclared: 'yes', satisfaction: 4, wouldRecommend: true, comment: 'Merci à Jeanne Martin.' });
    await request(t.server).post(`/needs/${pair.needId}/close`).set(bearer(curator)).send({ outcome: 'won' }).expect(200);
    const longAgo = new Date();
    longAgo.setMonth(longAgo.getMonth() - 37);
    await t.dataSource.query('UPDATE need SET closed_at = $2 WHERE id = $1', [pair.needId, longAgo]);

    expect(await job.runOnce()).toBe(1);
    const [survey] = await t.dataSource.query('SELECT in_use, satisfaction, comment FROM outcome_survey WHERE introduction_id = $1', [id]);
    expect(survey).toEqual({ in_use: true, satisfaction: 4, comment: 'Commentaire archivé.' });
  });
});
