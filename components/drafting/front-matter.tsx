'use client';

import { useState } from 'react';
import { apiCall } from '@/components/ui/api-call';
import type { MetaConflict, MetaSaveOk, ReportMeta } from '@/lib/drafting/types';
import { formatDocumentDate } from '@/lib/shared/format';
import { HEADED_SECTION_KEYS, bareHeading, partHeadingLines, type TemplateHeadings } from '@/lib/domain/template';
import { SaveQueue, type SaveResult, type SaveStatus } from '@/lib/autosave/save-queue';
import { shortcutOf } from '@/lib/editor/shortcuts';
import { saveResultOf } from './save-result';

type Meta = Omit<ReportMeta, 'metaVersion'>;
type Props = {
  reportId: number;
  /** The year reported on: the template's part headings name it. */
  year: number;
  /** The township's template headings (its season pack's): the placeholders of the part headings. */
  template: TemplateHeadings;
  initial: ReportMeta;
  editable: boolean;
  visible: boolean;
  onChange: (meta: Meta) => void;
  onStatus: (status: SaveStatus, message?: string) => void;
};

async function sendMeta(reportId: number, meta: Meta, metaVersion: number): Promise<SaveResult<ReportMeta>> {
  const r = await apiCall<MetaSaveOk, MetaConflict>(`/api/reports/${reportId}`, { method: 'PATCH', body: { ...meta, metaVersion }, keepalive: true });
  return saveResultOf(r, (ok) => ok.metaVersion);
}

/** Title, 主送, 落款, 成文日期 and 抄送, autosaved like the sections. */
export function FrontMatter({ reportId, year, template: templates, initial, editable, visible, onChange, onStatus }: Props) {
  const { metaVersion, ...first } = initial;
  const [meta, setMeta] = useState<Meta>(first);
  const [conflict, setConflict] = useState<ReportMeta | null>(null);
  const [queue] = useState(
    () =>
      new SaveQueue<Meta, ReportMeta>({
        baseVersion: metaVersion,
        send: (m, v) => sendMeta(reportId, m, v),
        // The parent's callback is stable, so capturing it once is safe.
        onStatus,
        onConflict: (_mine, current) => setConflict(current),
      }),
  );

  function edit(patch: Partial<Meta>) {
    const next = { ...meta, ...patch };
    setMeta(next);
    onChange(next);
    queue.update(next);
  }

  return (
    <div
      className="front-matter"
      hidden={!visible}
      data-testid="front-matter"
      // Ctrl+S in a field saves the front matter now too (the page saves the parts).
      onKeyDown={(e) => {
        if (shortcutOf(e.nativeEvent)?.kind === 'save') void queue.flush();
      }}
    >
      <label>
        标题（按回车可手动分行；不分行时，导出会在词语之间均衡分行）
        <textarea rows={2} value={meta.title} disabled={!editable} maxLength={200} onChange={(e) => edit({ title: e.target.value })} onBlur={() => void queue.flush()} />
      </label>
      <label>
        文号（如：某某委文〔2026〕3号；印在标题上方，可不填）
        <input value={meta.docNumber ?? ''} disabled={!editable} maxLength={60} onChange={(e) => edit({ docNumber: e.target.value || null })} onBlur={() => void queue.flush()} data-testid="doc-number" />
      </label>
      <label>
        主送机关
        <input value={meta.recipient ?? ''} disabled={!editable} maxLength={100} onChange={(e) => edit({ recipient: e.target.value || null })} onBlur={() => void queue.flush()} />
      </label>
      <label>
        落款（每行一个发文机关，党委在前、政府在后）
        <textarea
          rows={2}
          value={meta.signatureOrgans.join('\n')}
          disabled={!editable}
          onChange={(e) => edit({ signatureOrgans: e.target.value.split('\n').slice(0, 6) })}
          onBlur={() => void queue.flush()}
        />
      </label>
      <label>
        成文日期 {meta.documentDate ? <span className="muted">（将印为 {formatDocumentDate(meta.documentDate)}）</span> : null}
        <input type="date" value={meta.documentDate ?? ''} disabled={!editable} onChange={(e) => edit({ documentDate: e.target.value || null })} onBlur={() => void queue.flush()} />
      </label>
      <label>
        抄送（报送稿才印）
        <input value={meta.cc ?? ''} disabled={!editable} maxLength={200} onChange={(e) => edit({ cc: e.target.value || null })} onBlur={() => void queue.flush()} />
      </label>
      <fieldset className="part-headings">
        <legend>部分标题（编号自动生成；留空即用模板标题，可改为本乡镇的表述）</legend>
        {HEADED_SECTION_KEYS.map((key) => {
          const template = partHeadingLines(year, null, templates)[key];
          return (
            <label key={key}>
              <span className="muted">{template.slice(0, template.indexOf('、') + 1)}</span>
              <input
                value={meta.partHeadings[key] ?? ''}
                placeholder={bareHeading(template)}
                disabled={!editable}
                maxLength={100}
                aria-label={`第${template.slice(0, template.indexOf('、'))}部分标题`}
                onChange={(e) => edit({ partHeadings: { ...meta.partHeadings, [key]: e.target.value } })}
                onBlur={() => void queue.flush()}
              />
            </label>
          );
        })}
      </fieldset>
      {conflict ? (
        <div className="msg error conflict-inline" role="alert">
          标题、主送或落款已被他人修改（服务器上的标题：“{conflict.title}”）。
          <button type="button" onClick={() => { setConflict(null); void queue.keepMine(conflict.metaVersion); }}>
            保留我的
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const { metaVersion: v, ...server } = conflict;
              setMeta(server);
              onChange(server);
              queue.takeServer(v, server);
              setConflict(null);
            }}
          >
            采用服务器的
          </button>
        </div>
      ) : null}
    </div>
  );
}
