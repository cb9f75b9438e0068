#!/usr/bin/env node
// Runs the compiled CLI (npm install builds it). In a checkout without a build, say how to make one.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('lantern: not built yet. Run npm install (or npm run build) first.');
  process.exit(1);
}
const { main } = await import(cli.href);
await main();
