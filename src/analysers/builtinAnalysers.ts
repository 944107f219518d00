/**
 * The analysers Satchel ships with. Only the XEP-0277 microblog one (which also covers its
 * comment nodes), as in the reference cache. There is deliberately no catch-all: a node no
 * analyser recognises is never synced. New analysers are added here, or registered by their
 * own module on the same registry, without touching the registry itself.
 */
import type { AnalyserRegistry } from './analyserRegistry';
import { microblogAnalyser } from './microblog/microblogAnalyser';

export function registerBuiltinAnalysers(
  registry: Pick<AnalyserRegistry, 'registerAnalyser'>,
): void {
  registry.registerAnalyser(microblogAnalyser);
}
