// Forms marked data-once are sent once: a second click while the first is under way does nothing. The server
// does not rely on it (a launch token launches once); this spares a second wait and a confusing page.
(function () {
    'use strict';

    document.querySelectorAll('form[data-once]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.dataset.sending === 'true') {
                event.preventDefault();
                return;
            }
            form.dataset.sending = 'true';
            var submitter = event.submitter;
            // After the browser has read the form: a disabled button would not send its name and value.
            window.setTimeout(function () {
                form.querySelectorAll('button[type=submit]').forEach(function (button) {
                    button.disabled = true;
                });
                if (submitter && submitter.dataset.sendingLabel) {
                    submitter.textContent = submitter.dataset.sendingLabel;
                }
            }, 0);
        });
    });

    // Back on the page from the browser's cache: the buttons work again.
    window.addEventListener('pageshow', function (event) {
        if (!event.persisted) {
            return;
        }
        document.querySelectorAll('form[data-once]').forEach(function (form) {
            delete form.dataset.sending;
            form.querySelectorAll('button[type=submit]').forEach(function (button) {
                button.disabled = false;
            });
        });
    });
})();
