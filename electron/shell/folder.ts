// 'choose-folder': the OS folder picker, for the backup folder (备份 screen). Answers the full path
// chosen, or null when cancelled; it takes nothing from the renderer. The core checks the folder
// (exists, writable) when it is saved with backups.setSettings, as it does a typed path.

import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { handleFromDesk } from './ipc';

const OPTIONS: OpenDialogOptions = { title: '选择备份文件夹 / Choose the backup folder', properties: ['openDirectory', 'createDirectory'] };

export function registerFolderPicker(parent: () => BrowserWindow | null): void {
  handleFromDesk('choose-folder', async () => {
    const owner = parent();
    const r = owner ? await dialog.showOpenDialog(owner, OPTIONS) : await dialog.showOpenDialog(OPTIONS);
    return { ok: true as const, value: { folder: r.canceled ? null : (r.filePaths[0] ?? null) } };
  });
}
