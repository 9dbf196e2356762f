/**
 * Danish/English messages of the kronikerpakker SDK: the catalogue,
 * {@link formatMessage} and the number and date helpers.
 *
 * @module
 */

export { defineCatalogue } from './catalogue';
export type {
  Catalogue,
  MessageDefinition,
  MessageRenderer,
  ParamKind,
  ParamKindTypes,
  ParamSpec,
  ParamValues,
} from './catalogue';
export { formatIsoDate, formatNumber } from './format';
export { DEFAULT_LOCALE, LOCALES, isLocale } from './locale';
export type { Locale } from './locale';
export {
  errorMessageCode,
  formatMessage,
  formatMessageInAllLocales,
  formatRecordIssue,
  isMessageCode,
  messageCodes,
  messages,
  recordIssueMessageCode,
} from './messages';
export type { ErrorMessageCode, LocalizedText, MessageCode, MessageParams, RecordIssueMessageCode } from './messages';
export { isRedFlagCategory, redFlagCategoryLabel } from './red-flags';
