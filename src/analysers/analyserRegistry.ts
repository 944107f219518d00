/**
 * The analyser registry (issue 4, "Analysers"). A node is matched against the registered
 * analysers in registration order: for each one the node-name prefix is tried, then the
 * namespace of the first item's payload (as in the reference cache); the first match wins and
 * its `match` callback may refine type and subtype, or reject. No analyser, or an error, means
 * the node is never synced: analysis reports problems and returns null, it never throws.
 */
import { SatchelError } from '../shared/SatchelError';
import type { AnalyserDefinition, AnalysisResult, NodeAnalysisInput } from './analyserTypes';

/** An analyser that failed while analysing a node, for the caller to log or store. */
export interface AnalyserFailure {
  analyser: string;
  service: string;
  node: string;
  error: unknown;
}

export interface AnalyserRegistry {
  /** Throws a SatchelError('internal') on a duplicate name or a definition that can never
   * match: those are programming errors, found at start-up. */
  registerAnalyser(def: AnalyserDefinition): void;
  analyse(input: NodeAnalysisInput): AnalysisResult | null;
  get(name: string): AnalyserDefinition | undefined;
  /** Definitions in registration (matching) order. */
  list(): AnalyserDefinition[];
}

export interface AnalyserRegistryOptions {
  /** Told about an analyser whose `match` threw or returned nonsense. Default: console.warn. */
  onError?: (failure: AnalyserFailure) => void;
}

function matchesByNodeOrNamespace(def: AnalyserDefinition, input: NodeAnalysisInput): boolean {
  if (def.node !== undefined && input.node.startsWith(def.node)) return true;
  if (def.namespace === undefined || input.firstPayload === undefined) return false;
  return input.firstPayload.getNS() === def.namespace;
}

function initialResult(def: AnalyserDefinition): AnalysisResult {
  const result: AnalysisResult = { analyser: def.name, type: def.type, toSync: def.toSync };
  if (def.subtype !== undefined) result.subtype = def.subtype;
  return result;
}

/** Keeps what a `match` callback may change (type, subtype, toSync); the analyser stays the
 * one that matched, since its parser is the one that reads the node's items. */
function refinedResult(def: AnalyserDefinition, refined: AnalysisResult): AnalysisResult {
  if (typeof refined.type !== 'string' || typeof refined.toSync !== 'boolean') {
    throw new TypeError('match returned a result without a string type and a boolean toSync');
  }
  const result: AnalysisResult = { analyser: def.name, type: refined.type, toSync: refined.toSync };
  if (refined.subtype !== undefined) result.subtype = refined.subtype;
  return result;
}

export function createAnalyserRegistry(options: AnalyserRegistryOptions = {}): AnalyserRegistry {
  const onError =
    options.onError ??
    ((failure: AnalyserFailure) => {
      console.warn(
        `analyser ${failure.analyser} failed on ${failure.service} ${failure.node}`,
        failure.error,
      );
    });
  const definitions = new Map<string, AnalyserDefinition>();

  function registerAnalyser(def: AnalyserDefinition): void {
    if (!def.name) throw new SatchelError('internal', 'an analyser needs a name');
    if (definitions.has(def.name)) {
      throw new SatchelError('internal', `analyser "${def.name}" is already registered`);
    }
    if (def.node === undefined && def.namespace === undefined) {
      throw new SatchelError(
        'internal',
        `analyser "${def.name}" has neither node prefix nor namespace`,
      );
    }
    definitions.set(def.name, def);
  }

  function analyse(input: NodeAnalysisInput): AnalysisResult | null {
    for (const def of definitions.values()) {
      try {
        if (!matchesByNodeOrNamespace(def, input)) continue;
        const result = initialResult(def);
        if (def.match === undefined) return result;
        const refined = def.match(input, result);
        // A rejection lets the next analysers try, so a generic analyser can follow a specific one.
        if (refined === null) continue;
        return refinedResult(def, refined);
      } catch (error) {
        // An analyser that throws leaves the node unanalysed: never synced, read from the server.
        onError({ analyser: def.name, service: input.service, node: input.node, error });
        return null;
      }
    }
    return null;
  }

  return {
    registerAnalyser,
    analyse,
    get: (name) => definitions.get(name),
    list: () => [...definitions.values()],
  };
}
