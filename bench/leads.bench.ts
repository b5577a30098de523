import 'reflect-metadata';
import { luhnSiren, TEXTS } from '../src/demo/demo-data.js';
import { LeadAlertsRepository } from '../src/lead-alerts/lead-alerts.repository.js';
import { LeadAnnouncer } from '../src/lead-alerts/lead-announcer.service.js';
import { LeadMailer } from '../src/lead-alerts/lead-mailer.js';
import { LeadsService } from '../src/matches/leads.service.js';
import { LeadNeedsRepository } from '../src/matches/repositories/lead-needs.repository.js';
import type { MailTransport } from '../src/notifications/mail-transport.js';
import { NotificationsRepository } from '../src/notifications/notifications.repository.js';
import { COMMUNES, REGION, seedCatalogue, USE_CASES } from './support/catalogue-seed.js';
import { openBenchDatabase, pick, prng, progress, time, writeResult } from './support/harness.js';
import { matchingParts } from './support/matching-parts.js';

/**
 * Issue 18's targets, in-process on a throw-away database (`npm run bench:leads`; `--offerings`,
 * `--needs`, `--vendors-with-digests` to change the sizes): publishing one need in a catalogue of
 * 50,000 offerings / 12,500 vendors computes and stores its leads (p95 ≤ 1 s); one new offering
 * against 20,000 open needs computes its leads (≤ 2 s); the daily digests of 5,000 vendors are
 * built and handed to the mail transport (≤ 30 s). The transport writes nothing out: what is timed
 * is ranking, SQL, rendering and the mail log. Writes bench/results/leads-*.json.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Counts what would leave: the bench measures everything up to the SMTP conversation. */
class CountingTransport implements MailTransport {
  readonly name = 'log' as const;
  sent = 0;
  async send(): Promise<void> {
    this.sent++;
  }
}

