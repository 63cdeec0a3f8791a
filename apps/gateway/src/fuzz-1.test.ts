import { fuzzShard } from './testing-only/fuzz-suite.js';

// Shard 1 of the OpenAPI-driven fuzz suite (testing-only/fuzz-suite.ts).
fuzzShard(1);
