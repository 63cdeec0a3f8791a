export {
  GRAPH_ERROR_CODES,
  type GraphSnapshot,
  type RecordTypeNode,
} from './core/contracts.js';
export {
  diffSnapshots,
  type GraphDiff,
} from './core/diff.js';

export { validateGraph } from './core/validate.js';
export { readGraphSnapshot, validateTenantGraph } from './repo/snapshot.js';
