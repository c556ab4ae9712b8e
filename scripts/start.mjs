#!/usr/bin/env node
// `npm start -- [--web] [--db FILE] [--demo] [--port N]`
//
// The desk as a desktop app (Electron) when it can run here, else the same app in the browser:
//  1. the Electron binary: node_modules/electron downloads it lazily; if it is missing we try once
//     (node_modules/electron/install.js, 90 s at most). Blocked downloads are common behind
//     corporate and national firewalls: then we say so, name ELECTRON_MIRROR, and use browser mode.
//  2. better-sqlite3 for Electron: node_modules holds the build for Node (npm test, the CLI,
//     browser mode); Electron needs one built against its own headers. We build it once into
//     .electron-native/ (prebuild-install, else node-gyp) from a copy of the package, so one
//     node_modules serves both. If that fails: browser mode, with the reason.
//  3. `electron-vite build`, then `electron . [--db FILE] [--demo]`. If Electron dies at once
//     (no display, missing system libraries, sandbox refused), browser mode again.
// `--web` goes straight to browser mode (electron/web/serve.ts on http://127.0.0.1:5199/).

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NM = join(ROOT, 'node_modules');
const ELECTRON_DIR = join(NM, 'electron');
// keep in step with electron/native.ts
const NATIVE_DIR = join(ROOT, '.electron-native');
const NATIVE_FILE = join(NATIVE_DIR, 'better_sqlite3.node');
const NATIVE_ENV = 'BRANCH_DESK_NATIVE_BINDING';
const DOWNLOAD_TIMEOUT_MS = 90_000;
const MIRROR_EXAMPLE = 'https://npmmirror.com/mirrors/electron/';
const RULE = '─'.repeat(72);

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const a = { web: false, demo: false, dev: false, db: null, port: null, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--web') a.web = true;
    else if (k === '--demo') a.demo = true;
    else if (k === '--dev') a.dev = true;
    else if (k === '--db' && argv[i + 1] !== undefined) a.db = resolve(argv[++i]);
    else if (k.startsWith('--db=')) a.db = resolve(k.slice(5));
    else if (k === '--port' && argv[i + 1] !== undefined) a.port = argv[++i];
    else if (k.startsWith('--port=')) a.port = k.slice(7);
    else if (k === '--help' || k === '-h') {
      console.log('用法 / usage: npm start -- [--web] [--db FILE] [--demo] [--dev] [--port N]');
      console.log('  --web        直接使用浏览器模式 / use browser mode');
      console.log('  --db FILE    数据库文件 / database file (default: the user data folder)');
      console.log('  --demo       空数据库时载入演示办事处 / load the demo office into an empty database');
      console.log('  --dev        开发者工具 (仅桌面版) / developer tools (desktop only)');
      console.log('  --port N     浏览器模式端口 / browser-mode port (default 5199)');
      process.exit(0);
    } else {
      console.error(`未知参数 / unknown option: ${k}`);
      process.exit(2);
    }
  }
  return a;
}

const args = parseArgs(process.argv.slice(2));
const deskArgs = [...(args.db ? ['--db', args.db] : []), ...(args.demo ? ['--demo'] : []), ...(args.dev ? ['--dev'] : [])];

// ---------------------------------------------------------------- helpers

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const electronVersion = readJson(join(ELECTRON_DIR, 'package.json')).version;

function banner(lines) {
  console.log(`\n${RULE}\n${lines.join('\n')}\n${RULE}\n`);
}

/** Runs a command with a time limit; resolves { ok, code, output } and never throws. */
function run(cmd, cmdArgs, { timeoutMs, cwd = ROOT, env = process.env, echo = false } = {}) {
  return new Promise((resolvePromise) => {
    let output = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      resolvePromise({ ok: false, code: null, output: String(e?.message ?? e), timedOut });
      return;
    }
    const take = (d) => {
      output += d.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (echo) process.stdout.write(d);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        }, timeoutMs)
      : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ ok: false, code: null, output: output + String(e?.message ?? e), timedOut });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ ok: code === 0 && !timedOut, code, output, timedOut });
    });
  });
}

/** The most telling line of a failed tool's output (the error, not the stack). */
function reasonOf(result) {
  if (result.timedOut) return `超时 / timed out after ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} s`;
  const lines = result.output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l));
  const pick = (re) => lines.find((l) => re.test(l));
  const err =
    pick(/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network connectivity|certificate|\b(403|404|407|5\d\d)\b/) ??
    pick(/Error:/) ??
    pick(/ERR!/) ??
    pick(/error|fail/i);
  return (err ?? lines[lines.length - 1] ?? `exit code ${result.code}`).slice(0, 300);
}

