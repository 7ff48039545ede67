// The redaction editor of a document page (issue 15): the pages as images with what is proposed and what is drawn,
// each proposal accepted or rejected (or all at once), boxes drawn with the mouse or a finger (pointer events),
// words picked from the text layer, rules saved, the redacted version published. Boxes are in PDF points from the
// top-left corner of the page; they are placed on the images in percentages, so they follow any width (390 px too).
(function () {
    'use strict';

    var section = document.getElementById('redaction');
    if (!section) {
        return;
    }
    var base = section.dataset.base;
    var statusLine = section.querySelector('[data-field=status]');
    var list = section.querySelector('[data-field=list]');
    var pagesBox = section.querySelector('[data-field=pages]');
    var counts = section.querySelector('[data-field=counts]');
    var ruleForm = section.querySelector('[data-form=rule]');
    var occultWords = section.querySelector('[data-action=occult-words]');
    var csrfInput = ruleForm.querySelector('input[name=_csrf]');
    var labels = {};
    section.querySelectorAll('[data-field=labels] [data-key]').forEach(function (item) {
        labels[item.dataset.key] = item.textContent;
    });
    var sheet = null;
    var mode = 'draw';
    var wordsLoaded = false;
    var picked = [];
    var views = [];

    function label(key, values) {
        var text = labels[key] || key;
        (values || []).forEach(function (value, i) {
            text = text.replace('{' + i + '}', value);
        });
        return text;
    }

    function say(text, failed) {
        statusLine.hidden = !text;
        statusLine.textContent = text || '';
        statusLine.classList.toggle('warning', !!failed);
    }

    function request(method, path, body) {
        var headers = {Accept: 'application/json'};
        if (method !== 'GET') {
            headers['Content-Type'] = 'application/json';
            if (csrfInput) {
                headers['X-CSRF-TOKEN'] = csrfInput.value;
            }
        }
        return fetch(base + path, {
            method: method, headers: headers, credentials: 'same-origin', cache: 'no-store',
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (type.indexOf('json') < 0) {
                throw new Error(label('failed'));
            }
            return response.json().then(function (json) {
                if (!response.ok) {
                    throw new Error(json.detail || label('failed'));
                }
                return json;
            });
        });
    }

    function place(element, box, page) {
        element.style.left = (100 * box.x / page.width) + '%';
        element.style.top = (100 * box.y / page.height) + '%';
        element.style.width = (100 * box.width / page.width) + '%';
        element.style.height = (100 * box.height / page.height) + '%';
    }

    function buildPages() {
        sheet.pages.forEach(function (page) {
            var view = document.createElement('div');
            view.className = 'redaction-page drawing';
            view.dataset.page = page.page;
            var image = document.createElement('img');
            image.src = base + '/pages/' + page.page + '/image';
            image.alt = label('pageImage', [page.page]);
            image.draggable = false;
            image.width = Math.round(page.width);
            image.height = Math.round(page.height);
            var layer = document.createElement('div');
            layer.className = 'redaction-layer';
            var words = document.createElement('div');
            words.className = 'redaction-words';
            view.appendChild(image);
            view.appendChild(layer);
            view.appendChild(words);
            pagesBox.appendChild(view);
            views[page.page] = {element: view, layer: layer, words: words, page: page};
            drawing(views[page.page]);
        });
    }

    function show() {
        counts.textContent = label('counts', [sheet.pending, sheet.accepted, sheet.rejected]);
        list.replaceChildren();
        views.forEach(function (view) {
            if (view) {
                view.layer.replaceChildren();
            }
        });
        sheet.redactions.forEach(function (redaction) {
            var item = document.createElement('li');
            item.className = 'redaction-item ' + redaction.status.toLowerCase();
            item.dataset.id = redaction.id;
            var kind = document.createElement('strong');
            kind.textContent = label(redaction.kind || 'MANUAL');
            var text = document.createElement('q');
            text.textContent = redaction.text;
            var where = document.createElement('span');
            where.className = 'muted';
            where.textContent = label('page', [redaction.page]);
            var state = document.createElement('span');
            state.className = 'tag';
            state.textContent = label(redaction.status);
            item.append(kind, ' ', text, ' ', where, ' ', state, ' ');
            [['accept', 'ACCEPTED'], ['reject', 'REJECTED']].forEach(function (choice) {
                if (redaction.status === choice[1]) {
                    return;
                }
                var button = document.createElement('button');
                button.type = 'button';
                button.className = choice[0] === 'reject' ? 'link' : '';
                button.dataset.decision = choice[0];
                button.textContent = label(choice[0]);
                item.appendChild(button);
            });
            list.appendChild(item);
            redaction.boxes.forEach(function (box) {
                var view = views[box.page];
                if (!view) {
                    return;
                }
                var mark = document.createElement('div');
                mark.className = 'redaction-box ' + redaction.status.toLowerCase();
                mark.title = label(redaction.kind || 'MANUAL') + ' — ' + redaction.text;
                place(mark, box, view.page);
                view.layer.appendChild(mark);
            });
        });
    }

    function update(promise, done) {
        return promise.then(function (json) {
            sheet = json;
            show();
            say(done || '');
        }).catch(function (error) {
            say(error.message, true);
        });
    }

    list.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-decision]');
        if (!button) {
            return;
        }
        var id = Number(button.closest('[data-id]').dataset.id);
        update(request('POST', '/redactions', {proposal: id, decision: button.dataset.decision}));
    });

    section.querySelector('[data-action=accept-all]').addEventListener('click', function () {
        update(request('POST', '/redactions/accept-all'));
    });

    // Drawing: a rectangle follows the pointer from where it went down to where it is released.
    function drawing(view) {
        var start = null;
        var ghost = null;
        function point(event) {
            var rect = view.element.getBoundingClientRect();
            var scale = view.page.width / rect.width;
            return {
                x: Math.min(Math.max(event.clientX - rect.left, 0), rect.width) * scale,
                y: Math.min(Math.max(event.clientY - rect.top, 0), rect.height) * scale
            };
        }
        function box(end) {
            return {
                page: view.page.page, x: Math.min(start.x, end.x), y: Math.min(start.y, end.y),
                width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y)
            };
        }
        view.element.addEventListener('pointerdown', function (event) {
            if (mode !== 'draw' || event.button > 0) {
                return;
            }
            event.preventDefault();
            view.element.setPointerCapture(event.pointerId);
            start = point(event);
            ghost = document.createElement('div');
            ghost.className = 'redaction-box drawn';
            view.layer.appendChild(ghost);
            place(ghost, box(start), view.page);
        });
        view.element.addEventListener('pointermove', function (event) {
            if (start) {
                place(ghost, box(point(event)), view.page);
            }
        });
        function finish(event, keep) {
            if (!start) {
                return;
            }
            var drawn = box(point(event));
            var shown = ghost;
            start = null;
            ghost = null;
            if (keep && drawn.width >= 2 && drawn.height >= 2) {
                update(request('POST', '/redactions', drawn)).then(function () {
                    shown.remove();
                });
            } else {
                shown.remove();
            }
        }
        view.element.addEventListener('pointerup', function (event) {
            finish(event, true);
        });
        view.element.addEventListener('pointercancel', function (event) {
            finish(event, false);
        });
    }

    // Words: the text layer's words laid over the image, each one picked or dropped with a click or a tap.
    function loadWords() {
        if (wordsLoaded) {
            return;
        }
        wordsLoaded = true;
        request('GET', '/words').then(function (pages) {
            pages.forEach(function (page) {
                var view = views[page.page];
                if (!view) {
                    return;
                }
                page.words.forEach(function (word) {
                    var button = document.createElement('button');
                    button.type = 'button';
                    button.className = 'redaction-word';
                    button.textContent = word.text;
                    button.setAttribute('aria-pressed', 'false');
                    place(button, word.box, view.page);
                    button.addEventListener('click', function () {
                        var index = picked.indexOf(word);
                        if (index < 0) {
                            picked.push(word);
                        } else {
                            picked.splice(index, 1);
                        }
                        button.setAttribute('aria-pressed', String(index < 0));
                        occultWords.hidden = picked.length === 0;
                    });
                    view.words.appendChild(button);
                });
            });
        }).catch(function (error) {
            wordsLoaded = false;
            say(error.message, true);
        });
    }

    section.querySelectorAll('[data-action=mode]').forEach(function (button) {
        button.addEventListener('click', function () {
            mode = button.dataset.mode;
            section.querySelectorAll('[data-action=mode]').forEach(function (other) {
                other.setAttribute('aria-pressed', String(other === button));
            });
            views.forEach(function (view) {
                if (view) {
                    view.element.classList.toggle('drawing', mode === 'draw');
                    view.element.classList.toggle('picking', mode === 'words');
                }
            });
            if (mode === 'words') {
                loadWords();
            }
        });
    });

    occultWords.addEventListener('click', function () {
        var words = picked.slice();
        picked = [];
        occultWords.hidden = true;
        section.querySelectorAll('.redaction-word[aria-pressed=true]').forEach(function (button) {
            button.setAttribute('aria-pressed', 'false');
        });
        var chain = Promise.resolve();
        words.forEach(function (word) {
            chain = chain.then(function () {
                return request('POST', '/redactions', word.box).then(function (json) {
                    sheet = json;
                });
            });
        });
        update(chain.then(function () {
            return sheet;
        }));
    });

    ruleForm.addEventListener('submit', function (event) {
        event.preventDefault();
        var text = ruleForm.elements.text.value;
        update(request('POST', '/redactions/rules', {text: text, pattern: ruleForm.elements.pattern.checked}),
            label('saved')).then(function () {
            ruleForm.elements.text.value = '';
        });
    });

    section.querySelector('[data-action=publish]').addEventListener('click', function () {
        var published = section.querySelector('[data-field=published]');
        request('POST', '/publish', {asReceived: false}).then(function (state) {
            if (state.publicUrl) {
                var link = section.querySelector('[data-field=public-url]');
                link.href = state.publicUrl;
                published.hidden = false;
                say(label('publishedNow'));
            } else {
                say(label('awaiting'));
            }
        }).catch(function (error) {
            say(error.message, true);
        });
    });

    request('GET', '/redactions').then(function (json) {
        sheet = json;
        buildPages();
        show();
    }).catch(function (error) {
        say(error.message, true);
    });
}());
