/** The invitation e-mail to the buyer a partner named (plain text, French: the users' language). */
export function invitationMail(m: { partnerName: string; title: string; organisationName: string; link: string; expiresAt: Date }): {
  subject: string;
  text: string;
} {
  const until = m.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  return {
    subject: `${m.partnerName} a préparé un besoin pour ${m.organisationName}`,
    text: [
      'Bonjour,',
      '',
      `${m.partnerName} a préparé pour ${m.organisationName} un besoin sur Circuit IA : « ${m.title} ».`,
      "Ce besoin reste un brouillon : rien n'est publié ni montré aux fournisseurs sans votre accord.",
      '',
      `Pour le relire, le compléter puis le soumettre, ouvrez ce lien (valable jusqu'au ${until}, une seule fois) :`,
      m.link,
      '',
      'Vous créerez un compte acheteur pour votre entreprise, ou vous vous connecterez si vous en avez déjà un.',
      "Si vous n'attendiez pas ce message, ignorez-le : le brouillon ne sera pas publié.",
      '',
      "L'équipe Circuit IA",
    ].join('\n'),
  };
}
