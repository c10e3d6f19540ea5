import createError from 'http-errors';
import multer from 'multer';
import type { Options } from 'multer';
import request from 'supertest';
import { CATALOGS, UnsupportedMediaType } from '../../../../src';
import { MAX_NAME_LENGTH } from '../../../../src/problem/interop/fields';
import { guarded } from '../../../helpers/middleware';

const en = CATALOGS.en.phrases;
const memory = (limits: Options['limits'] = {}, extra: Options = {}): multer.Multer => multer({ storage: multer.memoryStorage(), limits, ...extra });
const BOUNDARY = 'XyZboundary';

/** A multipart request with a body written by hand, for what a form library will not send. */
function raw(app: Parameters<typeof request>[0], body: string): request.Test {
  return request(app).post('/it').set('Content-Type', `multipart/form-data; boundary=${BOUNDARY}`).send(body);
}

describe('interop: multer', () => {
  it.each<[string, multer.Multer, (test: request.Test) => request.Test, 'single' | 'array' | 'none', number, string]>([
    ['LIMIT_FILE_SIZE', memory({ fileSize: 4 }), (t) => t.attach('avatar', Buffer.from('0123456789'), 'a.png'), 'single', 413, 'The file in the field "avatar" is larger than the server accepts.'],
    ['LIMIT_FILE_COUNT', memory({ files: 1 }), (t) => t.attach('avatar', Buffer.from('1'), 'a.png').attach('avatar', Buffer.from('2'), 'b.png'), 'array', 413, en.multerTooManyFiles],
    ['LIMIT_FIELD_VALUE', memory({ fieldSize: 3 }), (t) => t.field('note', 'much too long'), 'none', 413, 'The value of the field "note" is longer than the server accepts.'],
    ['LIMIT_FIELD_COUNT', memory({ fields: 1 }), (t) => t.field('a', '1').field('b', '2'), 'none', 413, en.multerTooManyFields],
    ['LIMIT_PART_COUNT', memory({ parts: 1 }), (t) => t.field('a', '1').field('b', '2'), 'none', 413, en.multerTooManyParts],
    ['LIMIT_FIELD_KEY', memory({ fieldNameSize: 3 }), (t) => t.field('longname', '1'), 'none', 413, en.multerFieldNameTooLong],
    ['LIMIT_UNEXPECTED_FILE', memory(), (t) => t.attach('document', Buffer.from('1'), 'a.pdf'), 'single', 400, 'The field "document" does not take a file here.'],
  ])('answers %s with %s and a localised detail', async (_code, upload, send, kind, status, detail) => {
    const middleware = kind === 'single' ? upload.single('avatar') : kind === 'array' ? upload.array('avatar') : upload.none();
    const res = await send(request(guarded([middleware])).post('/it'));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ status, detail });
  });

  it('answers MISSING_FIELD_NAME with 400', async () => {
    const body = `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`;
    const res = await raw(guarded([memory().none()]), body);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(en.multerMissingFieldName);
  });

  it('cuts a long file field name and never echoes the file name', async () => {
    const field = 'f'.repeat(500);
    const res = await request(guarded([memory().single('avatar')]))
      .post('/it')
      .attach(field, Buffer.from('1'), 'secret-name.png')
      .set('Accept-Language', 'ko');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(CATALOGS.ko.phrases.multerUnexpectedFile.replace('{field}', `${field.slice(0, MAX_NAME_LENGTH - 1)}…`));
    expect(res.text).not.toContain('secret-name');
  });

  it.each([
    ['an HttpError', new UnsupportedMediaType('Only PNG images'), 415, 'Only PNG images'],
    ['an http-errors error', createError(415, 'Only PNG images'), 415, 'Only PNG images'],
  ])('keeps the status of %s a fileFilter passes to its callback', async (_name, error, status, detail) => {
    const upload = memory({}, { fileFilter: (_req, _file, callback) => callback(error) });
    const res = await request(guarded([upload.single('avatar')])).post('/it').attach('avatar', Buffer.from('1'), 'a.gif');
    expect(res.status).toBe(status);
    expect(res.body.detail).toBe(detail);
  });

  it('lets a form within the limits through', async () => {
    const res = await request(guarded([memory({ fileSize: 100 }).single('avatar')])).post('/it').attach('avatar', Buffer.from('ok'), 'a.png');
    expect(res.status).toBe(200);
  });
});

describe('interop: busboy through multer', () => {
  it.each([
    ['a form cut short', `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue`],
    ['a malformed part header', `--${BOUNDARY}\r\n${'X'.repeat(20)}\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`.replace('XXXX', ': \u0000')],
  ])('answers %s with 400 and a localised detail', async (_case, body) => {
    const res = await raw(guarded([memory().none()]), body).set('Accept-Language', 'de');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(CATALOGS.de.phrases.multerMalformedForm);
  });

  it('answers a multipart request without a boundary with 400', async () => {
    const res = await request(guarded([memory().none()])).post('/it').set('Content-Type', 'multipart/form-data').send('x');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(en.multerMalformedForm);
  });
});
