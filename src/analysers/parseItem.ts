/**
 * Runs an analyser's parser on one `<item/>` without ever throwing (issue 4: "Items keep the raw
 * XML and, when the analyser has a parser, the parsed data"). The caller keeps the raw item
 * whatever happens here; this only decides what parsed data and index entries go with it.
 */
import type { Element } from '@xmpp/xml';
import type { FacetValue } from '../shared/records';
import type { AnalyserDefinition, ParseContext, ParseOutcome } from './analyserTypes';

/** Beyond this many problems the rest are counted, not listed: a hostile item cannot bloat
 * the stored record with millions of messages. */
export const MAX_PROBLEMS = 50;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  kept.push(`…and ${problems.length - MAX_PROBLEMS} more problems`);
  return kept;
}

/** IndexedDB rejects NaN and Infinity as keys, and a field the analyser did not declare
 * would have no index: both are dropped here with a problem rather than failing the write. */
function validFields(
  def: AnalyserDefinition,
  fields: Array<[string, FacetValue]>,
  problems: string[],
): Array<[string, FacetValue]> {
  const declared = def.indexedFields === undefined ? undefined : new Set(def.indexedFields);
  const kept: Array<[string, FacetValue]> = [];
  for (const [name, value] of fields) {
    const validValue =
      typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (declared !== undefined && !declared.has(name)) {
      problems.push(`field "${name}" is not declared in indexedFields; not indexed`);
    } else if (!validValue) {
      problems.push(`field "${name}" has an unindexable value; not indexed`);
    } else {
      kept.push([name, value]);
    }
  }
  return kept;
}

function validTime(
  value: number | undefined,
  name: string,
  problems: string[],
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push(`parser gave an invalid ${name} time; ignored`);
  return undefined;
}

/** Parses `item` with `def.parser`. No parser: parsed is undefined and nothing is indexed.
 * A throwing parser: parsed is undefined and its message is the one problem. */
export function parseItem(
  def: AnalyserDefinition,
  item: Element,
  context: ParseContext,
): ParseOutcome {
  if (def.parser === undefined) return { parsed: undefined, fields: [], problems: [] };
  let outcome: ParseOutcome;
  try {
    outcome = def.parser(item, context);
  } catch (error) {
    return {
      parsed: undefined,
      fields: [],
      problems: [`parser "${def.name}" failed: ${errorMessage(error)}`],
    };
  }
  const problems = Array.isArray(outcome.problems) ? outcome.problems.map(String) : [];
  const fields = validFields(def, Array.isArray(outcome.fields) ? outcome.fields : [], problems);
  const result: ParseOutcome = { parsed: outcome.parsed, fields, problems };
  const created = validTime(outcome.created, 'created', problems);
  const updated = validTime(outcome.updated, 'updated', problems);
  if (created !== undefined) result.created = created;
  if (updated !== undefined) result.updated = updated;
  result.problems = capProblems(problems);
  return result;
}
