import { RejectClaimDto, VerifyClaimDto } from '../../offerings/dto/offering-input.dto.js';
import { asForm, pageNumber, parseWith, text, type Parsed } from '../shared/form-input.js';

/* A curator's decision on a claim of a sovereignty profile: a comment (required to reject), and the page of the list to return to. */

export type ClaimAction = 'verify' | 'reject';

export type ParsedClaimDecision = Parsed<VerifyClaimDto | RejectClaimDto> & {
  action: ClaimAction;
  comment?: string;
  page: number;
  invalidMessage: string;
};

export async function parseClaimDecision(body: unknown, action: ClaimAction): Promise<ParsedClaimDecision> {
  const form = asForm(body);
  const comment = text(form, 'comment');
  const parsed = await parseWith<VerifyClaimDto | RejectClaimDto>(
    action === 'reject' ? RejectClaimDto : VerifyClaimDto,
    { comment },
    { comment },
  );
  const invalidMessage =
    action === 'reject' ? 'Le rejet doit être motivé : le fournisseur lit ce commentaire.' : 'Le commentaire est à corriger.';
  return { ...parsed, action, comment, page: pageNumber(text(form, 'page')), invalidMessage };
}
