// The import wizard's state: the preview and its corrections, what the user confirmed, and the request under way,
// changed only through the actions below.
import type { ImportLoss, ImportPreview } from '@/lib/import/service';
import type { BodySectionKey } from '@/lib/domain/sections';

export type Township = { id: number; name: string; countyName: string };
export type Target = BodySectionKey | 'unplaced';

/** The report's details as the user corrects them in step 2. */
export type ImportFields = { townshipId: number; year: number; title: string; recipient: string; organs: string; date: string };

export type ImportState = {
  pasted: string;
  preview: ImportPreview | null;
  /** The preview's paragraphs, each in the part the user put it in. */
  blocks: ImportPreview['blocks'];
  fields: ImportFields;
  busy: boolean;
  error: string;
  /** The township already has a report of that year: replacing it is offered. */
  conflict: boolean;
  replace: boolean;
  /** What replacing would shorten, to be accepted first. */
  losses: ImportLoss[];
  acceptLoss: boolean;
  /** The file names another township or year, and the user confirmed it anyway. */
  mismatchOk: boolean;
};

export type Confirmation = 'replace' | 'acceptLoss' | 'mismatchOk';

export type ImportAction =
  | { type: 'pasted'; text: string }
  | { type: 'sending' }
  | { type: 'failed'; message: string }
  | { type: 'previewed'; preview: ImportPreview; townships: Township[]; maxYear: number }
  | { type: 'edited'; patch: Partial<ImportFields> }
  | { type: 'moved'; blockId: string; to: Target }
  | { type: 'confirmed'; what: Confirmation; value: boolean }
  /** The commit was refused because the report exists (and what replacing it would lose, if anything). */
  | { type: 'exists'; message: string; losses: ImportLoss[] }
  | { type: 'committed' };

export function initialImportState(townships: Township[], defaultYear: number): ImportState {
  return {
    pasted: '',
    preview: null,
    blocks: [],
    fields: { townshipId: townships[0]?.id ?? 0, year: defaultYear, title: '', recipient: '', organs: '', date: '' },
    busy: false,
    error: '',
    conflict: false,
    replace: false,
    losses: [],
    acceptLoss: false,
    mismatchOk: false,
  };
}

/** The details found in the file, over what was there; the year only when it may be chosen, the township when known. */
function fieldsFrom(p: ImportPreview, fields: ImportFields, townships: Township[], maxYear: number): ImportFields {
  const match = townships.find((t) => p.parsed.township && t.name === p.parsed.township);
  return {
    townshipId: match ? match.id : fields.townshipId,
    year: p.parsed.year && p.parsed.year <= maxYear ? p.parsed.year : fields.year,
    title: p.parsed.title ?? '',
    recipient: p.parsed.recipient ?? '',
    organs: p.parsed.signature.organs.join('\n'),
    date: p.parsed.signature.date ?? '',
  };
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'pasted':
      return { ...state, pasted: action.text };
    case 'sending':
      return { ...state, busy: true, error: '' };
    case 'failed':
      return { ...state, busy: false, error: action.message };
    case 'previewed':
      return {
        ...state,
        busy: false,
        preview: action.preview,
        blocks: action.preview.blocks,
        fields: fieldsFrom(action.preview, state.fields, action.townships, action.maxYear),
      };
    case 'edited':
      return { ...state, fields: { ...state.fields, ...action.patch } };
    case 'moved':
      return { ...state, blocks: state.blocks.map((b) => (b.id === action.blockId ? { ...b, section: action.to } : b)) };
    case 'confirmed':
      return { ...state, [action.what]: action.value };
    case 'exists':
      return { ...state, busy: false, conflict: true, losses: action.losses, error: action.message };
    case 'committed':
      return { ...state, busy: false };
  }
}

/**
 * The file names another township or year than the one it is being imported into: a 巴山镇 report filed as
 * 示例镇's is a real mistake, so the drafter must confirm it.
 */
export function importMismatches(state: ImportState, townships: Township[]): string[] {
  const { preview, fields } = state;
  if (!preview) return [];
  const target = townships.find((t) => t.id === fields.townshipId);
  return [
    preview.parsed.township && target && preview.parsed.township !== target.name
      ? `文件中的乡镇（街道）是“${preview.parsed.township}”，您要导入到“${target.name}”。`
      : null,
    preview.parsed.year && preview.parsed.year !== fields.year ? `文件是${preview.parsed.year}年度的报告，您要导入为${fields.year}年度。` : null,
  ].filter((m): m is string => m !== null);
}
