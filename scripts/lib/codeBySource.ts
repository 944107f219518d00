import { decodeMappings } from './decodeMappings';

export interface SourceMapV3 {
  sources: string[];
  mappings: string;
}

/** The generated code split by the source file each span maps to (spans mapped to no source,
 * such as the bundler's runtime helpers, under `(unmapped)`), concatenated per source. */
export function codeBySource(code: string, map: SourceMapV3): Map<string, string> {
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const add = (name: string, text: string): void => {
    if (text === '') return;
    const list = parts.get(name) ?? [];
    list.push(text);
    parts.set(name, list);
  };
  const segments = decodeMappings(map.mappings);
  const covered = new Set<number>();
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    const text = lines[segment.line] ?? '';
    const end = next?.line === segment.line ? next.column : text.length;
    if (!covered.has(segment.line)) add('(unmapped)', text.slice(0, segment.column));
    covered.add(segment.line);
    const name = segment.source === undefined ? '(unmapped)' : map.sources[segment.source];
    add(name ?? '(unmapped)', text.slice(segment.column, end));
  });
  lines.forEach((text, line) => {
    if (!covered.has(line)) add('(unmapped)', text);
  });
  return new Map([...parts].map(([name, list]) => [name, list.join('')]));
}
