// SPDX-License-Identifier: UNLICENSED
import { buildCsr } from '../../../app/csr/buildCsr';
import { validateCsrConfig, type CsrConfig } from '../../../app/csr/csrConfig';
import { encodeSec1PrivateKeyPem } from '../../../app/keys/privateKey';
import { randomPrivateKey } from '../../../app/crypto/ecdsa';
import { writeFileAtomic } from '../../fs/writeFileAtomic';
import type { Command } from '../command';
import { parseArgs, requireFlag } from '../parseArgs';
import { readJsonFile } from '../readInputs';

export const csrCommand: Command = {
  name: 'csr',
  summary: 'generate a secp256k1 key pair and a ZATCA CSR (reference §8)',
  usage: `Usage: dukkan csr --config csr.json --key-out KEY.pem --csr-out CSR.pem

  --config   CSR fields as JSON (README "CSR config"): commonName, serialNumber ("1-…|2-…|3-…"),
             organizationIdentifier (VAT), organizationUnitName, organizationName, countryName ("SA"),
             invoiceType ("0100" or "1100"), locationAddress, industryBusinessCategory,
             environment (production | simulation | developer-portal | local-simulator)
  --key-out  where to write the new private key (PEM, mode 0600). The app itself never writes keys to disk:
             it keeps them in the OS keychain; this command is for integrators and tests.
  --csr-out  where to write the CSR (PEM). Also prints the base64 form the /compliance API takes.`,
  async run(argv, io) {
    const args = parseArgs(argv, ['config', 'key-out', 'csr-out']);
    const config = readJsonFile(requireFlag(args, 'config'), 'config') as Partial<CsrConfig>;
    const keyOut = requireFlag(args, 'key-out');
    const csrOut = requireFlag(args, 'csr-out');
    const issues = validateCsrConfig(config);
    if (issues.length > 0) {
      io.stderr(`invalid CSR config:\n${issues.map((i) => `  ${i.field}: ${i.message} (${i.rule})`).join('\n')}\n`);
      return 1;
    }
    const key = randomPrivateKey();
    const csr = buildCsr(config as CsrConfig, key);
    writeFileAtomic(keyOut, encodeSec1PrivateKeyPem(key), 0o600);
    writeFileAtomic(csrOut, csr.pem);
    io.stdout(`${csr.apiBase64}\n`);
    return 0;
  },
};
