/** One migration case per schema version above 1, by version number (docs/schema-versions.md). */
import type { MigrationCase } from './MigrationCase';
import { v2ItemReadState } from './v2ItemReadState';
import { v3SearchIndex } from './v3SearchIndex';
import { v4SearchDocs } from './v4SearchDocs';
import { v5NodeCounts } from './v5NodeCounts';
import { v6WordIndexQueue } from './v6WordIndexQueue';
import { v7NodeListings } from './v7NodeListings';
import { v8MergedItemIndexes } from './v8MergedItemIndexes';
import { v8MergedItemIndexes as v8Version } from '../../../../src/db/versions/v8MergedItemIndexes';
import { v9Outbox as v9OutboxCase } from './v9Outbox';
import { v9Outbox } from '../../../../src/db/versions/v9Outbox';
import { v10WordPostings as v10Case } from './v10WordPostings';
import { v10WordPostings } from '../../../../src/db/versions/v10WordPostings';

export const migrationCases: Record<number, MigrationCase> = {
  2: v2ItemReadState,
  3: v3SearchIndex,
  4: v4SearchDocs,
  5: v5NodeCounts,
  6: v6WordIndexQueue,
  7: v7NodeListings,
  // Keyed by each version's own number: renumbering a version renumbers its case.
  [v8Version.version]: v8MergedItemIndexes,
  [v9Outbox.version]: v9OutboxCase,
  [v10WordPostings.version]: v10Case,
};
