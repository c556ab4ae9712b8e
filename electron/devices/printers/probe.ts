// Network receipt printers found on request: every address of this PC's own /24 subnet (each IPv4
// interface that is up and not loopback) is tried on TCP 9100 with a short timeout, a bounded
// number at a time; those that accept the connection are listed. Nothing is sent to them.

import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { connect, TCP_DEFAULT_PORT } from './tcp';

export interface ProbeOptions {
  port?: number;
  /** per address */
  timeoutMs?: number;
  /** addresses tried at once */
  concurrency?: number;
}

/** The /24 subnets of this PC's IPv4 interfaces (192.168.1.0/24 …), and their hosts but its own address. */
export function subnetHosts(ifaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): { subnets: string[]; hosts: string[] } {
  const subnets: string[] = [];
  const hosts: string[] = [];
  for (const list of Object.values(ifaces))
    for (const i of list ?? []) {
      if (i.family !== 'IPv4' || i.internal) continue;
      const base = i.address.split('.').slice(0, 3).join('.');
      if (subnets.includes(`${base}.0/24`)) continue;
      subnets.push(`${base}.0/24`);
      for (let n = 1; n <= 254; n++) if (`${base}.${n}` !== i.address) hosts.push(`${base}.${n}`);
    }
  return { subnets: subnets.slice(0, 4), hosts: hosts.slice(0, 4 * 253) };
}

async function answers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  try {
    (await connect({ host, port }, timeoutMs)).destroy();
    return true;
  } catch {
    return false;
  }
}

/** The hosts that accept a connection on the port, in the order given (host:port unless the port is 9100). */
export async function probeHosts(hosts: string[], o: ProbeOptions = {}): Promise<string[]> {
  const port = o.port ?? TCP_DEFAULT_PORT;
  const found = new Array<boolean>(hosts.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < hosts.length) {
      const i = next++;
      found[i] = await answers(hosts[i], port, o.timeoutMs ?? 400);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 32, hosts.length) }, worker));
  return hosts.filter((_, i) => found[i]).map((h) => (port === TCP_DEFAULT_PORT ? h : `${h}:${port}`));
}
