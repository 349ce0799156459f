/** Which files in a folder are cases: a batch writing into its own input folder must not read its outputs back. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFilesIn } from '../../src/cli/files.js';
import { tmpDir } from '../support/cli.js';

describe('caseFilesIn', () => {
  it('skips the manifests and register files a previous batch wrote into the same folder', () => {
    const dir = tmpDir('jd-files-');
    for (const f of ['a.yaml', 'b.json', 'c.yml', 'a.manifest.json', 'b.MANIFEST.JSON', 'a.docx', 'a.pdf', 'register.db', 'notes.txt']) {
      fs.writeFileSync(path.join(dir, f), '');
    }
    expect(caseFilesIn([dir]).map((f) => path.basename(f))).toEqual(['a.yaml', 'b.json', 'c.yml']);
  });

  it('a folder of outputs only holds no cases', () => {
    const dir = tmpDir('jd-files-');
    fs.writeFileSync(path.join(dir, 'case.manifest.json'), '{}');
    expect(caseFilesIn([dir])).toEqual([]);
  });
});
