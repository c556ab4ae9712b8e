// 导入: items, customers or suppliers, or the opening stock and receivables (期初建账), from an XLSX or
// CSV (GBK or UTF-8). The main process reads the file and marks every row's problems (a red cell,
// the words beside it); 导入 is offered only when every row is valid, and imports them all in one
// transaction, or none. The opening stock posts the opening slip, so the manager signs it first.
// #/import/<kind> opens with that kind chosen (期初建账's 从Excel导入).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { IMPORT_ACCESS_METHOD, IMPORT_KINDS, isOpeningKind, type ImportKind } from '../../../../shared/sheets';
import { call, newRequestId, type DeskErr } from '../../api';
import { downloadXlsx } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, Notice, Toolbar } from '../../components/ui';
import { navigate, useRoute } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ManagerSignDialog } from '../Opening/entry';
import { previewColumns, previewRowHeight } from './previewColumns';

type Preview = Output<'import.preview'> & { fileName: string };

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

export function ImportScreen() {
  const { t, lang } = useI18n();
  const session = useSession();
  const kinds = IMPORT_KINDS.filter((k) => session.can(IMPORT_ACCESS_METHOD[k]));
  const asked = useRoute()[1] as ImportKind | undefined;
  const [kind, setKind] = useState<ImportKind>(asked && kinds.includes(asked) ? asked : (kinds[0] ?? 'items'));
  const [signing, setSigning] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => previewColumns(kind, lang, t), [kind, lang, t]);

  const choose = (k: ImportKind) => {
    setKind(k);
    setPreview(null);
    setDone(null);
    setError(null);
  };
  useEffect(() => {
    if (asked && asked !== kind && kinds.includes(asked)) choose(asked);
    // only when the address names another kind
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked]);

  const readFile = async (file: File) => {
    setBusy(true);
    setDone(null);
    const r = await call('import.preview', { kind, fileName: file.name, fileBase64: await readBase64(file) });
    setBusy(false);
    setPreview(r.ok ? { ...r.value, fileName: file.name } : null);
    setError(r.ok ? null : r.error);
  };

  const commit = async (signoff?: { user: string; pin: string }) => {
    if (!preview) return;
    if (kind === 'openingStock' && !signoff) return setSigning(true);
    setBusy(true);
    const rows = preview.rows.map((r) => ({ rowNo: r.rowNo, cells: r.cells }));
    const r = await call('import.commit', { kind, fileName: preview.fileName, rows, ...(signoff ? { signoff } : {}) }, { requestId: newRequestId() });
    setBusy(false);
    if (r.ok) (setDone(r.value.imported), setPreview(null), setSigning(false));
    setError(r.ok ? null : r.error);
  };

  const template = async () => {
    const r = await call('import.template', { kind });
    if (r.ok) downloadXlsx(r.value);
    setError(r.ok ? null : r.error);
  };

  const clean = preview !== null && preview.problemRows === 0;
  return (
    <div className="screen-col">
      <Toolbar title={t('imp.title')}>
        <label className="inline-field">
          {t('imp.kind')}{' '}
          <select value={kind} onChange={(e) => choose(e.target.value as ImportKind)} aria-label={t('imp.kind')}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`imp.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <Btn onClick={() => void template()}>{t('imp.template')}</Btn>
        <Btn onClick={() => fileInput.current?.click()} disabled={busy}>
          {t('imp.file')}
        </Btn>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.csv"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void readFile(f);
          }}
        />
        <Btn variant="primary" disabled={!clean || busy} onClick={() => void commit()}>
          {t('imp.commit', { n: preview?.rows.length ?? 0 })}
        </Btn>
        {isOpeningKind(kind) ? <Btn onClick={() => navigate('/opening')}>{t('imp.toOpening')}</Btn> : null}
      </Toolbar>
      {!signing ? <ErrorLine error={error} /> : null}
      {done !== null ? <Notice kind="ok">{t('imp.done', { n: done })}</Notice> : null}
      {preview ? (
        <Notice kind={clean ? 'ok' : 'error'}>
          {t('imp.summary', { file: preview.fileName, n: preview.rows.length, enc: preview.encoding, bad: preview.problemRows })}{' '}
          {clean ? t('imp.allValid', { n: preview.rows.length }) : t('imp.fixFirst')}
        </Notice>
      ) : done === null ? (
        <Notice>{t('imp.none')}</Notice>
      ) : null}
      <div className="grid-fill">
        <Grid key={kind} rowData={preview?.rows ?? []} columnDefs={columns} getRowId={(p) => String(p.data.rowNo)} getRowHeight={previewRowHeight} />
      </div>
      {signing && preview ? (
        <ManagerSignDialog
          title={t('imp.signOpening', { n: preview.rows.length })}
          busy={busy}
          error={error}
          onSign={(user, pin) => void commit({ user, pin })}
          onCancel={() => setSigning(false)}
        />
      ) : null}
    </div>
  );
}
