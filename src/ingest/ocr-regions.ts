/** A text line found by the detector, in the pixel coordinates of the map it was found in. */
export interface Region {
  x: number
  y: number
  width: number
  height: number
  /** Mean text probability over the region's pixels. */
  score: number
}

// PaddleOCR's DB post-processing defaults (det_db_thresh, det_db_box_thresh, det_db_unclip_ratio).
const PIXEL_THRESHOLD = 0.3
const BOX_THRESHOLD = 0.6
const UNCLIP_RATIO = 1.5
// Blobs thinner than this are specks or rules, not text (PaddleOCR's min_size).
const MIN_SIDE = 3

/**
 * Text lines in a detector probability map (DB: each line is a blob shrunk inside its glyphs):
 * connected pixels above the threshold, kept when their mean probability is high enough, then grown
 * back by the unclip distance. Axis-aligned boxes: page scans are upright, and a skew of a degree or
 * two still leaves each line's box on that line.
 */
export function findRegions(prob: Float32Array, width: number, height: number): Region[] {
  const seen = new Uint8Array(width * height)
  const stack = new Int32Array(width * height)
  const regions: Region[] = []
  const push = (q: number, top: number): number => {
    if (seen[q] || prob[q]! <= PIXEL_THRESHOLD) return top
    seen[q] = 1
    stack[top] = q
    return top + 1
  }
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || prob[start]! <= PIXEL_THRESHOLD) continue
    let top = 0
    stack[top++] = start
    seen[start] = 1
    let minX = width
    let maxX = 0
    let minY = height
    let maxY = 0
    let sum = 0
    let count = 0
    while (top > 0) {
      const p = stack[--top]!
      const x = p % width
      const y = (p - x) / width
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
      sum += prob[p]!
      count++
      if (x > 0) top = push(p - 1, top)
      if (x < width - 1) top = push(p + 1, top)
      if (y > 0) top = push(p - width, top)
      if (y < height - 1) top = push(p + width, top)
    }
    const region = unclip(minX, minY, maxX - minX + 1, maxY - minY + 1, sum / count, width, height)
    if (region) regions.push(region)
  }
  return regions
}

/** The blob's box grown by the DB unclip distance (area × ratio / perimeter), clipped to the map. */
function unclip(x: number, y: number, w: number, h: number, score: number, width: number, height: number): Region | null {
  if (Math.min(w, h) < MIN_SIDE || score < BOX_THRESHOLD) return null
  const d = (w * h * UNCLIP_RATIO) / (2 * (w + h))
  const x0 = Math.max(0, Math.floor(x - d))
  const y0 = Math.max(0, Math.floor(y - d))
  const x1 = Math.min(width, Math.ceil(x + w + d))
  const y1 = Math.min(height, Math.ceil(y + h + d))
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, score }
}

// A pixel darker than this is ink (0 black, 255 white paper).
const INK = 128
// The detector joins lines of neighbouring columns across a gap of about one character; blank runs at
// least this many text heights wide are column gaps (》； or a full-width comma leave up to about 1).
const COLUMN_GAP = 1.2

/** A part of a detected line: the region to read, and the box its ink fills (what the layout sees). */
export interface LinePart {
  region: Region
  ink: { x: number; y: number; width: number; height: number }
  /** Blank runs inside the part wide enough to be a printed space (page x of their middle). */
  spaces: number[]
}

// A blank this many text heights wide inside a line is a printed space (记者 鲁慧): characters of a line
// stand about 0.1 apart, a space leaves 0.4–0.6 (the punctuation's own blank is dropped by the segmenter).
const SPACE_GAP = 0.35
const MIN_PART_WIDTH = 0.5

/**
 * The region cut at blank vertical runs wider than a column gap: the detector reads "line of column 1 ·
 * gap · line of column 2" as one line, the layout needs them apart. Each part's ink box gives the type
 * size, as a PDF text layer's font size does (the detector's box adds margins).
 */
export function splitAtGaps(image: { data: Uint8Array; width: number }, r: Region): LinePart[] {
  const inkColumns = new Uint8Array(r.width)
  let top = -1
  let bottom = -1
  for (let y = r.y; y < r.y + r.height; y++) {
    let rowInk = false
    const row = y * image.width + r.x
    for (let x = 0; x < r.width; x++) {
      if (image.data[row + x]! < INK) {
        inkColumns[x] = 1
        rowInk = true
      }
    }
    if (rowInk) {
      if (top < 0) top = y
      bottom = y + 1
    }
  }
  if (top < 0) return []
  const inkHeight = bottom - top
  const minGap = Math.max(4, COLUMN_GAP * inkHeight)
  const pad = Math.round(inkHeight * 0.2)
  const parts: LinePart[] = []
  let start = -1
  let lastInk = -1
  let spaces: number[] = []
  for (let x = 0; x <= r.width; x++) {
    const ink = x < r.width && inkColumns[x] === 1
    if (ink && start < 0) start = x
    else if (ink && x - lastInk > SPACE_GAP * inkHeight) spaces.push(r.x + Math.round((lastInk + x) / 2))
    if (start >= 0 && (x === r.width || (!ink && x - lastInk > minGap))) {
      const x0 = Math.max(0, start - pad)
      const x1 = Math.min(r.width, lastInk + 1 + pad)
      // Narrower than half a character: a sliver of a glyph or a rule the detector caught on its own.
      if (lastInk + 1 - start >= MIN_PART_WIDTH * inkHeight) parts.push({
        region: { ...r, x: r.x + x0, width: x1 - x0 },
        ink: { x: r.x + start, y: top, width: lastInk + 1 - start, height: inkHeight },
        spaces,
      })
      start = -1
      spaces = []
    }
    if (ink) lastInk = x
  }
  return parts
}
