/** One migration case per schema version above 1, by version number (docs/schema-versions.md). */
import type { MigrationCase } from './MigrationCase';
import { v2ItemReadState } from './v2ItemReadState';
import { v3SearchIndex } from './v3SearchIndex';
import { v4SearchDocs } from './v4SearchDocs';
import { v5NodeCounts } from './v5NodeCounts';
import { v6WordIndexQueue } from './v6WordIndexQueue';
import { v7NodeListings } from './v7NodeListings';
import { v8Outbox as v8OutboxCase } from './v8Outbox';
import { v8Outbox } from '../../../../src/db/versions/v8Outbox';

export const migrationCases: Record<number, MigrationCase> = {
  2: v2ItemReadState,
  3: v3SearchIndex,
  4: v4SearchDocs,
  5: v5NodeCounts,
  6: v6WordIndexQueue,
  7: v7NodeListings,
  // Keyed by the version's own number: renumbering the version renumbers its case.
  [v8Outbox.version]: v8OutboxCase,
};
