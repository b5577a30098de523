import { scoreSovereignty, type ScoredProfile } from '../../sovereignty/sovereignty-score.js';
import { gradePreview } from './grade-preview.js';
import { formProfile } from './offering.form.js';

const sovereign: ScoredProfile = {
  vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
  hosting: { dataResidency: 'FR', providerJurisdiction: 'FR', nonEuRemoteAccess: false },
  certifications: { secNumCloud: 'NONE', iso27001: false, hds: false },
  ai: { modelOrigin: 'FR', modelLicence: 'OSI_OPEN_SOURCE', inferenceHosting: 'VENDOR_EU', trainingOnCustomerData: 'NO' },
  gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE' },
};

describe('live grade preview', () => {
  it('scores exactly as the server does', () => {
    const preview = gradePreview(sovereign);
    const server = scoreSovereignty(sovereign);
    expect([preview.total, preview.grade]).toEqual([server.total, server.grade]);
    expect(preview.blocks.reduce((sum, b) => sum + b.score, 0)).toBe(server.total);
  });

  it('names the answers that raise the total most, and how many points the next grade needs', () => {
    const weaker: ScoredProfile = { ...sovereign, hosting: { ...sovereign.hosting, dataResidency: 'OTHER' } };
    const preview = gradePreview(weaker);
    expect(preview.next).not.toBeNull();
    expect(preview.next!.missing).toBeGreaterThan(0);
    expect(preview.next!.steps[0]).toMatchObject({ question: 'Localisation des données' });
    for (const step of preview.next!.steps) expect(step.gain).toBeGreaterThan(0);
  });

  it('reads an empty form as a profile worth 0 points, without throwing', () => {
    const preview = gradePreview(formProfile({}));
    expect(preview.total).toBe(scoreSovereignty(formProfile({})).total);
    expect(preview.grade).toBe('E');
    expect(preview.next?.steps.length).toBeGreaterThan(0);
  });

  it('reads the form’s own field names', () => {
    const body = { 'sovereignty.hosting.dataResidency': 'FR', 'sovereignty.gdpr.dpaArt28': 'true' };
    expect(formProfile(body)).toMatchObject({ hosting: { dataResidency: 'FR' }, gdpr: { dpaArt28: true } });
  });
});
