/**
 * A MySQL server as far as mysql2 sees it, on a loopback port: mysql2's own server side
 * (`createServer`) accepts any login, and each query is answered with an error packet whose
 * errno, SQLSTATE and message the test chooses (mysql2's `writeError` cannot set the
 * SQLSTATE, so the packet is written here). mysql2 then raises its real error.
 */
import { once } from 'node:events';
import type { AddressInfo, Server } from 'node:net';
import mysql from 'mysql2';

/** How one query is answered: a MySQL error packet. */
export interface MysqlErrorPacket {
  readonly errno: number;
  readonly sqlState: string;
  readonly message: string;
}

/** A duplicate key, as MySQL 8 reports it: the value is in the message. */
export const DUPLICATE_ENTRY: MysqlErrorPacket = { errno: 1062, sqlState: '23000', message: "Duplicate entry 'ada@example.com' for key 'users.email'" };
/** A child row whose parent is missing. */
export const NO_REFERENCED_ROW: MysqlErrorPacket = { errno: 1452, sqlState: '23000', message: 'Cannot add or update a child row: a foreign key constraint fails (`shop`.`orders`, CONSTRAINT `orders_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))' };
/** A parent row that children still refer to. */
export const ROW_IS_REFERENCED: MysqlErrorPacket = { errno: 1451, sqlState: '23000', message: 'Cannot delete or update a parent row: a foreign key constraint fails (`shop`.`orders`, CONSTRAINT `orders_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))' };

/** A running server: its port and a close. */
export interface MysqlWire {
  readonly port: number;
  close(): Promise<void>;
}

interface ServerConnection {
  serverHandshake(args: Record<string, unknown>): void;
  on(event: 'query', listener: (sql: string) => void): void;
  on(event: 'error', listener: () => void): void;
  readonly stream: { write(bytes: Buffer): void; destroy(): void };
  sequenceId: number;
}

/** Starts a server that answers each query with `answer(sql)`. */
export async function mysqlWire(answer: (sql: string) => MysqlErrorPacket): Promise<MysqlWire> {
  const connections = new Set<ServerConnection>();
  const server = (mysql.createServer as unknown as (handler: (connection: ServerConnection) => void) => { _server: Server; listen(port: number, host: string): void })((connection) => {
    connections.add(connection);
    connection.on('error', () => undefined);
    connection.serverHandshake({
      protocolVersion: 10,
      serverVersion: '8.0.36',
      connectionId: connections.size,
      statusFlags: 2,
      characterSet: 8,
      capabilityFlags: 0xffffff,
      // Any login is fine; once its OK is written, the first command starts at 0.
      authCallback: (_login: unknown, done: (error: null) => void) => {
        done(null);
        connection.sequenceId = 0;
      },
    });
    // The answer to a command is the packet after it (sequence id 1); the next command
    // starts again at 0, which mysql2's server side expects to be told.
    connection.on('query', (sql) => {
      connection.stream.write(errorPacket(1, answer(sql)));
      connection.sequenceId = 0;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server._server, 'listening');
  return {
    port: (server._server.address() as AddressInfo).port,
    close: async () => {
      for (const connection of connections) connection.stream.destroy();
      server._server.close();
      await once(server._server, 'close');
    },
  };
}

// ERR_Packet: 0xff, errno (2 bytes LE), '#', SQLSTATE (5), message.
function errorPacket(sequence: number, { errno, sqlState, message }: MysqlErrorPacket): Buffer {
  const body = Buffer.concat([Buffer.from([0xff, errno & 0xff, errno >> 8]), Buffer.from(`#${sqlState}${message}`, 'utf8')]);
  return Buffer.concat([Buffer.from([body.length & 0xff, (body.length >> 8) & 0xff, body.length >> 16, sequence]), body]);
}
