/**
 * RFC 8621 §4.1.4: the textBody, htmlBody and attachments lists, computed from the body
 * structure by the algorithm the RFC gives (a direct transcription of its pseudo-code).
 */
export interface StructurePart {
  type: string;
  name: string | null;
  disposition: string | null;
  subParts: StructurePart[] | null;
}

function isInlineMediaType(type: string): boolean {
  return type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/');
}

export function bodyLists<P extends StructurePart>(
  root: P,
): { textBody: P[]; htmlBody: P[]; attachments: P[] } {
  const textBody: P[] = [];
  const htmlBody: P[] = [];
  const attachments: P[] = [];

  function parse(
    parts: P[],
    multipartType: string,
    inAlternative: boolean,
    htmlList: P[] | null,
    textList: P[] | null,
  ) {
    const textLength = textList ? textList.length : -1;
    const htmlLength = htmlList ? htmlList.length : -1;
    parts.forEach((part, i) => {
      const isMultipart = part.type.startsWith('multipart/');
      // RFC 8621 §4.1.4: "inline" when not an attachment, and either the first part or a type that can be shown inline.
      const isInline =
        part.disposition !== 'attachment' &&
        (part.type === 'text/plain' || part.type === 'text/html' || isInlineMediaType(part.type)) &&
        // In multipart/related only the first part is inline; a named text part after the first is an attachment.
        (i === 0 || (multipartType !== 'related' && (isInlineMediaType(part.type) || !part.name)));
      if (isMultipart) {
        const subMultipartType = part.type.split('/')[1] ?? '';
        parse(
          (part.subParts ?? []) as P[],
          subMultipartType,
          inAlternative || subMultipartType === 'alternative',
          htmlList,
          textList,
        );
      } else if (isInline) {
        if (multipartType === 'alternative') {
          if (part.type === 'text/plain') textList?.push(part);
          else if (part.type === 'text/html') htmlList?.push(part);
          else attachments.push(part);
          return;
        } else if (inAlternative) {
          if (part.type === 'text/plain') htmlList = null;
          if (part.type === 'text/html') textList = null;
        }
        textList?.push(part);
        htmlList?.push(part);
        if ((!textList || !htmlList) && isInlineMediaType(part.type)) attachments.push(part);
      } else {
        attachments.push(part);
      }
    });
    if (multipartType === 'alternative' && textList && htmlList) {
      // Found HTML but no text: use the HTML for text, and vice versa.
      if (textLength === textList.length && htmlLength !== htmlList.length) {
        for (let i = htmlLength; i < htmlList.length; i++) textList.push(htmlList[i]!);
      }
      if (htmlLength === htmlList.length && textLength !== textList.length) {
        for (let i = textLength; i < textList.length; i++) htmlList.push(textList[i]!);
      }
    }
  }

  parse([root], 'mixed', false, htmlBody, textBody);
  return { textBody, htmlBody, attachments };
}
