import { describe, expect, it } from 'vitest';
import { spliceShell } from '../../../src/sw/prerender/spliceShell';

const SHELL =
  '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head>' +
  '<body>\n    <div id="app"></div>\n    <noscript>Satchel needs JavaScript to run.</noscript>\n  </body></html>';

describe('spliceShell', () => {
  it('puts the block just after the mount point, outside it', () => {
    expect(spliceShell(SHELL, '<div id="rows">r</div>')).toBe(
      SHELL.replace('<div id="app"></div>', '<div id="app"></div><div id="rows">r</div>'),
    );
  });

  it('inserts the text as it is: no replacement patterns', () => {
    const block = "<p>$& $' $` $1 $$</p>";
    expect(spliceShell(SHELL, block)).toContain(`<div id="app"></div>${block}\n`);
  });

  it('leaves a shell without the mount point as it is', () => {
    const other = SHELL.replace('id="app"', 'id="root"');
    expect(spliceShell(other, '<p>x</p>')).toBe(other);
  });
});
