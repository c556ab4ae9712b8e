// Best effort: show the desk's URL in the user's browser. Any failure is ignored (the URL is
// printed anyway), and nothing is opened on a Linux machine without a display or under CI.

import { spawn } from 'node:child_process';

export function openBrowser(url: string): void {
  if (process.env.CI || process.env.BRANCH_DESK_NO_OPEN) return;
  let cmd: string;
  let args: string[];
  if (process.platform === 'darwin') [cmd, args] = ['open', [url]];
  else if (process.platform === 'win32') [cmd, args] = ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  else {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
    [cmd, args] = ['xdg-open', [url]];
  }
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* no opener on this machine: the URL is on screen */
  }
}
