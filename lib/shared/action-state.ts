// What a server action answers a form with: shared by the action wrapper (server) and the forms (browser).
// `shownOnce`: secrets the server shows this once and never again (recovery codes).
export type ActionState = { ok: boolean; message: string; shownOnce?: string[] } | null;
