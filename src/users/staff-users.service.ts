import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Caller } from '../identity/caller.js';
import { PasswordService } from '../credentials/password.service.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import type { CreateStaffUserDto } from './dto/create-staff-user.dto.js';
import { toMeDto } from './user-view.js';
import { type UserDto } from './dto/user.dto.js';
import { isUniqueViolation, normaliseEmail } from './email.js';
import { UsersRepository } from './users.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

/** Curators and admins: created by an admin (POST /admin/users), the first admin from the environment. */
@Injectable()
export class StaffUsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffUsersService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @InjectConfig('admin') private readonly config: ConfigSlices['admin'],
  ) {}

  create(caller: Caller, dto: CreateStaffUserDto): Promise<UserDto> {
    return this.createStaff(caller, dto);
  }

  /** ADMIN_EMAIL / ADMIN_PASSWORD give the first admin, once: nothing happens while an admin exists. */
  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config;
    if (!email || !password) return;
    const created = await this.transactions
      .run(async (manager) => {
        await this.users.lockAdminBootstrap(manager);
        if ((await this.users.countLiveAdmins(manager)) > 0) return false;
        await this.createStaff(null, { email, password, displayName: 'Administrator', role: 'admin' }, manager);
        return true;
      })
      .catch((error: unknown) => {
        // Boot must say what is wrong with the variables, not answer like an HTTP route.
        if (error instanceof DomainError) {
          const details = Array.isArray(error.details) ? ` ${JSON.stringify(error.details)}` : '';
          throw new Error(`Cannot create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD: ${error.message}${details}`);
        }
        throw error;
      });
    if (created) this.logger.log(`First admin created from ADMIN_EMAIL (${normaliseEmail(email)}).`);
  }

  private async createStaff(actor: AuditActor, dto: CreateStaffUserDto, outer?: EntityManager): Promise<UserDto> {
    const email = normaliseEmail(dto.email);
    this.passwords.assertAcceptable(dto.password, email);
    const passwordHash = await this.passwords.hash(dto.password);
    const run = async (manager: EntityManager): Promise<UserDto> => {
      if (await this.users.emailExists(email, manager)) throw AuthErrors.EMAIL_TAKEN();
      const user = await this.users.create(manager, {
        email,
        passwordHash,
        role: dto.role,
        displayName: dto.displayName.trim(),
        phone: dto.phone ?? null,
      });
      // No e-mail or name in the log: it must survive the user's erasure without personal data.
      await this.audit.record(manager, actor, {
        action: 'user.create_staff',
        entityType: 'user',
        entityId: user.id,
        after: { role: user.role },
      });
      return toMeDto(user);
    };
    try {
      return await (outer ? run(outer) : this.transactions.run(run));
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) throw AuthErrors.EMAIL_TAKEN();
      throw error;
    }
  }
}
