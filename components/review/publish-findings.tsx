'use client';
// 登记公开's answer to the 公开前检查: each finding is masked in the 公开稿 only (the proposed mask can be edited), or
// published as it is with a written reason. Both are recorded in the audit log; the report's text is not changed.
import type { PublishRefused } from '@/lib/review/transitions';

export type Finding = PublishRefused['findings'][number];
export type Resolution = { way: 'mask' | 'reason'; mask: string; reason: string };

type Props = {
  findings: Finding[];
  resolutions: Record<string, Resolution>;
  onChange: (key: string, r: Resolution) => void;
};

/** What the transition is sent: a mask or a reason per finding key, empty reasons left out (the server names them). */
export function resolutionBody(resolutions: Record<string, Resolution>): { masks: Record<string, string>; overrides: Record<string, string> } {
  const masks: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  for (const [key, r] of Object.entries(resolutions)) {
    if (r.way === 'mask') masks[key] = r.mask;
    else if (r.reason.trim()) overrides[key] = r.reason;
  }
  return { masks, overrides };
}

export function PublishFindings({ findings, resolutions, onChange }: Props) {
  return (
    <div className="notice" data-testid="publish-findings">
      <p>公开前检查发现以下内容。可以只在公开稿中遮盖（报送稿和正文不变），或写明仍要公开的理由；两者都会记入操作记录：</p>
      <ol className="publish-findings">
        {findings.map((f, i) => {
          const r = resolutions[f.key] ?? { way: 'mask', mask: '', reason: '' };
          return (
            <li key={`${f.key}-${i}`}>
              <p>{f.message}</p>
              <fieldset>
                <legend>处理方式</legend>
                <label className="inline">
                  <input type="radio" name={`way-${i}`} checked={r.way === 'mask'} onChange={() => onChange(f.key, { ...r, way: 'mask' })} data-testid={`publish-mask-way-${i}`} />
                  在公开稿中遮盖为
                </label>
                <input
                  value={r.mask}
                  onChange={(e) => onChange(f.key, { ...r, way: 'mask', mask: e.target.value })}
                  maxLength={30}
                  aria-label={`第 ${i + 1} 处遮盖后的文字`}
                  data-testid={`publish-mask-${i}`}
                />
                <label className="inline">
                  <input type="radio" name={`way-${i}`} checked={r.way === 'reason'} onChange={() => onChange(f.key, { ...r, way: 'reason' })} data-testid={`publish-reason-way-${i}`} />
                  不遮盖，写明理由
                </label>
                {r.way === 'reason' ? (
                  <textarea
                    rows={1}
                    value={r.reason}
                    onChange={(e) => onChange(f.key, { ...r, reason: e.target.value })}
                    maxLength={500}
                    placeholder="仍要公开的理由（至少 4 个字）"
                    aria-label={`第 ${i + 1} 处仍要公开的理由`}
                    data-testid={`publish-override-${i}`}
                  />
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
