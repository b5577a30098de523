import { HARD_REQUIREMENT_LABELS } from '../../reference/sovereignty/sovereignty.labels.js';
import { SOVEREIGNTY_GRADES } from '../../reference/sovereignty/sovereignty.enums.js';
import { gradeHelp, profileValueLabel } from '../../reference/sovereignty/sovereignty-wording.js';
import { ON_TOPIC_TEXT_FLOOR, SPECIALIST_USE_CASES, TEXT_FLOOR } from '../../matches/scoring/criteria.js';
import { CRITERIA, CRITERION_LABELS, type Weights } from '../../matches/scoring/weights.js';
import { BLOCK_LABELS, BLOCK_MAX, SCORE_POINTS, type BlockKey } from '../../sovereignty/sovereignty-score.js';
import { CLAIMS } from '../../sovereignty/sovereignty-claims.js';

/*
 * The public method pages (issue 22), built from the constants the code computes with: the score's
 * points (SCORE_POINTS), its blocks, the grade thresholds, the claims curators verify, the live
 * matching weights and the relevance floor. Nothing here is typed twice.
 */

export interface MethodRule {
  text: string;
  points: string;
}

/** One line per value of a points table, best first: "Données stockées et traitées en France : 20 points". */
function tableRules(field: string, table: Readonly<Record<string, number>>): MethodRule[] {
  return Object.entries(table)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => ({ text: profileValueLabel(field, code), points: pts(n) }));
}

const pts = (n: number): string => (n === 1 ? '1 point' : `${n} points`);

export function sovereigntyMethod(): {
  blocks: { key: BlockKey; label: string; max: number; rules: MethodRule[]; note?: string }[];
  grades: string[];
  claims: string[];
} {
  const j = SCORE_POINTS.jurisdiction;
  const q = SCORE_POINTS.qualifications;
  const blocks: { key: BlockKey; rules: MethodRule[]; note?: string }[] = [
    {
      key: 'A',
      rules: [
        {
          text: "Siège dans l'UE, sans contrôle hors UE, hébergeur européen (ou données chez le client)",
          points: pts(j.euIndependentEuHost),
        },
        { text: "Siège dans l'UE, sans contrôle hors UE, hébergeur hors UE", points: pts(j.euIndependentOtherHost) },
        { text: "Siège dans l'UE, capital contrôlé depuis hors UE", points: pts(j.nonEuControl) },
        { text: 'Exposé à un droit extraterritorial (par exemple le CLOUD Act) : au plus', points: pts(j.extraterritorialCap) },
        { text: "Siège hors de l'UE", points: pts(0) },
      ],
    },
    {
      key: 'B',
      rules: tableRules('hosting.dataResidency', SCORE_POINTS.dataLocation),
      note: `Moins ${pts(SCORE_POINTS.nonEuRemoteAccessPenalty)} si des personnes hors UE peuvent accéder aux données à distance ; toute autre localisation : 0 point.`,
    },
    {
      key: 'C',
      rules: [
        { text: 'Offre qualifiée SecNumCloud', points: pts(q.secNumCloudOffering) },
        { text: 'Infrastructure qualifiée SecNumCloud seulement', points: pts(q.secNumCloudInfrastructure) },
        { text: 'Certification ISO/IEC 27001 (sans SecNumCloud) : au moins', points: pts(q.iso27001Alone) },
        { text: 'ISO/IEC 27001 en plus d’une infrastructure SecNumCloud', points: `+ ${pts(q.iso27001WithInfrastructure)}` },
        { text: 'Certification HDS (hébergement de données de santé)', points: `+ ${pts(q.hds)}` },
      ],
    },
    {
      key: 'D',
      rules: [
        ...tableRules('ai.modelOrigin', SCORE_POINTS.modelOrigin),
        ...tableRules('ai.modelLicence', SCORE_POINTS.modelLicence),
        ...tableRules('ai.inferenceHosting', SCORE_POINTS.inferenceHosting),
      ],
      note: "Origine du modèle, plus sa licence, plus l'endroit où il tourne.",
    },
    {
      key: 'E',
      rules: [
        { text: 'Contrat de sous-traitance RGPD (art. 28)', points: `+ ${pts(SCORE_POINTS.dpaArt28)}` },
        ...tableRules('ai.trainingOnCustomerData', SCORE_POINTS.training),
        { text: 'Liste publique des sous-traitants', points: `+ ${pts(SCORE_POINTS.subprocessorsPublic)}` },
        ...tableRules('gdpr.nonEuTransfers', SCORE_POINTS.transfers),
      ],
    },
  ];
  return {
    blocks: blocks.map((b) => ({ ...b, label: BLOCK_LABELS[b.key], max: BLOCK_MAX[b.key] })),
    grades: SOVEREIGNTY_GRADES.map((g) => gradeHelp(g)),
    claims: Object.values(CLAIMS).map((c) => c.label),
  };
}

export function rankingMethod(weights: Weights): {
  criteria: { label: string; weight: number; share: number }[];
  textFloor: number;
  onTopicTextFloor: number;
  specialistUseCases: number;
  requirements: string[];
} {
  const sum = CRITERIA.reduce((a, c) => a + weights[c], 0) || 1;
  return {
    criteria: CRITERIA.map((c) => ({ label: CRITERION_LABELS[c], weight: weights[c], share: Math.round((100 * weights[c]) / sum) })).sort(
      (a, b) => b.weight - a.weight,
    ),
    textFloor: TEXT_FLOOR,
    onTopicTextFloor: ON_TOPIC_TEXT_FLOOR,
    specialistUseCases: SPECIALIST_USE_CASES,
    requirements: Object.values(HARD_REQUIREMENT_LABELS),
  };
}
