// The mandate timeline of a mission page: ceilings and strength as lines, resolutions as markers,
// drawn with Chart.js from the page's own data (#timeline-data); the tables beside it hold the same.
(function () {
  "use strict";
  var canvas = document.getElementById("mandate-chart");
  var source = document.getElementById("timeline-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var palette = ["#0b4f9c", "#b3261e", "#2e7d32", "#6a1b9a", "#e07b00", "#00695c", "#5d4037"];
  var datasets = data.series.map(function (series, index) {
    return {
      label: series.label,
      data: series.points,
      borderColor: palette[index % palette.length],
      backgroundColor: palette[index % palette.length],
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
  new Chart(canvas, {
    type: "line",
    data: {datasets: datasets},
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: {xAxisKey: "x", yAxisKey: "y"},
      scales: {
        x: {type: "linear", title: {display: true, text: "year"},
            ticks: {callback: function (value) { return Math.floor(value); }, stepSize: 1}},
        y: {beginAtZero: true, title: {display: true, text: "personnel"}}
      },
      plugins: {
        tooltip: {callbacks: {label: function (item) {
          var raw = item.raw;
          if (raw.marker) {
            return "S/RES/" + raw.marker.resolution + " (" + raw.marker.date + "): " +
              (raw.marker.acts.join("; ") || "no act recorded");
          }
          return item.dataset.label + ", " + raw.date + ": " + Math.round(raw.y).toLocaleString("en");
        }}}
      },
      onClick: function (event, elements) {
        if (!elements.length) return;
        var raw = datasets[elements[0].datasetIndex].data[elements[0].index];
        if (raw.marker) window.location.href = raw.marker.href;
      }
    }
  });
  canvas.setAttribute("data-drawn", "true");
})();
