/**
 * The shared core's public face: what other features (plans, groups, network, tactics, reports,
 * vocabularies) may take from intelligence. They import from here, never from the files inside
 * (ESLint enforces it), so the inside can move without touching them. Routes are not here: main.ts
 * registers them straight from their folders, so importing this file never pulls in pages.
 */
export {
  CONFIDENCES,
  ENTITY_SCHEMAS,
  ENTITY_SCHEMA_NAMES,
  LINK_TYPES,
  checkProperties,
  isEntitySchema,
  isLinkType,
  linkFits,
  normaliseName,
  sourceKey,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
  type LinkTypeName,
  type LinkTypeSpec,
  type SubjectCategory,
} from './schema.js';
export {
  PUBLIC_REPORT_EVIDENCE_LIST,
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  receivePublicReport,
} from './queries.js';
export {
  addLinkSourcesOf,
  insertEntities,
  insertLinks,
  type NewBulkEntity,
  type NewBulkLink,
} from './bulk-queries.js';
export { findEntitiesByName, type NameMatch } from './name-search.js';
export { entityRecords } from './records.js';
export { sameLinks } from './entities/queries.js';
export { CATEGORY_NAMES, SOC_CATEGORIES } from './inbox/schemas.js';
export { dayText } from './inbox/present.js';
// The link-chart import (network) shares the main import's file handling, checks and upload hold.
export { CsvError, decodeCsv, parseCsv, type CsvRecord } from './import/csv.js';
export { importerByEmail } from './import/importer.js';
export {
  claimUpload,
  closeAsRecorded,
  finishUpload,
  heldUpload,
  holdUpload,
  linksByKeys,
  type HeldUpload,
} from './import/queries.js';
export { linkKey } from './import/rows.js';
export { UploadedFile, readImportForm } from './import/upload.js';
