// "Never lose work": the autosave's state in the slip editor, the leave prompt, and logging in
// again over the current screen after a desk restart or an expired session. Spread at the end of
// zh.ts / en.ts, like finance.ts (same keys checked by the test).

export const draftsZh = {
  'draft.saving': '保存中…',
  'draft.savedAt': '已自动保存 {time}',
  'draft.failed': '未能自动保存',
  'draft.retrying': '连接中断, 稍后自动重试',
  'leave.title': '离开本单?',
  'leave.text': '本单还有未保存到仓财台的修改。保存后离开: 草稿留在单据列表里, 随时可以接着做。',
  'leave.confirm': '保存并离开',
  'leave.failed': '未能保存, 仍留在本单: {msg}',
  'leave.anyway': '不保存, 离开',
  'relogin.title': '请重新登录',
  'relogin.text': '仓财台已重启或登录已过期。输入 PIN 即可继续: 当前单据和已输入的内容都保留, 刚才的操作会接着完成。',
  'relogin.submit': '登录并继续',
  'relogin.other': '换其他用户…',
  'relogin.otherText': '换其他用户将回到登录界面, 尚未保存到仓财台的修改将丢失。',
  'relogin.otherConfirm': '放弃修改, 换用户',
};

export const draftsEn: Record<keyof typeof draftsZh, string> = {
  'draft.saving': 'Saving…',
  'draft.savedAt': 'Saved automatically {time}',
  'draft.failed': 'Could not save automatically',
  'draft.retrying': 'Connection lost, retrying shortly',
  'leave.title': 'Leave this slip?',
  'leave.text': 'This slip has changes not yet saved to the desk. Save and leave: the draft stays in the slip list, to be carried on any time.',
  'leave.confirm': 'Save and leave',
  'leave.failed': 'Could not save, staying on the slip: {msg}',
  'leave.anyway': 'Leave without saving',
  'relogin.title': 'Log in again',
  'relogin.text':
    'The desk restarted or the session expired. Type your PIN to carry on: this slip and everything typed stay, and what you just did is completed.',
  'relogin.submit': 'Log in and carry on',
  'relogin.other': 'Another user…',
  'relogin.otherText': 'Another user goes back to the log-in screen; changes not yet saved to the desk are lost.',
  'relogin.otherConfirm': 'Drop the changes, switch user',
};
