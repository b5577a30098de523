/*
 * The meeting scheduler's vocabulary, plain data: attendees, slots and tables in, meetings out.
 * Slots are indices 0..slots-1 of the event's day; tables are numbered 1..tables.
 */

export type AttendeeRole = 'buyer' | 'vendor';

export interface SchedulingAttendee {
  id: string;
  role: AttendeeRole;
  /** Slot indices the attendee can attend. */
  available: readonly number[];
  /** Most meetings the attendee accepts over the day. */
  cap: number;
}

/** A pair the scheduler may seat: a buyer and a vendor, their match score and who asked for it. */
export interface CandidatePair {
  buyerId: string;
  vendorId: string;
  /** The ranking's relevance, 0..1. */
  score: number;
  buyerWishes: boolean;
  vendorWishes: boolean;
}

export interface Meeting {
  buyerId: string;
  vendorId: string;
  slot: number;
  table: number;
}

export interface SchedulingInput {
  slots: number;
  tables: number;
  attendees: readonly SchedulingAttendee[];
  pairs: readonly CandidatePair[];
  /** Confirmed meetings: kept at their slot and table, counted in caps and capacities. */
  fixed: readonly Meeting[];
}

export interface ScheduleResult {
  meetings: Meeting[];
  /** Sum of the weights of every meeting, fixed ones included. */
  objective: number;
  /** HiGHS's proven upper bound on the objective (equal to it when optimal). */
  bound: number;
  /** Relative gap (bound − objective) / bound; 0 when proved optimal. */
  gap: number;
  status: 'optimal' | 'time_limit' | 'heuristic';
  columns: number;
  rows: number;
}
