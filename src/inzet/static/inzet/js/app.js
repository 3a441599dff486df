// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // After a failed submit, move focus to the error summary so screen readers announce it.
  const summary = document.getElementById("error-summary-title");
  if (summary) summary.focus();
});

// A print button only where printing from the page can work (it is hidden without JavaScript).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-inzet-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
});
