/**
 * Field conditions and item pages (`pubsub.getItems` on the cache): what other parts of the
 * database layer call. What each operator means (operators.ts) is shared with search.
 */
export { queryItems } from './queryItems';
export { validateItemQuery } from './validateItemQuery';
export {
  conditionHolds,
  equalityValue,
  facetBounds,
  isIndexedPositive,
  numericRange,
  valueRanges,
} from './operators';
