// The zh-CN application menu: 文件 (the data folder, quit), 编辑, 视图, 帮助 (about, with the
// database path); on macOS the application menu first. The menu opens only our own data folder
// (shell.openPath), never anything from the renderer (checklist item 15 in main.ts).

import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { dirname } from 'node:path';

export function buildMenu(dbPath: string, opts: { devTools: boolean }): Menu {
  const isMac = process.platform === 'darwin';
  const about = (): void => aboutDialog(dbPath);
  return Menu.buildFromTemplate([
    ...(isMac ? [macAppMenu(about)] : []),
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开数据文件夹 (Open data folder)', click: () => void shell.openPath(dirname(dbPath)) },
        { type: 'separator' },
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出 (Quit)' },
      ],
    },
    EDIT_MENU,
    viewMenu(opts.devTools),
    {
      label: '帮助(&H)',
      role: 'help',
      submenu: [{ label: '关于 办事处仓财台 (About)', click: about }],
    },
  ]);
}

function aboutDialog(dbPath: string): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于 办事处仓财台',
    message: `办事处仓财台 Branch Desk ${app.getVersion()}`,
    detail: `办事处仓库与财务台账 / Warehouse and finance desk for a branch sales office\n\n数据库 / Database:\n${dbPath}`,
    buttons: ['确定'],
  });
}

/** macOS: the application menu (about, hide, quit). */
function macAppMenu(about: () => void): MenuItemConstructorOptions {
  return {
    label: '办事处仓财台',
    submenu: [
      { label: '关于 办事处仓财台', click: about },
      { type: 'separator' },
      { role: 'hide', label: '隐藏 办事处仓财台' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      { type: 'separator' },
      { role: 'quit', label: '退出 办事处仓财台' },
    ],
  };
}

const EDIT_MENU: MenuItemConstructorOptions = {
  label: '编辑(&E)',
  submenu: [
    { role: 'undo', label: '撤销' },
    { role: 'redo', label: '重做' },
    { type: 'separator' },
    { role: 'cut', label: '剪切' },
    { role: 'copy', label: '复制' },
    { role: 'paste', label: '粘贴' },
    { role: 'selectAll', label: '全选' },
  ],
};

/** Reload, zoom, full screen; the developer tools only when the desk was started with `--dev`. */
function viewMenu(devTools: boolean): MenuItemConstructorOptions {
  return {
    label: '视图(&V)',
    submenu: [
      { role: 'reload', label: '重新加载' },
      { type: 'separator' },
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
      ...(devTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools', label: '开发者工具' } as const] : []),
    ],
  };
}
