import { INTRODUCTION_STATUSES } from '../../introductions/introduction-lifecycle.js';
import { INTRODUCTION_STATUS_LABELS } from './introduction.labels.js';
import { introductionNextStep, type IntroductionViewer } from './introduction-next-step.js';

const VIEWERS: IntroductionViewer[] = ['vendor', 'buyer', 'curator'];

describe('what happens next, per introduction status', () => {
  it.each(INTRODUCTION_STATUSES.flatMap((status) => VIEWERS.map((viewer) => [status, viewer] as const)))(
    '%s, seen by the %s: one plain French sentence',
    (status, viewer) => {
      const sentence = introductionNextStep(status, viewer, 5);
      expect(sentence).toMatch(/^[A-ZÀ-Ý].{20,}\.$/);
      // No raw status code, no unfinished template.
      expect(sentence).not.toMatch(/_|undefined|\$\{|vendor|buyer|curator/);
      expect(INTRODUCTION_STATUS_LABELS[status]).toBeTruthy();
    },
  );

  it('names the reminder delay where someone must answer, and says nothing of it when reminders are off', () => {
    expect(introductionNextStep('proposed', 'vendor', 5)).toContain('après 5 jours sans réponse');
    expect(introductionNextStep('vendor_accepted', 'vendor', 1)).toContain('après 1 jour sans réponse');
    expect(introductionNextStep('proposed', 'buyer', null)).not.toContain('rappel');
  });

  it('speaks to each side of its own part: the one who accepted waits, the other decides', () => {
    expect(introductionNextStep('vendor_accepted', 'vendor', 5)).toMatch(/^Vous avez accepté : vous recevrez un e-mail dès que l'acheteur/);
    expect(introductionNextStep('vendor_accepted', 'buyer', 5)).toMatch(/^Le fournisseur a accepté : acceptez à votre tour/);
    expect(introductionNextStep('buyer_accepted', 'vendor', 5)).toMatch(/^L'acheteur a accepté : acceptez à votre tour/);
    expect(introductionNextStep('buyer_declined', 'curator', 5)).toContain("l'acheteur a décliné");
  });
});
