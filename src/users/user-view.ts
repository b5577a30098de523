import type { MemberDto } from './dto/member.dto.js';
import type { MeDto } from './dto/user.dto.js';
import type { UserEntity } from './user.entity.js';

export function toMeDto(u: UserEntity): MeDto {
  return {
    id: u.id,
    email: u.email ?? '',
    role: u.role,
    displayName: u.displayName ?? '',
    phone: u.phone,
    organisationId: u.organisationId,
    membershipStatus: u.membershipStatus,
    emailVerified: u.emailVerifiedAt !== null,
    createdAt: u.createdAt,
  };
}

export function toMemberDto(u: UserEntity): MemberDto {
  return {
    userId: u.id,
    email: u.email ?? '',
    displayName: u.displayName ?? '',
    role: u.role,
    membershipStatus: u.membershipStatus ?? 'rejected',
    createdAt: u.createdAt,
  };
}
