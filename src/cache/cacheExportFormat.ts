/**
 * The file format of "export the whole cache" (issue 7), versioned: a JSON document with the
 * raw items of every cached node of an account. Parsed data is not in it (the importer parses
 * the XML again with the node's analyser, as a sync would), so a file can never inject parsed
 * data the XML does not say. validateCacheExport checks all of it before anything is written.
 */
import { IMPORT_FILE_MAX_BYTES } from '../shared/importFileLimit';
import { SatchelError } from '../shared/SatchelError';
import type { RetentionPolicy } from '../shared/records';
import { parseItemXml } from './parseItemXml';

export const EXPORT_FORMAT = 'satchel-cache';
export const EXPORT_VERSION = 1;

export interface ExportedItem {
  id: string;
  /** The raw <item/> as received (XEP-0060 §7.1). */
  xml: string;
  publisher?: string;
  /** Epoch ms. */
  created: number;
  updated: number;
  read: boolean;
  pinned: boolean;
}

export interface ExportedNode {
  service: string;
  node: string;
  followed: boolean;
  analyser?: string;
  type?: string;
  subtype?: string;
  title?: string;
  retention?: RetentionPolicy;
  items: ExportedItem[];
}

export interface CacheExportV1 {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** Bare JID of the account exported. */
  account: string;
  nodes: ExportedNode[];
}

export const IMPORT_LIMITS = {
  /** Characters of the whole file (the RPC carries it as one string; the page refuses larger
   * files before reading them). */
  fileChars: IMPORT_FILE_MAX_BYTES,
  nodes: 10_000,
  items: 1_000_000,
  itemXmlChars: 1_000_000,
};

const MAX_PROBLEMS = 20;
/** Keys no file Satchel writes has: JSON.parse keeps them as plain own properties, but code
 * that ever copied them with a setter or merged them would change prototypes (issue 15). */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optionalText = (v: unknown, max: number): boolean => v === undefined || isText(v, max);

/** The first forbidden key of an object the importer reads, or undefined. */
function forbiddenKey(v: unknown): string | undefined {
  return isObject(v) ? FORBIDDEN_KEYS.find((key) => Object.hasOwn(v, key)) : undefined;
}

function retentionOk(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObject(v)) return false;
  const count = (n: unknown) =>
    n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10_000_000);
  return (
    count(v.maxItems) &&
    count(v.maxAgeDays) &&
    Object.keys(v).every((k) => k === 'maxItems' || k === 'maxAgeDays')
  );
}

function itemProblem(item: unknown): string | undefined {
  if (!isObject(item)) return 'is not an object';
  const forbidden = forbiddenKey(item);
  if (forbidden) return `has a forbidden key "${forbidden}"`;
  if (!isText(item.id, 1024, 1)) return 'has no valid id';
  if (!isText(item.xml, IMPORT_LIMITS.itemXmlChars, 1)) return 'has no XML, or too much';
  if (!optionalText(item.publisher, 3071)) return 'has an invalid publisher';
  if (!isTime(item.created) || !isTime(item.updated)) return 'has invalid times';
  if (typeof item.read !== 'boolean' || typeof item.pinned !== 'boolean')
    return 'has invalid read or pinned flags';
  const parsed = parseItemXml(item.xml, item.id);
  return parsed.ok ? undefined : `has malformed XML: ${parsed.problem}`;
}

function nodeProblems(node: unknown, where: string, problems: string[]): number {
  if (!isObject(node)) {
    problems.push(`${where} is not an object`);
    return 0;
  }
  const forbidden = forbiddenKey(node) ?? forbiddenKey(node.retention);
  if (forbidden) problems.push(`${where} has a forbidden key "${forbidden}"`);
  if (!isText(node.service, 3071, 1) || !isText(node.node, 1024))
    problems.push(`${where} has no valid service and node`);
  if (typeof node.followed !== 'boolean') problems.push(`${where}.followed must be true or false`);
  for (const key of ['analyser', 'type', 'subtype'] as const)
    if (!optionalText(node[key], 200)) problems.push(`${where}.${key} is invalid`);
  if (!optionalText(node.title, 1000)) problems.push(`${where}.title is invalid`);
  if (!retentionOk(node.retention)) problems.push(`${where}.retention is invalid`);
  if (!Array.isArray(node.items)) {
    problems.push(`${where}.items must be a list`);
    return 0;
  }
  const ids = new Set<string>();
  node.items.forEach((item: unknown, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const problem = itemProblem(item);
    if (problem) problems.push(`${where}.items[${i}] ${problem}`);
    else if (ids.has((item as ExportedItem).id))
      problems.push(`${where}.items[${i}] repeats id ${(item as ExportedItem).id}`);
    else ids.add((item as ExportedItem).id);
  });
  return node.items.length;
}

/** Whether JSON.parse failed at the very end of the text: a file cut short (V8 names the
 * position, "Unterminated string in JSON at position N"; SpiderMonkey says "end of data"). */
function endsTooEarly(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  if (/end of (JSON input|data)/iu.test(message)) return true;
  const position = /at position (\d+)/u.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}

/** The parsed file, or SatchelError 'import-invalid' listing the first problems found. */
export function validateCacheExport(text: string): CacheExportV1 {
  const invalid = (problems: string[]) =>
    new SatchelError('import-invalid', problems.slice(0, MAX_PROBLEMS).join('; '));
  if (text.length > IMPORT_LIMITS.fileChars) throw invalid(['the file is too large']);
  if (text.trim() === '') throw invalid(['the file is empty']);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid([endsTooEarly(error, text) ? 'the file is cut short' : 'the file is not JSON']);
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT)
    throw invalid(['the file is not a Satchel cache export']);
  const forbidden = forbiddenKey(data);
  if (forbidden) throw invalid([`the file has a forbidden key "${forbidden}"`]);
  if (typeof data.version === 'number' && data.version > EXPORT_VERSION)
    throw invalid([
      `the file was exported by a newer Satchel (format version ${data.version}; this one reads version ${EXPORT_VERSION}): update Satchel to import it`,
    ]);
  if (data.version !== EXPORT_VERSION)
    throw invalid([`export version ${String(data.version)} is not supported`]);
  const problems: string[] = [];
  if (!isText(data.account, 3071)) problems.push('account is invalid');
  if (!isText(data.exportedAt, 64)) problems.push('exportedAt is invalid');
  if (!Array.isArray(data.nodes)) throw invalid([...problems, 'nodes must be a list']);
  if (data.nodes.length > IMPORT_LIMITS.nodes) throw invalid(['too many nodes']);
  const seen = new Set<string>();
  let items = 0;
  data.nodes.forEach((node: unknown, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    items += nodeProblems(node, `nodes[${i}]`, problems);
    const key = isObject(node) ? JSON.stringify([node.service, node.node]) : '';
    if (seen.has(key)) problems.push(`nodes[${i}] repeats a node`);
    seen.add(key);
  });
  if (items > IMPORT_LIMITS.items) problems.push('too many items');
  if (problems.length > 0) throw invalid(problems);
  return data as unknown as CacheExportV1;
}
