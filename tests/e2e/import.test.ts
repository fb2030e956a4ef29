// Importing a Word file in the browser: an auto-numbered .docx (numbers only in numbering.xml) of another township is
// recognised part by part, the wizard warns that the file names another township, and only a confirmed import goes in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, shot } from './support';
import { numberedDocx } from '../support/numbered-docx';

const baseURL = inject('baseURL');

const b = sharedBrowser(baseURL);

async function bashanDocx(short = false): Promise<string> {
  const buf = await numberedDocx([
    '关于巴山镇2024年度法治政府建设情况的报告',
    '中共示例县委、示例县人民政府：',
    '2024年，巴山镇坚持依法行政。现将我镇2024年度法治政府建设情况报告如下：',
    [0, '2024年度推进法治政府建设的主要举措和成效'],
    [1, '健全法律顾问制度'],
    short ? '聘请法律顾问。' : '全镇聘请法律顾问3名，审查合同27份。',
    [0, '2024年度党政主要负责人履行推进法治建设第一责任人职责情况'],
    '镇党委书记主持专题会议4次。',
    [0, '2024年度推进法治政府建设存在的不足和原因'],
    '执法力量不足，原因是人员编制紧张。',
    [0, '2025年度推进法治政府建设的主要安排'],
    '开展执法案卷评查，完善法律顾问考核。',
    '巴山镇人民政府',
    '2025年1月15日',
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-import-')), '巴山镇2024年度报告.docx');
  fs.writeFileSync(file, buf);
  return file;
}

describe('importing a Word report', () => {
  it('reads the automatic numbering, warns about another township, and imports once confirmed', async () => {
    const page = await b.openAs('shili');
    await page.goto('/import');
    await page.getByTestId('import-file').setInputFiles(await bashanDocx());
    const measures = page.getByTestId('import-part-measures');
    await expect.poll(() => measures.textContent(), { timeout: 15_000 }).toContain('（一）健全法律顾问制度');
    expect(await page.getByTestId('import-part-leaders').textContent()).toContain('主持专题会议4次');
    expect(await page.getByTestId('import-part-shortcomings').textContent()).toContain('人员编制紧张');
    expect(await page.getByTestId('import-part-plans').textContent()).toContain('开展执法案卷评查');
    const warning = page.getByTestId('import-mismatch');
    expect(await warning.textContent()).toContain('文件中的乡镇（街道）是“巴山镇”，您要导入到“示例镇”。');
    const confirm = page.getByTestId('import-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await shot(page, 'import-01-mismatch');
    await page.getByTestId('import-mismatch-ok').check();
    await confirm.click();
    await page.waitForURL(/\/reports\/\d+\/edit\?imported=/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('editor-measures').innerText()).toContain('全镇聘请法律顾问3名');
    expect(await page.getByTestId('import-done').textContent()).toContain('导入完成');
    // The file's own wording of part 二 is kept (numbered by the app); part 一 words it as the template does.
    expect(await page.getByTestId('nav-leaders').textContent()).toContain('二、2024年度党政主要负责人履行推进法治建设第一责任人职责情况');

    // The drafter words part 四's heading in the front matter; the navigation and the checks follow.
    await page.getByTestId('nav-front').click();
    await page.getByLabel('第四部分标题').fill('下步工作打算');
    await expect.poll(() => page.getByTestId('nav-plans').textContent()).toContain('四、下步工作打算');
    await page.getByLabel('第四部分标题').blur();
    await expect.poll(() => page.getByTestId('section-status-front').getAttribute('class')).toContain('save-saved');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-plans').textContent()).toContain('四、下步工作打算');
    await shot(page, 'import-01b-part-headings');
    await page.getByTestId('nav-front').click();
    await page.getByLabel('第四部分标题').fill('');
    await page.getByLabel('第四部分标题').blur();
    await expect.poll(() => page.getByTestId('nav-plans').textContent()).toContain('四、2025年度推进法治政府建设的主要安排');
    await expect.poll(() => page.getByTestId('section-status-front').getAttribute('class')).toContain('save-saved');

    // The same file again with part 一 cut short: the wizard says what would be lost before replacing anything.
    await page.goto('/import');
    await page.getByTestId('import-file').setInputFiles(await bashanDocx(true));
    await expect.poll(() => page.getByTestId('import-part-measures').textContent(), { timeout: 15_000 }).toContain('健全法律顾问制度');
    await page.getByTestId('import-mismatch-ok').check();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-replace').check();
    await page.getByTestId('import-confirm').click();
    const losses = page.getByTestId('import-losses');
    await expect.poll(() => losses.textContent(), { timeout: 15_000 }).toContain('一、主要举措和成效');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await shot(page, 'import-02-losses');
    await page.getByTestId('import-accept-loss').check();
    await page.getByTestId('import-confirm').click();
    await page.waitForURL(/\/reports\/\d+\/edit\?imported=replaced/, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('editor-measures').innerText()).not.toContain('审查合同27份');
    // The success message says where the replaced text went, with a link to it.
    expect(await page.getByTestId('import-done').textContent()).toContain('原有内容已保存为版本“导入前的内容”');
    expect(await page.getByTestId('import-done').getByRole('link', { name: '版本与记录' }).getAttribute('href')).toMatch(/\/reports\/\d+\/versions$/);
    await shot(page, 'import-03-replaced');
    await page.context().close();
  });
});
