'use client';
// The import wizard: choose a file or paste text, check what was recognised, move blocks, confirm. Its state is one
// reducer (./import-state); each step is a component of its own below.

import { Choice } from '@/components/ui/choice';
import { FileInput } from '@/components/ui/file-input';
import { useRouter } from 'next/navigation';
import { useMemo, useReducer, useRef, type Dispatch } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { ImportCommitted, ImportConflict, ImportPreview } from '@/lib/import/service';
import { BODY_SECTION_KEYS, SECTION_LABELS } from '@/lib/domain/sections';
import { importMismatches, importReducer, initialImportState, type ImportAction, type ImportState, type Target, type Township } from './import-state';

type Props = { townships: Township[]; defaultYear: number; maxYear: number };
type Blocks = ImportPreview['blocks'];

const TARGETS: Array<[Target, string]> = [...BODY_SECTION_KEYS.map((k) => [k, SECTION_LABELS[k]] as [Target, string]), ['unplaced', '未归类内容（不导入）']];

/** Upload or paste → preview with movable blocks and the checks → confirm to create or replace the report. */
export function ImportWizard({ townships, defaultYear, maxYear }: Props) {
  const router = useRouter();
  const [state, dispatch] = useReducer(importReducer, undefined, () => initialImportState(townships, defaultYear));
  // The chosen file, read again when the drafter switches how Word's tracked changes are taken.
  const file = useRef<File | null>(null);
  const readRevisionsAs = (choice: 'accepted' | 'original') => {
    if (!file.current) return;
    const form = new FormData();
    form.set('file', file.current);
    form.set('revisions', choice);
    void send(form);
  };
  const { preview, blocks, fields } = state;

  /** A file (multipart) or the pasted text ({text}) to the preview. */
  async function send(body: FormData | { text: string }) {
    dispatch({ type: 'sending' });
    const r = await apiCall<ImportPreview>('/api/import/preview', { method: 'POST', body });
    if (r.ok) dispatch({ type: 'previewed', preview: r.data, townships, maxYear });
    else dispatch({ type: 'failed', message: r.message });
  }

  const grouped = useMemo(() => {
    const m = new Map<Target, Blocks>();
    for (const [t] of TARGETS) m.set(t, []);
    for (const b of blocks) m.get(b.section)!.push(b);
    return m;
  }, [blocks]);

  async function confirm() {
    dispatch({ type: 'sending' });
    const sections = Object.fromEntries(BODY_SECTION_KEYS.map((k) => [k, (grouped.get(k) ?? []).map((b) => b.text).join('\n')]));
    const r = await apiCall<ImportCommitted, ImportConflict>('/api/import/commit', {
      method: 'POST',
      body: {
        townshipId: fields.townshipId,
        year: fields.year,
        title: fields.title,
        recipient: fields.recipient || null,
        signatureOrgans: fields.organs.split('\n').map((o) => o.trim()).filter(Boolean),
        documentDate: fields.date || null,
        cc: preview?.parsed.cc ?? null,
        // The file's 文号 (鸡鸣委文〔2026〕3号), printed above the title like the original.
        docNumber: preview?.parsed.docNumber ?? null,
        // The township's own part headings, as the file words them (the template's wording is not stored).
        headings: preview?.parsed.headings ?? {},
        revisions: preview?.revisions ? { count: preview.revisions.count, choice: preview.revisions.choice } : null,
        sections,
        replace: state.replace,
        acceptLoss: state.acceptLoss,
      },
    });
    if (r.ok) {
      router.push(`/reports/${r.data.reportId}/edit?imported=${r.data.replaced ? 'replaced' : 'new'}`);
      dispatch({ type: 'committed' });
    } else if (r.code === 'conflict') dispatch({ type: 'exists', message: r.message, losses: r.details?.losses ?? [] });
    else dispatch({ type: 'failed', message: r.message });
  }

  return (
    <div className="import">
      <SourceStep state={state} dispatch={dispatch} onSend={(body) => void send(body)} onFile={(f) => (file.current = f)} />
      {preview ? (
        <>
          <DetailsStep preview={preview} state={state} dispatch={dispatch} townships={townships} maxYear={maxYear} onRevisions={readRevisionsAs} />
          <BlocksStep grouped={grouped} dispatch={dispatch} />
          <ConfirmStep state={state} dispatch={dispatch} mismatches={importMismatches(state, townships)} onConfirm={() => void confirm()} />
        </>
      ) : null}
    </div>
  );
}

