/**
 * The calendar day in Paris, where the platform's buyers, vendors and curators are, as
 * `YYYY-MM-DD`. Pure (the platform's time zones only): the scoring and sovereignty cores may use it.
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export function parisDay(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}
