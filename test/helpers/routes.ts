import type express5 from 'express';
import type { Express, RequestHandler, Router } from 'express';

/** A route of a generated app: at the app's root, or in a router mounted at `mount`. */
export interface RouteSpec {
  readonly method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  readonly path: string;
  readonly mount: string | undefined;
}

/** Registers `routes` on `app`, one router per mount path (mounted where its first route comes). */
export function mountRoutes(express: typeof express5, app: Express, routes: readonly RouteSpec[], handler: RequestHandler): void {
  const routers = new Map<string, Router>();
  for (const { method, path, mount } of routes) {
    if (mount === undefined) {
      app[method](path, handler);
      continue;
    }
    let router = routers.get(mount);
    if (router === undefined) {
      router = express.Router();
      routers.set(mount, router);
      app.use(mount, router);
    }
    router[method](path, handler);
  }
}
