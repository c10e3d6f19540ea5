/**
 * Starts one example app: `npm run example` starts basic.ts, `npm run example -- <name>`
 * another. The port is `PORT` (default 3000).
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

const name = process.argv[2] ?? 'basic';
if (!/^[a-z][a-z-]*$/.test(name)) {
  console.error(`Unknown example "${name}"`);
  process.exit(1);
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const example = require(`./${name}`) as { createApp(): Express | Promise<Express> };
const port = Number(process.env.PORT ?? 3000);

void Promise.resolve(example.createApp()).then((app) => {
  const server = app.listen(port, () => {
    console.log(`express-typed-errors example "${name}" on http://localhost:${(server.address() as AddressInfo).port}`);
  });
  server.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
});
