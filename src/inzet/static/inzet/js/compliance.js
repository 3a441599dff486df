// Toolbox questionnaire: show or hide a follow-up question the moment an answer on the same
// page makes it apply (progressive enhancement). Without this file the follow-up questions
// stay hidden and the page asks for them after the next submit.
//
// Each question that depends on an answer on its own page carries data-ask-if: a list of
// clauses that must all hold, {"fact", "op": "in" | "gt" | "filled", "values"}, the same
// conditions the server checks (compliance/facts.py, When). A hidden question has no answer,
// so a follow-up of a hidden question is hidden too. Hidden questions are disabled: they are
// not focusable and not posted. The hidden input "shown_questions" tells the server which
// follow-ups the person saw, so it checks their answers now instead of asking again.
(() => {
  "use strict";

  function setup() {
    const form = document.getElementById("check-step-form");
    if (!form) return;
    const questions = Array.from(form.querySelectorAll("[data-question]"));
    const conditions = new Map();
    questions.forEach((question) => {
      if (!question.dataset.askIf) return;
      try {
        conditions.set(question, JSON.parse(question.dataset.askIf));
      } catch (error) {
        // Leave this question as the server rendered it.
      }
    });
    if (conditions.size === 0) return;

    const shown = document.createElement("input");
    shown.type = "hidden";
    shown.name = "shown_questions";
    form.appendChild(shown);
    // Questions without a condition on this page keep the state the server gave them.
    const fixedVisible = new Set(
      questions.filter((q) => !conditions.has(q) && !q.hidden).map((q) => q.dataset.question),
    );

    function answer(key, visible) {
      if (!visible.has(key)) return null;
      const inputs = Array.from(form.elements).filter((input) => input.name === key);
      if (inputs.length === 0) return null;
      if (inputs[0].type === "radio") {
        const checked = inputs.find((input) => input.checked);
        return checked ? checked.value : null;
      }
      const text = inputs[0].value.trim();
      return text === "" ? null : text;
    }

    function holds(clause, visible) {
      const value = answer(clause.fact, visible);
      if (clause.op === "in") return value !== null && clause.values.includes(value);
      if (clause.op === "filled") return value !== null;
      if (clause.op === "gt") {
        const number = value === null ? 0 : Number(value.replace(",", "."));
        return !Number.isNaN(number) && number > clause.values[0];
      }
      return false;
    }

    function update() {
      // In page order, so a follow-up sees whether the question it depends on is shown.
      const visible = new Set(fixedVisible);
      questions.forEach((question) => {
        const condition = conditions.get(question);
        if (!condition) return;
        const show = condition.every((clause) => holds(clause, visible));
        if (show) visible.add(question.dataset.question);
        if (question.hidden === !show) return;
        question.hidden = !show;
        question.querySelectorAll("input, select, textarea").forEach((input) => {
          input.disabled = !show;
        });
      });
      shown.value = questions
        .filter((q) => conditions.has(q) && !q.hidden)
        .map((q) => q.dataset.question)
        .join(" ");
    }

    form.addEventListener("change", update);
    form.addEventListener("input", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
