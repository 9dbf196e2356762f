/**
 * `@kronikerpakker/cpd/node`: reading the HL7 CDA R2 schemas from a folder,
 * for XSD validation in Node (the main entry uses no Node built-ins, so it
 * also runs in browsers).
 *
 * ```ts
 * import { validateCpd } from '@kronikerpakker/cpd';
 * import { readCdaSchemaDir } from '@kronikerpakker/cpd/node';
 *
 * const report = await validateCpd(xml, { schemas: readCdaSchemaDir('standards/cda-r2') });
 * ```
 *
 * @packageDocumentation
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CdaSchemaSet } from './validate';

/** The main schema of the CDA R2 SDTC set, relative to the `cda-r2` folder. */
export const CDA_SDTC_MAIN = 'extensions/SDTC/infrastructure/cda/CDA_SDTC.xsd';

/**
 * Reads every `.xsd` file below a folder (in name order) into a schema set
 * for `validateCpd`, with paths relative to the folder so the schemas'
 * includes resolve.
 *
 * @param dir - the `cda-r2` folder of the HL7 CDA R2 schemas
 * @param main - the main schema inside it; default {@link CDA_SDTC_MAIN}
 * @returns the schema set
 * @throws the file system's error when the folder cannot be read
 */
export function readCdaSchemaDir(dir: string, main: string = CDA_SDTC_MAIN): CdaSchemaSet {
  const files: { fileName: string; contents: string }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xsd')) files.push({ fileName: relative(dir, full).split('\\').join('/'), contents: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return { main, files };
}
