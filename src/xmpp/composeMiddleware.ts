/** A middleware of @xmpp/middleware: the stanza's context, and the rest of the chain. */
type Middleware<C> = (context: C, next: () => Promise<unknown>) => unknown;

/**
 * The `koa-compose` of the worker's build (vite.config.ts aliases it here), for
 * @xmpp/middleware: the same chain (each middleware gets `next()`, which runs the rest and
 * rejects when called twice; a throw becomes a rejection), as an ES module. koa-compose is the
 * worker's last CommonJS module, and its wrapper and the bundler's interop helpers cost more
 * than it. @xmpp/middleware passes a flat list of functions, so the nested lists and the type
 * checks koa-compose allows for are left out. Tests in Node use koa-compose itself;
 * test/unit/xmpp/composeMiddleware.test.ts runs the same script against both.
 */
export default function composeMiddleware<C>(
  list: Middleware<C>[],
): (context: C, next?: Middleware<C>) => Promise<unknown> {
  const middleware = [...list];
  return (context, next) => {
    let index = -1;
    const dispatch = (i: number): Promise<unknown> => {
      if (i <= index) return Promise.reject(new Error('next() called multiple times'));
      index = i;
      const fn = i === middleware.length ? next : middleware[i];
      if (!fn) return Promise.resolve();
      // A throw in the executor rejects, as koa-compose's try/catch does.
      return new Promise((resolve) => resolve(fn(context, () => dispatch(i + 1))));
    };
    return dispatch(0);
  };
}
