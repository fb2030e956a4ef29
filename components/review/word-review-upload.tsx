'use client';
// Filing a reviewed Word file that came back (a 分管领导's or a colleague's 修订 and 批注 in Word or WPS) onto the
// report from the 修订 tab: the .docx goes to POST /api/reports/:id/review-import, the answer is told in Chinese
// (what was added, what was there already, what could not be placed and why), and the suggestions and comments are
// read again so the new ones show at once.
import { useState, type FormEvent } from 'react';
import { apiCall, type ApiErrorCode } from '@/components/ui/api-call';
import { ErrorLine } from '@/components/ui/error-line';
import { FileInput } from '@/components/ui/file-input';
import type { ReviewFiled } from '@/lib/review/word-review';

const DOCX = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a refusal means for this upload, before the server's own sentence. */
const REFUSED: Partial<Record<ApiErrorCode, string>> = {
  payload_too_large: '文件或其中的修订、批注超出限制',
  unsupported_media_type: '文件格式不受支持',
  bad_request: '无法读取这个文件',
  forbidden: '现在不能登记',
  unauthorized: '登录已过期',
  not_found: '报告不存在',
  rate_limited: '登记过于频繁',
  busy: '服务器繁忙',
};

export function WordReviewUpload({ reportId, onFiled }: { reportId: number; onFiled: () => Promise<void> }) {
  // A new picker (and so no file shown in it) after each filing.
  const [picker, setPicker] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filed, setFiled] = useState<ReviewFiled | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setFiled(null);
    const form = new FormData();
    form.set('file', file);
    const r = await apiCall<ReviewFiled>(`/api/reports/${reportId}/review-import`, { method: 'POST', body: form });
    if (r.ok) {
      setFiled(r.data);
      setFile(null);
      setPicker((n) => n + 1);
      await onFiled();
    } else {
      const what = REFUSED[r.code];
      setError(what ? `${what}：${r.message}` : r.message);
    }
    setBusy(false);
  }

  return (
    <form className="word-review-upload" onSubmit={(e) => void submit(e)} data-testid="word-review-upload">
      <FileInput key={picker} label="登记审阅后的 Word 文件（含修订和批注）" accept={DOCX} onFile={setFile} testId="word-review-file" />
      <p className="muted">文件中的修订登记为修改建议、批注登记为批注，正文不会改动；同一文件再次登记不会重复添加。</p>
      <button type="submit" className="secondary" disabled={!file || busy} data-testid="word-review-submit">
        {busy ? '正在登记…' : '登记修订和批注'}
      </button>
      <ErrorLine message={error} testId="word-review-error" />
      {filed ? (
        <div role="status" data-testid="word-review-result">
          <p className="msg ok">
            新增修改建议 {filed.suggestions} 条、批注 {filed.comments} 条、重复 {filed.duplicates} 条。
          </p>
          {filed.unplaced.length ? (
            <>
              <p className="msg">以下 {filed.unplaced.length} 处未能登记，请对照 Word 文件处理：</p>
              <ul className="word-review-unplaced" data-testid="word-review-unplaced">
                {filed.unplaced.map((u, i) => (
                  <li key={i}>
                    {u.text}
                    <span className="muted">（{u.why}）</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
