/*
 * Keeps what a volunteer types. Every form marked data-keep="key" is saved in the browser (localStorage) as it is
 * typed, and filled in again when the page comes back: after an expired session and a new login, after a crash of
 * the browser. The copy is forgotten once the server confirms the form was recorded (an element data-forget="key").
 * Passwords, files and security tokens are never saved.
 */
(function () {
    "use strict";
    var PREFIX = "lanterne.form.";
    var english = (document.documentElement.lang || "fr").indexOf("en") === 0;
    var RESTORED = english ? "What you had typed was kept: check it and send it again."
        : "Ce que vous aviez saisi a été gardé : vérifiez-le et envoyez-le à nouveau.";

    function storage() {
        try {
            return window.localStorage;
        } catch (e) {
            return null;
        }
    }

    function kept(field) {
        return field.name && field.name !== "_csrf" && field.type !== "password" && field.type !== "file"
            && field.type !== "hidden" && field.type !== "submit" && field.type !== "button";
    }

    function save(form, store) {
        var values = {};
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!kept(field)) {
                return;
            }
            if (field.type === "checkbox" || field.type === "radio") {
                values[field.name + "=" + field.value] = field.checked;
            } else if (field.tagName === "SELECT" && field.multiple) {
                values[field.name] = Array.prototype.filter.call(field.options, function (o) {
                    return o.selected;
                }).map(function (o) {
                    return o.value;
                });
            } else {
                values[field.name] = field.value;
            }
        });
        store.setItem(PREFIX + form.getAttribute("data-keep"), JSON.stringify(values));
    }

    function restore(form, store) {
        var saved = store.getItem(PREFIX + form.getAttribute("data-keep"));
        if (!saved) {
            return;
        }
        var values;
        try {
            values = JSON.parse(saved);
        } catch (e) {
            return;
        }
        var changed = false;
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!kept(field)) {
                return;
            }
            if (field.type === "checkbox" || field.type === "radio") {
                var key = field.name + "=" + field.value;
                if (key in values && field.checked !== values[key]) {
                    field.checked = values[key];
                    changed = true;
                }
            } else if (field.tagName === "SELECT" && field.multiple && Array.isArray(values[field.name])) {
                Array.prototype.forEach.call(field.options, function (o) {
                    o.selected = values[field.name].indexOf(o.value) >= 0;
                });
                changed = true;
            } else if (field.name in values && !field.value && values[field.name]) {
                // What the server shows (a value typed before an error) wins over the saved copy.
                field.value = values[field.name];
                changed = true;
            }
        });
        if (changed) {
            var note = document.createElement("p");
            note.className = "restored";
            note.setAttribute("role", "status");
            note.textContent = RESTORED;
            form.insertBefore(note, form.firstChild);
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var store = storage();
        if (!store) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll("[data-forget]"), function (element) {
            store.removeItem(PREFIX + element.getAttribute("data-forget"));
        });
        Array.prototype.forEach.call(document.querySelectorAll("form[data-keep]"), function (form) {
            restore(form, store);
            form.addEventListener("input", function () {
                save(form, store);
            });
            form.addEventListener("change", function () {
                save(form, store);
            });
        });
        // A form sent once is not sent twice by a double click. The server does not rely on it (a launch token
        // launches once); this spares a second wait and a confusing page.
        Array.prototype.forEach.call(document.querySelectorAll("form[data-once]"), function (form) {
            form.addEventListener("submit", function (event) {
                if (form.getAttribute("data-sending") === "true") {
                    event.preventDefault();
                    return;
                }
                form.setAttribute("data-sending", "true");
                var submitter = event.submitter;
                // After the browser has read the form: a disabled button would not send its name and value.
                window.setTimeout(function () {
                    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
                        button.disabled = true;
                        button.classList.add("sending");
                    });
                    if (submitter && submitter.getAttribute("data-sending-label")) {
                        submitter.textContent = submitter.getAttribute("data-sending-label");
                    }
                }, 0);
            });
        });
    });

    // A filter that applies itself once chosen (its button shows without JavaScript). No onchange attribute: the
    // Content-Security-Policy runs no script written in a page.
    Array.prototype.forEach.call(document.querySelectorAll("select[data-submit-on-change]"), function (select) {
        select.addEventListener("change", function () {
            select.form.submit();
        });
    });

    // Back on a page from the browser's cache: its buttons work again.
    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) {
            return;
        }
        Array.prototype.forEach.call(document.querySelectorAll("form[data-once]"), function (form) {
            form.removeAttribute("data-sending");
            Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
                button.disabled = false;
                button.classList.remove("sending");
            });
        });
    });
})();
