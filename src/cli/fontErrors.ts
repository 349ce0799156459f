/** Font files jianding cannot use, reported as usage errors (exit 2) with the file and the problem. */
import { FontFileError, loadFontSet, type PdfFontConfig } from '../render/pdf/fonts.js';
import { UsageError } from './errors.js';

export function fontUsageError(e: FontFileError): UsageError {
  return new UsageError(
    `字体文件无法使用：${e.path}（${e.detail}）。请确认它是完整的 TrueType/OpenType 字体（.ttf、.ttc、.otf）`,
    `Font file cannot be used: ${e.path} (${e.detail}). Check that it is a complete TrueType/OpenType font (.ttf, .ttc, .otf)`,
  );
}

/** Checks an institution's fonts once, before a batch starts: a bad file is one usage error, not one failed case per file. */
export async function checkInstitutionFonts(fonts: PdfFontConfig | undefined): Promise<void> {
  if (!Object.values(fonts ?? {}).some(Boolean)) return;
  try {
    await loadFontSet(fonts);
  } catch (e) {
    throw e instanceof FontFileError ? fontUsageError(e) : e;
  }
}
