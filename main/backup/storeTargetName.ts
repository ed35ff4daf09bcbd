// SPDX-License-Identifier: UNLICENSED
// How the store server is named among the backup targets (backupStatus.ts keeps every target's outcome by name,
// beside the folders), and how the status screen recognises it to say "store server" in the manager's language.
// A module of its own so the status model reads it without loading the store client.

const STORE_TARGET_PREFIX = 'store server ';

/** The store server at `url` as a backup target's name. */
export const storeTargetName = (url: string): string => `${STORE_TARGET_PREFIX}${url}`;

/** The store server's address when `target` names the store target, else null (a folder). */
export const storeTargetUrl = (target: string): string | null => (target.startsWith(STORE_TARGET_PREFIX) ? target.slice(STORE_TARGET_PREFIX.length) : null);
