import { Module } from '@nestjs/common';
import { AccountLinksModule } from '../account-links/account-links.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AccountService } from './account.service.js';
import { AdminUsersController } from './admin-users.controller.js';
import { MeController } from './me.controller.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { StaffUsersService } from './staff-users.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [CredentialsModule, AuditModule, OrganisationsModule, NotificationsModule, AccountLinksModule],
  controllers: [MeController, MembersController, AdminUsersController],
  providers: [UsersRepository, AccountService, MembersService, StaffUsersService],
  exports: [UsersRepository, AccountService, MembersService],
})
export class UsersModule {}
