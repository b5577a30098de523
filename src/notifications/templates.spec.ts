import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, isNotificationKind } from './notification-kinds.js';
import { render } from './templates.js';

describe('French e-mail templates', () => {
  const data = {
    recipientName: 'Camille',
    title: 'Tri du courrier entrant',
    link: 'https://circuit-ia.fr/besoins/1',
    message: 'Précisez le volume.',
  };

  it.each(NOTIFICATION_KINDS.map((k) => [k]))('%s greets, names the subject, links and signs', (kind) => {
    const mail = render(kind, data);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.text).toMatch(/^Bonjour Camille,/);
    expect(mail.text).toContain(data.link);
    expect(mail.text).toContain("Maison de l'IA");
    expect(`${mail.subject}${mail.text}`).not.toMatch(/undefined|null|\[object/);
  });

  it('quotes the curator message where there is one, and leaves it out otherwise', () => {
    expect(render('need_changes_requested', data).text).toContain('« Précisez le volume. »');
    expect(render('need_changes_requested', { ...data, message: undefined }).text).not.toContain('Précisez');
  });

  it('labels every kind in French', () => {
    for (const kind of NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_LABELS[kind]).toBeTruthy();
    expect(isNotificationKind('need_published')).toBe(true);
    expect(isNotificationKind('spam')).toBe(false);
  });
});
