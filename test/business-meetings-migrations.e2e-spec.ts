import { BusinessEvents1765800000000 } from '../migrations/1765800000000-business-events.js';
import { EventRegistrations1765800001000 } from '../migrations/1765800001000-event-registrations.js';
import { EventProposals1766000000000 } from '../migrations/1766000000000-event-proposals.js';
import { AgendaDigest1766000001000 } from '../migrations/1766000001000-agenda-digest.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

describe('issue 19 migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const tables = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN ('business_event', 'event_attendee', 'event_wish', 'event_pair_override', 'event_meeting', 'event_proposal') ORDER BY table_name",
      )) as { table_name: string }[]
    ).map((r) => r.table_name);

  const columns = async (table: string, column: string): Promise<number> =>
    (
      (await t.dataSource.query('SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [
        table,
        column,
      ])) as { n: number }[]
    )[0].n;

  it('reverts and re-applies them, the later ones first', async () => {
    await revertAndReapply(t, new AgendaDigest1766000001000(), async () => {
      expect(await columns('event_attendee', 'agenda_mailed_digest')).toBe(0);
      await revertAndReapply(t, new EventProposals1766000000000(), async () => {
        expect(await tables()).not.toContain('event_proposal');
        expect(await columns('business_event', 'proposals_stored_at')).toBe(0);
      });
    });
    expect(await columns('event_attendee', 'agenda_mailed_digest')).toBe(1);
    await revertAndReapply(
      t,
      new EventRegistrations1765800001000(),
      async () => {
        expect(await tables()).toEqual(['business_event']);
        await revertAndReapply(t, new BusinessEvents1765800000000(), async () => {
          expect(await tables()).toEqual([]);
        });
      },
      { withLater: true },
    );
    expect(await tables()).toEqual([
      'business_event',
      'event_attendee',
      'event_meeting',
      'event_pair_override',
      'event_proposal',
      'event_wish',
    ]);
  });

  it('refuses a double-booked attendee or table in the database itself, cancelled meetings aside', async () => {
    const indexes = (await t.dataSource.query(
      "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'event_meeting' AND indexdef LIKE 'CREATE UNIQUE%WHERE%' ORDER BY indexname",
    )) as { indexname: string; indexdef: string }[];
    expect(indexes.map((i) => i.indexname)).toEqual([
      'event_meeting_buyer',
      'event_meeting_pair',
      'event_meeting_table',
      'event_meeting_vendor',
    ]);
    for (const i of indexes) expect(i.indexdef).toContain("WHERE (status <> 'cancelled'::text)");
  });
});
