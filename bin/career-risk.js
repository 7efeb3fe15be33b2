#!/usr/bin/env node
// Tiny launcher: everything lives in the compiled CLI (run `npm run build` after editing src/).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() handles its own errors; reaching here is a bug.
    console.error(error);
    process.exitCode = 1;
  },
);
