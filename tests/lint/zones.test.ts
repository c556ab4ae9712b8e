// The import zones in eslint.config.js, proved one by one: for each zone, snippets that break it are
// errors and one import it allows is clean. The zones are judged on resolved paths, and some target
// folders (ledger/, domains/) do not exist yet, so the config is run on a stub tree in a temp folder
// laid out like docs/design's target; one last test runs the real eslint.config.js on this repo.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const RULE = 'import-x/no-restricted-paths';

interface ZoneConfig {
  deskConfig(root: string): Linter.Config[];
}

// every file an import below points at; a zone judges only imports that resolve
const STUBS = [
  'electron/main.ts',
  'electron/shell/ipc.ts',
  'electron/preload.ts',
  'electron/cli.ts',
  'electron/cli/main.ts',
  'electron/web/server.ts',
  'electron/core/index.ts',
  'electron/core/handlers/masterdata.ts',
  'electron/domains/slips/service.ts',
  'electron/domains/slips/repo.ts',
  'electron/ledger/fifo.ts',
  'electron/printing/layout.ts',
  'electron/devices/escpos.ts',
  'electron/store/db.ts',
  'renderer/src/api.ts',
  'shared/money.ts',
  'shared/schemas/common.ts',
];

let root: string;
let eslint: ESLint;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'desk-lint-'));
  for (const f of STUBS) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'export const x = 1;\n');
  }
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', strict: true }, include: ['**/*.ts'] }),
  );
  const { deskConfig } = (await import(pathToFileURL(join(REPO, 'eslint.config.js')).href)) as ZoneConfig;
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: deskConfig(root) });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The zone messages ESLint reports for `code` placed at `file` (relative to the stub tree). */
async function zoneErrors(file: string, code: string, lint: ESLint = eslint, base: string = root): Promise<string[]> {
  const [result] = await lint.lintText(code, { filePath: join(base, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `parse errors in ${file}`).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE && m.severity === 2).map((m) => m.message);
}

const use = (spec: string): string => `import { x } from '${spec}';\nexport const y = x;\n`;

interface Zone {
  name: string;
  file: string;
  message: string;
  broken: string[];
  allowed: string;
}

const ZONES: Zone[] = [
  {
    name: 'ledger/ imports no domain, core, printing or door',
    file: 'electron/ledger/daylock.ts',
    message: 'ledger/ is the kernel',
    broken: [
      '../domains/slips/service',
      '../core',
      '../core/handlers/masterdata',
      '../printing/layout',
      '../main',
      '../shell/ipc',
      '../preload',
      '../web/server',
      '../cli/main',
      '../cli',
    ],
    allowed: '../store/db',
  },
  {
    name: 'domains/ import no door',
    file: 'electron/domains/slips/handlers.ts',
    message: 'domains/ import no door',
    broken: ['../../main', '../../shell/ipc', '../../preload', '../../web/server', '../../cli/main', '../../cli'],
    allowed: '../../ledger/fifo',
  },
  {
    name: 'core/ imports no door',
    file: 'electron/core/context.ts',
    message: 'core/ imports no door',
    broken: ['../main', '../shell/ipc', '../preload', '../web/server', '../cli/main', '../cli'],
    allowed: '../domains/slips/service',
  },
  {
    name: 'printing/ imports no domain, core or door',
    file: 'electron/printing/slip-doc.ts',
    message: 'printing/ lays out data handed to it',
    broken: [
      '../domains/slips/service',
      '../core',
      '../core/handlers/masterdata',
      '../main',
      '../shell/ipc',
      '../preload',
      '../web/server',
      '../cli/main',
      '../cli',
    ],
    allowed: './layout',
  },
  {
    name: 'store/ imports nothing else from electron/',
    file: 'electron/store/migrations/0005-next.ts',
    message: 'store/ imports nothing else from electron/',
    broken: ['../../ledger/fifo', '../../domains/slips/repo', '../../core', '../../printing/layout', '../../devices/escpos', '../../main', '../../cli'],
    allowed: '../db',
  },
  {
    name: 'renderer/ imports nothing from electron/',
    file: 'renderer/src/screens/Slips/SlipTable.tsx',
    message: 'The renderer imports nothing from electron/',
    broken: ['../../../../electron/core', '../../../../electron/store/db', '../../../../electron/printing/layout', '../../../../electron/preload'],
    allowed: '../../../../shared/money',
  },
  {
    name: 'shared/ imports neither electron/ nor renderer/',
    file: 'shared/schemas/slips.ts',
    message: 'shared/ imports neither side',
    broken: ['../../electron/core', '../../electron/store/db', '../../renderer/src/api'],
    allowed: './common',
  },
];

describe('import zones (on a stub tree of the target layout)', () => {
  for (const zone of ZONES) {
    describe(zone.name, () => {
      for (const spec of zone.broken) {
        it(`rejects ${spec} from ${zone.file}`, async () => {
          const errors = await zoneErrors(zone.file, use(spec));
          expect(errors).toHaveLength(1);
          expect(errors[0]).toContain(`"${spec}"`);
          expect(errors[0]).toContain(zone.message);
        });
      }
      it(`allows ${zone.allowed} from ${zone.file}`, async () => {
        expect(await zoneErrors(zone.file, use(zone.allowed))).toEqual([]);
      });
    });
  }

  it('shared/ code may import shared/ from anywhere, and the doors may import anything', async () => {
    expect(await zoneErrors('electron/core/index2.ts', use('../../shared/money'))).toEqual([]);
    expect(await zoneErrors('renderer/src/api2.ts', use('../../shared/money'))).toEqual([]);
    expect(await zoneErrors('electron/main.ts', use('./domains/slips/service'))).toEqual([]);
    expect(await zoneErrors('electron/shell/ipc.ts', use('../core'))).toEqual([]);
    expect(await zoneErrors('electron/web/serve.ts', use('../core'))).toEqual([]);
  });

  it('counts re-exports, dynamic import(), import type and require() as imports', async () => {
    const code = [
      "export { x } from '../main';",
      "export * from '../preload';",
      "export const later = () => import('../web/server');",
      "import type { x as T } from '../cli/main';",
      'export type U = T;',
      "export const r = require('../cli');",
    ].join('\n');
    const errors = await zoneErrors('electron/core/context.ts', code);
    expect(errors).toHaveLength(5);
    for (const spec of ['../main', '../preload', '../web/server', '../cli/main', '../cli']) {
      expect(errors.some((e) => e.includes(`"${spec}"`))).toBe(true);
    }
  });
});

describe('the real eslint.config.js on this repo', () => {
  it('is rooted at the repo, so the zones hold wherever eslint is started', async () => {
    const real = new ESLint({ cwd: join(REPO, 'electron') }); // finds ../eslint.config.js by itself
    expect(await zoneErrors('electron/core/x.ts', use('../main'), real, REPO)).toHaveLength(1);
    expect(await zoneErrors('electron/domains/x.ts', use('../shell/paper'), real, REPO)).toHaveLength(1);
    expect(await zoneErrors('electron/printing/x.ts', use('../core'), real, REPO)).toHaveLength(1);
    expect(await zoneErrors('shared/x.ts', use('../electron/store/db'), real, REPO)).toHaveLength(1);
    expect(await zoneErrors('electron/core/x.ts', use('../store/db'), real, REPO)).toEqual([]);
  });
});
