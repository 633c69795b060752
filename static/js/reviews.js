// Annual review status page: poll the small JSON status endpoint and show progress as it
// changes; reload the page once the build has finished (it then shows the report or the reason
// it failed). Without this script the page still works: it has a "Refresh this page" link.
const box = document.querySelector("[data-review-status-url]");

if (box) {
  const url = box.dataset.reviewStatusUrl;
  const bar = box.querySelector("progress");
  const message = box.querySelector("[data-review-message]");
  box.querySelectorAll("[data-review-js-only]").forEach((element) => { element.hidden = false; });

  let failures = 0;
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const data = await response.json();
      failures = 0;
      if (data.finished) {
        window.location.reload();
        return;
      }
      if (bar) { bar.value = data.progress; bar.textContent = `${data.progress}%`; }
      if (message && data.message) message.textContent = data.message;
    } catch (error) {
      failures += 1;
      if (failures >= 5) return; // give up quietly; the "Refresh this page" link still works
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 1000);
}
