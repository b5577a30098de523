import { signId, verifySignedId } from '../common/signed-id.js';

/**
 * The outcome survey link (decision 033): the introduction's id, signed. The link is the only
 * credential (the buyer answers without signing in); it can do one thing, once: answer the survey.
 */
const DOMAIN = 'circuit-ia:outcome-survey:v1';

export const surveyToken = (secret: string, introductionId: string): string => signId(secret, DOMAIN, introductionId);

export const verifySurveyToken = (secret: string, token: string): string | null => verifySignedId(secret, DOMAIN, token);

export const surveyPath = (token: string): string => `/app/enquete/${token}`;