async function main(): Promise<void> {
  const offerings = arg('offerings', 50_000);
  const openNeeds = arg('needs', 20_000);
  const digestVendors = arg('vendors-with-digests', 5_000);
  const db = await openBenchDatabase();
  const ds = db.dataSource;
  try {
    const { vendorCount, vendorIds, seedSeconds } = await seedCatalogue(ds, offerings);
    const random = prng(18);
    const [buyer] = (await ds.query(
      `INSERT INTO organisation (kind, buyer_type, name, siren, naf_code, commune_code) VALUES ('buyer', 'pme', 'PME de bench', $1, '10.71C', '06088') RETURNING id`,
      [luhnSiren(60000002)],
    )) as { id: string }[];
    const needIds: string[] = [];
    for (let i = 0; i < openNeeds; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, openNeeds - i) }, (_, k) => {
        const useCase = pick(random, USE_CASES);
        const commune = pick(random, COMMUNES);
        const dep = commune.slice(0, 2);
        const min = pick(random, [2000, 5000, 10000, 20000]);
        return {
          title: `${pick(random, TEXTS[useCase].titles)} (besoin ${i + k})`,
          description: TEXTS[useCase].description,
          useCases: [useCase],
          commune,
          dep,
          region: REGION[dep],
          reach: pick(random, ['national', 'regional', 'national']),
          min,
          max: min * 3,
        };
      });
      const rows = (await ds.query(
        `INSERT INTO need (organisation_id, title, description, use_cases, commune_code, departement_code, region_code, reach, accepts_remote,
           min_budget_eur, max_budget_eur, requirements, status, submitted_at, published_at)
         SELECT $1, x.title, x.description, ARRAY(SELECT jsonb_array_elements_text(x."useCases")), x.commune, x.dep, x.region, x.reach, true,
                x.min, x.max, '{}', 'published', now(), now() - make_interval(mins => (random() * 10000)::int)
           FROM jsonb_to_recordset($2::jsonb) AS x(title text, description text, "useCases" jsonb, commune text, dep text, region text,
                                                 reach text, min int, max int)
         RETURNING id`,
        [buyer.id, JSON.stringify(batch)],
      )) as { id: string }[];
      needIds.push(...rows.map((r) => r.id));
      progress('Seeding open needs', needIds.length, openNeeds);
    }
    // Each open need was announced when published: its cutoff is the score of its 15th match.
    await ds.query('INSERT INTO need_lead_cutoff (need_id, cutoff) SELECT id, 45 + random() * 30 FROM need');
    await ds.query('VACUUM ANALYZE');

    const parts = matchingParts(ds);
    const leadNeeds = new LeadNeedsRepository(ds);
    const repository = new LeadAlertsRepository(ds);
    const leadsService = new LeadsService(parts.candidates, leadNeeds, parts.weights, parts.text);
    const announcer = new LeadAnnouncer(parts.needs, parts.matchingNeeds, parts.ranker, leadsService, repository, {
      topN: 15,
    });
    const transport = new CountingTransport();
    const mailer = new LeadMailer(repository, leadNeeds, new NotificationsRepository(ds), transport, 'b'.repeat(32), {
      appPublicUrl: 'https://circuit-ia.example.fr',
    });

    // 1. One need published: its top 15, one lead per vendor, stored (each run starts from no lead).
    const needId = needIds[0];
    const publish = await time(
      30,
      async () => {
        await ds.query('DELETE FROM lead WHERE need_id = $1', [needId]);
        await announcer.forNeed(needId);
      },
      5,
    );
    const [{ n: needLeads }] = (await ds.query('SELECT count(*)::int AS n FROM lead WHERE need_id = $1', [needId])) as { n: number }[];
    console.log(`One need published: ${needLeads} lead(s); p95 ${publish.p95Ms} ms (target ≤ 1000 ms).`);

    // 2. One offering published against the open needs.
    const [{ id: offeringId }] = (await ds.query(
      "SELECT o.id FROM offering o WHERE 'DOC_PROCESSING' = ANY(o.use_cases) AND o.service_national ORDER BY o.id LIMIT 1",
    )) as { id: string }[];
    const offering = await time(
      10,
      async () => {
        await ds.query('DELETE FROM lead WHERE offering_id = $1', [offeringId]);
        await announcer.forOffering(offeringId);
      },
      2,
    );
    const [{ n: offeringLeads }] = (await ds.query('SELECT count(*)::int AS n FROM lead WHERE offering_id = $1', [offeringId])) as {
      n: number;
    }[];
    console.log(`One offering against ${openNeeds} open needs: ${offeringLeads} lead(s); p95 ${offering.p95Ms} ms (target ≤ 2000 ms).`);

    // 3. Daily digests: one member per vendor, three fresh leads each.
    const digestVendorIds = vendorIds.slice(0, digestVendors);
    await ds.query(
      `INSERT INTO app_user (email, password_hash, role, display_name, organisation_id, membership_status)
       SELECT 'membre.' || v.id || '@bench.example.fr', 'x', 'vendor', 'Membre ' || left(v.id::text, 8), v.id, 'active'
         FROM unnest($1::uuid[]) AS v(id)`,
      [digestVendorIds],
    );
    await ds.query(
      `INSERT INTO lead (need_id, vendor_id, offering_id, origin, rank, total, criteria, scoring_version)
       SELECT n.id, o.vendor_id, o.id, 'need_published', 1, 70, '[{"criterion":"useCase","score":100,"weight":25,"contribution":25,"reason":"Couvre le cas d''usage demandé."}]', 'bench'
         FROM (SELECT vendor_id, min(id::text)::uuid AS id FROM offering WHERE vendor_id = ANY($1::uuid[]) GROUP BY vendor_id) o
         CROSS JOIN LATERAL (SELECT id FROM need ORDER BY md5(o.id::text || need.id::text) LIMIT 3) n
       ON CONFLICT DO NOTHING`,
      [digestVendorIds],
    );
    const started = performance.now();
    const digests = await mailer.sendDigests('daily', '2026-12-07', new Date(Date.now() + 60_000));
    const digestSeconds = Math.round((performance.now() - started) / 10) / 100;
    console.log(`Daily digests: ${digests.digests} e-mail(s), ${digests.leads} lead(s) in ${digestSeconds} s (target ≤ 30 s).`);

    const file = await writeResult(`leads-${offerings}`, {
      benchmark: 'Lead alerts (issue 18), in-process: LeadAnnouncer and LeadMailer on a throw-away database',
      database: db.where,
      offerings,
      vendors: vendorCount,
      openNeeds,
      seed: { seconds: seedSeconds },
      publishOneNeed: { ...publish, leads: needLeads, targetP95Ms: 1000 },
      oneOfferingAgainstOpenNeeds: { ...offering, leads: offeringLeads, targetMs: 2000 },
      dailyDigests: {
        vendors: digestVendors,
        ...digests,
        seconds: digestSeconds,
        targetSeconds: 30,
        mailsHandedToTransport: transport.sent,
      },
    });
    console.log(`Results written to ${file}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
