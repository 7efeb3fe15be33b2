// Preloaded with `node --import` by bench/batch.js: writes the process's peak RSS (KiB) on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.RSS_PROBE_FILE) writeFileSync(process.env.RSS_PROBE_FILE, String(process.resourceUsage().maxRSS));
});
