// SPDX-License-Identifier: UNLICENSED
import { readFileSync } from 'node:fs';
import type { Finding } from '../../../app/findings/finding';
import { isCalendarDate } from '../../../app/document/documentInput';
import { verifyDocument } from '../../zatca/verifier';
import { UsageError, type Command } from '../command';
import { optionalFlag, parseArgs } from '../parseArgs';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check ZATCA XML documents: hash, signature, certificate, QR, XSD and business rules',
  usage: `Usage: dukkan verify FILE... [--json] [--at ISO-8601] [--no-xsd]

  --json    one JSON report per file (an array)
  --at      the validator's clock for BR-KSA-04 / BR-KSA-98 (default: now)
  --no-xsd  skip UBL 2.1 XSD validation
Prints a line per problem: FILE: severity RULE message [hint]. Exit 0 when every file is valid (warnings
allowed), 1 when any file has an error, 2 on a usage error.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['at'], ['json', 'no-xsd']);
    if (args.positional.length === 0) throw new UsageError('cli.files-required');
    const at = optionalFlag(args, 'at');
    const now = at === undefined ? new Date() : new Date(at);
    // Date() would read 2026-02-30 as 2026-03-02: a day the calendar does not have is refused instead
    const day = at === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(at)?.[0];
    if (Number.isNaN(now.getTime()) || (day !== undefined && !isCalendarDate(day))) {
      throw new UsageError('cli.at-date');
    }
    const results = args.positional.map((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        const findings: Finding[] = [{ rule: 'IO', severity: 'error', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }];
        return { file, valid: false, findings };
      }
      const report = verifyDocument(bytes, { now, skipXsd: args.flags.has('no-xsd') });
      return {
        file,
        ...report,
        certificate: report.certificate ? { serial: report.certificate.serialDecimal, issuer: report.certificate.issuerName } : undefined,
        qr: undefined,
      };
    });
    if (args.flags.has('json')) {
      io.stdout(
        `${JSON.stringify(
          results.map(({ file, valid, findings, ...rest }) => ({
            file,
            valid,
            findings,
            ...('invoiceHash' in rest ? { invoiceHash: rest.invoiceHash, skipped: rest.skipped } : {}),
          })),
          null,
          2,
        )}\n`,
      );
    } else {
      for (const r of results) {
        if (r.findings.length === 0) io.stdout(`${r.file}: valid\n`);
        for (const f of r.findings) io.stdout(`${r.file}: ${f.severity} ${f.rule} ${f.message}${f.hint ? ` [likely cause: ${f.hint}]` : ''}\n`);
        if (r.findings.length > 0 && r.valid) io.stdout(`${r.file}: valid (with warnings)\n`);
      }
    }
    return results.every((r) => r.valid) ? 0 : 1;
  },
};
