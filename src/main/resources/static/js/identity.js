/*
 * The requester identity form: shows the fields of the kind of requester chosen (natural or legal person) and hides
 * the other's. Without JavaScript both stay visible, and the server keeps only the chosen kind's.
 */
(function () {
    "use strict";
    var radios = document.querySelectorAll("input[name=kind]");
    var sets = document.querySelectorAll("fieldset[data-kind]");
    if (!radios.length || !sets.length) {
        return;
    }
    function chosen() {
        var value = null;
        Array.prototype.forEach.call(radios, function (radio) {
            if (radio.checked) {
                value = radio.value;
            }
        });
        return value;
    }
    function show() {
        var kind = chosen();
        Array.prototype.forEach.call(sets, function (set) {
            set.hidden = kind !== null && set.getAttribute("data-kind") !== kind;
        });
    }
    Array.prototype.forEach.call(radios, function (radio) {
        radio.addEventListener("change", show);
    });
    show();
    // lanterne.js may fill the form in again (what was typed before a new login) once the page is read.
    document.addEventListener("DOMContentLoaded", function () {
        window.setTimeout(show, 0);
    });
}());
