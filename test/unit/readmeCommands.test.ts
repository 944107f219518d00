import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// CI must prove what the README promises: `.ci/run` runs the README's test command and nothing
// else (an extra step there hid a missing install in `npm test` once, issue 13).
const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/** The shell commands of the README's first code block, comments stripped. */
function readmeCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

/** The commands `.ci/run` runs, less the shell's own set-up (set, cd to the checkout). */
function ciCommands(): string[] {
  return read('.ci/run')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .filter((line) => !/^set -/.test(line) && !/^cd "\$\(dirname/.test(line));
}

describe('the README and CI', () => {
  it('open with two commands, the app and the whole suite', () => {
    expect(readmeCommands()).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('CI runs exactly the README’s test command', () => {
    expect(ciCommands()).toEqual([readmeCommands()[1]]);
  });

  it('npm test installs or asks for its system packages before anything needs them', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts.test?.split(' && ')[0]).toBe('bash scripts/ensureSystemPackages.sh');
  });
});
