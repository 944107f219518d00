import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import composeMiddleware from '../../../src/xmpp/composeMiddleware';

type Middleware = (context: string[], next: () => Promise<unknown>) => unknown;
type Compose = (list: Middleware[]) => (context: string[], next?: Middleware) => Promise<unknown>;
/** koa-compose itself (CommonJS, no types), which the worker's build replaces. */
const koaCompose = createRequire(import.meta.url)('koa-compose') as Compose;

/** What @xmpp/middleware does with a chain; returns what it observed. */
async function script(compose: Compose): Promise<unknown[]> {
  const log: unknown[] = [];
  const settle = (p: Promise<unknown>) =>
    p.then(
      (value) => ['resolved', value],
      (error: unknown) => ['rejected', (error as Error).message],
    );
  const chain = compose([
    async (ctx, next) => {
      ctx.push('a in');
      const reply = await next();
      ctx.push('a out');
      return reply ?? 'no reply';
    },
    (ctx, next) => {
      ctx.push('b');
      return next();
    },
  ]);
  const ctx: string[] = [];
  log.push(await settle(chain(ctx)), ctx);
  log.push(await settle(chain([], (ctx) => (ctx.push('final'), 'reply'))));
  log.push(await settle(compose([(_ctx, next) => next().then(next)])([])));
  log.push(
    await settle(
      compose([
        () => {
          throw new Error('thrown');
        },
      ])([]),
    ),
  );
  log.push(await settle(compose([(ctx) => ctx.length])(['x'])));
  log.push(await settle(compose([])([])));
  return log;
}

describe('composeMiddleware', () => {
  it('runs a chain as koa-compose does', async () => {
    const expected = await script(koaCompose);
    expect(expected).toContainEqual(['rejected', 'next() called multiple times']);
    expect(await script(composeMiddleware)).toEqual(expected);
  });
});
