// A receipt printer on 127.0.0.1 for the tests: a real TCP server on a free port that keeps every
// byte it is sent and answers the ESC/POS status query (DLE EOT) with the bytes given, like a
// printer that is ready ([0x12, 0x12]), offline ([0x1a, 0x12]) or out of paper ([0x12, 0x72]);
// with no status it stays silent, as many network printers do.

import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]);

export interface FakePrinter {
  server: Server;
  port: number;
  address: string;
  /** every byte received, in order */
  received(): Buffer;
  /** what was received after the status query, per connection: the receipts */
  jobs(): Buffer[];
  close(): Promise<void>;
}

export function fakePrinter(status?: [number, number]): Promise<FakePrinter> {
  const all: Buffer[] = [];
  const jobs: Buffer[] = [];
  const server = createServer((sock: Socket) => {
    const mine: Buffer[] = [];
    let answered = false;
    sock.on('data', (d) => {
      all.push(d);
      mine.push(d);
      if (status && !answered && Buffer.concat(mine).includes(STATUS_QUERY)) {
        answered = true;
        sock.write(Buffer.from(status));
      }
    });
    sock.on('end', () => {
      const job = Buffer.concat(mine);
      jobs.push(job.subarray(job.indexOf(STATUS_QUERY) === 0 ? STATUS_QUERY.length : 0));
      sock.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        address: `127.0.0.1:${port}`,
        received: () => Buffer.concat(all),
        jobs: () => jobs.filter((j) => j.length > 0),
        close: () => new Promise((r) => server.close(() => r())),
      });
    }),
  );
}

/** The answer bytes to DLE EOT 1, 2 and 4 (printer, offline cause, roll paper). */
export type LiveAnswer = Partial<Record<1 | 2 | 4, number>>;

/**
 * A printer on 127.0.0.1 that answers each real-time status request DLE EOT n on its own, with the
 * byte `answer` gives for n (no byte for n: silent), as ESC/POS printers do on port 9100.
 */
export function statusPrinter(answer: LiveAnswer): Promise<{ server: Server; address: string; close(): Promise<void> }> {
  const server = createServer((sock: Socket) => {
    sock.on('error', () => {});
    let held = Buffer.alloc(0);
    sock.on('data', (d) => {
      held = Buffer.concat([held, d]);
      for (let i = 0; i + 2 < held.length; i++)
        if (held[i] === 0x10 && held[i + 1] === 0x04) {
          const b = answer[held[i + 2] as 1 | 2 | 4];
          if (b !== undefined) sock.write(Buffer.from([b]));
        }
      held = held.subarray(Math.max(0, held.length - 2));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}
