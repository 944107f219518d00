import { useState } from 'preact/hooks';
import type { ConflictChoice, ImportReport } from '../../../shared/cacheManagement';
import { IMPORT_FILE_MAX_BYTES } from '../../../shared/importFileLimit';
import { SatchelError } from '../../../shared/SatchelError';
import { InlineError } from '../../components/InlineError';
import { formatBytes, plural } from '../../format/count';
import { useRpc } from '../../rpcContext';
import { ConfirmButton } from './ConfirmButton';
import { downloadFile } from './downloadFile';
import { LONG_MS } from './NodeStatsRow';

interface Props {
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

function describe(report: ImportReport): string {
  const parts = [
    plural(report.newItems, 'new item'),
    `${report.identical.toLocaleString()} already cached`,
    plural(report.conflicts, 'conflict'),
  ];
  return `${plural(report.items, 'item')} in ${plural(report.nodes, 'feed')}: ${parts.join(', ')}.`;
}

/** What is wrong with a picked file that can be told without reading it (issue 15): a file too
 * large is never read into the page, so it cannot exhaust its memory. */
function unreadable(picked: File): SatchelError | undefined {
  if (picked.size === 0) return new SatchelError('import-invalid', 'the file is empty');
  if (picked.size > IMPORT_FILE_MAX_BYTES)
    return new SatchelError(
      'import-invalid',
      `the file is ${formatBytes(picked.size)}; files over ${formatBytes(IMPORT_FILE_MAX_BYTES)} are not read`,
    );
  return undefined;
}

/** The whole cache as a file: export it; import one (checked first, then the user chooses). */
export function ExportImportPanel({ onChanged, onError }: Props) {
  const rpc = useRpc();
  const [file, setFile] = useState<{ name: string; json: string }>();
  const [report, setReport] = useState<ImportReport>();
  const [choice, setChoice] = useState<ConflictChoice>('skip');
  const [done, setDone] = useState<string>();
  const [failed, setFailed] = useState<SatchelError>();

  const exportAll = async () => {
    const { json } = await rpc.call('cache.exportAll', {}, LONG_MS);
    downloadFile(
      json,
      `satchel-cache-${new Date().toISOString().slice(0, 10)}.json`,
      'application/json',
    );
  };
  const check = async (picked: File) => {
    setReport(undefined);
    setDone(undefined);
    setFailed(undefined);
    setFile(undefined);
    const refused = unreadable(picked);
    if (refused) throw refused;
    const json = await picked.text();
    setFile({ name: picked.name, json });
    setReport(await rpc.call('cache.importAll', { json, dryRun: true }, LONG_MS));
  };
  const apply = async () => {
    if (!file) return;
    const result = await rpc.call(
      'cache.importAll',
      { json: file.json, onConflict: choice },
      LONG_MS,
    );
    setDone(`Imported: ${describe(result)}`);
    setReport(undefined);
    setFile(undefined);
    onChanged();
  };

  return (
    <section class="export-import" aria-labelledby="export-import-heading">
      <h2 id="export-import-heading">Export and import</h2>
      <p>
        <ConfirmButton
          label="Export everything"
          busyLabel="Exporting…"
          run={exportAll}
          onError={onError}
        />
        <span class="muted">
          {' '}
          A JSON file with every cached item, to keep or to import elsewhere.
        </span>
      </p>
      <label class="file-pick">
        Import a file{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0];
            if (picked) check(picked).catch((e: unknown) => setFailed(SatchelError.from(e)));
          }}
        />
      </label>
      {failed ? <InlineError block error={failed.toData()} /> : null}
      {report && file ? (
        <div class="import-report" data-testid="import-report">
          <p>
            {file.name}: {describe(report)}
            {report.fromAccount ? ` It was exported by ${report.fromAccount}.` : ''}
          </p>
          {report.conflicts > 0 ? (
            <fieldset>
              <legend>Items cached here that the file has differently</legend>
              <label class="checkbox">
                <input
                  type="radio"
                  name="conflicts"
                  checked={choice === 'skip'}
                  onChange={() => setChoice('skip')}
                />{' '}
                Keep mine (skip them)
              </label>
              <label class="checkbox">
                <input
                  type="radio"
                  name="conflicts"
                  checked={choice === 'replace'}
                  onChange={() => setChoice('replace')}
                />{' '}
                Replace with the file’s
              </label>
            </fieldset>
          ) : null}
          <ConfirmButton label="Import" busyLabel="Importing…" run={apply} onError={onError} />
        </div>
      ) : null}
      {done ? (
        <p role="status" data-testid="import-done">
          {done}
        </p>
      ) : null}
    </section>
  );
}
