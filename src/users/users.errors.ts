import { defineErrors } from '../common/errors/domain-error.js';

export const UsersErrors = defineErrors({
  USER_NOT_FOUND: { status: 404, message: 'User not found.' },
  MEMBERSHIP_NOT_PENDING: { status: 409, message: 'This membership is not waiting for approval.' },
  LAST_ADMIN: { status: 409, message: 'The last admin cannot delete their account; create another admin first.' },
  WRONG_CURRENT_PASSWORD: { status: 403, message: 'The current password is incorrect.' },
});
