import { SOVEREIGNTY_GRADES } from './sovereignty.enums.js';
import { gradeCheckLabel, gradeHelp, gradeName, gradeRange, profileValueLabel } from './sovereignty-wording.js';

describe('sovereignty wording', () => {
  it.each([
    ['A', 'A – très souverain', '80 à 100 points sur 100'],
    ['B', 'B – plutôt souverain', '60 à 79 points sur 100'],
    ['C', 'C – partiellement souverain', '40 à 59 points sur 100'],
    ['D', 'D – peu souverain', '20 à 39 points sur 100'],
    ['E', 'E – très peu souverain', 'moins de 20 points sur 100'],
  ] as const)('names grade %s "%s", %s', (grade, name, range) => {
    expect(gradeName(grade)).toBe(name);
    expect(gradeRange(grade)).toBe(range);
    expect(gradeHelp(grade)).toBe(`${name} : ${range}`);
  });

  it.each([
    ['vendor.hqJurisdiction', 'FR', 'France'],
    ['vendor.nonEuControl', 'NONE', 'Aucun contrôle extra-européen (≤ 24 % individuellement, ≤ 39 % collectivement)'],
    ['vendor.extraterritorialExposure', 'NO', 'Non soumis à une loi extraterritoriale non européenne'],
    ['hosting.providerJurisdiction', 'US', 'États-Unis'],
    ['hosting.deploymentModes', ['SAAS_DEDICATED', 'PRIVATE_CLOUD'], 'SaaS dédié, Cloud privé'],
    ['certifications.secNumCloud', 'OFFERING', 'Offre qualifiée SecNumCloud'],
    ['certifications.labels', [], 'Aucun'],
    ['certifications.hdsActivities', [1], 'Sites physiques hébergeant l’infrastructure matérielle'],
    ['ai.modelLicence', 'OSI_OPEN_SOURCE', 'Licence libre (OSI : Apache-2.0, MIT…)'],
    ['ai.inferenceHosting', 'CUSTOMER_HOSTED', 'Inférence hébergée par le client'],
    ['ai.trainingOnCustomerData', 'NEVER', 'Jamais d’entraînement sur les données du client'],
    ['ai.aiActRiskClass', 'MINIMAL', 'Risque minimal'],
    ['gdpr.nonEuTransfers', 'NONE', 'Aucun transfert hors UE'],
    ['certifications.iso27001', true, 'Oui'],
    ['hosting.nonEuRemoteAccess', false, 'Non'],
    ['ai.modelNames', null, 'Non précisé'],
  ])('reads %s = %j as "%s"', (field, value, label) => {
    expect(profileValueLabel(field, value)).toBe(label);
  });

  it('keeps a value it has no label for, rather than hiding it', () => {
    expect(profileValueLabel('hosting.providerName', 'OVHcloud')).toBe('OVHcloud');
  });

  it.each(SOVEREIGNTY_GRADES)('grade %s has a meaning', (grade) => expect(gradeName(grade)).toMatch(/^[A-E] – [\p{Ll} ]+$/u));

  it.each([
    [true, 'vérifié par l’équipe'],
    [false, 'déclaré, non vérifié'],
  ])('says a grade verified=%s is "%s"', (verified, label) => expect(gradeCheckLabel(verified)).toBe(label));
});
