/**
 * `<img src>` in template output: the file is looked up like a template file (the
 * institution's folder first, then the bundled one; nothing outside the folder), read with
 * the image size limit, and must be a PNG or JPEG. Every refusal is a MarkupError naming
 * the tag, which the engine charges to the template that wrote it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from '../io/fileLimits.js';
import { imageInfo } from '../io/imageInfo.js';
import { ReadFileError, readRegularFile } from '../io/readRegularFile.js';
import { TemplateError } from './errors.js';
import { locate } from './folder.js';
import { MarkupError, type LoadImage } from './markup.js';

const READ_PROBLEMS: Record<ReadFileError['problem'], string> = {
  missing: '不存在', directory: '是文件夹', notRegular: '不是普通文件', tooLarge: `超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, unreadable: '无法读取',
};

function located(src: string, overrideDir: string | undefined): string {
  try {
    return locate(src, overrideDir);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new MarkupError(`<img src="${src}">：${e.detail === '找不到模板文件' ? '在模板文件夹中找不到图片文件' : e.detail}`);
  }
}

export function templateImageLoader(overrideDir: string | undefined): LoadImage {
  const cache = new Map<string, ReturnType<LoadImage>>();
  return (src) => {
    const file = located(src, overrideDir);
    const cached = cache.get(file);
    if (cached) return cached;
    let data: Uint8Array;
    try {
      data = readRegularFile(file, MAX_IMAGE_BYTES);
    } catch (e) {
      if (e instanceof ReadFileError) throw new MarkupError(`<img src="${src}">：图片文件${READ_PROBLEMS[e.problem]}`);
      throw e;
    }
    const info = imageInfo(data);
    if (!info) throw new MarkupError(`<img src="${src}">：只能使用 PNG 或 JPEG 图片（JPEG 须为基线或渐进式编码）`);
    if (info.orientation !== 1) throw new MarkupError(`<img src="${src}">：JPEG 图片带有 EXIF 方向标记（${info.orientation}，存储的像素需旋转或翻转才正立），PDF 与各文字处理软件对它的处理不一致：请在图像软件中把图片转正后另存`);
    const loaded = { data, info };
    cache.set(file, loaded);
    return loaded;
  };
}

/** More pictures than this in a template folder is not a letterhead; the rest are not hashed. */
const MAX_FOLDER_IMAGES = 100;

/**
 * The PNG/JPEG files in an institution's folder (relative name → path), in name order: plain
 * files within the image size limit only (a link or an oversized file is never placed either).
 */
export function templateImageFiles(dir: string): Record<string, string> {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(png|jpe?g)$/i.test(n)).sort().slice(0, MAX_FOLDER_IMAGES);
  return Object.fromEntries(names.map((n) => [n.split(path.sep).join('/'), path.join(dir, n)]).filter(([, file]) => {
    const stat = fs.lstatSync(file!);
    return stat.isFile() && stat.size <= MAX_IMAGE_BYTES;
  }));
}
