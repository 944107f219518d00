import { arrayOf, int, obj, optional, str } from '../../rpc/server/validators';
import { address } from './cacheValidators';

/** Validators for the outbox methods' params (src/shared/protocol.ts, issue 17). */
export const draft = obj({
  title: str(1_000),
  text: str(100_000),
  categories: arrayOf(str(200), 50),
});

const parent = obj({ ...address, itemId: str(1024) });

export const outboxPublishParams = obj({
  ...address,
  itemId: optional(str(1024)),
  draft,
  parent: optional(parent),
  published: optional(int(0, 8_640_000_000_000_000)),
});

export const outboxRetractParams = obj({ ...address, itemId: str(1024), parent: optional(parent) });

export const outboxDiscardParams = obj({ seq: int(1, Number.MAX_SAFE_INTEGER) });
