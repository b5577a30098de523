import type { RegistryCheck } from '../company-registry/company-registry.port.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EntityReader } from '../persistence/entity-reader.js';
import { DataSource, type EntityManager } from 'typeorm';
import { type BuyerType, type NafVersion, type OrganisationKind } from '../reference/organisation-kinds.js';
import { OrganisationEntity, type Establishment } from './organisation.entity.js';

export interface NewOrganisation {
  kind: OrganisationKind;
  buyerType: BuyerType | null;
  name: string;
  siren: string;
  siret: string | null;
  nafCode: string;
  nafVersion: NafVersion;
  communeCode: string;
  establishments: Establishment[];
  headcountBand: string | null;
  website: string | null;
  /** The company registry's answer at sign-up (decision 032). */
  registryCheck?: RegistryCheck | null;
}

export type OrganisationChanges = Partial<Omit<NewOrganisation, 'kind' | 'siren' | 'registryCheck'>>;

@Injectable()
export class OrganisationsRepository {
  /** By-id reads without a query builder per call: decision 013. */
  private readonly reader: EntityReader<OrganisationEntity>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.reader = new EntityReader(dataSource, OrganisationEntity);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OrganisationEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.reader.findOneBy('id', id, manager);
  }

  lockById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** SIREN is unique per kind: a company may both sell and buy. */
  findByKindAndSiren(manager: EntityManager, kind: OrganisationKind, siren: string): Promise<OrganisationEntity | null> {
    return this.repo(manager).findOneBy({ kind, siren });
  }

  /**
   * Inserts unless the (kind, SIREN) pair exists; returns null when it does. ON CONFLICT keeps two
   * simultaneous registrations of one company from failing: the second one joins instead.
   */
  async insertIfAbsent(manager: EntityManager, organisation: NewOrganisation): Promise<OrganisationEntity | null> {
    const result = await this.repo(manager).createQueryBuilder().insert().values(organisation).orIgnore().returning('id').execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id, manager) : null;
  }

  async update(manager: EntityManager, organisation: OrganisationEntity, changes: OrganisationChanges): Promise<OrganisationEntity> {
    Object.assign(organisation, changes);
    return this.repo(manager).save(organisation);
  }
}
