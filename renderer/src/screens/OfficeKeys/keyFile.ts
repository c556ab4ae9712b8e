// The key backup as a file: Electron saves it through a save dialog (the bridge's saveKeyFile); a
// browser downloads it. Reading one back is a plain file input (the text is base64 already).

import { downloadBlob } from '../../api';

/** Where the file went (null: the save dialog was cancelled), or an error message. */
export async function saveKeyFile(x: { sealedSecrets: string; fileName: string }): Promise<{ saved: string | null } | { error: string }> {
  if (!window.desk?.saveKeyFile) {
    downloadBlob(new Blob([x.sealedSecrets], { type: 'application/octet-stream' }), x.fileName);
    return { saved: x.fileName };
  }
  const r = await window.desk.saveKeyFile({ text: x.sealedSecrets, fileName: x.fileName });
  return r.ok ? r.value : { error: r.error.message_zh };
}

export function readKeyFile(f: File): Promise<string> {
  return f.text().then((s) => s.trim());
}
