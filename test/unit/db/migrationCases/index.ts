/** One migration case per schema version above 1, by version number (docs/schema-versions.md). */
import type { MigrationCase } from './MigrationCase';
import { v2ItemReadState } from './v2ItemReadState';

export const migrationCases: Record<number, MigrationCase> = {
  2: v2ItemReadState,
};
