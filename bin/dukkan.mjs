#!/usr/bin/env node
// SPDX-License-Identifier: UNLICENSED
// `dukkan` launcher: runs the TypeScript CLI through tsx's loader so the command works straight from a checkout.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

register();
process.env.DUKKAN_CLI_MAIN = '1';
await import(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main', 'cli', 'index.ts'));
