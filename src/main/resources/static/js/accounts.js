/*
 * Copy buttons of the account pages: a button data-copy="ID" copies the value of the field ID (a calendar address,
 * a password link) and says so for a moment. Without the clipboard API (an address that is not https), the field's
 * text is selected so that the person copies it by hand.
 */
(function () {
    "use strict";

    function copied(button) {
        var label = button.textContent;
        button.textContent = button.getAttribute("data-copied") || label;
        window.setTimeout(function () {
            button.textContent = label;
        }, 2000);
    }

    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
        button.addEventListener("click", function () {
            var field = document.getElementById(button.getAttribute("data-copy"));
            if (!field) {
                return;
            }
            field.focus();
            field.select();
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(function () {
                    copied(button);
                }, function () {
                    field.select();
                });
            } else if (document.execCommand && document.execCommand("copy")) {
                copied(button);
            }
        });
    });
}());
