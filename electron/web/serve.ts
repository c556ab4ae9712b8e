// `npm run web -- [--db FILE] [--port N] [--host H] [--demo] [--open]`
// Browser mode: the office's database (default: the same file the desktop app uses), the built
// renderer from out/renderer (built first if missing) and /rpc, on http://127.0.0.1:5199/.
// Ctrl+C closes the database cleanly.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLE_ZH } from '../../shared/roles';
import demo from '../demo/demo-office.json';
import { openDesk } from '../open';
import { defaultDbPath } from '../paths';
import { openBrowser } from './open-browser';
import { DEFAULT_HOST, DEFAULT_PORT, startWebServer } from './server';
import { ScannerHub } from '../devices/hid/scanners';
import { nodeHidTransport } from '../devices/hid/transport';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');

interface Args {
  db: string;
  port: number;
  host: string;
  demo: boolean;
  open: boolean;
}

const USAGE = `用法 / usage: npm run web -- [--db FILE] [--port N] [--host ADDR] [--demo] [--open]
  --db FILE    数据库文件 / database file (default: ${defaultDbPath()})
  --port N     端口 / port (default ${DEFAULT_PORT}; 0 = any free port)
  --host ADDR  监听地址 / address to bind (default ${DEFAULT_HOST})
  --demo       数据库中尚无办事处时载入演示办事处 / load the demo office into an empty database
  --open       在浏览器中打开 / open the desk in the browser`;

function parseArgs(argv: string[]): Args {
  const a: Args = { db: defaultDbPath(), port: DEFAULT_PORT, host: DEFAULT_HOST, demo: false, open: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} 需要一个值 / needs a value`);
      return v;
    };
    if (k === '--db') a.db = resolve(val());
    else if (k.startsWith('--db=')) a.db = resolve(k.slice(5));
    else if (k === '--port') a.port = Number(val());
    else if (k.startsWith('--port=')) a.port = Number(k.slice(7));
    else if (k === '--host') a.host = val();
    else if (k.startsWith('--host=')) a.host = k.slice(7);
    else if (k === '--demo') a.demo = true;
    else if (k === '--open') a.open = true;
    else if (k === '--help' || k === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`未知参数 / unknown option: ${k}`);
  }
  if (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535) throw new Error(`端口无效 / bad port: ${a.port}`);
  // The server answers only requests addressed to the host it is bound to (DNS-rebinding guard),
  // so a wildcard address would answer nothing: name the address to listen on.
  if (a.host === '0.0.0.0' || a.host === '::') throw new Error(`请指定具体的地址, 不要用 ${a.host} / bind a specific address, not ${a.host}`);
  return a;
}

function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  console.log('界面尚未构建, 正在构建 (electron-vite build) … / Building the renderer first …');
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('界面构建失败 / the renderer build failed (npx electron-vite build)');
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  ensureRendererBuilt();

  const desk = await openDesk({ dbPath: args.db, demo: args.demo });
  const { core } = desk;
  // the server owns the HID-POS scanners and pushes their scans to the page (GET /events)
  const scanners = new ScannerHub(nodeHidTransport()).start();
  let web;
  try {
    web = await startWebServer({ core, staticDir: RENDERER_DIR, host: args.host, port: args.port, scans: scanners });
  } catch (e) {
    scanners.close();
    core.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `端口 ${args.port} 已被占用: 办事处仓财台可能已在运行 (http://${args.host}:${args.port}/), 或用 --port 换一个端口。\n` +
          `Port ${args.port} is in use: the desk may already be running (http://${args.host}:${args.port}/); or pick another with --port.`,
      );
      process.exit(1);
    }
    throw e;
  }

  console.log(`数据库 / database: ${args.db}`);
  if (desk.officeName) console.log(`办事处 / office: ${desk.officeName}${desk.seeded ? ' (演示数据, 刚载入 / demo, just loaded)' : ''}`);
  else console.log('尚未建立办事处 / no office set up yet (--demo loads the demo office)');
  if (args.demo) {
    console.log('演示用户 / demo users (PIN):');
    for (const u of demo.users) console.log(`  ${u.name}  ${u.roles.map((r) => ROLE_ZH[r as keyof typeof ROLE_ZH] ?? r).join('、')}  ${u.pin}`);
  }
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1')
    console.log(`注意: 监听在 ${args.host}, 不只是本机 / note: listening on ${args.host}, not loopback only`);
  console.log(`\n办事处仓财台 (浏览器模式) / Branch Desk (browser mode): ${web.url}`);
  console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
  if (args.open) openBrowser(web.url);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: 正在关闭 / closing …`);
    const force = setTimeout(() => {
      core.close();
      process.exit(0);
    }, 3000);
    force.unref();
    scanners.close();
    void web.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
}

main().catch((e) => {
  console.error(`启动失败 / failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
