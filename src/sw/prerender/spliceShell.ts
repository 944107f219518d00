const MOUNT = '<div id="app"></div>';

/**
 * The app shell (index.html) with `block` just after the page's mount point: outside it, since
 * Preact takes over what it finds inside. A shell without that exact mark is left as it is.
 */
export function spliceShell(shell: string, block: string): string {
  // A function, not a string: `$&` or `$'` in an item's text must not be a replacement pattern.
  return shell.replace(MOUNT, () => MOUNT + block);
}
