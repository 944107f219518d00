/**
 * Search over the cache: the query planner and the word index (README.md here: the plan, the
 * costs, the choices). This is all the rest of the database layer calls; the rest of the folder
 * is the planner's own. The text itself (tokens, keys, query syntax) is src/search's.
 */
export { searchItems } from './searchItems';
export { countSearch } from './countSearch';
export type { TimeFieldsOf } from './impliedTimeBounds';
export { docChanged, searchDocOf, searchNodeNumber } from './searchDocs';
export { searchDocsSync } from './searchDocsSync';
export { postingsSync } from './postingsSync';
export { hasQueuedWords, indexQueuedWords } from './indexQueuedWords';
