import { defineErrors } from '../common/errors/domain-error.js';

export const VendorsErrors = defineErrors({
  VENDOR_NOT_FOUND: { status: 404, message: 'Vendor not found.' },
  VENDOR_ALREADY_VERIFIED: { status: 409, message: 'This vendor is already verified.' },
  VENDOR_VERIFICATION_INVALID_TRANSITION: {
    status: 409,
    message: "This verification step is not allowed in the vendor's current state; see details for the allowed ones.",
  },
  ESTABLISHMENT_NOT_FOUND: { status: 404, message: 'The vendor declares no establishment with this SIRET.' },
  ESTABLISHMENT_OF_ANOTHER_COMPANY: {
    status: 409,
    message: "This establishment's SIRET does not start with the vendor's SIREN: the vendor must correct it first.",
  },
});
