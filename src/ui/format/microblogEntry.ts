import * as shared from '../../shared/microblogEntry';
import type { AtomText, MicroblogItem } from '../../shared/microblogTypes';
import { markupToText } from '../safety/markupToText';

// The shared entry text (src/shared/microblogEntry.ts) with the page's own markup reducer: an
// inert DOM, exact. The worker's pre-rendered rows use an approximation that this replaces.
export { asMicroblogItem, entryAuthor, entryTime, titleIsBody } from '../../shared/microblogEntry';

export const plainText = (text: AtomText | undefined): string =>
  shared.plainText(text, markupToText);

export const entryTitle = (entry: MicroblogItem): string => shared.entryTitle(entry, markupToText);

export const entryExcerpt = (entry: MicroblogItem): string =>
  shared.entryExcerpt(entry, markupToText);
