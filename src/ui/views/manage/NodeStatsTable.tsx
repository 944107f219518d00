import type { NodeStats } from '../../../shared/cacheManagement';
import type { SatchelError } from '../../../shared/SatchelError';
import { NodeStatsRow } from './NodeStatsRow';

interface Props {
  nodes: NodeStats[];
  account: string | undefined;
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

/** NodeStatsRow's cells, in order (stacked, each cell shows its own name: CellLabel). */
const COLUMNS = ['Feed', 'Items', 'Size', 'State', 'Keep', 'Actions'] as const;

/**
 * The cached feeds: a table where there is room, one stacked block per feed on a narrow
 * screen (styles.css, a container query), so no action is ever cut off or scrolled out of
 * reach. The explicit roles keep it a table for assistive technology in both layouts (some
 * browsers drop table semantics once `display` changes).
 */
export function NodeStatsTable({ nodes, account, onChanged, onError }: Props) {
  return (
    <div class="node-stats-box">
      <table class="node-stats" role="table" aria-label="Cached feeds">
        <thead role="rowgroup">
          <tr role="row">
            {COLUMNS.map((name) => (
              <th key={name} scope="col" role="columnheader">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {nodes.map((node) => (
            <NodeStatsRow
              key={`${node.service}\n${node.node}`}
              stats={node}
              account={account}
              onChanged={onChanged}
              onError={onError}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
