// The XMP metadata of a PDF/A report: the same facts as its /Info dictionary, as PDF/A asks
// (ISO 19005-2, 6.6.3: every /Info entry has its XMP equivalent with the same value).
//
// pdfkit writes this packet itself (MetadataMixin._addInfo) but pastes the title, author and
// subject into the XML as they are, so a provider called "A&B <Cloud>" would make the packet
// ill-formed, and it leaves out xmp:ModifyDate although /Info has ModDate. render.ts therefore
// hands this function to the one pdfkit document it renders (an instance property, nothing global
// is patched); pdfkit appends the pdfaid part (PDF/A identification) before calling it.

/** The /Info values pdfmake gives pdfkit (createMetadata in pdfmake's Printer.js). */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** Text as XML character data: markup characters escaped, characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/\p{Cs}|[\ufffe\uffff]/gu, '')
    .replace(/\p{Cc}/gu, (ch) => ('\t\n\r'.includes(ch) ? ch : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "2026-11-20T00:00:00Z": whole seconds, UTC, as XMP dates are written. */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/**
 * The rdf:Description elements for the document's /Info (Dublin Core, XMP basic, Adobe PDF), with
 * dc:language from the report's language (BCP 47, as /Lang).
 */
export function xmpDescriptions(info: PdfInfo, language?: string): string {
  const parts: string[] = [];
  const basic: string[] = [];
  if (info.CreationDate) basic.push(`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`);
  if (info.ModDate) basic.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`);
  if (info.Creator) basic.push(`<xmp:CreatorTool>${xmlText(info.Creator)}</xmp:CreatorTool>`);
  if (basic.length > 0) {
    parts.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${basic.join('')}</rdf:Description>`);
  }
  const dc: string[] = [];
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xmlText(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (language) dc.push(`<dc:language><rdf:Bag><rdf:li>${xmlText(language)}</rdf:li></rdf:Bag></dc:language>`);
  if (dc.length > 0) parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`);
  const pdf: string[] = [];
  if (info.Producer) pdf.push(`<pdf:Producer>${xmlText(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) pdf.push(`<pdf:Keywords>${xmlText(info.Keywords)}</pdf:Keywords>`);
  if (pdf.length > 0) parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`);
  return parts.join('\n');
}

/** The slice of a pdfkit document this file uses. */
export interface PdfkitMetadataHost {
  info: PdfInfo;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo?: () => void;
}

/** Makes this pdfkit document write its /Info as well-formed, complete XMP (see the top of the file). */
export function useEscapedXmp(kit: PdfkitMetadataHost, language?: string): void {
  kit._addInfo = function addInfo(this: PdfkitMetadataHost) {
    this.appendXML(xmpDescriptions(this.info, language));
  };
}
