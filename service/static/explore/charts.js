// The charts of a mission page, drawn with Chart.js from the page's own data (a JSON script element);
// the tables beside each chart hold the same data, so the page reads the same without JavaScript.
//  - #mandate-chart from #timeline-data: ceilings and strength as lines, resolutions as markers;
//  - #contributors-chart from #contributors-data: a line per large contributing state (IPI's official
//    monthly counts), the total of every state, and Geo-PKO's yearly estimates dashed on their own
//    (a separate basis, never added to the counts).
(function () {
  "use strict";
  var PALETTE = ["#0b4f9c", "#b3261e", "#2e7d32", "#6a1b9a", "#e07b00", "#00695c", "#5d4037", "#37474f"];

  function colour(index) { return PALETTE[index % PALETTE.length]; }

  function people(value) { return Math.round(value).toLocaleString("en"); }

  // Personnel over fractional years; `label(item)` is a point's tooltip, `href(raw, dataset)` where a click goes.
  function drawOverYears(canvas, datasets, options) {
    new Chart(canvas, {
      type: "line",
      data: {datasets: datasets},
      options: Object.assign({
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: {xAxisKey: "x", yAxisKey: "y"},
        scales: {
          x: {type: "linear", title: {display: true, text: "year"},
              ticks: {callback: function (value) { return Math.floor(value); }, stepSize: 1}},
          y: {beginAtZero: true, title: {display: true, text: "personnel"}}
        },
        plugins: {tooltip: {callbacks: {label: options.label}}},
        onClick: function (event, elements) {
          if (!elements.length) return;
          var dataset = datasets[elements[0].datasetIndex];
          var href = options.href(dataset.data[elements[0].index], dataset);
          if (href) window.location.href = href;
        }
      }, options.extra || {})
    });
    canvas.setAttribute("data-drawn", "true");
  }

  // The canvas and its data, or null where the page has no such chart (or Chart.js did not load).
  function chartData(canvasId, dataId) {
    var canvas = document.getElementById(canvasId);
    var source = document.getElementById(dataId);
    if (!canvas || !source || typeof Chart === "undefined") return null;
    return {canvas: canvas, data: JSON.parse(source.textContent)};
  }

  function mandateChart(found) {
    var data = found.data;
    var datasets = data.series.map(function (series, index) {
      return {
        label: series.label,
        data: series.points,
        borderColor: colour(index),
        backgroundColor: colour(index),
        stepped: series.kind === "ceiling" ? "before" : false,
        pointRadius: series.kind === "ceiling" ? 4 : 1.5,
        borderWidth: 2,
        yAxisID: "y"
      };
    });
    var markers = data.markers.filter(function (m) { return m.x !== null; });
    datasets.push({
      label: "Security Council resolution",
      type: "scatter",
      data: markers.map(function (m) { return {x: m.x, y: 0, marker: m}; }),
      pointStyle: "triangle",
      pointRadius: 7,
      borderColor: "#222",
      backgroundColor: "#e07b00",
      yAxisID: "y"
    });
    drawOverYears(found.canvas, datasets, {
      label: function (item) {
        var raw = item.raw;
        if (raw.marker) {
          return "S/RES/" + raw.marker.resolution + " (" + raw.marker.date + "): " +
            (raw.marker.acts.join("; ") || "no act recorded");
        }
        return item.dataset.label + ", " + raw.date + ": " + people(raw.y);
      },
      href: function (raw) { return raw.marker ? raw.marker.href : null; }
    });
  }

  function contributorsChart(found) {
    var data = found.data;
    var datasets = [];
    if (data.total.length) {
      datasets.push({label: "All states (official)", data: data.total, borderColor: "#222", backgroundColor: "#222",
                     pointRadius: 0, borderWidth: 2});
    }
    data.official.forEach(function (series, index) {
      datasets.push({label: series.label, data: series.points, borderColor: colour(index),
                     backgroundColor: colour(index), pointRadius: 0, borderWidth: 1.5, href: series.href});
    });
    data.estimates.forEach(function (series, index) {
      datasets.push({label: series.label, data: series.points, borderColor: colour(index),
                     backgroundColor: colour(index), borderDash: [6, 4], pointStyle: "rectRot", pointRadius: 4,
                     borderWidth: 1.5, href: series.href});
    });
    drawOverYears(found.canvas, datasets, {
      label: function (item) { return item.dataset.label + ", " + item.raw.date + ": " + people(item.raw.y); },
      href: function (raw, dataset) { return dataset.href; },
      extra: {interaction: {mode: "nearest", intersect: false}}
    });
  }

  var mandate = chartData("mandate-chart", "timeline-data");
  if (mandate) mandateChart(mandate);
  var contributors = chartData("contributors-chart", "contributors-data");
  if (contributors) contributorsChart(contributors);
})();
