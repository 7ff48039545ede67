// A running campaign's page asks for its counts every two seconds and shows them, without reloading; once the job
// has stopped, the page is reloaded to show the requests created and the targets left out. Without JavaScript the
// page shows the counts it was rendered with, and a link to refresh it.
(function () {
    'use strict';

    var section = document.querySelector('[data-progress-url]');
    if (!section || section.dataset.running !== 'true') {
        return;
    }
    var url = section.dataset.progressUrl;
    var language = document.documentElement.lang || 'fr';
    var bar = section.querySelector('progress');
    var state = section.querySelector('[data-field=stateLabel]');
    var offline = section.querySelector('[data-field=offline]');

    function show(progress) {
        section.querySelectorAll('[data-count]').forEach(function (element) {
            var value = progress[element.dataset.count];
            if (typeof value === 'number') {
                element.textContent = value.toLocaleString(language);
            }
        });
        if (bar) {
            bar.max = Math.max(progress.planned, 1);
            bar.value = progress.ready;
            bar.textContent = progress.ready + ' / ' + progress.planned;
        }
        if (state) {
            state.textContent = progress.stateLabel;
        }
    }

    function poll() {
        fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'})
            .then(function (response) {
                var type = response.headers.get('Content-Type') || '';
                // A signed-out session answers with the login page: stop, and say so.
                if (!response.ok || type.indexOf('json') < 0) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.json();
            })
            .then(function (progress) {
                show(progress);
                if (progress.running) {
                    window.setTimeout(poll, 2000);
                } else {
                    window.location.reload();
                }
            })
            .catch(function () {
                if (offline) {
                    offline.hidden = false;
                }
            });
    }

    window.setTimeout(poll, 2000);
})();
