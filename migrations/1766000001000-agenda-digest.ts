import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business meetings (issue 19, decision 028): a re-run of the scheduler mails only the attendees
 * whose agenda changed. Each attendee keeps the fingerprint of the agenda last mailed.
 */
export class AgendaDigest1766000001000 implements MigrationInterface {
  name = 'AgendaDigest1766000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_attendee ADD COLUMN agenda_mailed_digest text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_attendee DROP COLUMN agenda_mailed_digest`);
  }
}
