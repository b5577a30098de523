import { defineErrors } from '../common/errors/domain-error.js';

export const VendorsErrors = defineErrors({
  VENDOR_NOT_FOUND: { status: 404, message: 'Vendor not found.' },
  VENDOR_ALREADY_VERIFIED: { status: 409, message: 'This vendor is already verified.' },
});
