import { describeMailStoreConformance } from '../src/testing/index.js';
import { openTempStore } from './helpers.js';

// STYLE 17: the embedded backend passes the same suite as every other backend will.
describeMailStoreConformance('SQLite', openTempStore);
