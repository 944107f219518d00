/**
 * The shapes of the analyser registry (issue 4, "Analysers"): what an analyser declares, what a
 * node analysis takes and gives, and what an item parser returns. Types only.
 */
import type { Element } from '@xmpp/xml';
import type { FacetValue } from '../shared/records';

/** What a parser may return: JSON-compatible, so it survives structured clone and IndexedDB.
 * Object values may be undefined because optional properties are omitted when stored. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** Where the parsed item comes from. */
export interface ParseContext {
  service: string;
  node: string;
}

export interface ParseOutcome {
  /** The parser's structured data; undefined when there is no parser or it failed. */
  parsed: JsonValue | undefined;
  /** Indexed field values (see ItemRecord.fields): one [field, value] pair per value. */
  fields: Array<[string, FacetValue]>;
  /** Publication and last update time from the payload, epoch ms, when it gives them. */
  created?: number;
  updated?: number;
  /** Parse problems, recorded and never thrown; the raw item is kept whatever they say. */
  problems: string[];
}

/** Parses one `<item/>` element (not only its payload: attributes such as `publisher` count). */
export type ItemParser = (item: Element, context: ParseContext) => ParseOutcome;

export interface NodeAnalysisInput {
  service: string;
  node: string;
  /** Payload (first child element) of the node's first item, when the node has any item. */
  firstPayload?: Element;
}

export interface AnalysisResult {
  /** Name of the analyser that matched: the one whose parser reads this node's items. */
  analyser: string;
  type: string;
  subtype?: string;
  toSync: boolean;
}

export interface AnalyserDefinition {
  /** Unique name, stored with the node. */
  name: string;
  /** Node-name prefix that matches (tested first). */
  node?: string;
  /** Namespace of the first item's payload that matches (tested when the prefix does not). */
  namespace?: string;
  type: string;
  subtype?: string;
  toSync: boolean;
  parser?: ItemParser;
  /** Called after a prefix or namespace match: returns a refined result, or null to reject
   * (the next analysers are then tried). A throw makes the node unanalysable, never synced. */
  match?: (input: NodeAnalysisInput, result: AnalysisResult) => AnalysisResult | null;
  /** Parsed fields the parser emits in `fields`, which the cache indexes for queries. */
  indexedFields?: string[];
  /** Fields of `fields` the parser also returns as `created` / `updated` whenever present
   * (same value): a search condition on one then bounds the item's time too
   * (src/db/search/impliedTimeBounds.ts). Declare only what the parser guarantees. */
  timeFields?: { created?: string; updated?: string };
}
