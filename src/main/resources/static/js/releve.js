// /carte/releve: a camera at the phone's position or where the map is tapped. What is typed is kept in the
// browser (localStorage) until the camera is recorded, so that a lost signal or a reload loses nothing.
(function () {
    'use strict';
    var form = document.getElementById('walk-form');
    if (!form) {
        return;
    }
    var KEY = 'lanterne.releve';
    var fields = Array.prototype.slice.call(form.querySelectorAll('[data-keep]'));
    var stored = {};
    try {
        stored = JSON.parse(window.localStorage.getItem(KEY) || '{}');
    } catch (e) {
        stored = {};
    }
    var added = document.getElementById('walk-added');
    if (added) {
        // Recorded: keep the walk, the town and the settings, forget this camera's position and note.
        delete stored.lat;
        delete stored.lon;
        delete stored.note;
        delete stored.direction;
    }
    fields.forEach(function (field) {
        var value = stored[field.name];
        if (value === undefined || (field.name === 'walk' && field.value)) {
            return;
        }
        if (field.type === 'checkbox') {
            field.checked = value === true;
        } else {
            field.value = value;
        }
    });
    function save() {
        var values = {};
        fields.forEach(function (field) {
            values[field.name] = field.type === 'checkbox' ? field.checked : field.value;
        });
        try {
            window.localStorage.setItem(KEY, JSON.stringify(values));
        } catch (e) {
            // Private browsing: the form still works, it just does not remember.
        }
    }
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    save();

    var lat = form.elements.lat;
    var lon = form.elements.lon;
    var element = document.getElementById('releve-carte');
    var map = null;
    var marker = null;
    function place(latitude, longitude) {
        lat.value = latitude.toFixed(6);
        lon.value = longitude.toFixed(6);
        save();
        if (map) {
            if (marker) {
                marker.setLatLng([latitude, longitude]);
            } else {
                marker = L.circleMarker([latitude, longitude], {radius: 8, color: '#e63946'}).addTo(map);
            }
            map.setView([latitude, longitude], Math.max(map.getZoom(), 17));
        }
    }
    if (element && typeof L !== 'undefined') {
        map = L.map(element).setView([46.6, 2.4], 5);
        if (element.dataset.tileUrl) {
            L.tileLayer(element.dataset.tileUrl, {attribution: element.dataset.tileAttribution, maxZoom: 19})
                .addTo(map);
        }
        document.querySelectorAll('#walk-cameras li').forEach(function (item) {
            L.circleMarker([Number(item.dataset.lat), Number(item.dataset.lon)], {radius: 5, color: '#1d3557'})
                .addTo(map);
        });
        map.on('click', function (event) {
            place(event.latlng.lat, event.latlng.lng);
        });
        if (lat.value && lon.value && !isNaN(Number(lat.value)) && !isNaN(Number(lon.value))) {
            place(Number(lat.value), Number(lon.value));
        }
    }
    var status = document.getElementById('walk-locate-status');
    document.getElementById('walk-locate').addEventListener('click', function () {
        if (!navigator.geolocation) {
            status.textContent = status.dataset.failed;
            return;
        }
        navigator.geolocation.getCurrentPosition(function (position) {
            place(position.coords.latitude, position.coords.longitude);
            status.textContent = status.dataset.done;
        }, function () {
            status.textContent = status.dataset.failed;
        }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 10000});
    });
}());
