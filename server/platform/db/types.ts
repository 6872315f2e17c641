import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;

export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';
