// On-call request page: refresh the "who is coming" region every 5 seconds without a full
// reload. Progressive enhancement only: without JavaScript the "Refresh" link reloads the page.
document.addEventListener("DOMContentLoaded", () => {
  const region = document.getElementById("oncall-progress");
  if (!region || !region.dataset.oncallProgressUrl) return;
  const url = region.dataset.oncallProgressUrl;
  const liveStatuses = ["open", "full"];
  const INTERVAL_MS = 5000;

  const refresh = async () => {
    try {
      const response = await fetch(url, {
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        cache: "no-store",
      });
      if (response.redirected) return false; // logged out: the "Refresh" link still works
      if (!response.ok) return true; // keep trying; a reload still works
      const html = await response.text();
      const fragment = document.createRange().createContextualFragment(html);
      region.replaceChildren(fragment);
      const status = region.querySelector("#oncall-status");
      return !status || liveStatuses.includes(status.dataset.status);
    } catch (error) {
      return true; // offline for a moment: try again next time
    }
  };

  const tick = async () => {
    if (document.hidden) {
      window.setTimeout(tick, INTERVAL_MS);
      return;
    }
    const keepGoing = await refresh();
    if (keepGoing) window.setTimeout(tick, INTERVAL_MS);
  };
  window.setTimeout(tick, INTERVAL_MS);
});
