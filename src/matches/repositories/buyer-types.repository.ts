import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The buyer side of the fit criterion: an organisation's buyer type. */
@Injectable()
export class BuyerTypesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The buyer type of a need's organisation, for the fit criterion. */
  async buyerTypeOf(organisationId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT buyer_type FROM organisation WHERE id = $1', [organisationId])) as {
      buyer_type: string | null;
    }[];
    return rows[0]?.buyer_type ?? null;
  }
}
