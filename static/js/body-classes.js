// Runs first thing in <body>, before anything is painted. GOV.UK Frontend's
// CSS uses these classes to style components that JavaScript enhances.
// It lives in a file (not an inline script) because the Content-Security-
// Policy allows scripts from this site only.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