// ---------------------------------------------------------------- 1. the Electron binary

function electronExecutable() {
  try {
    const rel = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8').trim();
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON_DIR, 'dist');
    const exe = join(base, rel);
    if (!existsSync(exe)) return null;
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const v = readFileSync(join(ELECTRON_DIR, 'dist', 'version'), 'utf8')
        .trim()
        .replace(/^v/, '');
      if (v !== electronVersion) return null;
    }
    return exe;
  } catch {
    return null;
  }
}

async function ensureElectron() {
  const have = electronExecutable();
  if (have) return { exe: have };
  console.log(
    `正在下载 Electron ${electronVersion} (最多 ${DOWNLOAD_TIMEOUT_MS / 1000} 秒) / Downloading Electron ${electronVersion} (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s) …`,
  );
  const r = await run(process.execPath, [join(ELECTRON_DIR, 'install.js')], { timeoutMs: DOWNLOAD_TIMEOUT_MS });
  const exe = electronExecutable();
  if (r.ok && exe) return { exe };
  return { exe: null, reason: reasonOf(r) };
}

function electronDownloadFailed(reason) {
  banner([
    `无法下载 Electron 程序文件 (electron ${electronVersion})。`,
    `  原因: ${reason}`,
    '  这在公司网络或国际网络受限的环境中很常见。可以设置镜像后重试, 例如:',
    `    ELECTRON_MIRROR=${MIRROR_EXAMPLE} ELECTRON_CUSTOM_DIR="{{ version }}" npm start`,
    `    (Windows PowerShell: $env:ELECTRON_MIRROR="${MIRROR_EXAMPLE}"; $env:ELECTRON_CUSTOM_DIR="{{ version }}"; npm start)`,
    '  现在改用浏览器模式: 同样的界面和数据, 在本机浏览器中打开。',
    '',
    `The Electron binary (electron ${electronVersion}) could not be downloaded.`,
    `  Reason: ${reason}`,
    '  This is common behind corporate or national firewalls. Set a mirror and try again, e.g.',
    `    ELECTRON_MIRROR=${MIRROR_EXAMPLE} ELECTRON_CUSTOM_DIR="{{ version }}" npm start`,
    '  Falling back to browser mode: the same screens and the same data, in your browser.',
  ]);
}

// ---------------------------------------------------------------- 2. better-sqlite3 for Electron

function nativeStamp() {
  const bs = readJson(join(NM, 'better-sqlite3', 'package.json')).version;
  return { electron: electronVersion, betterSqlite3: bs, platform: process.platform, arch: process.arch };
}

function nativeIsCurrent() {
  try {
    const have = readJson(join(NATIVE_DIR, 'stamp.json'));
    const want = nativeStamp();
    return existsSync(NATIVE_FILE) && Object.keys(want).every((k) => have[k] === want[k]);
  } catch {
    return false;
  }
}

/** node-gyp as npm ships it (no download), else through npx. */
function nodeGypCommand() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = dirname(process.execPath);
  candidates.push(join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const found = candidates.find((c) => existsSync(c));
  if (found) return [process.execPath, [found]];
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp']];
}

/** npm passes its config on as npm_config_*; a nodedir or target meant for Node must not leak in. */
function electronGypEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|target_arch|disturl|dist_url|runtime|build_from_source)$/i.test(k)) delete env[k];
  return { ...env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
}

