// /carte: départements shaded by what is documented, the documented towns as markers. Everything is drawn from
// Lanterne's own files and API; the background tiles come from the configured tile server when it can be reached.
(function () {
    'use strict';
    var element = document.getElementById('carte');
    if (!element || typeof L === 'undefined') {
        return;
    }
    var data = element.dataset;
    var words = document.getElementById('map-messages').dataset;
    var status = document.getElementById('map-status');
    var form = document.getElementById('map-filters');
    var table = document.getElementById('map-departements');

    var map = L.map(element, {zoomSnap: 0.25});
    // Metropolitan France with Corsica; the overseas départements are a pan or a filter away.
    map.fitBounds([[41.3, -5.2], [51.1, 9.6]]);
    if (data.tileUrl) {
        L.tileLayer(data.tileUrl, {attribution: data.tileAttribution, maxZoom: 18}).addTo(map);
    }
    var outlines = null;
    var towns = L.layerGroup().addTo(map);
    var shades = ['#f7f4ea', '#fde2b5', '#f9b66b', '#ee7d32', '#c4461c', '#85220d'];

    function level(count) {
        if (count === 0) {
            return 0;
        }
        return Math.min(shades.length - 1, 1 + Math.floor(Math.log2(count)));
    }

    function query() {
        var params = new URLSearchParams();
        ['technology', 'status', 'vendor', 'year'].forEach(function (name) {
            var value = form.elements[name].value.trim();
            if (value) {
                params.set(name, value);
            }
        });
        var text = params.toString();
        return text ? '?' + text : '';
    }

    function getJson(url) {
        return fetch(url, {headers: {'Accept': 'application/json'}}).then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        });
    }

    function line(parent, label, value) {
        var p = document.createElement('p');
        p.textContent = label + ' : ' + value;
        parent.appendChild(p);
    }

    function popup(town) {
        var box = document.createElement('div');
        var title = document.createElement('strong');
        title.textContent = (town.name || town.insee) + ' (' + town.insee + ')';
        box.appendChild(title);
        line(box, words.deployments, town.deployments);
        line(box, words.requests, town.requests + (town.requests ? ' · ' + words.answered + ' : ' + town.answered : ''));
        line(box, words.cameras, town.cameras);
        var link = document.createElement('a');
        link.href = data.townPage + encodeURIComponent(town.insee);
        link.textContent = words.open;
        box.appendChild(link);
        return box;
    }

    function fillTable(counts) {
        var body = table.querySelector('tbody');
        body.textContent = '';
        counts.filter(function (d) {
            return d.deployments || d.requests || d.cameras;
        }).forEach(function (d) {
            var row = body.insertRow();
            [d.name + ' (' + d.code + ')', d.deployments, d.requests, d.cameras].forEach(function (value) {
                row.insertCell().textContent = value;
            });
        });
        table.hidden = body.rows.length === 0;
    }

    function draw() {
        status.textContent = words.loading;
        var filter = query();
        Promise.all([getJson(data.counts + filter), getJson(data.towns + filter)]).then(function (results) {
            var byCode = {};
            results[0].forEach(function (d) {
                byCode[d.code] = d;
            });
            outlines.setStyle(function (feature) {
                var d = byCode[feature.properties.code];
                return {fillColor: shades[level(d ? d.deployments : 0)], fillOpacity: 0.7, color: '#5b5340', weight: 1};
            });
            outlines.eachLayer(function (layer) {
                var d = byCode[layer.feature.properties.code];
                layer.bindTooltip(layer.feature.properties.nom + ' : ' + (d ? d.deployments : 0) + ' · '
                    + (d ? d.requests : 0) + ' · ' + (d ? d.cameras : 0));
            });
            towns.clearLayers();
            results[1].forEach(function (town) {
                L.circleMarker([town.lat, town.lon], {
                    radius: 5 + Math.min(10, town.deployments * 2), color: '#1d3557', weight: 2,
                    fillColor: town.deployments ? '#e63946' : '#457b9d', fillOpacity: 0.85,
                    className: 'town-marker'
                }).bindPopup(popup(town)).addTo(towns);
            });
            fillTable(results[0]);
            status.textContent = words.towns.replace('{0}', results[1].length);
            element.dataset.ready = filter || 'all';
        }).catch(function () {
            status.textContent = words.failed;
        });
    }

    getJson(data.outlines).then(function (geojson) {
        outlines = L.geoJSON(geojson, {
            style: {fillColor: shades[0], fillOpacity: 0.7, color: '#5b5340', weight: 1},
            onEachFeature: function (feature, layer) {
                layer.on('click', function () {
                    map.fitBounds(layer.getBounds());
                });
            }
        }).addTo(map);
        draw();
    }).catch(function () {
        status.textContent = words.failed;
    });
    form.addEventListener('change', draw);
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        draw();
    });
}());
