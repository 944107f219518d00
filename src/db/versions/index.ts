/**
 * Every schema version, oldest first. Append only (docs/schema-versions.md): a released version
 * is never edited or removed; test/unit/db/schemaSnapshot.test.ts holds them to that.
 */
import type { SchemaVersion } from './SchemaVersion';
import { v1InitialSchema } from './v1InitialSchema';
import { v2ItemReadState } from './v2ItemReadState';
import { v3SearchIndex } from './v3SearchIndex';
import { v4SearchDocs } from './v4SearchDocs';
import { v5NodeCounts } from './v5NodeCounts';
import { v6WordIndexQueue } from './v6WordIndexQueue';
import { v7NodeListings } from './v7NodeListings';
import { v8MergedItemIndexes } from './v8MergedItemIndexes';
import { v9Outbox } from './v9Outbox';
import { v10WordPostings } from './v10WordPostings';

export type { SchemaVersion } from './SchemaVersion';

export const schemaVersions: readonly SchemaVersion[] = [
  v1InitialSchema,
  v2ItemReadState,
  v3SearchIndex,
  v4SearchDocs,
  v5NodeCounts,
  v6WordIndexQueue,
  v7NodeListings,
  v8MergedItemIndexes,
  v9Outbox,
  v10WordPostings,
];
