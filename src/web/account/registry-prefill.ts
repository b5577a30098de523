import type { RegistryLookup } from '../../company-registry/company-registry.port.js';
import { asForm, text } from '../shared/form-input.js';

/* "Remplir depuis le SIREN" on the sign-up form: the registry's answer put into the form's fields. */

/** What the page says about the lookup, in plain words. */
export interface RegistryNotice {
  tone: 'ok' | 'warning';
  text: string;
}

/** The sign-up form's button: `lookup` fills the organisation from the registry, anything else submits. */
export const registerIntent = (body: unknown): 'lookup' | 'submit' => (text(asForm(body), 'intent') === 'lookup' ? 'lookup' : 'submit');

/** The SIREN typed in the form, spaces removed, or undefined when it is not 9 digits. */
export function typedSiren(values: Record<string, unknown>): string | undefined {
  const raw = typeof values['organisation.siren'] === 'string' ? values['organisation.siren'].replace(/\s/g, '') : '';
  return /^\d{9}$/.test(raw) ? raw : undefined;
}

/**
 * The form's values with the registry's name, NAF code and head-office commune filled in, and what
 * to tell the person. Whatever the registry answers, the fields stay editable and the form works.
 */
export function prefillFromRegistry(
  values: Record<string, unknown>,
  lookup: RegistryLookup,
): { values: Record<string, unknown>; notice: RegistryNotice } {
  switch (lookup.status) {
    case 'found': {
      const c = lookup.company;
      const filled: Record<string, unknown> = { ...values, 'organisation.siren': c.siren, 'organisation.name': c.name };
      if (c.nafCode) filled['organisation.nafCode'] = c.nafCode;
      if (c.communeCode) filled['organisation.communeCode'] = c.communeCode;
      const missing = [!c.nafCode && 'le code NAF', !c.communeCode && 'la commune du siège'].filter(Boolean).join(' et ');
      const check = missing ? ` Complétez ${missing}, que le registre ne donne pas.` : ' Vérifiez-les avant de créer le compte.';
      if (c.closed)
        return {
          values: filled,
          notice: {
            tone: 'warning',
            text: `Attention : le registre des entreprises indique que « ${c.name} » est fermée (cessation d'activité). Vérifiez le SIREN ; un compte pour une entreprise fermée ne sera pas validé.`,
          },
        };
      return {
        values: filled,
        notice: {
          tone: 'ok',
          text: `Nous avons rempli le nom, le code NAF et la commune du siège d'après le registre des entreprises.${check}`,
        },
      };
    }
    case 'not_found':
      return {
        values,
        notice: {
          tone: 'warning',
          text: "Ce SIREN n'apparaît pas dans le registre des entreprises. Vérifiez-le, ou remplissez les champs vous-même.",
        },
      };
    case 'unavailable':
      return {
        values,
        notice: {
          tone: 'warning',
          text: "Le registre des entreprises ne répond pas pour l'instant. Remplissez les champs vous-même : l'inscription fonctionne sans lui.",
        },
      };
    case 'off':
      return {
        values,
        notice: {
          tone: 'warning',
          text: 'La recherche dans le registre des entreprises n’est pas disponible ici. Remplissez les champs vous-même.',
        },
      };
  }
}
