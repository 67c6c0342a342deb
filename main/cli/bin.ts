#!/usr/bin/env node
import { startCompileCache } from './compile-cache.ts';

// Before the CLI's modules are imported, so that they come from the compile cache.
startCompileCache();
await import('./main.ts');
