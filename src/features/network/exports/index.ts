/** The network exports: `import { toGraphML, toGexf, toAnx } from './exports/index.js'`. */
export { toAnx } from './anx.js';
export { toGexf } from './gexf.js';
export { toGraphML } from './graphml.js';
export { escapeXml } from './xml.js';
export { toViewData, viewDataJson, type SizeMetric } from './view-data.js';
