// Renders the math spans MathMarkup writes (<span class="math" data-display="false">$x^2$</span>) with the vendored
// KaTeX. The layout loads this only on pages with math. Without script, or where KaTeX cannot render an expression,
// the TeX source stays as written.
(function () {
  "use strict";
  if (!window.katex) return;

  // The delimiters are part of the span's text, so the source reads as TeX without script; KaTeX wants what is inside.
  function inside(source, display) {
    var open = source.charAt(0) === "$" ? (display ? 2 : 1) : 2;
    return source.slice(open, source.length - open);
  }

  document.querySelectorAll("span.math").forEach(function (span) {
    var source = span.textContent;
    var display = span.getAttribute("data-display") === "true";
    var rendered = document.createElement("span");
    try {
      // render, not renderToString: it sets styles through the DOM, which the policy allows, and never parses HTML.
      window.katex.render(inside(source, display), rendered, { throwOnError: false, displayMode: display });
    } catch (error) {
      return;
    }
    // throwOnError: false turns an expression KaTeX cannot read into red source text; the plain source reads better.
    if (rendered.querySelector(".katex-error")) return;
    span.textContent = "";
    span.appendChild(rendered);
    span.setAttribute("data-rendered", "true");
  });
})();
