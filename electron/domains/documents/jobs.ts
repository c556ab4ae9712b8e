// Background renders (documents.startRender / progress / cancelRender): a long document is laid
// out a few pages at a time (printing/paged.ts) while the desk keeps answering, so the screen can
// say 正在生成 … 第 N 页 and the user can stop it. A job only reads (its data is read when it
// starts, before the first page), so a cancelled job leaves nothing behind. Jobs live in memory,
// belong to the user who started them, and are handed over once finished.

import { randomUUID } from 'node:crypto';
import type { RenderJob, RenderedDocument } from '../../../shared/contract';
import { isDeskError, type DeskErrorShape } from '../../../shared/errors';
import { PagedCancelled, type PagedHooks } from '../../printing/paged';
import { invalid, notFound } from '../errors';

interface Job {
  view: RenderJob;
  userId: number;
  cancel: boolean;
  at: number;
}

/** At most this many renders per user at once; finished ones not collected go after a while. */
const MAX_PER_USER = 3;
const KEEP_MS = 10 * 60_000;

const jobs = new Map<string, Job>();

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.view.state !== 'running' && now - j.at > KEEP_MS) jobs.delete(id);
}

function failure(e: unknown): DeskErrorShape {
  if (isDeskError(e)) return e.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message_zh: `生成失败: ${message}`, message_en: `Rendering failed: ${message}`, details: {} };
}

/** Start `run` in the background; `pages` is what the document is planned to take. */
export function startJob(userId: number, pages: number, run: (hooks: PagedHooks) => Promise<RenderedDocument>): RenderJob {
  const now = Date.now();
  sweep(now);
  if ([...jobs.values()].filter((j) => j.userId === userId && j.view.state === 'running').length >= MAX_PER_USER)
    invalid(`已有 ${MAX_PER_USER} 份文件正在生成, 请等它们完成或取消`, `${MAX_PER_USER} documents are being rendered already: wait for them or cancel one`);
  const job: Job = { view: { jobId: randomUUID(), state: 'running', page: 0, pages, document: null, error: null }, userId, cancel: false, at: now };
  jobs.set(job.view.jobId, job);
  const settle = (patch: Partial<RenderJob>) => ((job.view = { ...job.view, ...patch }), (job.at = Date.now()));
  run({ onPage: (page) => settle({ page }), cancelled: () => job.cancel }).then(
    (document) => settle({ state: 'done', document, pages: document.pages, page: document.pages }),
    (e: unknown) => settle(e instanceof PagedCancelled ? { state: 'cancelled' } : { state: 'failed', error: failure(e) }),
  );
  return job.view;
}

function ownJob(jobId: string, userId: number): Job {
  const job = jobs.get(jobId);
  if (!job || job.userId !== userId) notFound('job', jobId);
  return job;
}

/** How far it got; a finished job is handed over (and forgotten). */
export function jobProgress(jobId: string, userId: number): RenderJob {
  const job = ownJob(jobId, userId);
  if (job.view.state !== 'running') jobs.delete(jobId);
  return job.view;
}

/** Stop it before its next pages; the answer is the job as it stands (cancelled once it stopped). */
export function cancelJob(jobId: string, userId: number): RenderJob {
  const job = ownJob(jobId, userId);
  job.cancel = true;
  return job.view;
}
