// Every integration test file gets its own data folder, so nothing touches data/ of a running app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.NIANBAO_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-it-'));
process.env.AUTH_SECRET ??= 'integration-test-secret-integration-test-secret';
