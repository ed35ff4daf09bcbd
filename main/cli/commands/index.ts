// SPDX-License-Identifier: UNLICENSED
// Every `dukkan` sub-command: its name and help line here, its code loaded only when it runs, so `dukkan help`
// starts without the engine, the ledger or the XSD validator (BENCHMARKS.md, "Command line"). Add a command by
// writing commands/<name>.ts and listing it here; test/cli/commandList.test.ts checks each line against its module.
import type { CommandEntry } from '../command';

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'sign',
    summary: 'build and stamp a document from JSON into signed UBL XML',
    load: async () => (await import('./sign')).signCommand,
  },
  {
    name: 'verify',
    summary: 'check ZATCA XML documents: hash, signature, certificate, QR, XSD and business rules',
    load: async () => (await import('./verify')).verifyCommand,
  },
  { name: 'hash', summary: "print a document's invoice hash (reference §1)", load: async () => (await import('./hash')).hashCommand },
  { name: 'qr', summary: "decode a document's QR code into its TLV tags (JSON)", load: async () => (await import('./qr')).qrCommand },
  {
    name: 'csr',
    summary: 'generate a secp256k1 key pair and a ZATCA CSR (reference §8)',
    load: async () => (await import('./csr')).csrCommand,
  },
  {
    name: 'issue',
    summary: 'issue documents into a device ledger (the same path as the counter)',
    load: async () => (await import('./issue')).issueCommand,
  },
  {
    name: 'audit',
    summary: 're-verify every stored document and the hash chain of a ledger',
    load: async () => (await import('./audit')).auditCommand,
  },
  {
    name: 'anchor',
    summary: 'compare a ledger with its anchor in the OS keychain; close a chain whose documents are lost',
    load: async () => (await import('./anchor')).anchorCommand,
  },
  {
    name: 'backup',
    summary: 'back up a ledger, encrypted and verified, into one or more folders (USB drive, network share)',
    load: async () => (await import('./backup')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'restore a ledger from backups: verify, decrypt, audit, explain, then put it in place',
    load: async () => (await import('./restore')).restoreCommand,
  },
  {
    name: 'onboard',
    summary: 'onboard this terminal with Fatoora (OTP → compliance → production CSID), renew or rotate its key',
    load: async () => (await import('./onboard')).onboardCommand,
  },
  {
    name: 'status',
    summary: 'show the terminal: environment, onboarding step, certificate expiry, chain head, reporting queue',
    load: async () => (await import('./status')).statusCommand,
  },
  {
    name: 'fatoora-sim',
    summary: 'Run a local Fatoora (ZATCA) simulator for development, tests and training',
    load: async () => (await import('./fatooraSim')).fatooraSimCommand,
  },
  {
    name: 'store-server',
    summary: 'Run the store server that tills enrol with, push to and pull master data from',
    load: async () => (await import('./storeServer')).storeServerCommand,
  },
];
