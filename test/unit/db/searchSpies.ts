/** Counts what search reads from `searchDocs` (dbCoreSpies.ts counts the items table). */
import type { DBCore, Middleware } from 'dexie';

export function countDocReads() {
  const counts = { docs: 0, keys: 0, valueCursors: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'countDocReads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'searchDocs') return table;
        return {
          ...table,
          get: (req) =>
            table.get(req).then((doc: unknown) => {
              if (doc !== undefined) counts.docs += 1;
              return doc;
            }),
          getMany: (req) =>
            table.getMany(req).then((docs: unknown[]) => {
              counts.docs += docs.filter((d) => d !== undefined).length;
              return docs;
            }),
          query: (req) =>
            table.query(req).then((response) => {
              if (req.values) counts.docs += response.result.length;
              else counts.keys += response.result.length;
              return response;
            }),
          openCursor: (req) => {
            if (req.values) counts.valueCursors += 1;
            return table.openCursor(req);
          },
        };
      },
    }),
  };
  return { counts, middleware };
}
