import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import type { EstablishmentViewDto } from '../organisations/dto/organisation.dto.js';
import { isConfirmed, withConfirmation, withoutConfirmation } from '../organisations/establishments.js';
import type { Establishment, OrganisationEntity } from '../organisations/organisation.entity.js';
import { toEstablishmentView } from '../organisations/organisation-view.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { VendorsErrors } from './vendors.errors.js';
import { VendorsRepository } from './vendors.repository.js';

/**
 * Curators confirm that a vendor's declared establishment exists where it says (decision 022):
 * only confirmed sites count for proximity and locality. Roles are the route's guard; each change
 * is audited in its transaction, and the organisation's trigger refreshes the matching projection.
 */
@Injectable()
export class VendorEstablishmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly vendors: VendorsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Idempotent: a confirmed site keeps its first confirmation, and nothing is written or audited again. */
  confirm(caller: Caller, vendorId: string, siret: string): Promise<EstablishmentViewDto> {
    return this.change(caller, vendorId, siret, 'vendor.establishment.confirm', (vendor) => {
      if (!siret.startsWith(vendor.siren)) throw VendorsErrors.ESTABLISHMENT_OF_ANOTHER_COMPANY();
      return withConfirmation(vendor.establishments, siret, caller.userId, new Date());
    });
  }

  /** Idempotent too: taking back the confirmation of a site that has none changes nothing. */
  unconfirm(caller: Caller, vendorId: string, siret: string): Promise<EstablishmentViewDto> {
    return this.change(caller, vendorId, siret, 'vendor.establishment.unconfirm', (vendor) =>
      withoutConfirmation(vendor.establishments, siret),
    );
  }

  private change(
    caller: Caller,
    vendorId: string,
    siret: string,
    action: string,
    next: (vendor: OrganisationEntity) => Establishment[],
  ): Promise<EstablishmentViewDto> {
    return this.transactions.run(async (manager) => {
      const vendor = await this.vendors.lockVendor(manager, vendorId);
      if (!vendor) throw VendorsErrors.VENDOR_NOT_FOUND();
      const before = vendor.establishments.find((e) => e.siret === siret);
      if (!before) throw VendorsErrors.ESTABLISHMENT_NOT_FOUND();
      const establishments = next(vendor);
      const after = establishments.find((e) => e.siret === siret) as Establishment;
      if (isConfirmed(after) === isConfirmed(before)) return toEstablishmentView(before);
      await this.vendors.saveEstablishments(manager, vendor, establishments);
      await this.audit.record(manager, caller, {
        action,
        entityType: 'organisation',
        entityId: vendorId,
        before: auditView(before),
        after: auditView(after),
      });
      return toEstablishmentView(after);
    });
  }
}

const auditView = (e: Establishment): Record<string, unknown> => ({
  siret: e.siret,
  communeCode: e.communeCode,
  confirmedAt: e.confirmedAt ?? null,
});
