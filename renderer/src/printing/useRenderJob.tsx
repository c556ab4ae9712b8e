// A long document (a stock card of hundreds of pages) is rendered in the background by the core
// (documents.startRender): while it runs, a dialog says 正在生成 … 第 N / M 页 and 取消 (Esc)
// stops it (documents.cancelRender). Short documents go through documents.render at once.

import { useRef, useState } from 'react';
import type { Input, Output } from '../../../shared/contract';
import { call, callOrThrow } from '../api';
import { Dialog } from '../components/Dialog';
import { Btn } from '../components/ui';
import { localError, useI18n } from '../i18n';

type Rendered = Output<'documents.render'>;
type Job = Output<'documents.progress'>;

const POLL_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function useRenderJob(title: string) {
  const [job, setJob] = useState<Job | null>(null);
  const current = useRef<Job | null>(null);
  const show = (j: Job | null) => ((current.current = j), setJob(j));

  const render = async (input: Input<'documents.render'>): Promise<Rendered> => {
    let j = await callOrThrow('documents.startRender', input);
    show(j);
    try {
      while (j.state === 'running') {
        await sleep(POLL_MS);
        j = await callOrThrow('documents.progress', { jobId: j.jobId });
        if (current.current) show(j);
      }
    } finally {
      show(null);
    }
    if (j.state === 'done' && j.document) return j.document;
    throw j.state === 'cancelled' ? localError('msg.renderCancelled', {}, 'cancelled') : (j.error ?? localError('msg.renderCancelled', {}, 'cancelled'));
  };

  const cancel = () => {
    const j = current.current;
    if (j) void call('documents.cancelRender', { jobId: j.jobId });
  };

  const dialog = job ? <RenderProgress title={title} job={job} onCancel={cancel} /> : null;
  return { render, dialog };
}

function RenderProgress({ title, job, onCancel }: { title: string; job: Job; onCancel(): void }) {
  const { t } = useI18n();
  const pct = job.pages ? Math.round((100 * job.page) / job.pages) : 0;
  return (
    <Dialog
      title={t('msg.rendering', { title })}
      onCancel={onCancel}
      scans="refuse"
      footer={
        <Btn onClick={onCancel} hotkey="Esc" data-testid="render-cancel">
          {t('common.cancel')}
        </Btn>
      }
    >
      <div className="render-progress" data-testid="render-progress">
        <div>{t('msg.renderPage', { title, page: job.page, pages: job.pages })}</div>
        <div className="render-bar">
          <div className="render-bar-fill" style={{ width: `${pct}%` }} />
        </div>
      </div>
    </Dialog>
  );
}
