import { OfferingLexemes1765200000000 } from '../migrations/1765200000000-offering-lexemes.js';
import { prng } from '../src/common/prng.js';
import { luhnSiren, PROFILES, TEXTS } from '../src/demo/demo-data.js';
import type { SovereigntyProfile } from '../src/offerings/sovereignty-profile.js';
import { insertOfferingRows, sovereigntyRowColumns } from '../bench/support/bulk-offerings.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

/*
 * Decision 021: matching's lexical index (offering_lexeme, offering_text, lexeme_df,
 * offering_text_stats) is kept in step with `offering` by a statement trigger in the writing
 * transaction. After every kind of write, and under concurrent writers, it must equal what a
 * recomputation from the offerings gives.
 */
const USE_CASES = Object.keys(TEXTS);
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

describe('the lexical index of matching (decision 021)', () => {
  let t: TestApp;
  let ids: string[];
  const random = prng(2112);

  /** Rows of the index that a recomputation from `offering` does not give, and the reverse; empty when in step. */
  const drift = async (): Promise<Record<string, unknown>> => {
    const q = (sql: string) => t.dataSource.query(sql) as Promise<Record<string, unknown>[]>;
    const expected = `SELECT l AS lexeme, o.id AS offering_id FROM offering o, unnest(offering_lexemes(o.title, o.summary, o.description)) l
                       WHERE o.status = 'published'`;
    return {
      lexemesMissing: await q(`${expected} EXCEPT SELECT lexeme, offering_id FROM offering_lexeme`),
      lexemesExtra: await q(`SELECT lexeme, offering_id FROM offering_lexeme EXCEPT ${expected}`),
      df: await q(`(SELECT lexeme, df FROM lexeme_df EXCEPT SELECT lexeme, count(*)::int FROM offering_lexeme GROUP BY lexeme)
                   UNION ALL (SELECT lexeme, count(*)::int FROM offering_lexeme GROUP BY lexeme EXCEPT SELECT lexeme, df FROM lexeme_df)`),
      texts: await q(`(SELECT offering_id, lexemes, lexeme_count, damping FROM offering_text
                       EXCEPT SELECT id, offering_lexemes(title, summary, description), cardinality(offering_lexemes(title, summary, description)), offering_text_damping(title, summary, description)
                         FROM offering WHERE status = 'published')
                      UNION ALL
                      (SELECT id, offering_lexemes(title, summary, description), cardinality(offering_lexemes(title, summary, description)), offering_text_damping(title, summary, description)
                         FROM offering WHERE status = 'published'
                       EXCEPT SELECT offering_id, lexemes, lexeme_count, damping FROM offering_text)`),
      stats: await q(`SELECT documents, lexemes FROM offering_text_stats
                      EXCEPT SELECT count(*)::int, coalesce(sum(lexeme_count), 0)::bigint FROM offering_text`),
    };
  };
  const inStep = { lexemesMissing: [], lexemesExtra: [], df: [], texts: [], stats: [] };

  beforeAll(async () => {
    t = await createTestApp();
    const [{ id: vendorId }] = (await t.dataSource.query(
      `INSERT INTO organisation (kind, name, siren, naf_code, commune_code, verified_at) VALUES ('vendor', 'Lexèmes', $1, '62.01Z', '06088', now()) RETURNING id`,
      [luhnSiren(72000001)],
    )) as { id: string }[];
    const rows = Array.from({ length: 60 }, (_, i) => {
      const text = TEXTS[pick(random, USE_CASES)];
      return {
        vendor_id: vendorId,
        status: (i % 5 === 0 ? 'draft' : 'published') as 'draft' | 'published',
        title: `${pick(random, text.titles)} ${i}`,
        summary: text.summary,
        description: text.description,
        use_cases: [pick(random, USE_CASES)],
        sectors: [],
        service_national: true,
        service_regions: [],
        service_departements: [],
        remote_delivery: true,
        min_budget_eur: null,
        max_budget_eur: null,
        target_buyer_types: [],
        ...sovereigntyRowColumns({ ...pick(random, PROFILES), declaredAt: '2026-01-01T00:00:00.000Z' } as unknown as SovereigntyProfile),
      };
    });
    ids = await insertOfferingRows(t.dataSource, rows);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('holds every published offering’s distinct lexemes after a bulk insert, drafts none', async () => {
    expect(await drift()).toEqual(inStep);
    const [{ n }] = (await t.dataSource.query('SELECT count(*)::int AS n FROM offering_text')) as { n: number }[];
    expect(n).toBe(48);
  });

  it('follows text edits, unpublishing, publishing and deletion, and ignores writes that change no word', async () => {
    await t.dataSource.query(`UPDATE offering SET title = title || ' hydrologie' WHERE id = ANY($1::uuid[])`, [ids.slice(1, 10)]);
    expect(await drift()).toEqual(inStep);
    const [{ df }] = (await t.dataSource.query("SELECT df FROM lexeme_df WHERE lexeme = 'hydrolog'")) as { df: number }[];
    expect(df).toBe(ids.slice(1, 10).length - 1); // ids[5] is a draft
    await t.dataSource.query(`UPDATE offering SET status = 'archived', archived_at = now() WHERE id = ANY($1::uuid[])`, [ids.slice(1, 4)]);
    await t.dataSource.query(`UPDATE offering SET status = 'published', published_at = now() WHERE id = $1`, [ids[5]]);
    await t.dataSource.query(`UPDATE offering SET description = NULL, summary = 'Courrier, courrier, courrier.' WHERE id = $1`, [ids[6]]);
    const before = await t.dataSource.query('SELECT * FROM offering_text_stats');
    await t.dataSource.query(`UPDATE offering SET sovereignty_score = 11 WHERE id = ANY($1::uuid[])`, [ids]);
    expect(await t.dataSource.query('SELECT * FROM offering_text_stats')).toEqual(before);
    await t.dataSource.query('DELETE FROM offering WHERE id = ANY($1::uuid[])', [ids.slice(50)]);
    expect(await drift()).toEqual(inStep);
    expect(await t.dataSource.query('SELECT 1 FROM lexeme_df WHERE df <= 0')).toEqual([]);
  });

  it('stays in step under concurrent writers sharing words, without deadlock', async () => {
    const live = ids.slice(10, 50);
    const words = ['irrigation', 'vendange', 'hydrologie', 'cadastre', 'meteorologie'];
    await Promise.all(
      Array.from({ length: 12 }, async (_, k) => {
        const runner = t.dataSource.createQueryRunner();
        try {
          await runner.startTransaction();
          // Each writer touches several offerings in its own order, with words the others add or remove.
          const mine = live.filter((_, i) => (i + k) % 3 === 0).reverse();
          await runner.query(`UPDATE offering SET title = $2 WHERE id = ANY($1::uuid[])`, [
            mine,
            `Titre ${words[k % words.length]} ${words[(k + 2) % words.length]}`,
          ]);
          await runner.commitTransaction();
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        } finally {
          await runner.release();
        }
      }),
    );
    expect(await drift()).toEqual(inStep);
  });

  it('damps a keyword-stuffed text and leaves ordinary prose at 1', async () => {
    const [row] = (await t.dataSource.query(
      `SELECT offering_text_damping('Chatbot chatbot chatbot', 'Chatbot IA, chatbot mairie, chatbot usagers, chatbot clients.', 'Chatbot pour mairie, chatbot pour commerce, chatbot 24h/24, chatbot RGPD.') AS stuffed,
              offering_text_damping($1, $2, $3) AS prose`,
      [TEXTS.DOC_PROCESSING.titles[0], TEXTS.DOC_PROCESSING.summary, TEXTS.DOC_PROCESSING.description],
    )) as { stuffed: number; prose: number }[];
    expect(row.prose).toBe(1);
    expect(row.stuffed).toBeGreaterThan(0);
    expect(row.stuffed).toBeLessThan(0.5);
  });

  it('is dropped by the migration’s down and rebuilt from the catalogue by its up', async () => {
    await revertAndReapply(t, new OfferingLexemes1765200000000(), async () => {
      const [{ present }] = (await t.dataSource.query("SELECT to_regclass('offering_lexeme') IS NOT NULL AS present")) as {
        present: boolean;
      }[];
      expect(present).toBe(false);
      await t.dataSource.query(`UPDATE offering SET title = 'Pendant la migration, traduction simultanée' WHERE id = $1`, [ids[21]]);
    });
    expect(await drift()).toEqual(inStep);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM offering_lexeme WHERE offering_id = $1 AND lexeme = ANY(tsvector_to_array(to_tsvector('french', unaccent('simultanée'))))`,
      [ids[21]],
    )) as { n: number }[];
    expect(n).toBe(1);
  });
});
