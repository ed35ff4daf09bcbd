// SPDX-License-Identifier: UNLICENSED
// The manager page (docs/store-server.md): filled in by the next step; the routes and token exist already.
import type { Storage } from '../db/storage';

export async function renderManagerPage(_storage: Storage, _url: URL, _now: Date): Promise<string> {
  return '<!doctype html><meta charset="utf-8"><title>Dukkan store</title><h1>Dukkan store</h1>';
}