async function ensureNativeForElectron() {
  if (nativeIsCurrent()) return { file: NATIVE_FILE };
  console.log(`正在为 Electron ${electronVersion} 准备 better-sqlite3 (只需一次) / Building better-sqlite3 for Electron ${electronVersion} (once) …`);
  const src = join(NM, 'better-sqlite3');
  const work = join(NATIVE_DIR, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(NATIVE_DIR, { recursive: true });
  // A copy without the Node build, so node_modules keeps working for npm test and the CLI.
  cpSync(src, work, { recursive: true, filter: (p) => !/[\\/](build|node_modules|prebuilds)([\\/]|$)/.test(p.slice(src.length)) });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const reasons = [];

  // a) a prebuilt binary for this Electron's ABI (a download; no compiler needed)
  const prebuild = join(NM, 'prebuild-install', 'bin.js');
  if (existsSync(prebuild)) {
    const r = await run(
      process.execPath,
      [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform, '--verbose'],
      { cwd: work, timeoutMs: 120_000, env: electronGypEnv() },
    );
    if (!(r.ok && existsSync(built))) reasons.push(`prebuild-install: ${reasonOf(r)}`);
  }

  // b) compile against Electron's headers (needs Python and a C++ toolchain)
  if (!existsSync(built)) {
    const [cmd, pre] = nodeGypCommand();
    const r = await run(
      cmd,
      [...pre, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, timeoutMs: 15 * 60_000, env: electronGypEnv() },
    );
    if (!(r.ok && existsSync(built))) reasons.push(`node-gyp: ${reasonOf(r)}`);
  }

  if (!existsSync(built)) return { file: null, reason: reasons.join('; ') || 'no build tool found' };
  copyFileSync(built, NATIVE_FILE);
  writeFileSync(join(NATIVE_DIR, 'stamp.json'), JSON.stringify(nativeStamp(), null, 2) + '\n');
  rmSync(work, { recursive: true, force: true });
  return { file: NATIVE_FILE };
}

function nativeBuildFailed(reason) {
  banner([
    `无法为 Electron ${electronVersion} 构建数据库组件 better-sqlite3。`,
    `  原因: ${reason}`,
    '  需要能访问 electronjs.org 下载头文件, 或本机装有 Python 与 C++ 编译工具。',
    '  现在改用浏览器模式: 同样的界面和数据, 在本机浏览器中打开。',
    '',
    `better-sqlite3 could not be built for Electron ${electronVersion}.`,
    `  Reason: ${reason}`,
    "  It needs either a prebuilt binary or Electron's headers (electronjs.org) and Python + a C++ toolchain.",
    '  Falling back to browser mode: the same screens and the same data, in your browser.',
  ]);
}

// ---------------------------------------------------------------- 3. build and run

let built = false;

/** electron-vite build: main, preload and the renderer (out/). Once per start. */
function buildApp({ mayReuse = false } = {}) {
  if (built) return;
  console.log('正在构建 / Building (electron-vite build) …');
  const r = spawnSync(process.execPath, [join(NM, 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status === 0) {
    built = true;
    return;
  }
  if (mayReuse && existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    console.error('构建失败, 使用上一次的构建 / the build failed: using the previous build in out/');
    built = true;
    return;
  }
  console.error('构建失败 / the build failed: npx electron-vite build');
  process.exit(r.status ?? 1);
}

/** Runs a child in the foreground; SIGINT/SIGTERM sent to us are passed on (twice is harmless). */
function foreground(cmd, cmdArgs, env) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: 'inherit', windowsHide: false });
    const onInt = () => child.kill('SIGINT');
    const onTerm = () => child.kill('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const done = (code, signal, error) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolvePromise({ code, signal, error, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (e) => done(null, null, e));
    child.on('exit', (code, signal) => done(code, signal, null));
  });
}

async function browserMode() {
  buildApp({ mayReuse: true });
  const serve = join(ROOT, 'electron', 'web', 'serve.ts');
  const tsx = join(NM, 'tsx', 'dist', 'cli.mjs');
  const r = await foreground(
    process.execPath,
    [tsx, serve, '--open', ...deskArgs.filter((a) => a !== '--dev'), ...(args.port ? ['--port', args.port] : [])],
    process.env,
  );
  process.exit(r.code ?? (r.signal ? 0 : 1));
}

async function electronMode(exe, nativeFile) {
  buildApp();
  const env = { ...process.env, [NATIVE_ENV]: nativeFile };
  delete env.ELECTRON_RUN_AS_NODE;
  console.log(`正在启动桌面程序 / Starting the desktop app (Electron ${electronVersion}) …`);
  const r = await foreground(exe, ['.', ...deskArgs], env);
  // Died at once with an error: no display, missing system libraries, the sandbox refused to
  // start (e.g. as root), or the database failed to open in Electron. Browser mode may still work.
  if (r.error || (r.code !== 0 && r.code !== null && r.seconds < 20)) {
    banner([
      `桌面程序未能启动 (${r.error ? r.error.message : `退出码 ${r.code}`})。现在改用浏览器模式。`,
      `The desktop app did not start (${r.error ? r.error.message : `exit code ${r.code}`}). Falling back to browser mode.`,
    ]);
    return browserMode();
  }
  process.exit(r.code ?? 0);
}

async function main() {
  if (args.web) return browserMode();
  const electron = await ensureElectron();
  if (!electron.exe) {
    electronDownloadFailed(electron.reason);
    return browserMode();
  }
  const native = await ensureNativeForElectron();
  if (!native.file) {
    nativeBuildFailed(native.reason);
    return browserMode();
  }
  return electronMode(electron.exe, native.file);
}

main().catch((e) => {
  console.error(`启动失败 / failed to start: ${e?.stack ?? e}`);
  process.exit(1);
});
