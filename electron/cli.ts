// The desk's command line (`npm run --silent desk -- <command> …`, or `node --import tsx electron/cli.ts`),
// on the same core as the Electron shell and browser mode. Electron-free.
//
//   rpc       --db FILE                    JSON lines in on stdin, JSON lines out (see cli/rpc.ts)
//   verify    --db FILE [--json]           check the books; exit 0 sound, 1 problems, 2 cannot check
//   backup    --db FILE --out FILE [--force]   consistent online copy
//   restore   --from BACKUP --db FILE      verify the backup, keep the current file, put the copy in place
//   init-demo --db FILE [--fixture F] [--pin-cost N]   the demo office
//   help
//
// Exit codes: 0 done, 1 the command failed (see the message), 2 bad usage or a missing file.

import { runCli } from './cli/main';

process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
