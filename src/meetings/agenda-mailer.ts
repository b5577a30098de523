import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MAIL_TRANSPORT, type MailTransport } from '../notifications/mail-transport.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { EventMeetingDto } from './dto/event-registration.dto.js';
import { EventAgendaService } from './event-agenda.service.js';
import { EventAttendeesRepository } from './event-attendees.repository.js';

export const EVENT_SCHEDULED = 'business_event.scheduled';

/** The agenda's fingerprint: which meetings, where and when. A re-run that leaves it alone mails nobody. */
export function agendaDigest(meetings: readonly Pick<EventMeetingDto, 'id' | 'slot' | 'table'>[]): string {
  const text = meetings
    .map((m) => `${m.id}@${m.slot}/${m.table}`)
    .sort()
    .join(',');
  return createHash('sha256').update(text).digest('hex');
}

/**
 * After a scheduler run, each attendee's members get their agenda with the calendar file attached,
 * through the outbox (never in the curator's request). Claimed per attendee and agenda fingerprint,
 * so a redelivery mails nobody twice, and a re-run mails only those whose agenda changed.
 */
@Injectable()
export class AgendaMailer implements OutboxHandler, OnModuleInit {
  readonly name = 'business-meetings-agendas';
  private readonly logger = new Logger(AgendaMailer.name);

  constructor(
    private readonly worker: OutboxWorker,
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
    private readonly agendas: EventAgendaService,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic === EVENT_SCHEDULED;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const outboxEvent of events) {
      const { eventId, version } = outboxEvent.payload;
      if (typeof eventId !== 'string' || typeof version !== 'number') continue;
      const event = await this.events.findById(eventId);
      if (!event) continue;
      for (const attendee of await this.attendees.listForEvent(eventId)) {
        const meetings = await this.agendas.meetingsOf(event, attendee.id);
        // An attendee left with no meeting hears of it only if an agenda was mailed before.
        if (!(await this.attendees.claimAgendaMail(attendee.id, version, agendaDigest(meetings), meetings.length === 0))) continue;
        if (meetings.length === 0) {
          await this.mailNoMeetingLeft(event, attendee.organisationId);
          continue;
        }
        const lines = meetings.map(
          (m) =>
            `- ${m.startsAt}–${m.endsAt}, table ${m.table} : ${attendee.role === 'buyer' ? m.vendorName : m.buyerName} (${m.offeringTitle})`,
        );
        const calendar = await this.agendas.calendar(event, attendee.id);
        for (const member of await this.attendees.membersOf(attendee.organisationId)) {
          await this.transport.send({
            to: member.email,
            subject: `Vos rendez-vous du ${event.date} — ${event.title}`,
            text: [
              `Bonjour ${member.displayName},`,
              '',
              `Voici vos rendez-vous confirmés pour « ${event.title} » :`,
              ...lines,
              '',
              'Le fichier joint les ajoute à votre agenda.',
            ].join('\n'),
            attachments: [{ filename: 'rendez-vous.ics', content: calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
          });
        }
        this.logger.log(`agenda mailed for attendee ${attendee.id} (${meetings.length} meetings)`);
      }
    }
  }

  private async mailNoMeetingLeft(event: BusinessEventRow, organisationId: string): Promise<void> {
    for (const member of await this.attendees.membersOf(organisationId)) {
      await this.transport.send({
        to: member.email,
        subject: `Vos rendez-vous du ${event.date} sont annulés — ${event.title}`,
        text: [
          `Bonjour ${member.displayName},`,
          '',
          `Les rendez-vous qui vous étaient proposés pour « ${event.title} » sont annulés : vous n'avez plus de rendez-vous ce jour-là.`,
          "Retirez-les de votre agenda. L'équipe de la Maison de l'IA vous écrira si une nouvelle place se libère.",
        ].join('\n'),
      });
    }
  }
}
