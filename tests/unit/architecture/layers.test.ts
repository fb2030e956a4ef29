// The layer rule in the lint configuration: imports run app → components → lib → db and never back up. Each case
// lints a one-line file placed in a layer, importing from a layer above it, and expects the rule to refuse it;
// the same import from where it belongs passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const x = 1;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['lib/drafting/upward.ts', "import { SiteHeader } from '@/components/site-header';", 'lib/ is below'],
    ['lib/reports/upward.ts', "import { runCli } from '@/cli/index';", 'lib/ is below'],
    ['lib/drafting/glue.ts', "import { withActor } from '@/lib/server/http';", 'free of Next.js'],
    ['lib/domain/impure.ts', "import { getDb } from '@/db';", 'pure domain'],
    ['lib/domain/service.ts', "import { loadEditorData } from '@/lib/drafting/service';", 'pure domain'],
    ['db/upward.ts', "import { can } from '@/lib/domain/permissions';", 'bottom layer'],
    ['components/db.tsx', "import { getDb } from '@/db';", 'no database'],
    ['lib/editor/db.ts', "import { getDb } from '@/db';", 'browser'],
    // The feature ladder (eslint.config.mjs LADDER): a feature never imports one above it, type imports included.
    ['lib/reports/upward.ts', "import { listSuggestions } from '@/lib/review/suggestions';", 'feature ladder'],
    ['lib/audit/upward.ts', "import type { SuggestionView } from '@/lib/review/suggestions';", 'feature ladder'],
    ['lib/export/upward.ts', "import { publishedReport } from '@/lib/publication/service';", 'feature ladder'],
    ['lib/auth/upward.ts', "import { displayNames } from '@/lib/directory/accounts';", 'feature ladder'],
    ['lib/shared/upward.ts', "import { hashPassword } from '@/lib/auth/password';", 'ground floor'],
    ['lib/shared/typed.ts', "import type { Actor } from '@/lib/domain/permissions';", 'ground floor'],
  ])('refuses %s importing upward', async (file, source, message) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  }, 60_000);

  it.each([
    ['app/x/page.tsx', "import { SiteHeader } from '@/components/site-header';"],
    ['lib/drafting/ok.ts', "import { getDb } from '@/db';"],
    ['db/ok.ts', "import { ROLES } from '@/lib/domain/vocabulary';"],
    ['lib/domain/ok.ts', "import { formatDocumentDate } from '@/lib/shared/format';"],
    ['lib/review/ok.ts', "import { writeSection } from '@/lib/reports/sections';"],
    ['lib/publication/ok.ts', "import type { ExportDocument } from '@/lib/export/document';"],
  ])('allows %s importing downward', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  }, 60_000);
});
