// Small PDFs written by hand for the bad-input tests: Latin text in a standard font, many pages, encryption.

/** A PDF file from its objects (numbered from 1, the first the catalog), with its cross-reference table. */
function assemble(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n'
  const offsets = objects.map((o, i) => {
    const at = body.length
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
    return at
  })
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${body.length}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** One page per string, each printed as lines of Helvetica (ASCII only). */
export function latinPdf(pages: string[], trailerExtra = ''): Buffer {
  const n = pages.length
  // Objects: 1 catalog, 2 pages, 3 font, then per page its page object and its content stream.
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
  pages.forEach((text, i) => {
    const lines = text.split('\n').map((l, k) => `BT /F1 11 Tf 56 ${780 - 16 * k} Td (${l.replace(/[()\\]/g, '')}) Tj ET`).join('\n')
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`)
    objects.push(`<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`)
  })
  return assemble(objects, trailerExtra)
}

/** A PDF with a user password (standard security handler, RC4 40-bit): no reader opens it without one. */
export function encryptedPdf(): Buffer {
  const hex = (c: string) => `<${c.repeat(64)}>`
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O ${hex('a')} /U ${hex('b')} /P -44 >>`
  const pdf = latinPdf(['Secret minutes of the meeting'])
  // The encryption dictionary goes in as an extra object the trailer points to, with the file's ID.
  const text = pdf.toString('latin1')
  const objNo = Number(/\/Size (\d+)/.exec(text)![1])
  const objects = [...text.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj\n/g)].map((m) => m[1]!)
  return assemble([...objects, encrypt], `/Encrypt ${objNo} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] `)
}
