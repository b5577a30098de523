/**
 * What became of one webhook delivery, in the words of the partner's console: the API keeps the
 * technical error for developers (`error`), the page says what happened and what to look at.
 */
export function deliveryOutcome(delivery: { httpStatus: number | null; error: string | null }): string {
  const { httpStatus, error } = delivery;
  if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) return 'Reçu';
  if (httpStatus !== null) return `Refusé par votre serveur (réponse ${httpStatus})`;
  const e = (error ?? '').toLowerCase();
  if (e.startsWith('refused:')) {
    if (e.includes('cannot be resolved')) return 'Adresse introuvable : le nom de domaine ne répond pas';
    if (e.includes('https')) return 'Adresse refusée : elle doit commencer par https://';
    return 'Adresse refusée : elle mène à un réseau privé, pas à un serveur public';
  }
  if (e.includes('timeout') || e.includes('aborted')) return 'Pas de réponse de votre serveur dans le délai';
  if (e.includes('enotfound') || e.includes('eai_again')) return 'Adresse introuvable : le nom de domaine ne répond pas';
  if (e.includes('econnrefused')) return 'Connexion refusée par votre serveur';
  if (e.includes('econnreset') || e.includes('socket hang up') || e.includes('epipe')) return 'Connexion coupée par votre serveur';
  if (e.includes('ehostunreach') || e.includes('enetunreach')) return 'Votre serveur est injoignable';
  if (e.includes('certificate') || e.includes('cert_') || e.includes('ssl') || e.includes('tls') || e.includes('altnames'))
    return 'Certificat HTTPS de votre serveur refusé (expiré, auto-signé ou pour un autre nom)';
  return "Échec de l'envoi";
}
