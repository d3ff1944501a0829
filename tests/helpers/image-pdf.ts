import { PDFDocument } from 'pdf-lib'

/** A one-page PDF holding only an image (a scan: no text layer), sized so a 200 dpi render gives its pixels back. */
export async function imageOnlyPdf(png: Uint8Array, width: number, height: number): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const [w, h] = [(width * 72) / 200, (height * 72) / 200]
  const page = doc.addPage([w, h])
  page.drawImage(await doc.embedPng(png), { x: 0, y: 0, width: w, height: h })
  return Buffer.from(await doc.save())
}
