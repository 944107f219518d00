/** Saves text as a file through a temporary object URL and a download link. */
export function downloadFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; give the browser a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from free text: what file systems accept, short. */
export function fileNameFor(text: string, extension: string): string {
  const base =
    text
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 80) || 'export';
  return `${base}.${extension}`;
}
