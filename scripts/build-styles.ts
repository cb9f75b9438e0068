/** Compiles the public and partner stylesheets into build/assets (npm run build). */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as sass from 'sass';
import { projectPath } from '../src/paths.js';

const outDir = projectPath('build/assets');
mkdirSync(outDir, { recursive: true });
let deprecations = 0;
for (const name of ['public', 'partner']) {
  const result = sass.compile(projectPath(`src/web/styles/${name}.scss`), {
    style: 'compressed',
    loadPaths: [projectPath('.')],
    quietDeps: true,
    // MoJ Frontend calls GOV.UK mixins that GOV.UK has since deprecated: theirs to fix, so count them.
    logger: {
      warn: () => {
        deprecations++;
      },
    },
  });
  writeFileSync(`${outDir}/${name}.css`, result.css);
  console.log(`build/assets/${name}.css: ${(result.css.length / 1024).toFixed(0)} KB`);
}
if (deprecations) console.log(`(${deprecations} deprecation notices from the frontend packages' own Sass)`);
