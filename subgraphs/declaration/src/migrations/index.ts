import type { MigrationObject } from '@mikro-orm/core';

/** Every committed migration, in order. Listed explicitly so builds never scan the disk. */
export const migrations: MigrationObject[] = [];
