/* A need's start date against today (issue 23): pure, the calendar day in Paris, where buyers are. */

import { parisDay } from '../common/paris-day.js';

/** Today in Paris as `YYYY-MM-DD`. */
export const parisToday = (now: Date = new Date()): string => parisDay(now);

/** True when the desired start (`YYYY-MM-DD`) is before today: it cannot happen as written. */
export const isStartInPast = (desiredStart: string | null | undefined, today: string = parisToday()): boolean =>
  !!desiredStart && /^\d{4}-\d{2}-\d{2}$/.test(desiredStart) && desiredStart < today;

export const PAST_START_MESSAGE = "Cette date est déjà passée : choisissez aujourd'hui ou une date à venir.";

/** The warning an existing need with a past start shows, until the buyer changes it or the need closes. */
export const PAST_START_WARNING =
  'La date de début souhaitée est déjà passée. Mettez-la à jour pour que les fournisseurs sachent quand le projet peut démarrer.';
