'use client';
// The import wizard: choose a file or paste text, check what was recognised, move blocks, confirm. Longer than most
// files because the three steps share the preview and its corrections.

import { Choice } from '@/components/ui/choice';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { ImportPreview } from '@/lib/import/service';
import { BODY_SECTION_KEYS, SECTION_LABELS, type BodySectionKey } from '@/lib/domain/sections';

type Township = { id: number; name: string; countyName: string };
type Props = { townships: Township[]; defaultYear: number; maxYear: number };
type Target = BodySectionKey | 'unplaced';

const TARGETS: Array<[Target, string]> = [...BODY_SECTION_KEYS.map((k) => [k, SECTION_LABELS[k]] as [Target, string]), ['unplaced', '未归类内容（不导入）']];

async function errorOf(res: Response): Promise<string> {
  try {
    return ((await res.json()) as { error?: string }).error ?? `请求失败（${res.status}）`;
  } catch {
    return `请求失败（${res.status}），请稍后重试。`;
  }
}

/** Upload or paste → preview with movable blocks and the checks → confirm to create or replace the report. */
export function ImportWizard({ townships, defaultYear, maxYear }: Props) {
  const router = useRouter();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [blocks, setBlocks] = useState<ImportPreview['blocks']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [pasted, setPasted] = useState('');
  const [townshipId, setTownshipId] = useState(townships[0]?.id ?? 0);
  const [year, setYear] = useState(defaultYear);
  const [title, setTitle] = useState('');
  const [recipient, setRecipient] = useState('');
  const [organs, setOrgans] = useState('');
  const [date, setDate] = useState('');
  const [replace, setReplace] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [losses, setLosses] = useState<Array<{ section: string; label: string; before: number; after: number; excerpt: string }>>([]);
  const [acceptLoss, setAcceptLoss] = useState(false);
  // The chosen file, read again when the drafter switches how Word's tracked changes are taken.
  const [file, setFile] = useState<File | null>(null);

  async function send(body: BodyInit, json: boolean) {
    setBusy(true);
    setError('');
    try {
      const res = await fetch('/api/import/preview', { method: 'POST', body, headers: json ? { 'content-type': 'application/json' } : undefined });
      if (!res.ok) {
        setError(await errorOf(res));
        return;
      }
      const p = (await res.json()) as ImportPreview;
      setPreview(p);
      setBlocks(p.blocks);
      setTitle(p.parsed.title ?? '');
      setRecipient(p.parsed.recipient ?? '');
      setOrgans(p.parsed.signature.organs.join('\n'));
      setDate(p.parsed.signature.date ?? '');
      if (p.parsed.year && p.parsed.year <= maxYear) setYear(p.parsed.year);
      const match = townships.find((t) => p.parsed.township && t.name === p.parsed.township);
      if (match) setTownshipId(match.id);
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
    } finally {
      setBusy(false);
    }
  }

  const grouped = useMemo(() => {
    const m = new Map<Target, ImportPreview['blocks']>();
    for (const [t] of TARGETS) m.set(t, []);
    for (const b of blocks) m.get(b.section)!.push(b);
    return m;
  }, [blocks]);

  // The file names another township or year than the one it is being imported into: a 巴山镇 report filed as
  // 示例镇's is a real mistake, so the drafter must confirm it.
  const target = townships.find((t) => t.id === townshipId);
  const mismatches = preview
    ? [
        preview.parsed.township && target && preview.parsed.township !== target.name
          ? `文件中的乡镇（街道）是“${preview.parsed.township}”，您要导入到“${target.name}”。`
          : null,
        preview.parsed.year && preview.parsed.year !== year ? `文件是${preview.parsed.year}年度的报告，您要导入为${year}年度。` : null,
      ].filter((m): m is string => m !== null)
    : [];
  const [mismatchOk, setMismatchOk] = useState(false);

  async function confirm() {
    setBusy(true);
    setError('');
    const sections = Object.fromEntries(
      BODY_SECTION_KEYS.map((k) => [k, (grouped.get(k) ?? []).map((b) => b.text).join('\n')]),
    );
    try {
      const res = await fetch('/api/import/commit', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          townshipId,
          year,
          title,
          recipient: recipient || null,
          signatureOrgans: organs.split('\n').map((o) => o.trim()).filter(Boolean),
          documentDate: date || null,
          cc: preview?.parsed.cc ?? null,
          // The township's own part headings, as the file words them (the template's wording is not stored).
          headings: preview?.parsed.headings ?? {},
          revisions: preview?.revisions ? { count: preview.revisions.count, choice: preview.revisions.choice } : null,
          sections,
          replace,
          acceptLoss,
        }),
      });
      if (res.status === 409) {
        const body = (await res.json().catch(() => ({}))) as { error?: string; losses?: typeof losses };
        setConflict(true);
        setLosses(body.losses ?? []);
        setError(body.error ?? '导入未完成，请核对后重试。');
        return;
      }
      if (!res.ok) {
        setError(await errorOf(res));
        return;
      }
      const { reportId, replaced } = (await res.json()) as { reportId: number; replaced: boolean };
      router.push(`/reports/${reportId}/edit?imported=${replaced ? 'replaced' : 'new'}`);
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="import">
      <section className="card">
        <h2>1. 选择文件或粘贴文字</h2>
        <div className="import-inputs">
          <label>
            上传 .docx 或 .txt（不超过 10 MB）
            <input
              type="file"
              accept=".docx,.txt"
              data-testid="import-file"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setFile(file);
                const form = new FormData();
                form.set('file', file);
                void send(form, false);
              }}
            />
          </label>
          <label>
            或粘贴报告全文
            <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="从县政府网站复制的报告文字…" />
          </label>
          <button type="button" disabled={busy || !pasted.trim()} onClick={() => void send(JSON.stringify({ text: pasted }), true)}>
            识别粘贴的文字
          </button>
        </div>
        {error ? (
          <p className="msg error" data-testid="import-error">
            {error}
          </p>
        ) : null}
      </section>

      {preview ? (
        <>
          <section className="card">
            <h2>2. 核对识别结果</h2>
            <div className="form grid">
              <label>
                乡镇（街道）
                <Choice
                  value={townshipId}
                  onChange={(e) => setTownshipId(Number(e.target.value))}
                  options={townships.map((t) => ({ value: t.id, label: `${t.countyName} · ${t.name}` }))}
                />
              </label>
              <label>
                年度
                <input type="number" min={2000} max={maxYear} value={year} onChange={(e) => setYear(Number(e.target.value))} />
              </label>
              <label>
                成文日期
                <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
              </label>
              <label className="span-3">
                标题
                <input value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <label>
                主送机关
                <input value={recipient} onChange={(e) => setRecipient(e.target.value)} />
              </label>
              <label className="span-2">
                落款（每行一个机关）
                <textarea rows={2} value={organs} onChange={(e) => setOrgans(e.target.value)} />
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
            {preview.revisions && file ? (
              <fieldset className="notice" data-testid="import-tracked-changes" disabled={busy}>
                <p>
                  文件中有 {preview.revisions.count} 处 Word 修订（{preview.revisions.authors.join('、')}）。请选择导入哪一份文字（切换后重新识别，下面各部分的调整需重做）：
                </p>
                {(
                  [
                    ['accepted', '接受全部修订后导入（与 Word 中显示的一致）'],
                    ['original', '按修订前的文字导入'],
                  ] as const
                ).map(([choice, label]) => (
                  <label key={choice} className="check-label">
                    <input
                      type="radio"
                      name="import-revisions"
                      value={choice}
                      checked={preview.revisions?.choice === choice}
                      onChange={() => {
                        const form = new FormData();
                        form.set('file', file);
                        form.set('revisions', choice);
                        void send(form, false);
                      }}
                    />{' '}
                    {label}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </section>

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
                    <select
                      aria-label="移到"
                      value={b.section}
                      onChange={(e) => setBlocks((all) => all.map((x) => (x.id === b.id ? { ...x, section: e.target.value as Target } : x)))}
                    >
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

          <section className="card">
            <h2>4. 确认导入</h2>
            {mismatches.length ? (
              <div className="notice" data-testid="import-mismatch">
                {mismatches.map((m) => (
                  <p key={m}>{m}</p>
                ))}
                <label className="check-label">
                  <input type="checkbox" checked={mismatchOk} onChange={(e) => setMismatchOk(e.target.checked)} data-testid="import-mismatch-ok" />{' '}
                  我已核对，确认这份文件就是要导入的报告
                </label>
              </div>
            ) : null}
            {conflict ? (
              <label className="check-label">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="import-replace" /> 替换现有报告（原内容会保存为一个版本，可随时恢复）
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
                  <input type="checkbox" checked={acceptLoss} onChange={(e) => setAcceptLoss(e.target.checked)} data-testid="import-accept-loss" /> 我已核对，仍用导入的内容替换
                </label>
              </div>
            ) : null}
            <button
              type="button"
              disabled={busy || !title.trim() || (mismatches.length > 0 && !mismatchOk) || (losses.length > 0 && !acceptLoss)}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {busy ? '导入中…' : '导入并打开编辑'}
            </button>
          </section>
        </>
      ) : null}
    </div>
  );
}
