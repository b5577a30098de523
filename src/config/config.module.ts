import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config.js';
import { configSlices, configToken, type ConfigSliceName } from './config-slices.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes each slice of the validated configuration injectable as `@InjectConfig(name)`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const slices = configSlices(config);
    const providers: { provide: string | symbol; useValue: unknown }[] = (Object.keys(slices) as ConfigSliceName[]).map((name) => ({
      provide: configToken(name),
      useValue: Object.freeze(slices[name]),
    }));
    providers.push({ provide: APP_CONFIG, useValue: config });
    return { module: ConfigModule, providers, exports: providers.map((p) => p.provide) };
  }
}
