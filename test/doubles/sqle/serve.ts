// Starts the DMS+SQLE double and prints one JSON line: its URL and a valid access token (plus the
// default login and project). Runs until SIGINT/SIGTERM. Used by the demo script:
//   npm exec -- tsx test/doubles/sqle/serve.ts
import { startSqleDouble } from './index.js';

const double = await startSqleDouble();
const token = double.generateAccessToken();
process.stdout.write(JSON.stringify({ url: double.url, token, username: 'admin', password: 'admin', project: 'default' }) + '\n');

const stop = (): void => {
  void double.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
