import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { codeBySource, type SourceMapV3 } from './codeBySource';

export interface ModuleSize {
  /** A package (`@xmpp/xml`, `dexie`) or a source file of ours (`src/cache/syncNode.ts`). */
  name: string;
  /** Minified bytes of the output that map to it. */
  bytes: number;
  /** What the file's gzip size loses without its code (the rest gzipped alone): what removing
   * it would save, compression shared with the rest included. The rows do not add up to the
   * file's size; the saving of a change is measured by building without it. */
  gzipSaving: number;
}

/** `../node_modules/@xmpp/xml/lib/Element.js` → `@xmpp/xml`; `../src/db/x.ts` → `src/db/x.ts`;
 * a bundler's own code (no source) stays `(unmapped)`. */
export function moduleName(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(source);
  if (inPackage) return inPackage[1]!;
  const ours = /(?:^|\/)(src\/.*)$/u.exec(source);
  return ours ? ours[1]! : source;
}

const gz = (text: string): number => gzipSync(text, { level: 9 }).length;

/** What a built file (with its source map beside it, `<file>.map`) is made of, by package and
 * by source file of ours, largest saving first. */
export function sizeByModule(file: string): ModuleSize[] {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapV3;
  const parts = [...codeBySource(code, map)].map(([source, text]) => ({
    name: moduleName(source),
    text,
  }));
  const total = gz(parts.map((part) => part.text).join(''));
  const names = new Set(parts.map((part) => part.name));
  return [...names]
    .map((name) => {
      const own = parts.filter((part) => part.name === name);
      const rest = parts.filter((part) => part.name !== name);
      return {
        name,
        bytes: own.reduce((sum, part) => sum + part.text.length, 0),
        gzipSaving: total - gz(rest.map((part) => part.text).join('')),
      };
    })
    .sort((a, b) => b.gzipSaving - a.gzipSaving);
}