type StepProps = { state: ImportState; dispatch: Dispatch<ImportAction> };

/** 1: a file to upload, or the report's text pasted. */
function SourceStep({ state, dispatch, onSend, onFile }: StepProps & { onSend: (body: FormData | { text: string }) => void; onFile: (file: File) => void }) {
  const { busy, pasted, error } = state;
  return (
    <section className="card">
      <h2>1. 选择文件或粘贴文字</h2>
      <div className="import-inputs">
        <FileInput
          label="上传 .docx 或 .txt（不超过 10 MB）"
          accept=".docx,.txt"
          testId="import-file"
          disabled={busy}
          onFile={(file) => {
            if (!file) return;
            onFile(file);
            const form = new FormData();
            form.set('file', file);
            onSend(form);
          }}
        />
        <label>
          或粘贴报告全文
          <textarea rows={5} value={pasted} onChange={(e) => dispatch({ type: 'pasted', text: e.target.value })} placeholder="从县政府网站复制的报告文字…" />
        </label>
        <button type="button" disabled={busy || !pasted.trim()} onClick={() => onSend({ text: pasted })}>
          识别粘贴的文字
        </button>
      </div>
      {error ? (
        <p className="msg error" data-testid="import-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** 2: the details found in the file, to correct, and the structure checks. */
function DetailsStep({
  preview,
  state,
  dispatch,
  townships,
  maxYear,
  onRevisions,
}: StepProps & { preview: ImportPreview; townships: Township[]; maxYear: number; onRevisions?: (choice: 'accepted' | 'original') => void }) {
  const { fields } = state;
  const edit = (patch: Partial<ImportState['fields']>) => dispatch({ type: 'edited', patch });
  return (
    <section className="card">
      <h2>2. 核对识别结果</h2>
      <div className="form grid">
        <label>
          乡镇（街道）
          <Choice
            value={fields.townshipId}
            onChange={(e) => edit({ townshipId: Number(e.target.value) })}
            options={townships.map((t) => ({ value: t.id, label: `${t.countyName} · ${t.name}` }))}
          />
        </label>
        <label>
          年度
          <input type="number" min={2000} max={maxYear} value={fields.year} onChange={(e) => edit({ year: Number(e.target.value) })} />
        </label>
        <label>
          成文日期
          <input type="date" value={fields.date} onChange={(e) => edit({ date: e.target.value })} />
        </label>
        <label className="span-3">
          标题
          <input value={fields.title} onChange={(e) => edit({ title: e.target.value })} />
        </label>
        <label>
          主送机关
          <input value={fields.recipient} onChange={(e) => edit({ recipient: e.target.value })} />
        </label>
        <label className="span-2">
          落款（每行一个机关）
          <textarea rows={2} value={fields.organs} onChange={(e) => edit({ organs: e.target.value })} />
        </label>
      </div>
      {preview.parsed.checks.length ? (
        <ul className="import-checks" data-testid="import-checks">
          {preview.parsed.checks.map((c, i) => (
            <li key={i}>{c.message}</li>
          ))}
        </ul>
      ) : (
        <p className="msg ok">结构检查未发现问题。</p>
      )}
      {preview.parsed.noise.length ? <p className="muted">已去除网页和排版杂项 {preview.parsed.noise.length} 行。</p> : null}
      {preview.revisions && onRevisions ? <RevisionChoice revisions={preview.revisions} busy={state.busy} onChoose={onRevisions} /> : null}
    </section>
  );
}

/** Word's tracked changes in the file: a drafter's import takes the text with them accepted, or as it stood before. */
function RevisionChoice({ revisions, busy, onChoose }: { revisions: NonNullable<ImportPreview['revisions']>; busy: boolean; onChoose: (choice: 'accepted' | 'original') => void }) {
  return (
    <fieldset className="notice" data-testid="import-tracked-changes" disabled={busy}>
      <p>
        文件中有 {revisions.count} 处 Word 修订（{revisions.authors.join('、')}）。请选择导入哪一份文字（切换后重新识别，下面各部分的调整需重做）：
      </p>
      {(
        [
          ['accepted', '接受全部修订后导入（与 Word 中显示的一致）'],
          ['original', '按修订前的文字导入'],
        ] as const
      ).map(([choice, label]) => (
        <label key={choice} className="check-label">
          <input type="radio" name="import-revisions" value={choice} checked={revisions.choice === choice} onChange={() => onChoose(choice)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** 3: the paragraphs of each part, each movable to another part. */
function BlocksStep({ grouped, dispatch }: { grouped: Map<Target, Blocks>; dispatch: Dispatch<ImportAction> }) {
  return (
    <section className="card">
      <h2>3. 各部分内容（可把段落移到其他部分）</h2>
      {TARGETS.map(([key, label]) => (
        <div key={key} className="import-part" data-testid={`import-part-${key}`}>
          <h3>
            {label} <small>{grouped.get(key)!.length} 段</small>
          </h3>
          {grouped.get(key)!.length === 0 ? <p className="muted">（无）</p> : null}
          {grouped.get(key)!.map((b) => (
            <div key={b.id} className="import-block">
              <p>{b.text}</p>
              <select aria-label="移到" value={b.section} onChange={(e) => dispatch({ type: 'moved', blockId: b.id, to: e.target.value as Target })}>
                {TARGETS.map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

/** 4: what needs confirming first (another township or year, replacing, shortening), then import. */
function ConfirmStep({ state, dispatch, mismatches, onConfirm }: StepProps & { mismatches: string[]; onConfirm: () => void }) {
  const { busy, conflict, replace, losses, acceptLoss, mismatchOk, fields } = state;
  return (
    <section className="card">
      <h2>4. 确认导入</h2>
      {mismatches.length ? (
        <div className="notice" data-testid="import-mismatch">
          {mismatches.map((m) => (
            <p key={m}>{m}</p>
          ))}
          <label className="check-label">
            <input type="checkbox" checked={mismatchOk} onChange={(e) => dispatch({ type: 'confirmed', what: 'mismatchOk', value: e.target.checked })} data-testid="import-mismatch-ok" />{' '}
            我已核对，确认这份文件就是要导入的报告
          </label>
        </div>
      ) : null}
      {conflict ? (
        <label className="check-label">
          <input type="checkbox" checked={replace} onChange={(e) => dispatch({ type: 'confirmed', what: 'replace', value: e.target.checked })} data-testid="import-replace" />{' '}
          替换现有报告（原内容会保存为一个版本，可随时恢复）
        </label>
      ) : null}
      {losses.length ? (
        <div className="notice" data-testid="import-losses">
          <p>导入会让以下部分的文字变少（现有内容会保存为“导入前的内容”版本，可在“版本与记录”中恢复）：</p>
          <ul>
            {losses.map((l) => (
              <li key={l.section}>
                {l.label}：现有 {l.before} 字 → 导入后 {l.after} 字（现有内容开头：“{l.excerpt}…”）
              </li>
            ))}
          </ul>
          <label className="check-label">
            <input type="checkbox" checked={acceptLoss} onChange={(e) => dispatch({ type: 'confirmed', what: 'acceptLoss', value: e.target.checked })} data-testid="import-accept-loss" />{' '}
            我已核对，仍用导入的内容替换
          </label>
        </div>
      ) : null}
      <button
        type="button"
        disabled={busy || !fields.title.trim() || (mismatches.length > 0 && !mismatchOk) || (losses.length > 0 && !acceptLoss)}
        onClick={onConfirm}
        data-testid="import-confirm"
      >
        {busy ? '导入中…' : '导入并打开编辑'}
      </button>
    </section>
  );
}
