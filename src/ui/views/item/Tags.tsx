import type { AtomCategory } from '../../../shared/microblogTypes';

/** RFC 4287 categories as tags. */
export function Tags({ categories }: { categories: AtomCategory[] }) {
  if (categories.length === 0) return null;
  return (
    <ul class="tags" aria-label="Tags">
      {categories.map((category) => (
        <li key={`${category.scheme ?? ''} ${category.term}`} class="tag">
          #{category.label ?? category.term}
        </li>
      ))}
    </ul>
  );
}
