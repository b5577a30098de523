import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.js';

@Module({})
export class DatabaseModule {
  static forRoot(url: string, options: { poolSize: number; migrationsRun: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, options.poolSize),
          migrationsRun: options.migrationsRun,
          // Fail fast at boot instead of retrying for half a minute behind a silent port.
          retryAttempts: 2,
          retryDelay: 1000,
        }),
      ],
    };
  }
}
