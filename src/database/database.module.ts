import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { dataSourceOptions } from './data-source.js';
import { runMigrationsLocked } from './locked-migrations.js';
import { guardTransactions } from '../persistence/transaction-guard.js';

/** Fails loudly (dev, test) or logs (production) any query that leaves its transaction's manager. */
@Injectable()
class TransactionGuardInstaller implements OnModuleInit {
  private readonly logger = new Logger('TransactionGuard');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    guardTransactions(this.dataSource, this.config.NODE_ENV === 'production' ? 'log' : 'throw', (m) => this.logger.error(m));
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(url: string, options: { poolSize: number; migrationsRun: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(url, options.poolSize),
            // Fail fast at boot instead of retrying for half a minute behind a silent port.
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          // Not TypeORM's migrationsRun, which takes no lock: see runMigrationsLocked.
          dataSourceFactory: async (typeormOptions) => {
            const dataSource = await new DataSource(typeormOptions!).initialize();
            if (options.migrationsRun) await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [TransactionGuardInstaller],
    };
  }
}
