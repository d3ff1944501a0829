import sharp from 'sharp'
import { InputError } from '../errors.js'

/** A decoded page image: one grey byte per pixel, row by row. */
export interface GreyImage {
  data: Uint8Array
  width: number
  height: number
}

// An A3 page scanned at 400 dpi is 4677 × 6614 (31 MP); anything larger is not one page, and decoding it
// would take gigabytes before the first line is read.
const MAX_IMAGE_PIXELS = 40_000_000
const MAX_IMAGE_SIDE = 12_000
// Below this a page's body text is a few pixels high and cannot be read.
const MIN_IMAGE_SIDE = 200

const IMAGE_EXTENSIONS = /\.(png|jpe?g|tiff?|webp)$/i

/** True for the image files ingest reads by OCR. */
export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSIONS.test(path)
}

/**
 * Decodes a page image to grey after checking its size from the header, so a 20,000 × 20,000 image is
 * refused before a byte of pixels is decoded. A multi-page TIFF gives its first page.
 */
export async function readGreyImage(file: string | Uint8Array, name: string): Promise<GreyImage> {
  const { width, height } = await readImageSize(file, name)
  if (width * height > MAX_IMAGE_PIXELS || Math.max(width, height) > MAX_IMAGE_SIDE) {
    throw new InputError(
      `${name}: 图片为 ${width} × ${height} 像素，超过一版报纸的上限（${MAX_IMAGE_PIXELS / 1e6} 百万像素）；请以 300 dpi 以下重新扫描或拆分`,
    )
  }
  if (Math.min(width, height) < MIN_IMAGE_SIDE) {
    throw new InputError(`${name}: 图片只有 ${width} × ${height} 像素，太小，无法识别文字`)
  }
  try {
    const { data, info } = await sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate() // a phone photo's EXIF orientation
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true })
    return { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height }
  } catch (err) {
    throw new InputError(`${name}: 图片已损坏，无法解码`, { cause: err })
  }
}

async function readImageSize(file: string | Uint8Array, name: string): Promise<{ width: number; height: number }> {
  try {
    const meta = await sharp(file, { limitInputPixels: false }).metadata()
    if (!meta.width || !meta.height) throw new Error('no dimensions')
    // EXIF orientations 5–8 swap the sides once the image is turned upright.
    return (meta.orientation ?? 1) >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height }
  } catch (err) {
    throw new InputError(`${name}: 无法读取图片（文件损坏或不是 PNG/JPEG/TIFF 图片）`, { cause: err })
  }
}
