// A mission page's contributors over time: a line per large contributing state (IPI's official monthly
// counts), the total of every state, and Geo-PKO's yearly estimates dashed on their own (a separate
// basis, never added to the counts); drawn with Chart.js from #contributors-data, the tables beside hold the same.
(function () {
  "use strict";
  var canvas = document.getElementById("contributors-chart");
  var source = document.getElementById("contributors-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var palette = ["#0b4f9c", "#b3261e", "#2e7d32", "#6a1b9a", "#e07b00", "#00695c", "#5d4037", "#37474f"];
  var datasets = [];
  if (data.total.length) {
    datasets.push({label: "All states (official)", data: data.total, borderColor: "#222", backgroundColor: "#222",
                   pointRadius: 0, borderWidth: 2});
  }
  data.official.forEach(function (series, index) {
    var colour = palette[index % palette.length];
    datasets.push({label: series.label, data: series.points, borderColor: colour, backgroundColor: colour,
                   pointRadius: 0, borderWidth: 1.5, href: series.href});
  });
  data.estimates.forEach(function (series, index) {
    var colour = palette[index % palette.length];
    datasets.push({label: series.label, data: series.points, borderColor: colour, backgroundColor: colour,
                   borderDash: [6, 4], pointStyle: "rectRot", pointRadius: 4, borderWidth: 1.5, href: series.href});
  });
  new Chart(canvas, {
    type: "line",
    data: {datasets: datasets},
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: {xAxisKey: "x", yAxisKey: "y"},
      interaction: {mode: "nearest", intersect: false},
      scales: {
        x: {type: "linear", title: {display: true, text: "year"},
            ticks: {callback: function (value) { return Math.floor(value); }, stepSize: 1}},
        y: {beginAtZero: true, title: {display: true, text: "personnel"}}
      },
      plugins: {
        tooltip: {callbacks: {label: function (item) {
          return item.dataset.label + ", " + item.raw.date + ": " + Math.round(item.raw.y).toLocaleString("en");
        }}}
      },
      onClick: function (event, elements) {
        if (!elements.length) return;
        var href = datasets[elements[0].datasetIndex].href;
        if (href) window.location.href = href;
      }
    }
  });
  canvas.setAttribute("data-drawn", "true");
})();
