import { MoveMeetingDto, PairOverrideDto, SwapMeetingsDto } from '../../meetings/dto/event-registration.dto.js';
import type { EventStatus } from '../../meetings/event-lifecycle.js';
import { asForm, integer, parseWith, text, type Parsed } from '../shared/form-input.js';

/* The curator's grid forms (issue 19): a meeting moved or swapped, a pair added or removed. */

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, string>> = {
  draft: 'Brouillon',
  open: 'Inscriptions ouvertes',
  closed: 'Inscriptions closes',
  scheduled: 'Rendez-vous programmés',
  held: 'Tenu',
  archived: 'Archivé',
};

/** The validator's rules, as a curator reads them when a change is refused. */
const RULES_FR: Readonly<Record<string, string>> = {
  slot_out_of_range: "ce créneau n'existe pas dans la journée",
  table_out_of_range: "cette table n'existe pas",
  unavailable: "un des deux participants n'est pas disponible à ce créneau",
  attendee_double_booked: 'un des deux participants a déjà un rendez-vous à ce créneau',
  table_double_booked: 'cette table est déjà prise à ce créneau',
  cap_exceeded: 'un participant dépasserait le nombre de rendez-vous qu’il accepte',
  pair_met_twice: 'ce binôme a déjà un rendez-vous',
  same_meeting: 'choisissez un autre rendez-vous que celui-ci',
};

/** « Ce changement est refusé : … » with each rule it breaks, from the refusal's details. */
export function seatRefusalMessage(details: unknown): string | undefined {
  const kinds = (details as { violations?: unknown } | undefined)?.violations;
  if (!Array.isArray(kinds) || kinds.length === 0) return undefined;
  const rules = kinds.map((k) => RULES_FR[String(k)] ?? 'il ne respecte pas les règles de la grille');
  return `Ce changement est refusé : ${[...new Set(rules)].join(' ; ')}.`;
}

export function parseMove(body: unknown): Promise<Parsed<MoveMeetingDto>> {
  const form = asForm(body);
  return parseWith(MoveMeetingDto, { slot: integer(form, 'slot') ?? '', table: integer(form, 'table') ?? '' }, {});
}

export function parseSwap(body: unknown): Promise<Parsed<SwapMeetingsDto>> {
  return parseWith(SwapMeetingsDto, { otherMeetingId: text(asForm(body), 'otherId') ?? '' }, {});
}

export function parsePair(body: unknown): Promise<Parsed<PairOverrideDto>> {
  const form = asForm(body);
  const pick = (key: string) => text(form, key) ?? '';
  return parseWith(
    PairOverrideDto,
    { buyerAttendeeId: pick('buyerAttendeeId'), vendorAttendeeId: pick('vendorAttendeeId'), kind: pick('kind') },
    {},
  );
}
