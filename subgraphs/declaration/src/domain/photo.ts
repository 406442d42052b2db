// 个人照片 宽高比例为1:1.75 (width : height, the 吉林 manual's 图片尺寸): checked on the image's real
// pixel size, not on what the client says (issue 8, hole 16).
import { PHOTO_ASPECT_RATIO } from './data/attachments';

/** How far height/width may be from 1.75 (2 %: 200×350 and 295×516 pass, 35×49 mm 1:1.4 does not). */
export const PHOTO_RATIO_TOLERANCE = 0.02;

export interface PixelSize {
  width: number;
  height: number;
}

/** Why the photo's pixel size is refused (a Chinese message), or null when it fits 1:1.75. */
export function photoRatioProblem(size: PixelSize | null): string | null {
  if (!size || !(size.width > 0) || !(size.height > 0))
    return '无法读取照片的尺寸，请上传完整的 JPG 或 PNG 照片';
  const wanted = PHOTO_ASPECT_RATIO.height / PHOTO_ASPECT_RATIO.width;
  const ratio = size.height / size.width;
  if (Math.abs(ratio - wanted) <= wanted * PHOTO_RATIO_TOLERANCE) return null;
  const suggestedHeight = Math.round(size.width * wanted);
  return `照片宽高比例须为1:1.75（当前为 ${size.width}×${size.height} 像素），请裁剪为宽${size.width}、高${suggestedHeight}像素左右后重新上传`;
}
