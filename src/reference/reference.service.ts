import { Injectable, type OnModuleInit } from '@nestjs/common';
import { pageOf, pageWindow, type Page } from '../common/pagination.js';
import { searchCommunes } from './geo/commune-search.js';
import type { Commune, Departement, DepartementCode, Region, RegionCode } from './data/geo.types.js';
import { listDepartements, listRegions } from './geo/geography.js';
import { referenceData } from './data/reference-data.js';
import { ReferenceErrors } from './reference.errors.js';
import { findNafCode, isBroaderNafLevel, listNafCodes } from './sectors/naf.js';
import type { NafEntry } from './data/naf.types.js';
import { sovereigntyVocabulary, type SovereigntyVocabulary } from './sovereignty/sovereignty-vocabulary.js';
import type { CommunesQueryDto, DepartementsQueryDto, SectorsQueryDto } from './dto/reference-query.dto.js';
import type { CommuneDto, DepartementDto, RegionDto } from './dto/geography.dto.js';
import type { SectorDto, UseCaseDto } from './dto/vocabulary.dto.js';

/** Read-only reference data for the API; the data themselves live in the shared `referenceData()`. */
@Injectable()
export class ReferenceService implements OnModuleInit {
  private readonly sovereignty: SovereigntyVocabulary = sovereigntyVocabulary();

  /** Loads the data at start, so a broken data upgrade stops the boot instead of a request. */
  onModuleInit(): void {
    referenceData();
  }

  version(): string {
    return referenceData().version;
  }

  regions(): RegionDto[] {
    return listRegions().map(toRegionDto);
  }

  departements(query: DepartementsQueryDto): DepartementDto[] {
    return listDepartements(query.region as RegionCode | undefined).map(toDepartementDto);
  }

  communes(query: CommunesQueryDto): Page<CommuneDto> {
    const { offset, limit } = pageWindow(query);
    const { items, total } = searchCommunes({
      q: query.q,
      departementCode: query.departement as DepartementCode | undefined,
      offset,
      limit,
    });
    return pageOf(items.map(toCommuneDto), total, query);
  }

  sectors(query: SectorsQueryDto): SectorDto[] {
    const parent = query.parent === undefined ? undefined : findNafCode(query.parent);
    if (parent && !isBroaderNafLevel(parent.level, query.level)) {
      throw ReferenceErrors.SECTOR_PARENT_NOT_ABOVE_LEVEL(undefined, [
        {
          field: 'parent',
          messages: [`parent ${parent.code} is a ${parent.level}; a ${query.level} can only be listed under a broader level`],
        },
      ]);
    }
    return listNafCodes(query.level, parent?.code).map(toSectorDto);
  }

  useCases(): UseCaseDto[] {
    return referenceData().useCases.map((u) => ({ ...u }));
  }

  sovereigntyVocabulary(): SovereigntyVocabulary {
    return this.sovereignty;
  }
}

const toRegionDto = (r: Region): RegionDto => ({
  regionCode: r.regionCode,
  name: r.name,
  zone: r.zone,
  chefLieuCommuneCode: r.chefLieuCommuneCode,
});
const toDepartementDto = (d: Departement): DepartementDto => ({
  departementCode: d.departementCode,
  name: d.name,
  regionCode: d.regionCode,
  zone: d.zone,
  chefLieuCommuneCode: d.chefLieuCommuneCode,
});
const toCommuneDto = (c: Commune): CommuneDto => ({
  communeCode: c.communeCode,
  name: c.name,
  departementCode: c.departementCode,
  regionCode: c.regionCode,
  postalCodes: [...c.postalCodes],
  population: c.population,
});
const toSectorDto = (e: NafEntry): SectorDto => ({ ...e });
