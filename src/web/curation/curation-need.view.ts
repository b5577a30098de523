import type { IntroductionDto } from '../../introductions/dto/introduction.dto.js';
import { isOpen } from '../../introductions/introduction-lifecycle.js';

/** What the need page shows besides the need: a form's state after a refusal. */
export interface NeedPageState {
  form?: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string[]>;
  message?: string;
  /** Labels of fields the page's own table does not know (one offering's mark). */
  labels?: Record<string, string>;
}

/** The open introduction of each offering for this need, if any (one at most, as the API guarantees). */
export function openByOffering(items: readonly IntroductionDto[]): Record<string, IntroductionDto> {
  return Object.fromEntries(items.filter((i) => isOpen(i.status)).map((i) => [i.offering.id, i]));
}
