// Every integration test file gets its own data folder, so nothing touches data/ of a running app.
import { vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.NIANBAO_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-it-'));
process.env.AUTH_SECRET ??= 'integration-test-secret-integration-test-secret';

// Every integration test runs the real route handlers and actions against its own database file: the app's
// connection, its session lookup and Next.js's request functions are stood in for here, once for all files.
vi.mock('@/db', () => import('./mock-db'));
vi.mock('@/lib/server/session', () => import('./mock-session'));
vi.mock('next/headers', () => import('./mock-headers'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
