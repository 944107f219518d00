/** The query syntax, short (src/search/parseSearchText.ts is the reference). */
export function SearchHelp() {
  return (
    <details class="search-help">
      <summary>How to search</summary>
      <dl>
        <dt>
          <code>sourdough bread</code>
        </dt>
        <dd>Posts with both words. A word also finds longer ones: bread finds breads.</dd>
        <dt>
          <code>"bread"</code>
        </dt>
        <dd>This word exactly.</dd>
        <dt>
          <code>-travel</code>
        </dt>
        <dd>Posts without this word.</dd>
        <dt>
          <code>title:garden</code>, <code>tag:xmpp</code>, <code>author:juliet</code>,{' '}
          <code>summary:</code>, <code>content:</code>
        </dt>
        <dd>The word in that part of a post.</dd>
      </dl>
      <p class="muted">
        Case and accents do not matter (creme finds Crème). Chinese and Japanese are matched by
        pairs of characters. Search works offline: it reads only what is cached on this device.
      </p>
    </details>
  );
}
