// The directory import page. Sending a file: the upload's progress (XMLHttpRequest's upload events), then the
// import's, polled from its status endpoint (lines read out of the file's lines), then the import's page with its
// report. An import's page that was rendered while it ran polls the same way and reloads when it ends. Without
// JavaScript, the form posts and the import's page has a link to refresh it.
(function () {
    'use strict';

    var language = document.documentElement.lang || 'fr';

    function number(value) {
        return Number(value).toLocaleString(language);
    }

    function format(pattern, values) {
        return pattern.replace(/\{(\d+)\}/g, function (match, index) {
            return values[Number(index)];
        });
    }

    /** Polls an import's status until it ends, showing its lines; then calls done. */
    function follow(statusUrl, patterns, bar, lines, done, failed) {
        function poll() {
            fetch(statusUrl, {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'})
                .then(function (response) {
                    var type = response.headers.get('Content-Type') || '';
                    if (!response.ok || type.indexOf('json') < 0) {
                        throw new Error('HTTP ' + response.status);
                    }
                    return response.json();
                })
                .then(function (status) {
                    if (status.stage === 'writing') {
                        bar.value = 100;
                        lines.textContent = patterns.writing;
                    } else if (status.totalLines > 0) {
                        bar.max = status.totalLines;
                        bar.value = status.lines;
                        lines.textContent = format(patterns.lines, [number(status.lines), number(status.totalLines)]);
                    }
                    if (status.state === 'RUNNING') {
                        window.setTimeout(poll, 700);
                    } else {
                        done();
                    }
                })
                .catch(failed);
        }
        poll();
    }

    var run = document.getElementById('import-run');
    if (run) {
        follow(run.dataset.statusUrl, {lines: run.dataset.lines, writing: run.dataset.writing},
            run.querySelector('progress'), run.querySelector('[data-field=lines]'),
            function () { window.location.reload(); }, function () { });
        return;
    }

    var form = document.getElementById('directory-form');
    var panel = document.getElementById('directory-progress');
    if (!form || !panel || !window.XMLHttpRequest || !window.FormData) {
        return;
    }
    var input = form.querySelector('input[type=file]');
    var uploadBar = document.getElementById('upload-progress');
    var uploadText = panel.querySelector('[data-field=upload]');
    var importBar = document.getElementById('import-progress');
    var linesText = panel.querySelector('[data-field=lines]');
    var message = panel.querySelector('[data-field=message]');
    var button = form.querySelector('button[type=submit]');

    function stop(text) {
        message.textContent = text;
        message.classList.add('field-error');
        button.disabled = false;
    }

    form.addEventListener('submit', function (event) {
        var file = input.files && input.files[0];
        // No file: the server says so, next to the form.
        if (!file) {
            return;
        }
        event.preventDefault();
        if (file.size > Number(form.dataset.maxBytes)) {
            panel.hidden = false;
            stop(form.dataset.tooLarge);
            return;
        }
        button.disabled = true;
        panel.hidden = false;
        message.textContent = '';
        message.classList.remove('field-error');
        uploadBar.value = 0;
        importBar.value = 0;
        linesText.textContent = '';

        var request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.setRequestHeader('Accept', 'application/json');
        request.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable) {
                uploadBar.max = e.total;
                uploadBar.value = e.loaded;
                uploadText.textContent = Math.round(100 * e.loaded / e.total) + ' %';
            }
        });
        request.upload.addEventListener('load', function () {
            uploadBar.value = uploadBar.max;
            uploadText.textContent = '100 %';
            message.textContent = form.dataset.waiting;
        });
        request.addEventListener('load', function () {
            var answer = null;
            try {
                answer = JSON.parse(request.responseText);
            } catch (ignored) {
                answer = null;
            }
            if (request.status === 202 && answer && answer.status) {
                message.textContent = '';
                follow(answer.status, {lines: form.dataset.lines, writing: form.dataset.writing}, importBar,
                    linesText, function () { window.location.assign(answer.page); },
                    function () { window.location.assign(answer.page); });
            } else if (request.status === 413) {
                stop(form.dataset.tooLarge);
            } else {
                stop(answer && answer.message ? answer.message : form.dataset.failed);
            }
        });
        request.addEventListener('error', function () {
            stop(form.dataset.failed);
        });
        request.send(new FormData(form));
    });
})();
