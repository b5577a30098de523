import { pairKey } from './pair-weight.js';
import type { Meeting, SchedulingInput } from './schedule-types.js';

/*
 * An independent check of a schedule against its input, written apart from the solver so that the
 * tests and the benchmark do not trust the model they are checking. Returns every violation found.
 */

export type ViolationKind =
  | 'slot_out_of_range'
  | 'table_out_of_range'
  | 'unknown_attendee'
  | 'wrong_role'
  | 'unavailable'
  | 'attendee_double_booked'
  | 'table_double_booked'
  | 'cap_exceeded'
  | 'pair_met_twice'
  | 'not_a_candidate'
  | 'fixed_meeting_moved';

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

export function validateSchedule(input: SchedulingInput, meetings: readonly Meeting[]): Violation[] {
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, detail: string) => violations.push({ kind, detail });
  const attendees = new Map(input.attendees.map((a) => [a.id, { ...a, available: new Set(a.available) }]));
  const candidates = new Set(input.pairs.map((p) => pairKey(p.buyerId, p.vendorId)));
  const fixed = new Set(input.fixed.map((m) => pairKey(m.buyerId, m.vendorId)));
  const busy = new Set<string>();
  const seats = new Set<string>();
  const met = new Set<string>();
  const load = new Map<string, number>();

  for (const m of meetings) {
    const where = `${m.buyerId}/${m.vendorId} at slot ${m.slot} table ${m.table}`;
    if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= input.slots) add('slot_out_of_range', where);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > input.tables) add('table_out_of_range', where);
    const key = pairKey(m.buyerId, m.vendorId);
    if (met.has(key)) add('pair_met_twice', where);
    met.add(key);
    if (!candidates.has(key) && !fixed.has(key)) add('not_a_candidate', where);
    const seat = `${m.slot}#${m.table}`;
    if (seats.has(seat)) add('table_double_booked', where);
    seats.add(seat);
    for (const [id, role] of [
      [m.buyerId, 'buyer'],
      [m.vendorId, 'vendor'],
    ] as const) {
      const attendee = attendees.get(id);
      if (!attendee) {
        add('unknown_attendee', `${id} in ${where}`);
        continue;
      }
      if (attendee.role !== role) add('wrong_role', `${id} in ${where}`);
      if (!attendee.available.has(m.slot)) add('unavailable', `${id} in ${where}`);
      const slotKey = `${id}@${m.slot}`;
      if (busy.has(slotKey)) add('attendee_double_booked', `${id} in ${where}`);
      busy.add(slotKey);
      load.set(id, (load.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of load) {
    const cap = attendees.get(id)?.cap ?? 0;
    if (count > cap) add('cap_exceeded', `${id}: ${count} > ${cap}`);
  }
  const placed = new Set(meetings.map((m) => `${pairKey(m.buyerId, m.vendorId)}@${m.slot}#${m.table}`));
  for (const f of input.fixed) {
    if (!placed.has(`${pairKey(f.buyerId, f.vendorId)}@${f.slot}#${f.table}`)) {
      add('fixed_meeting_moved', `${f.buyerId}/${f.vendorId} at slot ${f.slot} table ${f.table}`);
    }
  }
  return violations;
}
