/**
 * The largest cache export file Satchel imports, in bytes (issue 15). The page checks a picked
 * file's size before reading any of it, so a 500 MB file is never read into the page nor sent to
 * the worker; the worker checks the text it gets against the same figure (UTF-8 never has fewer
 * bytes than characters). The file crosses the RPC as one string and the worker parses it
 * whole, so the page, the clone and the parse each hold it: 100 MB keeps that within reach of
 * a phone. Larger caches import in several files (one per node or a few).
 */
export const IMPORT_FILE_MAX_BYTES = 100_000_000;
