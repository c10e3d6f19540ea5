/** body-parser and raw-body errors, recognised by their `type` (`entity.parse.failed`, ...). */
import { TCHAR } from '../../core/headers/field';
import { message } from '../../core/message';
import type { Message } from '../../core/message';
import { isErrorRange } from '../../core/status';
import type { PhraseKey } from '../../i18n/locales/types';
import type { InteropReader } from './reader';

// A token (RFC 9110 §5.6.2) of sane length: only such values are echoed in a detail.
const SAFE_PARAM = new RegExp(`^${TCHAR}{1,40}$`);

type BodyParserRule = readonly [status: number, key: PhraseKey | undefined, param?: 'limit' | 'charset' | 'encoding'];

// Their messages are English and sometimes echo the request, so the detail always comes
// from our catalog instead.
const RULES: Readonly<Record<string, BodyParserRule>> = {
  'entity.parse.failed': [400, 'bodyParseFailed'],
  'entity.too.large': [413, 'bodyTooLarge', 'limit'],
  'encoding.unsupported': [415, 'bodyEncodingUnsupported', 'encoding'],
  'charset.unsupported': [415, 'bodyCharsetUnsupported', 'charset'],
  'request.aborted': [400, 'bodyAborted'],
  'request.size.invalid': [400, 'bodySizeInvalid'],
  'parameters.too.many': [413, 'bodyTooManyParameters'],
  'querystring.parse.rangeError': [400, 'bodyTooDeep'],
  // The server's own misuse of the stream: a 500 with nothing but the default description.
  'stream.encoding.set': [500, undefined],
  'stream.not.readable': [500, undefined],
};

/** The 4xx statuses a body parser's errors become: what a route behind one may answer. */
export const BODY_PARSER_STATUSES: readonly number[] = [...new Set(Object.values(RULES).map(([status]) => status))].filter((status) => status < 500).sort();

export const bodyParser: InteropReader<'bodyParser'> = {
  name: 'bodyParser',
  read(source) {
    const type = source.type;
    if (typeof type !== 'string' || !Object.hasOwn(RULES, type)) return undefined;
    // Only an http-errors-shaped error carries these types; a plain `{ type }` is not one.
    if (!isErrorRange(source.status) && !isErrorRange(source.statusCode)) return undefined;
    const [status, key, param] = RULES[type] as BodyParserRule;
    let detail: Message | undefined;
    if (key !== undefined) {
      if (param === undefined) {
        detail = message(key);
      } else {
        const value = source[param];
        // The limit stays a number, for the catalog to pluralise and group in the reader's
        // language; without a value that is safe to show, the status's default description is used.
        if (param === 'limit' ? typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 : typeof value === 'string' && SAFE_PARAM.test(value)) {
          detail = message(key, { [param]: value });
        }
      }
    }
    return { status, expose: status < 500, detail, headers: undefined };
  },
};
