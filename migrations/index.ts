import { Foundation1764100000000 } from './1764100000000-foundation.js';

/** Every migration, oldest first. ESM has no __dirname globbing: list them here. */
export const migrations = [Foundation1764100000000];
