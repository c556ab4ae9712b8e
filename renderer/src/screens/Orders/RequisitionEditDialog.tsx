// 新建要货单 / 修改草稿: a requisition made by hand — items found as on the slips (code, name,
// barcode, pinyin), a line each with the quantity in base units beside the case pack and the date
// expected (today + the item's lead time), a line removed, a memo; saved as a draft for the manager
// to sign. Keys: F2 保存草稿 · Esc 取消 (Enter belongs to the grid's cells here).

import { useMemo } from 'react';
import type { CellEditRequestEvent, ColDef } from 'ag-grid-community';
import type { Requisition } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { Grid, LINE_ORDER, qtyCol } from '../../components/grid';
import { ItemPicker } from '../../components/pickers';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { useI18n, type I18n } from '../../i18n';
import { useRequisitionDraft, type DraftLine } from './useRequisitionDraft';

/** The lines keep their order; F2 saves the draft rather than opening a cell's editor. */
const DRAFT_COL: ColDef = { sortable: LINE_ORDER.sortable, suppressKeyboardEvent: (x) => x.event.key === 'F2' };

function casesText(t: I18n['t'], l: DraftLine): string {
  if (l.packQty <= 1) return '';
  const cases = Math.floor(l.qty / l.packQty);
  const rest = l.qty % l.packQty;
  return rest ? t('rqh.casesRest', { cases, rest }) : t('rqh.casesText', { cases });
}

function draftColumns(t: I18n['t'], remove: (itemId: number) => void): ColDef<DraftLine>[] {
  return [
    { field: 'itemCode', headerName: t('opl.code'), width: 110, cellClass: 'mono' },
    { field: 'itemName', headerName: t('opl.name'), flex: 2, minWidth: 130 },
    { field: 'unit', headerName: t('opl.unit'), width: 60 },
    qtyCol<DraftLine>({ field: 'qty', headerName: t('rqh.qty'), width: 150, editable: true, cellClass: 'cell-editable' }),
    qtyCol<DraftLine>({ field: 'packQty', headerName: t('rqh.pack'), width: 70 }),
    { colId: 'cases', headerName: t('rqh.cases'), width: 96, valueGetter: (x) => (x.data ? casesText(t, x.data) : '') },
    { field: 'expectedDate', headerName: t('rqh.expected'), width: 170, editable: true, cellDataType: 'text', cellClass: 'cell-editable' },
    {
      colId: 'remove',
      headerName: '',
      width: 80,
      cellRenderer: (x: { data?: DraftLine }) =>
        x.data ? (
          <button type="button" className="link-btn" onClick={() => remove(x.data!.itemId)} data-testid={`rqh-remove-${x.data.itemCode}`}>
            {t('rqh.remove')}
          </button>
        ) : null,
    },
  ];
}

export function RequisitionEditDialog({ draft, onDone, onCancel }: { draft?: Requisition; onDone(r: Requisition): void; onCancel(): void }) {
  const { t } = useI18n();
  const d = useRequisitionDraft(draft);
  const cols = useMemo(() => draftColumns(t, d.remove), [t, d.remove]);
  const onEdit = (e: CellEditRequestEvent<DraftLine>) => {
    const field = e.colDef.field === 'qty' ? 'qty' : 'expectedDate';
    d.write.setError(d.edit(e.data.itemId, field, String(e.newValue ?? '')));
  };
  const save = () => void d.save(onDone);
  return (
    <Dialog
      title={draft ? t('rqh.editTitle', { no: draft.no }) : t('rqh.newTitle')}
      width={960}
      onCancel={onCancel}
      keys={{ F2: save }}
      footer={
        <>
          <Btn onClick={onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" hotkey="F2" onClick={save} disabled={d.write.busy || !d.ready} data-testid="rqh-save">
            {t('rqh.save')}
          </Btn>
        </>
      }
    >
      <Field label={t('rqh.addItem')} wide>
        <ItemPicker onPick={d.add} clearOnPick autoFocus id="rqh-item" />
      </Field>
      <div style={{ height: 260 }} data-testid="rqh-lines">
        <Grid<DraftLine>
          rowData={d.lines}
          columnDefs={cols}
          getRowId={(x) => String(x.data.itemId)}
          readOnlyEdit
          onCellEditRequest={onEdit}
          defaultColDef={DRAFT_COL}
        />
      </div>
      <Field label={t('rqh.memo')} wide>
        <input className="input" value={d.memo} maxLength={200} onChange={(e) => d.setMemo(e.target.value)} data-testid="rqh-memo" />
      </Field>
      <p className="hint-line">{t('rqh.hint')}</p>
      <ErrorLine error={d.write.error} />
    </Dialog>
  );
}
