// Runs the CLI straight from the TypeScript sources (npm run dev).
import { main } from './cli.js';

await main();
