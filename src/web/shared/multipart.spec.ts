import { fileText, readMultipart } from './multipart.js';

describe('console uploads', () => {
  const latin1 = Buffer.from('code;titre\nUC-1;Prévision des ventes à J+7\n', 'latin1');

  it('reads a UTF-8 file as UTF-8, and a Windows-1252 one (a French spreadsheet export) as such', () => {
    expect(fileText(new Uint8Array(Buffer.from('Prévision €', 'utf8')))).toBe('Prévision €');
    expect(fileText(new Uint8Array(latin1))).toBe('code;titre\nUC-1;Prévision des ventes à J+7\n');
    // 0x80 and 0x9C: what Node's own 'windows-1252' decoder gets wrong.
    expect(fileText(new Uint8Array(Buffer.from([0x80, 0x20, 0x9c, 0x75, 0x76, 0x72, 0x65])))).toBe('€ œuvre');
  });

  it('gives an uploaded Latin-1 file its accents back, where it used to get U+FFFD', async () => {
    const boundary = 'xYzBoundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\njeton\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="diag.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      latin1,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const form = await readMultipart(body, `multipart/form-data; boundary=${boundary}`);
    expect(form._csrf).toBe('jeton');
    expect(form.fichier).toContain('Prévision des ventes à J+7');
    expect(form.fichier).not.toContain('\uFFFD');
  });
});
