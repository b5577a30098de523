import type { Meeting } from './schedule-types.js';

/*
 * Tables are interchangeable, so the solver only decides slots under a per-slot capacity; numbers
 * are handed out afterwards. Fixed meetings keep the table already announced to their attendees.
 */
export function assignTables(fixed: readonly Meeting[], placed: readonly Omit<Meeting, 'table'>[], tables: number): Meeting[] {
  const taken = new Map<number, Set<number>>();
  for (const m of fixed) {
    const used = taken.get(m.slot) ?? new Set<number>();
    used.add(m.table);
    taken.set(m.slot, used);
  }
  const out: Meeting[] = fixed.map((m) => ({ ...m }));
  const next = new Map<number, number>();
  for (const m of [...placed].sort((a, b) => a.slot - b.slot)) {
    const used = taken.get(m.slot) ?? new Set<number>();
    let table = next.get(m.slot) ?? 1;
    while (used.has(table)) table++;
    if (table > tables) throw new Error(`slot ${m.slot} holds more meetings than its ${tables} tables`);
    used.add(table);
    taken.set(m.slot, used);
    next.set(m.slot, table + 1);
    out.push({ ...m, table });
  }
  return out;
}
