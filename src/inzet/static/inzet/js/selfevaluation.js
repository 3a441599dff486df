// Self-evaluation: save each answer as soon as it changes (progressive enhancement).
// Without this file the "Save this part" button saves the whole part.
(() => {
  "use strict";

  const NOTE_DELAY_MS = 800;

  function setup() {
    const form = document.getElementById("part-form");
    if (!form || !("fetch" in window) || !form.hasAttribute("data-autosave")) return;
    const csrfInput = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!csrfInput) return;
    const csrf = csrfInput.value;
    const flushers = [];

    document.querySelectorAll("[data-answer-url]").forEach((item) => {
      const url = item.dataset.answerUrl;
      const status = item.querySelector("[data-autosave-status]");
      const note = item.querySelector("textarea[form='part-form']");
      const initialScore = item.querySelector("input[data-initial='score']");
      const initialNote = item.querySelector("input[data-initial='note']");
      let timer = null;
      let noteDirty = false;
      // One save at a time per statement, so the last change is also the last one saved.
      let queue = Promise.resolve();

      function show(text, isError) {
        if (!status) return;
        status.textContent = text;
        status.classList.toggle("inzet-autosave-status--error", Boolean(isError));
      }

      function send(fields, keepalive) {
        if (keepalive) return post(fields, true); // the page is going away: do not wait
        queue = queue.then(() => post(fields, false));
        return queue;
      }

      function post(fields, keepalive) {
        const body = new URLSearchParams(fields);
        show(form.dataset.msgSaving, false);
        return fetch(url, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          keepalive: Boolean(keepalive),
          headers: { "X-CSRFToken": csrf, Accept: "application/json" },
        })
          .then((response) =>
            response
              .json()
              .catch(() => ({ message: form.dataset.msgError }))
              .then((data) => ({ ok: response.ok, data: data }))
          )
          .then(({ ok, data }) => {
            if (!ok) {
              show(data.message || form.dataset.msgError, true);
              return;
            }
            // What is saved becomes the starting point, so "Save this part" does not send it
            // again and cannot overwrite a colleague's later change.
            if (initialScore && data.score !== null) initialScore.value = String(data.score);
            if (initialNote && "note" in fields) initialNote.value = data.note;
            show(data.message, false);
          })
          .catch(() => show(form.dataset.msgError, true));
      }

      function flushNote(keepalive) {
        if (timer) clearTimeout(timer);
        timer = null;
        if (!note || !noteDirty) return;
        noteDirty = false;
        send({ note: note.value }, keepalive);
      }
      flushers.push(flushNote);

      item.querySelectorAll("input[type=radio][form='part-form']").forEach((radio) => {
        radio.addEventListener("change", () => {
          if (radio.checked) send({ score: radio.value }, false);
        });
      });
      if (note) {
        note.addEventListener("input", () => {
          noteDirty = true;
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => flushNote(false), NOTE_DELAY_MS);
        });
        note.addEventListener("change", () => flushNote(false));
      }
    });

    // Nothing lost when the tab is closed or hidden: send what is still waiting.
    const flushAll = () => flushers.forEach((flush) => flush(true));
    window.addEventListener("pagehide", flushAll);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flushAll();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
