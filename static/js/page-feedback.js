/*
 * "Was this page useful?": sends the answer without leaving the page and
 * announces the thanks in the form's live region. Without this script the
 * form posts as usual and the visitor gets the thank-you page. Nothing is
 * stored in the browser.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-page-feedback]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var section = form.closest(".page-feedback");
  var status = section.querySelector(".page-feedback__status");
  var sending = false;

  function say(text) {
    status.textContent = text;
  }

  // Post the way the form would without this script: the thank-you page.
  function submitPlainly(answer) {
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "useful";
    field.value = answer;
    form.appendChild(field);
    HTMLFormElement.prototype.submit.call(form);
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || button.name !== "useful") {
      return;
    }
    event.preventDefault();
    if (sending) {
      return;
    }
    sending = true;
    var data = new FormData(form);
    data.append("useful", button.value);
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          return { ok: response.ok, answer: answer };
        });
      })
      .then(function (result) {
        sending = false;
        var text = result.answer.message || "";
        if (result.answer.note) {
          text += " " + result.answer.note;
        }
        say(text);
        if (result.ok) {
          // The buttons go with the form: focus moves to the thanks, where the form was.
          form.hidden = true;
          status.setAttribute("tabindex", "-1");
          status.focus();
        }
      })
      .catch(function () {
        sending = false;
        submitPlainly(button.value);
      });
  });
})();
