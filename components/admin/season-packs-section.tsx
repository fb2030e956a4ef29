// 年度配置包 on the admin page: the packs in use (shipped national defaults and imported ones), an upload form (a
// county chosen makes it that county's pack), downloads of the effective pack, and what changed between two seasons.
import { ActionForm } from '@/components/action-form';
import { Choice, type ChoiceOption } from '@/components/ui/choice';
import { TableHead } from '@/components/ui/table-head';
import type { PackDiff } from '@/lib/domain/season/diff';
import type { PackRow } from '@/lib/season/store';
import type { ActionState } from '@/lib/shared/action-state';
import { FileInput } from '@/components/ui/file-input';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type DiffView = { from: number; to: number; county: string | null; diff: PackDiff };

const SCOPES: Record<string, string> = { national: '全国默认', province: '省级', city: '市级', county: '县级' };

export function SeasonPacksSection({ packs, counties, seasons, upload, diff }: { packs: PackRow[]; counties: ChoiceOption[]; seasons: number[]; upload: Action; diff: DiffView | null }) {
  return (
    <section className="card" id="season-packs" data-testid="season-packs">
      <h2>年度配置包</h2>
      <p className="muted">
        每个年度的引用文件（及其有效期）、事项清单、各部分标题和公开期限。县级配置包按事项、按文件覆盖全国默认，也可以关闭某一事项。格式见 docs/season-pack.md。
      </p>
      <div className="coverage-scroll">
      <table className="table">
        <TableHead columns={['年度', '范围', '事项', '文件', '来源', '实际使用的配置']} />
        <tbody>
          {packs.map((p) => (
            <tr key={`${p.season}-${p.scope}-${p.county ?? ''}`}>
              <td>{p.season}</td>
              <td>{p.county ? `${p.county}（县级）` : (SCOPES[p.scope] ?? p.scope)}</td>
              <td>{p.items}</td>
              <td>{p.documents}</td>
              <td>{p.shipped ? '随程序提供' : `导入 · ${p.sha256?.slice(0, 12)}…`}</td>
              <td>
                <a className="nowrap" href={`/api/season-packs?season=${p.season}${p.countyId ? `&county=${p.countyId}` : ''}`} download>
                  下载
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <h3>上传配置包</h3>
      <ActionForm action={upload} submitLabel="上传并导入" testId="season-pack-upload" className="form grid">
        <FileInput label="配置包文件（JSON）" name="pack" accept="application/json,.json" required />
        <label>
          适用于
          <Choice name="countyId" options={counties} empty="按文件中写明的范围（全国默认或文件所写的县）" />
        </label>
      </ActionForm>
      <h3>两个年度的差异</h3>
      <form method="get" action="/admin#season-packs" className="form grid" data-testid="season-pack-diff-form">
        <label>
          从
          <Choice name="diffFrom" options={seasons.map((s) => ({ value: s, label: `${s}年度` }))} defaultValue={diff?.from ?? seasons[0]} />
        </label>
        <label>
          到
          <Choice name="diffTo" options={seasons.map((s) => ({ value: s, label: `${s}年度` }))} defaultValue={diff?.to ?? seasons[seasons.length - 1]} />
        </label>
        <label>
          县
          <Choice name="diffCounty" options={counties} empty="全国默认" />
        </label>
        <button type="submit">比较</button>
      </form>
      {diff ? <DiffTable view={diff} /> : null}
    </section>
  );
}

function DiffTable({ view }: { view: DiffView }) {
  const { diff } = view;
  const rows = [
    ...diff.documents.map((c) => ({ kind: '文件', key: c.key, what: c.before && c.after ? `修改：${c.fields.join('、')}` : c.after ? '新增' : '删除', detail: c.after ? `${c.after.validFrom} 至 ${c.after.validTo ?? '—'}` : '' })),
    ...diff.items.map((c) => ({ kind: '事项', key: `${c.key} ${(c.after ?? c.before)?.title ?? ''}`, what: c.before && c.after ? `修改：${c.fields.join('、')}` : c.after ? '新增' : '删除', detail: '' })),
  ];
  return (
    <div data-testid="season-pack-diff">
      <p>
        {view.from}年度 → {view.to}年度{view.county ? `（${view.county}）` : '（全国默认）'}：{rows.length ? `${rows.length} 处不同` : '文件和事项没有不同'}
        {diff.deadlines ? `；公开期限 ${diff.deadlines.before?.publication ?? '—'} → ${diff.deadlines.after?.publication ?? '—'}` : ''}
      </p>
      {rows.length ? (
        <table className="table">
          <TableHead columns={['类别', '名称', '变化', '有效期']} />
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.key}`}>
                <td>{r.kind}</td>
                <td>{r.key}</td>
                <td>{r.what}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
