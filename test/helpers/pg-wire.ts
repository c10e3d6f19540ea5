/**
 * A PostgreSQL server as far as a client's wire protocol (v3) sees it, on a loopback port:
 * it accepts any login and answers each statement as `answer` says, with an empty result or
 * with an error whose fields (SQLSTATE, detail, constraint, ...) the test chooses. So pg,
 * and the ORMs over it, raise their real errors, parsed from real protocol messages,
 * without a database.
 */
import { once } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** The fields of an ErrorResponse, by their protocol letter (`C` SQLSTATE, `M` message, ...). */
export type PgErrorFields = Readonly<Partial<Record<'S' | 'V' | 'C' | 'M' | 'D' | 's' | 't' | 'c' | 'n' | 'F' | 'L' | 'R', string>>>;

/** How one statement is answered: rows (all text columns), or an error. */
export type PgAnswer = { readonly rows: readonly Readonly<Record<string, string>>[] } | { readonly error: PgErrorFields };

/** A running server: its port, the statements it received, and a close. */
export interface PgWire {
  readonly port: number;
  readonly statements: readonly string[];
  close(): Promise<void>;
}

/** A duplicate key, as PostgreSQL 16 reports it: the value is in `M`'s neighbour `D`. */
export const UNIQUE_VIOLATION: PgErrorFields = {
  S: 'ERROR',
  V: 'ERROR',
  C: '23505',
  M: 'duplicate key value violates unique constraint "users_email_key"',
  D: 'Key (email)=(ada@example.com) already exists.',
  s: 'public',
  t: 'users',
  n: 'users_email_key',
  F: 'nbtinsert.c',
  L: '666',
  R: '_bt_check_unique',
};

/** A row that names a missing parent, as PostgreSQL 16 reports it. */
export const FOREIGN_KEY_VIOLATION: PgErrorFields = {
  S: 'ERROR',
  V: 'ERROR',
  C: '23503',
  M: 'insert or update on table "users" violates foreign key constraint "users_team_id_fkey"',
  D: 'Key (team_id)=(42) is not present in table "teams".',
  s: 'public',
  t: 'users',
  n: 'users_team_id_fkey',
  F: 'ri_triggers.c',
  L: '2608',
  R: 'ri_ReportViolation',
};

/** A statement cancelled by `statement_timeout`. */
export const QUERY_CANCELED: PgErrorFields = { S: 'ERROR', V: 'ERROR', C: '57014', M: 'canceling statement due to statement timeout', F: 'postgres.c', L: '3385', R: 'ProcessInterrupts' };

/** Starts a server that answers each statement with `answer(sql)`. */
export async function pgWire(answer: (sql: string) => PgAnswer): Promise<PgWire> {
  const statements: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    serve(socket, (sql) => {
      statements.push(sql);
      return answer(sql);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    statements,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

function serve(socket: net.Socket, answer: (sql: string) => PgAnswer): void {
  let buffer = Buffer.alloc(0);
  let started = false;
  // The extended protocol (Parse, Bind, Describe, Execute) is answered in one go at Sync.
  let parsed: string | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        buffer = buffer.subarray(length);
        // SSLRequest: "N", no TLS here; the client then sends its StartupMessage.
        if (code === 80877103) {
          socket.write('N');
          continue;
        }
        started = true;
        socket.write(Buffer.concat([message('R', int32(0)), message('S', Buffer.concat([cstring('server_version'), cstring('16.4')])), message('K', Buffer.concat([int32(1), int32(2)])), ready()]));
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0] as number);
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      const body = buffer.subarray(5, length + 1);
      buffer = buffer.subarray(length + 1);
      if (type === 'X') {
        socket.end();
        return;
      }
      if (type === 'Q') socket.write(Buffer.concat([...reply(answer(readCString(body, 0)), false), ready()]));
      if (type === 'P') parsed = readCString(body, readCString(body, 0).length + 1);
      if (type === 'S') {
        socket.write(Buffer.concat([...(parsed === undefined ? [] : reply(answer(parsed), true)), ready()]));
        parsed = undefined;
      }
    }
  });
}

function reply(answer: PgAnswer, extended: boolean): Buffer[] {
  if ('error' in answer) {
    const fields = Object.entries(answer.error).map(([letter, value]) => Buffer.concat([Buffer.from(letter), cstring(value)]));
    return [message('E', Buffer.concat([...fields, Buffer.from([0])]))];
  }
  const columns = [...new Set(answer.rows.flatMap((row) => Object.keys(row)))];
  const out = extended ? [message('1', Buffer.alloc(0)), message('2', Buffer.alloc(0))] : [];
  const description = Buffer.concat([int16(columns.length), ...columns.map((name) => Buffer.concat([cstring(name), int32(0), int16(0), int32(25), int16(-1), int32(-1), int16(0)]))]);
  out.push(columns.length === 0 && extended ? message('n', Buffer.alloc(0)) : message('T', description));
  for (const row of answer.rows) {
    out.push(message('D', Buffer.concat([int16(columns.length), ...columns.map((name) => lengthPrefixed(row[name]))])));
  }
  out.push(message('C', cstring(`SELECT ${answer.rows.length}`)));
  return out;
}

function ready(): Buffer {
  return message('Z', Buffer.from('I'));
}

function message(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

function lengthPrefixed(value: string | undefined): Buffer {
  if (value === undefined) return int32(-1);
  const bytes = Buffer.from(value);
  return Buffer.concat([int32(bytes.length), bytes]);
}

function cstring(value: string): Buffer {
  return Buffer.concat([Buffer.from(value), Buffer.from([0])]);
}

function readCString(buffer: Buffer, offset: number): string {
  const end = buffer.indexOf(0, offset);
  return buffer.toString('utf8', offset, end === -1 ? buffer.length : end);
}

function int32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(value);
  return out;
}

function int16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeInt16BE(value);
  return out;
}
