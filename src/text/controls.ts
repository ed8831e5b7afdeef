/** A text without its C0 control characters (tab, line feed and carriage return included) and DEL. */
// eslint-disable-next-line no-control-regex -- C0 controls and DEL are what is stripped
export const withoutControls = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, '');
